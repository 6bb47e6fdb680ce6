"""The desk's action list within a week: every entry keeps its place and height, the focus stays where the player
left it, the keys move it over what can be pressed, and an entry says why not once."""

from __future__ import annotations

import pygame
import pytest

from game.ui.theme import TEXT_STEPS
from game.ui.widgets.items import ListItem
from tests.ui.driver import Driver
from tests.ui.test_desk_words import back_to_desk
from tests.ui.test_turns import to_desk, to_question

PROJECTOR = next(i for i, (name, _scale) in enumerate(TEXT_STEPS) if name == "Projector")


def entries(desk) -> dict[str, ListItem]:
    desk.ensure_layout()
    return {w.wid: w for w in desk.widgets if isinstance(w, ListItem)}


def places(desk) -> dict[str, tuple[int, int]]:
    return {wid: (w.rect.y, w.rect.h) for wid, w in entries(desk).items()}


def focused(desk) -> str:
    desk.ensure_layout()
    return desk.widgets[desk.focus].wid if desk.focus >= 0 else ""


@pytest.mark.parametrize("projector", [False, True])
def test_taking_actions_moves_no_entry_of_the_list(app, projector):
    """Take the first action (it opens the channel to Berlin: others become possible) and spend the week's points:
    no entry moves or changes its height, at normal text and with projector text on 1280×720."""
    if projector:
        app.settings.text_step = PROJECTOR
        app.restyle()
    d = to_desk(app)
    desk = app.top
    before = places(desk)
    for wid in ("act:open_secret_contacts", "act:speech_collective_security"):
        d.key(pygame.K_1)
        desk.focus = list(entries(desk)).index(wid) + next(i for i, w in enumerate(desk.widgets)
                                                          if isinstance(w, ListItem))
        d.key(pygame.K_RETURN)
        assert app.top is desk and focused(desk) == wid, "the focus left the action just taken"
        after = places(desk)
        moved = [w for w in before if after.get(w) != before[w]]
        assert not moved, f"entries moved after {wid}: {moved}"


def test_arrow_keys_skip_greyed_entries(app):
    d = to_desk(app)
    desk = app.top
    d.key(pygame.K_1)
    seen = []
    for _ in range(30):
        d.key(pygame.K_DOWN)
        w = desk.widgets[desk.focus]
        if isinstance(w, ListItem):
            seen.append(w)
    assert seen and all(w.enabled for w in seen), [w.wid for w in seen if not w.enabled]


def test_home_end_and_page_keys_move_the_focus_in_the_list(app):
    d = to_desk(app)
    desk = app.top
    d.key(pygame.K_1)
    pressable = [wid for wid, w in entries(desk).items() if w.enabled]
    d.key(pygame.K_END)
    assert focused(desk) == pressable[-1]
    d.key(pygame.K_HOME)
    assert focused(desk) == pressable[0]
    d.key(pygame.K_PAGEDOWN)
    down = focused(desk)
    assert down in pressable and pressable.index(down) > 0
    w = desk.widgets[desk.focus]
    assert w.scroller.view.contains(w.screen_rect())
    d.key(pygame.K_PAGEUP)
    assert focused(desk) == pressable[0]


def test_one_comes_back_to_the_entry_last_focused_even_a_taken_one(app):
    d = to_desk(app)
    desk = app.top
    d.key(pygame.K_1)
    d.key(pygame.K_END)
    last = focused(desk)
    d.key(pygame.K_RETURN)
    if app.top is not desk:        # it asked first
        d.confirm()
    d.key(pygame.K_3)
    d.key(pygame.K_1)
    assert focused(desk) == last


def test_a_greyed_entry_says_why_once_in_one_wording(app):
    d = to_desk(app)
    desk = app.top
    d.mode = "mouse"
    w = entries(desk)["act:deepen_german_contacts"]
    for said in (w.item.sub, w.tip()):
        assert said.count("There is no open channel to Berlin") == 1, said
        assert said.startswith("Not now:") and "Not possible now" not in said


