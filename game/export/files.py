"""Writing a class's debrief and decisions: file names that say whose they are and never replace an earlier one."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..engine.game import Game
from ..files import write_atomic
from .debrief import build_html, class_debrief
from .decisions import ClassInfo, decisions_csv
from .grading import grading_html

MAX_COUNTER = 999


class Written(NamedTuple):
    html: Path       # the full report
    csv: Path        # the decisions as a table
    grading: Path    # the one-page grading sheet


def _slug(text: str) -> str:
    """Letters and digits of any alphabet, lower case, joined by hyphens (a name any file system accepts)."""
    return "-".join(re.findall(r"[^\W_]+", text.lower()))[:40].strip("-")


def stem(info: ClassInfo, scenario_id: str, code: int, now: dt.datetime) -> str:
    """debrief-CLASS-CODE-DATE-TIME (the scenario's id stands in for a class without a name)."""
    who = _slug(info.name) or _slug(scenario_id) or "class"
    return f"debrief-{who}-{code}-{now:%Y-%m-%d-%H%M}"


def class_stem(info: ClassInfo, scenario_id: str, code: int) -> str:
    """CLASS-CODE: what a class's files are named after (the scenario's id for a class without a name)."""
    return f"{_slug(info.name) or _slug(scenario_id) or 'class'}-{code}"


def class_of(game: Game) -> str:
    """CLASS-CODE for a class game's files ("" for a game that is no class's)."""
    return class_stem(ClassInfo.of(game), game.scenario.id, game.state.seed) if game.options.is_class else ""


def lesson_stem(info: ClassInfo, scenario_id: str, code: int, week: int, now: dt.datetime,
                unit: str = "week") -> str:
    """CLASS-CODE-weekNN-DATE-TIME ('turnNN' for a calendar of turns): the name a lesson's save goes under (the
    scenario's id for a class without a name)."""
    who = _slug(info.name) or _slug(scenario_id) or "class"
    return f"{who}-{code}-{unit}{week:02d}-{now:%Y-%m-%d-%H%M}"


def reserve(folder: Path, base: str, suffixes: Sequence[str]) -> list[Path]:
    """Claim files named base[-N]SUFFIX for every suffix that no file has yet: each is created empty at once
    (so another writer cannot take it), to be filled by the caller."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(1, MAX_COUNTER + 1):
        name = base if n == 1 else f"{base}-{n}"
        paths = [folder / f"{name}{s}" for s in suffixes]
        if any(p.exists() for p in paths):
            continue
        claimed: list[Path] = []
        try:
            for path in paths:
                path.open("x").close()
                claimed.append(path)
        except FileExistsError:
            for path in claimed:
                path.unlink(missing_ok=True)
            continue
        return paths
    raise FileExistsError(f"{folder} already holds {MAX_COUNTER} files named {base}")


def write_debrief(game: Game, seats: Sequence[str], folder: Path, info: ClassInfo | None = None,
                  now: dt.datetime | None = None) -> Written:
    """Write the grading sheet (one page), the full report (HTML) and the decisions (CSV) of a game into folder,
    beside any earlier ones."""
    info = info or ClassInfo()
    now = now or dt.datetime.now().replace(microsecond=0)
    data = class_debrief(game, seats, info)
    paths = reserve(folder, stem(info, game.scenario.id, game.state.seed, now), (".html", ".csv", "-grading.html"))
    html_path, csv_path, grading_path = paths
    when = now.strftime("%Y-%m-%d %H:%M")
    try:
        write_atomic(grading_path, grading_html(data, game.scenario, when, html_path.name))
        write_atomic(html_path, build_html(data, game.scenario, when))
        write_atomic(csv_path, "\ufeff" + decisions_csv(data["decisions"], game.scenario.calendar.unit))
    except BaseException:
        for path in paths:   # no empty claim is left behind
            with contextlib.suppress(OSError):
                if path.stat().st_size == 0:
                    path.unlink()
        raise
    return Written(html_path, csv_path, grading_path)
