"""No turn or decision is lost by accident: focus after dialogs, questions, number keys, End week."""

from __future__ import annotations

import pygame
import pytest

from game.engine import Action
from game.engine.saves import load_game
from game.ui.screens.desk import DeskScreen
from game.ui.screens.dialog import ConfirmDialog
from game.ui.screens.event import EventDialog, WeekReport
from tests.ui.driver import Driver


def to_desk(app) -> Driver:
    d = Driver(app, "keys")
    d.key(pygame.K_n)            # New game
    d.key(pygame.K_RETURN)       # the briefing
    d.key(pygame.K_RETURN)       # the first week's telegrams
    assert isinstance(app.top, DeskScreen)
    return d


def irreversible_steps(session) -> list[Action]:
    """Watch what the session submits from now on: the list returned fills with each step that cannot be taken
    back."""
    taken = []
    submit = session.submit

    def watched(action: Action):
        if session.view.irreversible(action):
            taken.append(action)
        return submit(action)

    session.submit = watched
    return taken


def to_question(app, event_id: str) -> EventDialog:
    """Play (through the engine) until the question event_id awaits the player; show it as the desk would."""
    s = app.session
    game, power = s.game, s.power
    for _ in range(40):
        waiting = game.pending_choices(power)
        if any(e.id == event_id for e in waiting):
            break
        if waiting:
            game.submit(Action("choose", power, waiting[0].id, option=waiting[0].default_choice().id))
        else:
            game.submit(Action("end_turn", power))
    s.new_entries()
    app.stack = app.stack[:1]
    app.prompt()
    while isinstance(app.top, EventDialog) and app.top.event.id != event_id:
        Driver(app, "keys").answer(1)
    assert isinstance(app.top, EventDialog) and app.top.event.id == event_id
    return app.top


def test_e_enter_enter_plays_exactly_one_week(app):
    """E asks once (points are left), Enter ends the week, Enter closes its report: week 2, saved as week 2, and
    the focus rests on something harmless, so a further Enter ends nothing."""
    d = to_desk(app)
    for k in (pygame.K_e, pygame.K_RETURN, pygame.K_RETURN):
        d.key(k)
    assert app.session.game.state.turn == 2
    assert isinstance(app.top, DeskScreen)
    saved, _ = load_game(app.session.autosave_slot(), app.session.scenario)
    assert saved.state.turn == 2
    d.key(pygame.K_RETURN)
    assert app.session.game.state.turn == 2


def test_the_end_week_question_starts_on_end_the_week(app):
    """The step was just asked for and is no irreversible one: the question starts on it, Esc goes back."""
    d = to_desk(app)
    d.key(pygame.K_e)
    dialog = app.top
    assert isinstance(dialog, ConfirmDialog)
    assert dialog.widgets[dialog.focus].label == "End the week"
    d.key(pygame.K_ESCAPE)
    assert isinstance(app.top, DeskScreen) and app.session.game.state.turn == 1


def test_e_twice_ends_exactly_one_week(app):
    """The deliberate way by keyboard: E asks, E again ends the week; the report's Enter does not go on."""
    d = to_desk(app)
    for k in (pygame.K_e, pygame.K_e, pygame.K_RETURN, pygame.K_RETURN):
        d.key(k)
    assert app.session.game.state.turn == 2
    assert isinstance(app.top, DeskScreen)


def test_after_the_week_report_the_focus_is_not_on_end_week(app):
    d = to_desk(app)
    d.end_week()
    assert isinstance(app.top, WeekReport)
    d.key(pygame.K_RETURN)
    desk = app.top
    desk.ensure_layout()
    assert desk.widgets[desk.focus].wid == "tab:actions"


def test_end_week_with_points_left_asks_and_back_keeps_the_week(app):
    d = to_desk(app)
    d.key(pygame.K_e)
    assert isinstance(app.top, ConfirmDialog)
    assert "2 points unused" in " ".join(b.text for b in app.top.blocks)
    d.key(pygame.K_ESCAPE)
    assert isinstance(app.top, DeskScreen) and app.session.game.state.turn == 1