def test_a_question_that_settled_an_action_takes_it_off_the_list(app):
    """Litvinov dismissed in the question: this week the entry says it is settled where it stood; from the next
    week on it is gone, not greyed as if it might come back."""
    to_desk(app)
    to_question(app, "litvinov_question")
    d = Driver(app, "keys")
    d.answer(1)                                   # dismiss Litvinov (confirmed)
    back_to_desk(d)
    entry = entries(app.top).get("act:replace_litvinov")   # gone, or where the week found it, saying so
    assert entry is None or (not entry.enabled and entry.item.sub.startswith("Settled"))
    d.end_week()
    back_to_desk(d)
    assert "act:replace_litvinov" not in entries(app.top)


def test_after_a_click_on_a_tab_enter_opens_the_entry_focused(app):
    """By mouse to the Treaties tab: the focus shows on an entry of it, and the first Enter opens that entry."""
    d = to_desk(app)
    d.mode = "mouse"
    desk = app.top
    assert d.press(d.wid("tab:treaties"))
    wid = focused(desk)
    assert wid.startswith("offer:")
    d.key(pygame.K_RETURN)
    assert app.top.name == "negotiation" and app.top.offer_id == wid.split(":", 1)[1]


def test_the_week_fixes_its_list_only_once_its_questions_are_answered(app):
    """The desk drawn under a question (every action waits for the answer) must not fix the week's list: once
    answered, what can be done comes first, at full height, as a fresh list would be."""
    to_desk(app)
    to_question(app, "litvinov_question")
    app.top.ensure_layout()
    desk = app.stack[0]
    desk.stale = True
    desk.ensure_layout()                          # the desk laid out under the question
    d = Driver(app, "keys")
    d.answer(2)                                   # keep Litvinov
    back_to_desk(d)
    shown = places(app.top)
    first = next(iter(entries(app.top).values()))
    assert first.enabled, first.wid
    app.session.action_order = ((0, ""), {})
    app.top.stale = True
    assert places(app.top) == shown



def test_down_at_the_end_of_the_list_stays_there(app):
    """The arrows go round no corner: Down on the list's last entry does not land on End week (the first control
    of the window), where an Enter would end the week."""
    d = to_desk(app)
    desk = app.top
    d.key(pygame.K_1)
    d.key(pygame.K_END)
    last = focused(desk)
    for _ in range(3):
        d.key(pygame.K_DOWN)
    assert focused(desk) == last
    d.key(pygame.K_TAB)                          # Tab still goes round
    assert focused(desk) != last


def test_down_from_the_selected_tab_goes_into_its_list(app):
    """After the week's report the focus rests on the Actions tab; Down goes to the list's first entry that can
    be pressed (not along the tabs), and presses nothing."""
    d = to_desk(app)
    desk = app.top
    assert focused(desk) == "tab:actions"
    taken = dict(app.session.game.state.taken)
    d.key(pygame.K_DOWN)
    first = next(wid for wid, w in entries(desk).items() if w.enabled)
    assert focused(desk) == first
    assert app.session.game.state.taken == taken
    d.key(pygame.K_UP)
    assert focused(desk) == "tab:actions"


def test_an_answered_draft_keeps_its_place_in_the_list(app):
    """A draft answered from the list: its entry stays where it was, greyed, so the entries under it do not move
    up under the mouse."""
    from game.engine import Action
    from tests.ui.test_negotiation_screen import table_with_a_draft_for_me

    table = table_with_a_draft_for_me(app)
    app.stack = app.stack[:1]
    desk = app.top
    desk.stale = True
    before = places(desk)
    wid = f"answer:{table.offer_id}"
    assert wid in before
    app.submit(Action("reject", app.session.power, table.offer_id))
    desk.stale = True
    assert places(desk) == before
    entry = entries(desk)[wid]
    assert not entry.enabled and entry.item.sub == "Answered this week."
