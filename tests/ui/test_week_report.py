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


def test_an_answer_to_the_players_draft_comes_first_in_the_report(app):
    d = to_desk(app)
    s = app.session
    s.game.table.open(s.scenario.offer("german_pact"))
    assert app.submit(Action("propose", s.power, "german_pact", ("non_aggression",))) is not False
    d.end_week()     # Germany answers a week after the draft reaches it
    assert isinstance(app.top, WeekReport)
    d.key(pygame.K_RETURN)
    d.end_week()
    assert isinstance(app.top, WeekReport)
    lines = [b.text for b in app.top.body_blocks()]
    assert lines[0] == "ANSWERS TO YOUR DRAFTS"
    assert lines[1].startswith(("Germany rejects your draft of the German-Soviet non-aggression pact (",
                                "Germany answers your draft of the German-Soviet non-aggression pact with its own ("))
    assert ": Germany " in lines[1], "the reason, in words"