def test_end_week_without_points_left_does_not_ask(app):
    d = to_desk(app)
    s = app.session
    s.game.state.budget[s.power] = 0
    d.key(pygame.K_e)
    assert isinstance(app.top, WeekReport)


def test_enter_on_a_question_picks_no_option(app):
    to_desk(app)
    dialog = to_question(app, "litvinov_question")
    d = Driver(app, "keys")
    for _ in range(3):
        d.key(pygame.K_RETURN)
    assert app.top is dialog
    assert any(p.event == "litvinov_question" for p in app.session.game.state.pending)


def test_a_number_key_focuses_a_choice_and_never_chooses(app):
    to_desk(app)
    dialog = to_question(app, "litvinov_question")
    d = Driver(app, "keys")
    d.key(pygame.K_2)
    assert app.top is dialog
    assert dialog.widgets[dialog.focus].wid == dialog.event.choices[1].id
    d.key(pygame.K_RETURN)
    assert not any(p.event == "litvinov_question" for p in app.session.game.state.pending)


def test_an_irreversible_action_asks_with_back_focused(app):
    to_desk(app)
    to_question(app, "litvinov_question")
    d = Driver(app, "keys")
    d.answer(2)                                   # keep Litvinov for now
    while not isinstance(app.top, DeskScreen):
        d.key(pygame.K_RETURN)
    assert d.press(d.wid("act:replace_litvinov"))
    dialog = app.top
    assert isinstance(dialog, ConfirmDialog)
    assert dialog.widgets[dialog.focus].label == "Back"
    d.key(pygame.K_RETURN)
    assert isinstance(app.top, DeskScreen)
    assert "replace_litvinov" not in app.session.game.state.taken
    assert d.press(d.wid("act:replace_litvinov"))
    d.confirm()
    assert "replace_litvinov" in app.session.game.state.taken


def test_dismissing_litvinov_in_the_question_asks_first(app):
    to_desk(app)
    dialog = to_question(app, "litvinov_question")
    d = Driver(app, "keys")
    d.key(pygame.K_1)
    d.key(pygame.K_RETURN)
    assert isinstance(app.top, ConfirmDialog)
    d.key(pygame.K_RETURN)                        # Back
    assert app.top is dialog and dialog.focus == -1
    assert any(p.event == "litvinov_question" for p in app.session.game.state.pending)


def test_no_run_of_enter_and_number_keys_takes_an_irreversible_step(app):
    import random

    to_desk(app)
    to_question(app, "litvinov_question")
    s = app.session
    taken = irreversible_steps(s)
    d = Driver(app, "keys")
    rng = random.Random(11)
    keys = [pygame.K_RETURN, pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4]
    for _ in range(400):
        d.key(rng.choice(keys))
    assert taken == []
    assert s.game.state.turn > 1 or s.game.state.pending   # the walk did reach the desk and its actions


def test_undo_takes_back_an_action_exactly(app):
    d = to_desk(app)
    s = app.session
    before = s.game.state.to_dict()
    action = next(a for a in s.view.actions() if a.available and not s.view.irreversible(Action("act", s.power, a.id)))
    assert d.press(d.wid(f"act:{action.id}"))
    assert s.game.state.to_dict() != before
    d.key(pygame.K_u)
    assert s.game.state.to_dict() == before
    assert app.notice is not None and action.name in app.notice.text


def litvinov_answered(app) -> Driver:
    """From a new game, the question on Litvinov answered with its second option, back at the desk."""
    to_desk(app)
    to_question(app, "litvinov_question")
    d = Driver(app, "keys")
    d.answer(2)
    while not isinstance(app.top, DeskScreen):
        d.key(pygame.K_RETURN)
    return d


def test_ctrl_z_takes_back_an_answer_and_the_question_returns(app):
    d = litvinov_answered(app)
    d.key(pygame.K_z, pygame.KMOD_CTRL)
    assert isinstance(app.top, EventDialog) and app.top.event.id == "litvinov_question"


def test_a_finished_week_cannot_be_undone(app):
    d = to_desk(app)
    d.end_week()
    d.key(pygame.K_RETURN)
    turn = app.session.game.state.turn
    d.key(pygame.K_u)
    assert app.session.game.state.turn == turn
    assert app.notice is not None and app.notice.kind == "bad"


