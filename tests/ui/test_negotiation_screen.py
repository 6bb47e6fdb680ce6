"""The negotiation screen edits drafts by the engine's rule, never by one of its own."""

from __future__ import annotations

import pygame
import pytest

from game.ui.screens.negotiation import NegotiationScreen
from game.ui.widgets.buttons import Button
from tests.ui.driver import CONFIRMS, Driver
from tests.ui.test_playtest import to_desk


def test_ticking_a_sphere_clause_builds_a_draft_the_engine_accepts(app):
    """Ticking ‘sphere_baltic’ brings in the secret protocol it needs (and what that needs), as
    negotiation.toggle does; the screen's draft can then be proposed."""
    d: Driver = to_desk(app)
    s = app.session
    st = s.game.st                      # the test sets the scene through the engine's state
    st.offers["german_pact"].status = "open"
    st.flags.add("spheres_discussed")
    app.push(NegotiationScreen(app, "german_pact"))
    d.frame()
    assert d.press(d.wid("clause:sphere_baltic"))
    screen = app.top
    assert {"sphere_baltic", "secret_protocol", "sphere_poland"} <= set(screen.draft)
    _, propose = d.find(lambda w: getattr(w, "label", "") == "Propose this draft")
    assert propose.enabled, propose.tooltip


def table_with_a_draft_for_me(app, projector: bool = False) -> NegotiationScreen:
    """Weeks ended through the engine until a draft awaits the player's answer; its table opened, by default at
    1280×720 (with projector text if asked)."""
    from game.engine import Action
    from game.ui.theme import TEXT_STEPS

    if projector:
        app.settings.text_step = next(i for i, (name, _s) in enumerate(TEXT_STEPS) if name == "Projector")
        app.restyle()
    to_desk(app)
    s = app.session
    g = s.game
    for _ in range(20):
        if s.view.drafts():
            break
        for e in g.pending_choices(s.power):
            g.submit(Action("choose", s.power, e.id, option=e.default_choice().id))
        g.submit(Action("end_turn", s.power))
    s.new_entries()
    app.stack = app.stack[:1]
    app.push(NegotiationScreen(app, s.view.drafts()[0]))
    app.top.ensure_layout()
    return app.top


@pytest.mark.parametrize("projector", [False, True])
def test_every_clause_accept_would_answer_is_named_beside_accept(app, projector):
    """The clause list scrolls, so a clause of the draft may be out of view: the line over the answers names every
    clause of the draft on the table, whole, above the buttons and over none of them."""
    screen = table_with_a_draft_for_me(app, projector)
    table = app.session.view.offer(screen.offer_id)
    names = {c.id: c.name for c in app.session.view.clauses(screen.offer_id)}
    summary = next(w for w in screen.widgets if w.wid == "draft-summary")
    text = " ".join(line.text for line in summary.lines)
    assert all(names[c] in text for c in table.clauses), text
    assert str(len(table.clauses)) in text
    assert summary.limit == 0, "the summary is cut"
    buttons = [w for w in screen.widgets if isinstance(w, Button)]
    assert all(not summary.rect.colliderect(b.rect) and summary.rect.bottom <= b.rect.top for b in buttons)
    assert pygame.Rect((0, 0), app.size).contains(summary.rect)


def test_the_question_before_accepting_names_every_clause(app):
    screen = table_with_a_draft_for_me(app)
    table = app.session.view.offer(screen.offer_id)
    names = [c.name for c in app.session.view.clauses(screen.offer_id) if c.id in table.clauses]
    d = Driver(app, "keys")
    d.key(pygame.K_y)
    assert isinstance(app.top, CONFIRMS), "accepting this draft did not ask first"
    said = " ".join(b.text for b in app.top.blocks) if hasattr(app.top, "blocks") else app.top.what
    assert all(name in said for name in names), said


def test_proposing_a_draft_asks_first_and_back_sends_nothing(app):
    """P on the table asks before the draft goes (the others' acceptance would sign it); Enter answers Back."""
    from game.ui.screens.dialog import ConfirmDialog

    d: Driver = to_desk(app)
    s = app.session
    s.game.st.offers["german_pact"].status = "open"
    app.push(NegotiationScreen(app, "german_pact"))
    d.frame()
    before = len(s.game.state.log)
    d.key(pygame.K_p)
    assert isinstance(app.top, ConfirmDialog) and "is signed without another word from you" in " ".join(b.text for b in app.top.blocks)
    d.key(pygame.K_RETURN)
    assert isinstance(app.top, NegotiationScreen) and len(s.game.state.log) == before

