"""The timer of a seat's turn (a class option): a countdown shown over the seat's desk that ends the turn when it
runs out, paused from the teacher's console.

It counts only while a seat's desk is on the window and the console is not; it starts again for each seat's
turn. When it runs out, the seat's open questions are answered with their default options and its week is
ended, as if the team had done so.
"""

from __future__ import annotations

import time
from typing import Any

import pygame

from . import flow
from .widgets.text import render

TIME_UP_REASON = "The time ran out; the default answer was taken."


class TurnTimer:
    """A countdown of one seat's turn, in seconds of the monotonic clock."""

    def __init__(self, seconds: float, turn: tuple[int, str]):
        self.turn = turn            # (week, seat) it counts for
        self.left = seconds
        self.since: float | None = None   # when it last started running (None: stopped)
        self.paused = False
        self.shown = -1                   # the seconds last drawn

    def remaining(self, now: float) -> float:
        return max(0.0, self.left - (now - self.since if self.since is not None else 0.0))

    def run(self, now: float, on: bool) -> None:
        """Let it count (on) or hold it; a paused timer stays held."""
        on = on and not self.paused
        if on and self.since is None:
            self.since = now
        elif not on and self.since is not None:
            self.left, self.since = self.remaining(now), None


def seconds(app: Any) -> int:
    """The seconds of a turn in this game (0: no timer)."""
    s = app.session
    return 0 if s is None else 60 * s.game.options.turn_timer_minutes


def at_desk(app: Any) -> bool:
    """Whether a seat is at its desk with nothing of the teacher's over it."""
    return (bool(app.stack) and app.stack[0].name == "desk"
            and not any(s.name.startswith("console") for s in app.stack))


def counting(app: Any) -> bool:
    return at_desk(app) and not app.session.game.over


def tick(app: Any) -> None:
    """Each turn of the loop: count the seat's time, redraw when the seconds shown change, end the turn at 0."""
    total = seconds(app)
    if not total or app.host is not None:   # a hosted game's timer is the host's, for the whole week
        app.timer = None
        return
    s, now = app.session, time.monotonic()
    turn = (s.view.week().turn, s.power)
    if app.timer is None or app.timer.turn != turn:
        app.timer = TurnTimer(total, turn)
    timer = app.timer
    timer.run(now, counting(app))
    if counting(app) and timer.remaining(now) <= 0:
        app.timer = None
        time_up(app)
    elif int(timer.remaining(now)) != timer.shown:
        app.dirty = True


def time_up(app: Any) -> None:
    """The seat's time has run out: its open questions get their default answers and its week ends."""
    from ..engine import Action

    s = app.session
    steps = [flow.Submit(Action("choose", s.power, q.event, option=s.scenario.event(q.event).default_choice().id,
                                why=TIME_UP_REASON)) for q in s.view.questions()]
    del app.stack[1:]
    app.notify(f"Time is up for {s.scenario.power(s.power).short}: its week has ended.", "bad", 6.0)
    app.apply(flow.Many((*steps, flow.Submit(Action("end_turn", s.power)))))


def toggle(app: Any) -> None:
    """The console's Pause/Resume."""
    if app.timer is not None:
        app.timer.paused = not app.timer.paused
        app.timer.run(time.monotonic(), False)


def draw(app: Any, surf: pygame.Surface) -> pygame.Rect | None:
    """The time left, top centre over the desk (None when there is no timer to show)."""
    timer = app.timer
    if timer is None or not at_desk(app):
        return None
    th = app.theme
    left = timer.shown = int(timer.remaining(time.monotonic()))
    text = f"{left // 60}:{left % 60:02d} left" + (" (paused)" if timer.paused else "")
    label = render(th, text, "strong", th.palette.accent_text)
    widest = render(th, "000:00 left (paused)", "strong", th.palette.accent_text)
    box = widest.get_rect().inflate(2 * th.pad, th.pad)   # one size, so that each second covers the last
    box.midtop = (surf.get_width() // 2, th.px(4))
    colour = th.palette.stamp if left < 60 and not timer.paused else th.palette.accent
    pygame.draw.rect(surf, colour, box, border_radius=th.px(4))
    surf.blit(label, label.get_rect(center=box.center))
    return box
