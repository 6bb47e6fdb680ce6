"""The negotiation screen edits drafts by the engine's rule, never by one of its own."""

from __future__ import annotations

from game.ui.screens.negotiation import NegotiationScreen
from tests.ui.driver import Driver
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
