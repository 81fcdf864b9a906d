"""Imported by the worker processes of tests/test_isolation.py: a page whose text extraction kills its worker."""
from __future__ import annotations

import os

from transforms import articles

MARKER = b"KILL-THIS-WORKER"
_read_page = articles.read_page  # the real one (a test imports this module before patching it)


def read_page_or_die(content: bytes, url: str) -> dict:
    if MARKER in (content or b""):
        os._exit(3)  # as a segfault or the OOM killer would: no exception, the process is gone
    return _read_page(content, url)
