"""Turn an unexpected exception into a short message and a log file."""

from __future__ import annotations

import sys
import tempfile
import traceback
from pathlib import Path


def log_dir() -> Path:
    try:
        from platformdirs import user_log_dir

        return Path(user_log_dir("moscow1939", appauthor=False))
    except ImportError:
        return Path(tempfile.gettempdir()) / "moscow1939"


def report_crash(exc: BaseException) -> int:
    """Write the traceback to a log file and print one line; return exit code 3."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        path.write_text(text, encoding="utf-8")
        where = f" (details in {path})"
    except OSError:
        where = ""
    print(f"main.py: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    return 3
