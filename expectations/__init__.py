"""Great Expectations suites for the tables that cross a pipeline boundary.

One module per table (entries, articles, mentions) returns its row-level
expectations; `validate()` runs the suite and splits a polars frame into
(valid, quarantined). great_expectations is imported lazily, on first use.
"""
from .runner import QUARANTINE_SCHEMA, TABLES, empty_quarantine, suite_summary, validate

__all__ = ["QUARANTINE_SCHEMA", "TABLES", "empty_quarantine", "suite_summary", "validate"]
