"""Writing files so that a crash, a kill or a full disk never leaves a half-written one in place."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 15 * 60   # a temporary file this old belongs to a write that was killed, not one in progress
TEMPORARY = re.compile(r"\..+\.[A-Za-z0-9_]{8}\.tmp")   # what write_atomic names them: .NAME.RANDOM.tmp


def write_atomic(path: Path, text: str) -> None:
    """Write text to a temporary file beside the target, then rename it into place; the old file stays whole
    if anything fails. Temporary files left in that folder by a killed write are removed first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Remove write_atomic's temporary files older than STALE_SECONDS (a younger one may be in use)."""
    limit = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if TEMPORARY.fullmatch(entry.name):
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                        os.unlink(entry.path)
