"""Hot reload for modders: F5, or a change of the scenario file on disk, reloads the scenario under a running game.

The file is read and checked again and the game's action log is replayed on the new version. Only if both
succeed does the game go on with the new content, at the same point; otherwise the old game goes on untouched
and the errors are shown, located, in a panel over it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

CHECK_EVERY = 0.5   # seconds between two looks at the file's time on disk


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells one version of a file from the next: its modification time and size (None if it is gone)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def watched_files(scenario: Any) -> list[Path]:
    """The files a scenario was read from: its own and every base it extends."""
    return [Path(p) for p in (scenario.path, *scenario.bases) if p]


class Watch:
    """The files of the game being played, as they stood when last read, and the error panel last shown."""

    def __init__(self) -> None:
        self.session: Any = None
        self.stamps: dict[Path, tuple[int, int] | None] = {}
        self.next_look = 0.0
        self.panel: Any = None

    def follow(self, session: Any) -> None:
        """Remember the files of this session's scenario as they stand now."""
        self.session = session
        self.stamps = {p: _stamp(p) for p in watched_files(session.scenario)}

    def changed(self, session: Any) -> bool:
        """Whether a file of the session's scenario changed since it was last read (a new session: no)."""
        if session is not self.session:
            self.follow(session)
            return False
        now = {p: _stamp(p) for p in self.stamps}
        if now == self.stamps:
            return False
        self.stamps = now
        return True


# questions a reload must not sweep away: they wait for the player's answer (a reload waits for them)
ASKING = ("save_failed", "save_elsewhere", "confirm", "continue_warning")


def in_play(app: Any) -> bool:
    """A game is being played (not the title, not an ending) and no question about saving or a step is open."""
    return (app.session is not None and app.host is None and not app.session.game.over and bool(app.stack)
            and not any(app.top_is(name) for name in ASKING))


def poll(app: Any) -> None:
    """From the loop: reload if a file of the scenario changed on disk (looked at every CHECK_EVERY seconds)."""
    watch = app.watch
    if not in_play(app):
        return
    now = time.monotonic()
    if now < watch.next_look:
        return
    watch.next_look = now + CHECK_EVERY
    if watch.changed(app.session):
        reload(app)


def reload(app: Any) -> None:
    """Read the scenario again and replay the game on it; on any error keep the game and show the errors."""
    from ..engine.saves import replay_on
    from ..scenario import check_scenario

    if not in_play(app):
        return
    session, watch = app.session, app.watch
    path = Path(session.scenario.path)
    watch.follow(session)
    try:
        scenario, report = check_scenario(path)
    except Exception as exc:   # the loader promises located errors; a bad mod must never end the game
        _show(app, [f"{path}:1:1: error: cannot load: {type(exc).__name__}: {exc}"])
        return
    if scenario is None:
        _show(app, [str(d) for d in sorted(report.errors, key=lambda d: (d.path, d.line, d.col))])
        return
    try:
        game = replay_on(session.game, scenario)
    except Exception as exc:   # an action of the log is refused now, or the new content fails in the engine
        _show(app, [f"{path}: the game cannot be replayed on the new version: {exc}"],
              intro="The file is valid, but this game's actions no longer fit it. The game goes on as it was; "
                    "undo the change (or start a new game) to use the file.")
        return
    session.adopt(scenario, game)
    watch.follow(session)
    _close_panel(app)
    _show_new_game(app)
    at = session.scenario.calendar.numbered(session.view.week().turn).lower()
    app.notify(f"Reloaded {path}: the game goes on at {at} with the new content.", "good")


def _show_new_game(app: Any) -> None:
    """Rebuild the screens from the new game: the desk, and the question the player owes, if any."""
    if app.top_is("handover"):   # a seat's view stays hidden until its team confirms
        app.invalidate()
        return
    app.stack = []
    app.open("desk")
    app.prompt()


def _show(app: Any, lines: list[str], intro: str = "") -> None:
    """The errors in a panel over the game (replacing the panel of an earlier reload)."""
    _close_panel(app)
    app.watch.panel = app.open(
        "error", title="The scenario was not reloaded", lines=lines,
        intro=intro or "The file has errors; the game goes on as it was. Fix them and press F5 (or save the file).")


def _close_panel(app: Any) -> None:
    panel, app.watch.panel = app.watch.panel, None
    if panel is not None and panel in app.stack:
        app.stack.remove(panel)
        app.invalidate()
