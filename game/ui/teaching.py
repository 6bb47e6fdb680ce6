"""The teacher at the window: the console behind its key (F9) and PIN, the teacher's steps, rolling back, and the
end of a lesson at its checkpoint.

After any step of the teacher's the window starts afresh from the game: the ending if it is over, else the
hand-over to the seat whose turn it is (hot-seat), else that seat's desk; so nothing the console revealed
stays on screen, and no seat's desk outlives a change of who plays it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from . import flow, hosting, seating, turn_timer
from .settings import saves_dir

CONSOLE_SCREENS = ("console", "console_pin", "console_inject", "console_rewind", "console_seats", "console_codes",
                   "console_code")


def console_key(app: Any) -> None:
    """F9 in a class game (or any game of several seats): open the console (after the PIN, if the class has
    one); again, close it. A game of one player has none: it would show that player what the game hides (a hosted
    game always has one: no seat plays at the host's window)."""
    s = app.session
    if s is None or s.game.over or app.top_is("lesson_end") or not (s.hot_seat or s.game.options.is_class
                                                                      or app.host is not None):
        return
    if any(screen.name in CONSOLE_SCREENS for screen in app.stack):
        while any(screen.name in CONSOLE_SCREENS for screen in app.stack):   # (and a question over them)
            app.stack.pop()
        app.invalidate()
        return
    app.open("console_pin" if s.console.has_pin else "console")


def apply(app: Any, request: Any) -> None:
    """Carry out a request of the console's."""
    if isinstance(request, flow.OpenConsole):
        console_key(app)
    elif isinstance(request, flow.Revoke):
        hosting.revoke(app, request.power)
    elif isinstance(request, flow.ShowCodes):
        hosting.toggle_codes(app)
    elif isinstance(request, flow.PauseTimer):
        hosting.toggle_clock(app) if app.host is not None else turn_timer.toggle(app)
        app.invalidate()
    elif isinstance(request, flow.Rewind):
        rewind(app, request.week)
    elif isinstance(request, flow.TeacherStep):
        step(app, request.action)


def step(app: Any, action: Any) -> None:
    """Take a teacher's step; the window then starts afresh (or says why the step was refused)."""
    from ..engine.actions import ACTION_KINDS

    s = app.session
    before = s.view.week().turn
    if app.host is not None:   # through the host: logged, saved, and told to the seats
        result = hosting.teacher_step(app, action)
    else:
        result = s.game.submit(action)
    if not result.ok:
        app.notify(result.reason, "bad", 6.0)
        return
    s.fixed = len(s.game.record)   # a seat's Undo never takes back the teacher's step
    if app.host is None:
        s.autosave()
    if not lesson_ends(app, before):
        afresh(app)
    app.notify(ACTION_KINDS[action.kind].confirmation(s.scenario, action), "good")


def rewind(app: Any, week: int) -> None:
    """Roll the game back to the start of a week; the window starts afresh."""
    from ..engine.saves import rewind_to_week

    s = app.session
    if app.host is not None:
        hosting.rewind(app, week)
    else:
        s.adopt(s.scenario, rewind_to_week(s.game, week))
        s.autosave()
    s.fixed = len(s.game.record)
    afresh(app)
    app.notify(f"Rolled back to the start of {s.scenario.calendar.numbered(s.view.week().turn).lower()}.", "good")


def afresh(app: Any) -> None:
    """Show the game from scratch: the ending, the next seat's hand-over, or the seat's desk and its news."""
    s = app.session
    app.invalidate()
    if app.host is not None:   # the projector's view of the hosted game, whatever happened
        app.stack = []
        app.open("host")
    elif s.game.over:
        app.stack = []
        app.open("ending")
    elif s.hot_seat:
        seating.hand_over(app)
    else:
        app.stack = []
        app.open("desk")
        fresh = s.new_entries()
        if fresh:
            app.open("week_report", entries=fresh)


def lesson_ends(app: Any, before: int) -> bool:
    """If the game reached the checkpoint the lesson stops at since week `before`, save it under the class's
    name and code (a hosted game: its host's autosave, which `main.py host --resume` goes on from) and show the
    lesson's end; True if so."""
    from ..engine.checkpoints import crossed

    s = app.session
    point = crossed(s.game, s.game.options.stop, before)
    if point is None:
        return False
    if app.host is not None:   # (the host saved the game after every step: the next lesson resumes that save)
        saved, problem = app.host.host.save_path, ""
        app.host.lesson_shown = True
    else:
        try:
            saved, problem = save_lesson(s), ""
        except OSError as exc:
            saved, problem = None, exc.strerror or str(exc)
    app.stack = []
    app.open("lesson_end", checkpoint=point, saved=saved, problem=problem)
    return True


def save_lesson(s: Any) -> Path:
    """Save the game in the saves folder under the class's name and code, the week, the date and the time (a
    name no other save has); OSError if it cannot be written."""
    from ..export.decisions import ClassInfo
    from ..export.files import lesson_stem, reserve

    now = dt.datetime.now().replace(microsecond=0)
    stem = lesson_stem(ClassInfo.of(s.game), s.scenario.id, s.code, s.view.week().turn, now,
                       s.scenario.calendar.unit)
    path = reserve(saves_dir(), stem, (".json",))[0]
    s.save(path)
    s.last_save = path
    return path