def test_a_step_that_cannot_be_taken_back_is_not_undone(app):
    d = litvinov_answered(app)
    assert d.press(d.wid("act:replace_litvinov"))
    d.confirm()
    d.key(pygame.K_u)
    assert "replace_litvinov" in app.session.game.state.taken


def test_holding_enter_presses_once(app):
    """The window repeats a held key; a held Enter must not close the report and press on into the next week."""
    d = to_desk(app)
    d.end_week()
    assert isinstance(app.top, WeekReport)
    for _ in range(5):   # Enter held down: one press, then repeats without a release
        app.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0))
    assert isinstance(app.top, DeskScreen)
    assert app.session.view.week().points_left == 2 and app.session.game.state.turn == 2


def panel_scroller(desk):
    desk.ensure_layout()
    return next(w.scroller for w in desk.widgets if w.wid.startswith("act:"))


def test_the_action_list_keeps_its_place_after_a_tab_switch(app, monkeypatch):
    """Scrolled down the actions, to the treaties and back by mouse: the same entry is under the mouse."""
    d = to_desk(app)
    d.mode = "mouse"
    desk = app.top
    scroll = panel_scroller(desk)
    pos = scroll.view.center
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: pos)
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-3, flipped=False))
    assert scroll.offset > 0
    under = desk.widgets[desk.widget_at(pos)].wid
    d.tab("treaties")
    d.tab("actions")
    assert panel_scroller(desk).offset == scroll.offset
    assert desk.widgets[desk.widget_at(pos)].wid == under


def test_a_tab_number_key_keeps_the_place_and_focuses_an_entry_in_view(app):
    """By keyboard: 2 then 1 comes back to the actions where they were, the focus on an entry in view, not fired."""
    d = to_desk(app)
    desk = app.top
    for _ in range(12):
        d.key(pygame.K_DOWN)
    offset = panel_scroller(desk).offset
    focused = desk.widgets[desk.focus].wid
    assert offset > 0
    taken = dict(app.session.game.state.taken)
    d.key(pygame.K_2)
    d.key(pygame.K_1)
    assert panel_scroller(desk).offset == offset
    assert desk.widgets[desk.focus].wid == focused
    assert app.top is desk and app.session.game.state.taken == taken


START = {   # from the desk, the keys that reach each screen the desk leads to
    "desk": (), "treaties": (pygame.K_2,), "negotiation": (pygame.K_2, pygame.K_RETURN), "powers": (pygame.K_3,),
    "telegrams": (pygame.K_4,), "menu": (pygame.K_ESCAPE,), "briefing": (pygame.K_b,), "archive": (pygame.K_a,),
    "map": (pygame.K_m,), "help": (pygame.K_F1,), "litvinov": "act:replace_litvinov",   # that entry focused
}


@pytest.mark.parametrize("week", [1, 16])
@pytest.mark.parametrize("start", list(START))
def test_no_run_of_enter_and_number_keys_from_any_screen_takes_an_irreversible_step(app, start, week):
    """From every screen the desk leads to, early and late in the game (when a treaty that ends it may be on the
    table), 150 presses of Enter and the number keys never take a step that cannot be taken back."""
    import random

    to_desk(app)
    s = app.session
    while s.game.state.turn < week and not s.game.over:
        for e in s.game.pending_choices(s.power):
            s.game.submit(Action("choose", s.power, e.id, option=e.default_choice().id))
        s.game.submit(Action("end_turn", s.power))
    s.new_entries()
    app.stack = app.stack[:1]
    app.invalidate()
    taken = irreversible_steps(s)
    d = Driver(app, "keys")
    if isinstance(START[start], str):
        desk = app.top
        desk.ensure_layout()
        desk.focus = next(i for i, w in enumerate(desk.widgets) if w.wid == START[start])
        desk.keyboard_used = True
    else:
        for key in START[start]:
            d.key(key)
    rng = random.Random(f"{start}-{week}")
    keys = [pygame.K_RETURN, pygame.K_KP_ENTER, *range(pygame.K_0, pygame.K_9 + 1)]
    for _ in range(150):
        d.key(rng.choice(keys))
    assert taken == [], taken
