"""Writing files that readers may open at any moment (reports, Data Docs): whole or not at all."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path | str, text: str) -> Path:
    """Write `text` (UTF-8) to a temporary file beside `path`, then rename it over `path`: a reader sees the old
    file or the new one, never a partial one. Characters UTF-8 cannot encode (lone surrogates) become '?'."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
