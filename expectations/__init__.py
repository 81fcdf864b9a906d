"""Great Expectations suites for the tables that cross a pipeline boundary.

One module per table (entries, articles, mentions) returns its row-level
expectations; `validate()` runs the suite and splits a polars frame into
(valid, quarantined). great_expectations is imported lazily, on first use or in
the background after `prewarm()`. `datadocs.build_run_docs()` turns one run's
validation results into Great Expectations Data Docs next to the warehouse.
"""
from . import datadocs  # noqa: F401 - stdlib only; GX is imported when docs are built
from .runner import (
    QUARANTINE_SCHEMA,
    TABLES,
    Validation,
    empty_quarantine,
    prewarm,
    suite_summary,
    take_results,
    validate,
)

__all__ = ["QUARANTINE_SCHEMA", "TABLES", "Validation", "empty_quarantine", "prewarm", "suite_summary",
           "take_results", "validate"]
