"""Finding scenarios: the files the title screen offers, reading one, and the scenario a save names."""

from __future__ import annotations

import contextlib
from pathlib import Path

from ..paths import SCENARIOS, is_scenario_file
from ..scenario import ScenarioError, load_scenario
from ..scenario.diagnostics import Diagnostic
from ..scenario.model import Scenario
from . import settings as paths


def scenario_files() -> list[Path]:
    """Every scenario the title screen offers: the shipped ones, then the user's mods."""
    found = sorted(p for p in SCENARIOS.glob("*.yaml") if is_scenario_file(p))
    with contextlib.suppress(OSError):
        found += sorted(p for p in paths.mods_dir().glob("*.yaml") if is_scenario_file(p))   # no FIFO, device, folder
    return found


def read_scenario(path: Path) -> Scenario:
    """Load a scenario; any failure becomes a ScenarioError with located messages."""
    try:
        return load_scenario(path)
    except ScenarioError:
        raise
    except Exception as exc:  # the loader promises located errors; never let a bad mod crash the window
        raise ScenarioError([Diagnostic(str(path), 1, 1, f"cannot load: {type(exc).__name__}: {exc}")]) from None


_SCENARIO_CACHE: dict[tuple[str, int], Scenario | None] = {}


def _scenario_at(path: Path) -> Scenario | None:
    """A scenario file, read once per version of the file (None if it cannot be read)."""
    try:
        key = (str(path.resolve()), path.stat().st_mtime_ns)
    except OSError:
        return None
    if key not in _SCENARIO_CACHE:
        try:
            _SCENARIO_CACHE[key] = read_scenario(path)
        except ScenarioError:
            _SCENARIO_CACHE[key] = None
    return _SCENARIO_CACHE[key]


def invalid_file(sid: str, first: Path | None) -> tuple[Path, Diagnostic] | None:
    """A file offered (or named) with this scenario id that is now invalid, and its first error (None if none)."""
    from ..scenario import check_scenario
    from ..scenario.yamlsource import read_file

    for cand in ([first] if first else []) + scenario_files():
        try:
            raw = read_file(cand)
        except (ScenarioError, OSError):
            continue
        if isinstance(raw, dict) and raw.get("id") == sid:
            errors = check_scenario(cand)[1].errors
            if errors:
                return cand, errors[0]
    return None


class ScenarioMissing(ScenarioError):
    """The scenario a save names is nowhere to be had (the save itself may be fine)."""


def missing_reason(sid: str, first: Path | None, stored: str = "") -> str:
    """Why the scenario of a save cannot be had: a file with its id that is now invalid (with its first error),
    or none at all (with the path it was played from)."""
    found = invalid_file(sid, first)
    if found:
        return f"the scenario {sid!r} of this save ({found[0].name}) is invalid: {found[1]}"
    return not_installed(sid, stored)


def not_installed(sid: str, stored: str) -> str:
    """The reason a save cannot be resumed when no file has its scenario's id."""
    return f"its scenario {sid!r} is not installed" + (f" (it was played from {stored})" if stored else "")


def find_scenario(sid: str, sha256: str, first: Path | None = None, stored: str = "") -> Scenario | None:
    """The scenario a save names, by id and hash: `first` (a file the player named), else among those the game
    offers (its own folder and the mods folder) the one with the saved hash, else the first with that id (its
    actions are then replayed), else the file the save was played from (`stored`), if it is still a scenario file
    with that id. Nothing but a .yaml regular file is ever opened."""
    if first is not None and first.is_file() and (named := _with_id(first, sid)) is not None:
        return named
    fallback = None
    for cand in scenario_files():
        sc = _with_id(cand, sid)
        if sc is not None and sc.sha256 == sha256:
            return sc
        fallback = fallback or sc
    if fallback is None and stored and is_scenario_file(Path(stored)):
        return _with_id(Path(stored), sid)
    return fallback


def _with_id(path: Path, sid: str) -> Scenario | None:
    """The scenario in this file, if it can be read and has this id."""
    sc = _scenario_at(path)
    return sc if sc is not None and sc.id == sid else None
