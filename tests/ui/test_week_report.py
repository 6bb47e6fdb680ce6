"""The week's report lists what changed and why."""

from __future__ import annotations

import pygame

from game.engine import Action
from game.ui.screens.event import WeekReport
from tests.ui.test_turns import to_desk


def test_the_week_report_lists_each_change_with_its_cause(app):
    d = to_desk(app)
    s = app.session
    act = next(a for a in s.view.actions() if a.available and any("trust" in c for c in a.consequences))
    app.submit(Action("act", s.power, act.id))
    d.end_week()
    assert isinstance(app.top, WeekReport)
    lines = [b.text for b in app.top.body_blocks()]
    assert lines[0] == "WHAT CHANGED, AND WHY"
    assert any(f"your action ‘{act.name}’ on " in line for line in lines)
    assert any(line.endswith(": the weekly drift.") for line in lines)
    d.key(pygame.K_RETURN)
    d.end_week()
    assert isinstance(app.top, WeekReport)
    assert not any(f"your action ‘{act.name}’" in b.text for b in app.top.body_blocks()), "shown twice"
