"""One host per hosted save: two hosts on one save (an old one still running, or a window and a terminal) would
each acknowledge actions that the other's next save then drops. The lock is the operating system's, so a host
that is killed leaves none behind."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO


class SaveInUse(Exception):
    """Another host holds this save."""


def hold(save_path: Path) -> BinaryIO:
    """Hold the save for this process (until the returned file is closed or the process ends); SaveInUse if
    another host holds it."""
    lock_path = save_path.with_name(save_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+b")   # noqa: SIM115 - held open for as long as the host serves
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise SaveInUse(f"{save_path}: another host is serving this game now; stop that one first (Ctrl-C, or "
                        "Stop hosting in its window), then go on with --resume") from None
    return handle
