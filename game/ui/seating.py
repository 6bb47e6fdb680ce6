"""Hot-seat: several seats take their turns at one window, and no seat sees another's view.

Between seats only the hand-over screen is on the stack, so nothing of the last seat's view is drawn until the
next team confirms; then its own desk opens, with its unseen telegrams and, the first time, its briefing.
"""

from __future__ import annotations

from typing import Any


def hand_over(app: Any, after_a_seat: bool = True) -> None:
    """Hide the last seat's view: only the hand-over screen stays until the next team confirms (and, after a
    seat's turn, no notice about its doings stays over it)."""
    app.stack = []
    if after_a_seat:
        app.notice = None
    app.open("handover", seat=app.session.next_seat())


def take_seat(app: Any, power: str) -> None:
    """The next team sits down: its desk, the telegrams it has not seen, its briefing the first time."""
    first = app.session.take_seat(power)
    app.stack = []
    app.open("desk")
    fresh, changes = app.session.new_entries(), app.session.new_changes()
    if fresh or changes:
        app.open("week_report", entries=fresh, changes=changes)
    if first:
        app.open("briefing")
