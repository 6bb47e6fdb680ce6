"""What the scenario chooser shows of each file (title, summary or errors), read in a worker thread.

A file is read once per version: its entry is remembered by path, modification time and size, so opening
the chooser again reads only what changed. Reading happens off the window's thread, so that many large
mods never make the window deaf to the player.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import NamedTuple


class Entry(NamedTuple):
    title: str
    summary: str
    errors: tuple[str, ...]   # located errors: the file cannot be played


_known: dict[Path, tuple[tuple[int, int], Entry]] = {}
_todo: list[Path] = []
_lock = threading.Lock()
_worker: threading.Thread | None = None


def _version(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def known(path: Path) -> Entry | None:
    """The file's entry if it has been read since it last changed, else None."""
    found = _known.get(path)
    return found[1] if found is not None and found[0] == _version(path) else None


def read(path: Path) -> Entry:
    """Read the file now (in the calling thread) and remember its entry."""
    from .scenario_lookup import read_scenario
    from .screens.dialog import error_lines

    version = _version(path)
    try:
        sc = read_scenario(path)
        entry = Entry(sc.title, sc.summary, ())
    except Exception as exc:   # read_scenario promises located errors; this list never breaks
        entry = Entry(path.name, "", tuple(error_lines(exc)))
    _known[path] = (version, entry)   # (a file that is gone is known as gone until it comes back)
    return entry


def request(paths: list[Path]) -> None:
    """Have the worker read every file not known yet (those already waiting are not asked for twice)."""
    global _worker
    with _lock:
        _todo.extend(p for p in paths if p not in _todo and known(p) is None)
        if _todo and _worker is None:
            _worker = threading.Thread(target=_work, name="scenario-reader", daemon=True)
            _worker.start()


def _work() -> None:
    global _worker
    while True:
        with _lock:
            if not _todo:
                _worker = None
                return
            path = _todo[0]
        read(path)
        with _lock:
            _todo.remove(path)
