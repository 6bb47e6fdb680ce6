"""The teacher's console in the window (F9 and the PIN, bringing in an event, rolling back, handing seats over,
ending the game), the turn timer and the end of a lesson, driven by keyboard as a teacher would."""

from __future__ import annotations

import pygame

from game.engine.classroom import ClassOptions
from game.ui import flow, turn_timer
from game.ui.screens.console import ConsoleScreen, InjectDialog, PinDialog, RewindDialog
from game.ui.screens.dialog import ConfirmDialog
from game.ui.screens.ending import EndingScreen
from game.ui.screens.handover import HandoverScreen
from game.ui.screens.lesson_end import LessonEndScreen
from game.ui.screens.signing import SigningCard
from tests.ui.driver import Driver
from tests.ui.test_hotseat import SEATS, assert_each_seat_saw_only_its_own, leaks, play_weeks
from tests.ui.test_reason_box import type_text

PIN = "2468"


def class_game(app, seed: int = 5, **options) -> Driver:
    d = Driver(app, "keys")
    app.apply(flow.NewGame(None, seed, SEATS, ClassOptions.typed("7B", pin=options.pop("pin", ""), **options)))
    d.frame()
    return d


def open_console(d: Driver, pin: str = PIN) -> None:
    d.key(pygame.K_F9)
    if isinstance(d.app.top, PinDialog):
        type_text(d, pin)
        d.key(pygame.K_RETURN)
    assert isinstance(d.app.top, ConsoleScreen), d.app.top


def press_label(d: Driver, label: str) -> None:
    """Tab to the control with this label (or starting so) and press Enter."""
    assert d.press(lambda w: getattr(w, "label", "").startswith(label)), label


def test_a_three_seat_class_plays_to_an_ending_by_keyboard_with_a_rollback_and_an_event_brought_in(app, drawn):
    d = class_game(app, pin=PIN, start="last_fortnight")
    game = app.session.game
    assert game.state.turn == 18 and isinstance(app.top, HandoverScreen)
    play_weeks(app, d, 18)                       # week 18 is played; week 19 waits at the first hand-over
    open_console(d)
    d.key(pygame.K_i)
    assert isinstance(app.top, InjectDialog)
    event = next(e for e in app.session.console.events() if not e.refusal)
    assert d.press(d.wid(f"event:{event.id}"))
    d.focus("note")
    type_text(d, "Что если? A leak now.")
    assert d.press(d.wid("bring-in"))
    game = app.session.game
    assert isinstance(app.top, HandoverScreen) and game.state.fired[event.id] == 19
    assert any(e.kind == "teacher" and e.why == "Что если? A leak now." for e in game.inbox(None))
    open_console(d)
    d.key(pygame.K_r)
    assert isinstance(app.top, RewindDialog)
    assert d.press(d.wid("week:18"))
    assert isinstance(app.top, ConfirmDialog)
    d.confirm()
    game = app.session.game
    assert game.state.turn == 18 and event.id not in game.state.fired and isinstance(app.top, HandoverScreen)
    play_weeks(app, d, 20)
    if app.session.view.signing() is not None:   # a treaty ending opens with the signature first
        assert isinstance(app.top, SigningCard)
        d.key(pygame.K_RETURN)
    assert game.over and isinstance(app.top, EndingScreen)
    assert_each_seat_saw_only_its_own(app, drawn)
    for seat in SEATS:
        assert not leaks(drawn.get("handover", []), list(app.session.scenario.power(seat).secret_objectives))
    assert drawn.get("teacher"), "the console was never drawn"


def test_a_wrong_pin_keeps_the_console_shut(app):
    d = class_game(app, pin=PIN)
    d.key(pygame.K_F9)
    assert isinstance(app.top, PinDialog)
    type_text(d, "1111")
    d.key(pygame.K_RETURN)
    assert isinstance(app.top, PinDialog) and app.notice is not None and "PIN" in app.notice.text
    d.key(pygame.K_ESCAPE)
    assert isinstance(app.top, HandoverScreen)


def test_f9_opens_the_console_of_a_class_without_a_pin_and_closes_it_again(app):
    d = class_game(app)
    d.key(pygame.K_t)
    desk_stack = [s.name for s in app.stack]
    d.key(pygame.K_F9)
    assert isinstance(app.top, ConsoleScreen)
    d.key(pygame.K_F9)
    assert [s.name for s in app.stack] == desk_stack


def test_a_seat_handed_to_the_game_no_longer_takes_a_turn_and_can_be_given_back(app):
    d = class_game(app)
    open_console(d)
    d.key(pygame.K_h)                             # who plays each seat
    d.key(pygame.K_2)                             # Britain, the second seat, and Enter
    d.key(pygame.K_RETURN)
    s = app.session
    assert s.game.humans == ("ussr", "germany") and isinstance(app.top, HandoverScreen)
    open_console(d)
    d.key(pygame.K_h)
    assert d.find(lambda w: getattr(w, "label", "") == "2. Give Britain back to its team")[1] is not None
    d.key(pygame.K_2)
    d.key(pygame.K_RETURN)
    assert s.game.humans == SEATS


def test_ending_the_game_from_the_console_shows_its_ending_stopped_by_the_teacher(app):
    d = class_game(app)
    open_console(d)
    d.key(pygame.K_s)
    assert isinstance(app.top, ConfirmDialog)
    d.confirm()
    assert isinstance(app.top, EndingScreen) and app.session.game.state.outcome == "stopped_by_teacher"
    assert app.top.data["title"] == "Stopped by the teacher"


def test_a_lesson_stops_at_its_checkpoint_saved_under_the_class_name_and_exports(app, home):
    d = class_game(app, stop="litvinov_question")
    play_weeks(app, d, 2)
    assert isinstance(app.top, LessonEndScreen) and app.session.view.week().turn == 3
    saved = app.top.saved
    assert saved is not None and saved.exists() and saved.name.startswith("7b-5-week03-")
    d.key(pygame.K_x)
    assert list(home.rglob("debriefs/*7b-5-*.html")) and app.top.exported
    app.apply(flow.LoadSave(saved))
    assert isinstance(app.top, HandoverScreen) and app.session.game.options.stop == "litvinov_question"


class Clock:
    """Stands in for time.monotonic in the timer."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_timer_ends_a_seats_turn_when_it_runs_out_and_not_while_paused(app, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(turn_timer.time, "monotonic", clock)
    d = class_game(app, turn_timer_minutes=2)
    d.key(pygame.K_t)
    app.step()
    assert app.session.power == "ussr" and app.timer is not None
    clock.now += 60
    app.step()
    assert int(app.timer.remaining(clock.now)) == 60
    open_console(d)
    assert turn_timer.draw(app, pygame.Surface(app.size)) is None   # nothing of the seat's over the console
    d.key(pygame.K_p)
    assert app.timer.paused and d.find(lambda w: getattr(w, "label", "") == "Let the timer run")[1] is not None
    d.key(pygame.K_ESCAPE)
    clock.now += 600
    app.step()
    assert app.session.power == "ussr" and "ussr" in app.session.game.waiting_for()
    open_console(d)
    d.key(pygame.K_p)
    d.key(pygame.K_ESCAPE)
    app.step()
    clock.now += 61
    app.step()
    assert "ussr" not in app.session.game.waiting_for() and isinstance(app.top, HandoverScreen)


def test_a_game_of_one_player_has_no_console(app):
    d = Driver(app, "keys")
    app.apply(flow.NewGame(None, 5))
    d.frame()
    d.key(pygame.K_F9)
    assert not any(s.name.startswith("console") for s in app.stack)
