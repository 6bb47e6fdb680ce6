"""The new-game screen for a class, and the Handouts button of the title screen."""

from __future__ import annotations

import json

import pygame

from game.ui.screens.class_setup import ClassSetupScreen
from game.ui.screens.handouts import HandoutsDialog
from game.ui.screens.handover import HandoverScreen
from tests.ui.driver import Driver
from tests.ui.test_reason_box import type_text


def open_setup(app, mode: str = "keys") -> tuple[Driver, ClassSetupScreen]:
    d = Driver(app, mode)
    d.key(pygame.K_g) if mode == "keys" else d.press(lambda w: getattr(w, "label", "") == "New class game")
    assert isinstance(app.top, ClassSetupScreen), app.top
    return d, app.top


def retype(d: Driver, wid: str, text: str) -> None:
    d.focus(wid)
    d.key(pygame.K_END)
    for _ in range(len(d.app.top.focused().text)):
        d.key(pygame.K_BACKSPACE)
    type_text(d, text)


def test_a_class_game_set_up_by_keyboard_starts_with_its_seats_names_code_and_options(app):
    d, _ = open_setup(app)
    d.focus("seat:britain")
    d.key(pygame.K_RETURN)
    retype(d, "team:ussr", "Politbiuro ąę")
    retype(d, "team:britain", "Кабинет")
    retype(d, "class", "7B Historia")
    retype(d, "code", "4242")
    retype(d, "pin", "1939")
    d.focus("flag:require_reason")
    d.key(pygame.K_RETURN)
    d.focus("start")
    d.key(pygame.K_RETURN)
    s = app.session
    assert s is not None and s.game.humans == ("ussr", "britain") and s.code == 4242
    options = s.game.options
    assert options.name == "7B Historia" and options.team("ussr") == "Politbiuro ąę"
    assert options.team("britain") == "Кабинет" and options.pin == "1939" and options.require_reason
    assert isinstance(app.top, HandoverScreen)


def test_typing_a_class_code_gives_the_same_game(app):
    states = []
    for _ in range(2):
        d, _ = open_setup(app)
        retype(d, "code", "777")
        d.focus("start")
        d.key(pygame.K_RETURN)
        states.append(json.dumps(app.session.game.state.to_dict(), sort_keys=True))
        app.session, app.stack = None, []
        app.open("title", seed=3)
    assert states[0] == states[1]


def test_letters_typed_in_a_field_never_press_the_screens_keys(app):
    d, setup = open_setup(app)
    retype(d, "class", "g b s")   # B would be nothing, Esc-like keys are passed; G opens nothing here
    assert app.top is setup and setup.fields["class"].text == "g b s"


def test_a_class_game_needs_at_least_one_team_by_mouse(app):
    d, _ = open_setup(app, "mouse")
    assert d.press(d.wid("seat:ussr"))
    assert d.press(d.wid("start"))
    assert app.session is None and app.notice is not None and "at least one" in app.notice.text


def test_the_handouts_button_writes_the_handouts_where_it_says(app, tmp_path):
    d = Driver(app, "keys")
    d.key(pygame.K_h)
    dialog = app.top
    assert isinstance(dialog, HandoutsDialog)
    retype(d, "folder", str(tmp_path / "print"))
    d.focus("Write the handouts")
    d.key(pygame.K_RETURN)
    written = sorted(p.name for p in (tmp_path / "print").iterdir())
    assert written == [f"moscow_1939-{kind}.html" for kind in ("role-cards", "sources", "teacher")]
    assert dialog.written and all(p.name in written for p in dialog.written)
    assert str(tmp_path / "print") in app.notice.text


def test_the_pause_menu_exports_the_grading_sheet_at_any_time(app):
    from game.ui.screens.desk import DeskScreen
    from game.ui.settings import debrief_dir

    d, _ = open_setup(app)
    retype(d, "class", "7B")
    d.focus("start")
    d.key(pygame.K_RETURN)
    for _ in range(10):
        if isinstance(app.top, DeskScreen):
            break
        d.key(pygame.K_t) if isinstance(app.top, HandoverScreen) else d.close_dialog()
    d.key(pygame.K_ESCAPE)
    assert app.top.name == "pause"
    d.key(pygame.K_x)
    sheets = list(debrief_dir().glob("debrief-7b-*-grading.html"))
    assert len(sheets) == 1 and sheets[0].name in app.notice.text and "Class 7B" in sheets[0].read_text("utf-8")
