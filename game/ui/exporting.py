"""Writing a class's exports from the window (the pause menu, the ending): the grading sheet, the report, the CSV."""

from __future__ import annotations

from typing import Any

from .flow import Notice
from .settings import debrief_dir


def export_debrief(session: Any) -> tuple[Notice, Any]:
    """Write the game's exports under the class's name and code, beside earlier ones; a notice saying where (or
    why not), and what was written (None if nothing)."""
    from ..export.decisions import ClassInfo
    from ..export.files import write_debrief

    game = session.game
    try:
        written = write_debrief(game, game.seats or (session.power,), debrief_dir(), ClassInfo.of(game))
    except OSError as exc:
        return Notice(f"Could not write the debrief to {debrief_dir()}: {exc.strerror or exc}", "bad"), None
    return Notice(f"Written to {written.html.parent}: the grading sheet to print ({written.grading.name}), the full "
                  f"report ({written.html.name}) and the decisions as a table ({written.csv.name}).", "good"), written
