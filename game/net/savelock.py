"""One host per hosted save: two hosts on one save (an old one still running, or a window and a terminal) would
each acknowledge actions that the other's next save then drops. The lock is the operating system's, so a host
that is killed leaves none behind."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, BinaryIO


class SaveInUse(Exception):
    """Another host holds this save."""


def hold(save_path: Path) -> BinaryIO:
    """Hold the save for this process (until the returned file is closed or the process ends); SaveInUse if
    another host holds it."""
    lock_path = _lock_of(save_path)
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


class SaveExists(Exception):
    """A hosted game of this class and code is saved already: it is gone on with (resumed), never overwritten."""

    def __init__(self, save_path: Path):
        super().__init__(f"a hosted game of this class and code is saved at {save_path}")
        self.save_path = save_path


def hosted_save(folder: Path, game: Any) -> Path:
    """Where a class's hosted game saves after every step: `host-CLASS-CODE.json` (the scenario for a class without
    a name), so that `host --resume` finds it and a second game of the same class and code is known."""
    from ..export.decisions import ClassInfo
    from ..export.files import class_stem

    return folder / f"host-{class_stem(ClassInfo.of(game), game.scenario.id, game.state.seed)}.json"


def new_host(game: Any, folder: Path, **kwargs: Any) -> tuple[Any, BinaryIO]:
    """The host of a new class game saved in folder, and the lock on its save, held until the caller closes it
    (`main.py host` and the window's Join from devices both start a game so). SaveExists if a game of this class and
    code is saved there already; SaveInUse if another host holds its save."""
    from .host import NetworkHost

    save = hosted_save(folder, game)
    if save.exists():
        raise SaveExists(save)
    held = hold(save)
    try:
        return NetworkHost(game, save, **kwargs), held
    except BaseException:
        held.close()
        raise


def discard(host: Any, held: BinaryIO) -> None:
    """A new game whose host never served (its port was taken): its save, seats file and lock go, so that the
    teacher starts it again as if afresh rather than being told to resume a game no team has seen."""
    from .host import keys_path

    for path in (host.save_path, keys_path(host.save_path), _lock_of(host.save_path)):
        path.unlink(missing_ok=True)
    held.close()


def _lock_of(save_path: Path) -> Path:
    return save_path.with_name(save_path.name + ".lock")
