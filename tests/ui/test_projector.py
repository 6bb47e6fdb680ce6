"""The projector at 1280×720 with projector text: the screens a class uses fit, measured on their widgets."""

from __future__ import annotations

import itertools

import pytest

from game.engine.classroom import ClassOptions
from game.ui import flow
from game.ui.session import Session
from game.ui.theme import TEXT_STEPS
from game.ui.widgets.items import ListItem

PROJECTOR = next(i for i, (name, _scale) in enumerate(TEXT_STEPS) if name == "Projector")


@pytest.fixture
def projector(app):
    app.settings.text_step = PROJECTOR
    app.size = (1280, 720)
    app.restyle()
    app.session = Session.new(None, seed=7, seats=("ussr", "britain"), options=ClassOptions.typed("7B"))
    app.stack = []
    return app


def whole(w) -> bool:
    """The widget shows whole in its panel (or has no panel)."""
    return w.scroller is None or w.scroller.view.contains(w.screen_rect())


def test_the_desk_shows_at_least_four_whole_actions(projector):
    desk = projector.open("desk")
    desk.set_tab("actions")
    desk.ensure_layout()
    entries = [w for w in desk.widgets if isinstance(w, ListItem) and w.wid.startswith("act:")]
    assert len(entries) >= 4 and sum(whole(w) for w in entries) >= 4
    cut = next(w for w in entries if w.item.sub_lines)
    assert cut.item.sub in cut.tooltip   # what is cut short is whole in the tooltip


def test_every_question_shows_all_its_options_without_scrolling(projector):
    desk = projector.open("desk")
    for event in (e for e in projector.session.scenario.events if e.choices):
        projector.stack = [desk]
        dialog = projector.open("event", event=event)
        dialog.ensure_layout()
        options = [w for w in dialog.widgets if isinstance(w, ListItem)]
        assert len(options) == len(event.choices)
        assert all(whole(w) and dialog.rect.contains(w.screen_rect()) for w in options), event.id


@pytest.mark.parametrize("screen", ["decide", "class_setup"])
def test_the_class_screens_fit_without_overlaps(projector, screen):
    s = projector.session
    if screen == "decide":
        projector.open("desk")
        action = next(a for a in s.view.legal_actions() if a.kind == "act")
        top = projector.open("decide", what="An action", request=flow.Submit(action), irreversible="It stays.")
    else:
        top = projector.open("class_setup", scenario=s.scenario, scenario_path=s.scenario.path)
    top.ensure_layout()
    window = (0, 0, *projector.size)
    shown = [w for w in top.widgets if w.rect.w and w.rect.h]
    assert all(w.screen_rect().clip(window) == w.screen_rect() for w in shown), screen
    for a, b in itertools.combinations(shown, 2):
        assert not a.screen_rect().colliderect(b.screen_rect()), (a.wid, b.wid)
    if screen == "decide":
        assert top.box.rect.h >= 3 * projector.theme.line_height()
