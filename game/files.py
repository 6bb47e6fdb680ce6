"""Writing files so that a crash, a kill or a full disk never leaves a half-written one in place; reading
only regular files, so that a FIFO or a device named like a game file never hangs the game."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
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


def read_regular(path: Path | str, limit: int) -> bytes:
    """Up to limit bytes of a regular file. A FIFO, device or socket is refused without waiting on it (opening
    a FIFO for reading blocks until a writer comes; reading a device may never end)."""
    if stat.S_ISDIR(os.stat(path).st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, a device or a socket)")
        return handle.read(limit)
