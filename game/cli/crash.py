"""Turn an unexpected exception into a short message and a log file (for the command line and the window)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path


def write_crash_log(exc: BaseException, note: str = "") -> Path | None:
    """Write the traceback (and a note) to a new file in the home's log folder; None if it cannot be written."""
    from ..ui.settings import log_dir

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)) + note
    stem = f"crash-{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}"
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(1, 1000):
            path = folder / (f"{stem}.log" if n == 1 else f"{stem}-{n}.log")
            try:
                with path.open("x", encoding="utf-8") as out:
                    out.write(text)
                return path
            except FileExistsError:
                continue
    except OSError:
        pass
    return None


def report_crash(exc: BaseException, command: str, note: str = "") -> int:
    """Log the traceback and print one line (never a traceback); return exit code 3."""
    path = write_crash_log(exc, note)
    where = f" (details in {path})" if path else ""
    print(f"main.py {command}: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    return 3
