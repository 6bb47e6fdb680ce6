"""The host's window of a class game played from the teams' own devices, driven as a teacher would, with the real
host and its web server: the class set-up's option, the address and its QR code, each seat's join code, the marks
of seats that joined and ended the week (over HTTP, as a browser does), the week's timer, and the teacher's
console for network seats (hand a seat to the game, a new code for a seat). Nothing of any seat's own view is
drawn."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from types import SimpleNamespace

import pygame
import pytest

import game.net.server as net_server
import game.ui.widgets.text as text_module
from game.engine import Game
from game.engine.classroom import ClassOptions
from game.net.host import NetworkHost
from game.paths import DEFAULT_SCENARIO
from game.ui import hosting
from game.ui.screens.console import ConsoleScreen, SeatsDialog
from game.ui.screens.console_codes import CodesDialog, NewCodeDialog
from game.ui.screens.host import HostScreen, grouped
from game.ui.session import read_scenario
from game.ui.settings import saves_dir
from game.ui.widgets.qr import QrCode
from tests.ui.conftest import NoCache
from tests.ui.driver import Driver
from tests.ui.test_class_setup import open_setup, retype
from tests.ui.test_hotseat import leaks, private_texts

SEATS = ("ussr", "britain")


def call(url: str, path: str, body: dict | None = None, token: str = "") -> tuple[int, dict]:
    """A request to the host as a browser seat makes it: the status and the JSON answer."""
    request = urllib.request.Request(url + path, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": f"Bearer {token}"} if token else {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


def join(app, seat: str) -> str:
    code = next(s.code for s in app.host.seats() if s.power == seat)
    status, answer = call(app.host.url, "api/join", {"code": code})
    assert status == 200 and answer["seat"] == seat, answer
    return answer["token"]


def set_up(app, presses: int, code: str = "") -> Driver:
    """The class set-up by keyboard: Britain to a team too, the class code typed (if given), the devices option
    pressed so many times, Start."""
    d, _setup = open_setup(app)
    if code:
        retype(d, "code", code)
    d.focus("seat:britain")
    d.key(pygame.K_RETURN)
    d.focus("join")
    for _ in range(presses):
        d.key(pygame.K_RETURN)
    d.focus("start")
    d.key(pygame.K_RETURN)
    return d


@pytest.fixture
def hosted(app, monkeypatch):
    """A class game hosted from the set-up screen on this computer only, on a free port; stopped at the end."""
    monkeypatch.setattr(hosting, "PORT", 0)
    d = set_up(app, 1)
    yield d
    hosting.stop(app)


def seat_text(app) -> str:
    """The seats' cards, a line each: team, code, state."""
    app.top.ensure_layout()
    return "\n".join(w.text for w in app.top.widgets if w.wid.startswith("seat-"))


def stop_hosting(app) -> None:
    """Stop hosting as the teacher does (Esc, then Stop hosting): back at the title."""
    d = Driver(app, "keys")
    d.key(pygame.K_ESCAPE)
    assert d.press(lambda w: getattr(w, "label", "") == "Stop hosting") and app.host is None


def step(d: Driver) -> None:
    """A turn of the window's loop: the host's notices, then the frame."""
    hosting.poll(d.app)
    d.frame()


def test_the_set_up_option_serves_this_computer_and_shows_the_address_its_qr_and_codes(app, hosted):
    assert isinstance(app.top, HostScreen) and app.host.host.game.seats == SEATS
    url = next(w for w in app.top.widgets if w.wid == "url")
    assert url.text == app.host.url and url.text.startswith("http://127.0.0.1:")
    qr = next(w for w in app.top.widgets if isinstance(w, QrCode))
    assert qr.text == url.text and qr.module >= 4
    text = seat_text(app)
    assert all(grouped(s.code) in text for s in app.host.seats()) and text.count("not joined yet") == 2
    assert call(app.host.url, "api/view")[1]["type"] == "public"   # served


def test_the_school_network_choice_serves_every_interface(app, monkeypatch):
    binds = []
    real = net_server.start_in_thread
    monkeypatch.setattr(net_server, "start_in_thread",
                        lambda host, bind, port: binds.append(bind) or real(host, "127.0.0.1", 0))
    set_up(app, 2)
    try:
        assert binds == [hosting.EVERYWHERE] and isinstance(app.top, HostScreen)
    finally:
        hosting.stop(app)


def test_a_seat_that_joins_and_ends_its_week_in_its_browser_is_marked_and_its_code_hidden(app, hosted):
    token = join(app, "britain")
    assert call(app.host.url, "api/end-turn", {}, token)[0] == 200
    step(hosted)
    text = seat_text(app)
    codes = {s.power: s.code for s in app.host.seats()}
    assert grouped(codes["britain"]) not in text and grouped(codes["ussr"]) in text
    assert text.splitlines()[3:6] == ["Britain", "•••• •••• (joined)", "has ended the week"]


def test_the_console_hands_a_network_seat_to_the_game_and_back(app, hosted):
    d = hosted
    token = join(app, "ussr")
    d.key(pygame.K_F9)
    assert isinstance(app.top, ConsoleScreen)
    d.key(pygame.K_h)
    assert isinstance(app.top, SeatsDialog)
    d.key(pygame.K_1)   # USSR, the first seat, and Enter
    d.key(pygame.K_RETURN)
    assert isinstance(app.top, HostScreen) and app.host.host.game.humans == ("britain",)
    assert "played by the game" in seat_text(app)
    assert call(app.host.url, "api/view", token=token)[1]["played_by_ai"]
    d.key(pygame.K_F9)
    d.key(pygame.K_h)
    assert d.find(lambda w: getattr(w, "label", "") == "1. Give USSR back to its team")[1] is not None
    d.key(pygame.K_1)
    d.key(pygame.K_RETURN)
    assert app.host.host.game.humans == SEATS


def drawn_texts(app, d: Driver, monkeypatch) -> list[str]:
    """Every text drawn when the window is drawn afresh (no text comes from the cache unseen)."""
    seen: list[str] = []
    original = text_module.printable
    monkeypatch.setattr(text_module, "_cache", NoCache())
    monkeypatch.setattr(text_module, "printable", lambda t, *a, **k: seen.append(str(t)) or original(t, *a, **k))
    app.invalidate()
    step(d)
    monkeypatch.undo()
    return seen


def code_in(texts: list[str], code: str) -> bool:   # (grouped or not, whatever its spaces)
    return any(code in "".join(t.split()) for t in texts)


def test_a_new_code_is_shown_in_the_console_alone_and_never_on_the_projector(app, hosted, monkeypatch):
    """The teacher gives USSR a new code (its code was seen by another team): the console shows it, large, after a
    question; the projector's card says only that USSR has a new code, and no text drawn there holds it, the
    window's notice included."""
    d = hosted
    token = join(app, "ussr")
    old = next(s.code for s in app.host.seats() if s.power == "ussr")
    d.key(pygame.K_F9)
    d.key(pygame.K_n)
    assert isinstance(app.top, CodesDialog)
    assert d.press(d.wid("revoke:ussr"))
    assert old == next(s.code for s in app.host.seats() if s.power == "ussr")   # a question first
    assert d.press(lambda w: getattr(w, "label", "") == "Give a new code")
    code = next(s.code for s in app.host.seats() if s.power == "ussr")
    assert code != old and isinstance(app.top, NewCodeDialog)
    assert call(app.host.url, "api/view", token=token)[0] == 401   # the old device is shut out
    assert code_in(drawn_texts(app, d, monkeypatch), code)   # in the console
    d.key(pygame.K_ESCAPE)
    assert isinstance(app.top, CodesDialog) and code_in(drawn_texts(app, d, monkeypatch), code)
    d.key(pygame.K_F9)   # the console closes: the projector's view
    assert isinstance(app.top, HostScreen)
    shown = drawn_texts(app, d, monkeypatch)
    assert not code_in(shown, code) and not code_in(shown, old), [t for t in shown if code in "".join(t.split())]
    assert seat_text(app).splitlines()[:3] == ["USSR", "•••• •••• (new code)", "not joined: ask the teacher"]
    hosted.key(pygame.K_c)   # no key of the projector's shows it
    assert not code_in(drawn_texts(app, d, monkeypatch), code)
    assert call(app.host.url, "api/join", {"code": code})[0] == 200   # the team joins with it
    step(d)
    assert not code_in(drawn_texts(app, d, monkeypatch), code) and "•••• •••• (joined)" in seat_text(app)


def test_only_the_console_shows_joined_seats_first_codes_again_and_never_a_new_one(app, hosted, monkeypatch):
    """A new lesson on a resumed host, or a page closed: the teacher shows the first codes of the seats that joined
    again, from the console; a seat's new code stays off the projector even then."""
    d = hosted
    join(app, "ussr")
    join(app, "britain")
    first = next(s.code for s in app.host.seats() if s.power == "ussr")
    new = app.host.host.revoke("britain")
    step(d)
    d.key(pygame.K_c)   # the projector has no such key
    assert not code_in(drawn_texts(app, d, monkeypatch), first)
    d.key(pygame.K_F9)
    d.key(pygame.K_n)
    d.key(pygame.K_c)   # Show joined seats' codes on the projector
    d.key(pygame.K_F9)
    shown = drawn_texts(app, d, monkeypatch)
    assert isinstance(app.top, HostScreen) and code_in(shown, first) and not code_in(shown, new)
    d.key(pygame.K_F9)
    d.key(pygame.K_n)
    d.key(pygame.K_c)   # hidden again
    d.key(pygame.K_F9)
    assert not code_in(drawn_texts(app, d, monkeypatch), first)


def test_the_week_ends_on_the_host_when_its_timer_runs_out_and_the_console_pauses_it(app):
    now = [1000.0]
    sc = read_scenario(DEFAULT_SCENARIO)
    game = Game.new(sc, seed=5, humans=SEATS, options=ClassOptions.typed("7B", turn_timer_minutes=5))
    host = NetworkHost(game, saves_dir() / "host-timer.json", clock=lambda: now[0])
    for code in host.keys.codes.values():   # the week's time runs once every team has joined
        host.join(code, "10.0.0.7")
    hosting.show(app, host, SimpleNamespace(url="http://127.0.0.1:8039/", stop=lambda: None), owned=False)
    d = Driver(app, "keys")
    step(d)
    assert app.top.clock == (300, False)
    now[0] += 301
    step(d)
    assert app.session.view.week().turn == 2 and app.top.clock[0] == 300
    assert "2 of" in next(w.text for w in app.top.widgets if w.wid == "host-sub")
    d.key(pygame.K_F9)
    d.key(pygame.K_p)   # the console pauses the host's timer, for every seat
    assert host.clock_state().paused
    now[0] += 600
    d.key(pygame.K_F9)
    step(d)
    assert app.session.view.week().turn == 2 and app.top.clock == (300, True)


def test_the_host_screen_draws_nothing_of_any_seats_own_view(app, hosted, monkeypatch):
    for seat in SEATS:
        call(app.host.url, "api/end-turn", {}, join(app, seat))   # a week with news
    step(hosted)
    seen = drawn_texts(app, hosted, monkeypatch)
    assert any("Public news" in line for line in seen) and any("What every power is shown" in x for x in seen)
    for power, other in (("ussr", "britain"), ("britain", "ussr")):
        assert not leaks(seen, private_texts(app, power, other))
    hidden = [m.name for m in app.session.scenario.meters if m.hidden]
    assert hidden and not [line for line in seen if any(name in line for name in hidden)]


def test_a_class_game_at_one_window_has_no_host(app):
    d, _setup = open_setup(app)
    d.focus("start")
    d.key(pygame.K_RETURN)
    assert app.host is None and not isinstance(app.top, HostScreen)


def test_a_port_already_taken_is_said_and_the_set_up_stays(app, monkeypatch):
    import socket

    from game.ui.screens.class_setup import ClassSetupScreen

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setattr(hosting, "PORT", taken.getsockname()[1])
        set_up(app, 1)
    assert app.host is None and isinstance(app.top, ClassSetupScreen)
    assert "could not be hosted" in app.notice.text and str(hosting.PORT) in app.notice.text
    assert not list(saves_dir().glob("host-*"))   # (a new game no team has seen: the same set-up starts afresh)


def test_stopping_hosting_asks_first_then_returns_to_the_title(app, hosted):
    from game.ui.screens.dialog import ConfirmDialog
    from game.ui.screens.title import TitleScreen

    url = app.host.url
    hosted.key(pygame.K_ESCAPE)
    assert isinstance(app.top, ConfirmDialog) and app.host is not None
    assert hosted.press(lambda w: getattr(w, "label", "") == "Stop hosting")
    assert isinstance(app.top, TitleScreen) and app.host is None
    with pytest.raises(OSError):
        urllib.request.urlopen(url + "api/view", timeout=5)


def test_hosting_from_the_set_up_holds_the_save_as_the_command_does_until_it_stops(app, hosted):
    """Join from devices takes the save's operating-system lock (as `main.py host`): a second host on the same
    save, in a terminal, is refused while the window serves it, and may go on with it once it stopped."""
    from game.net.savelock import SaveInUse, hold

    save = app.host.host.save_path
    with pytest.raises(SaveInUse):
        hold(save)
    hosting.stop(app)
    hold(save).close()


def test_the_set_up_never_overwrites_a_hosted_game_of_its_class_and_code_and_offers_to_go_on(app, monkeypatch):
    """Hosting the same class and code again asks first; Back leaves the save as it was, Go on with it resumes it
    with its codes and its actions (the same function as `main.py host`: no second copy of the rule)."""
    from game.ui.screens.class_setup import ClassSetupScreen
    from game.ui.screens.dialog import ConfirmDialog

    monkeypatch.setattr(hosting, "PORT", 0)
    set_up(app, 1, "4711")
    token = join(app, "britain")
    assert call(app.host.url, "api/end-turn", {}, token)[0] == 200
    codes, save = {s.power: s.code for s in app.host.seats()}, app.host.host.save_path
    saved = save.read_bytes()
    stop_hosting(app)
    d = set_up(app, 1, "4711")
    assert isinstance(app.top, ConfirmDialog) and app.host is None and save.read_bytes() == saved
    assert str(save) in str(app.top.body_blocks())
    d.key(pygame.K_ESCAPE)
    assert isinstance(app.top, ClassSetupScreen) and save.read_bytes() == saved
    d.focus("start")
    d.key(pygame.K_RETURN)
    try:
        assert d.press(lambda w: getattr(w, "label", "") == "Go on with it")
        assert isinstance(app.top, HostScreen) and {s.power: s.code for s in app.host.seats()} == codes
        assert app.host.host.finished("britain") and call(app.host.url, "api/view", token=token)[0] == 200
    finally:
        hosting.stop(app)


def test_a_game_another_host_serves_is_not_hosted_again_from_the_set_up(app, monkeypatch):
    from game.net.savelock import hold

    monkeypatch.setattr(hosting, "PORT", 0)
    set_up(app, 1, "4711")
    save = app.host.host.save_path
    stop_hosting(app)
    other = hold(save)   # a `main.py host --resume` in a terminal
    try:
        d = set_up(app, 1, "4711")
        assert d.press(lambda w: getattr(w, "label", "") == "Go on with it")
        assert app.host is None and "another host is serving this game" in app.notice.text
    finally:
        other.close()


def test_the_host_window_shows_the_lessons_end_once_the_seats_reach_its_stop(app):
    """Seats ending the week that reaches the lesson's checkpoint: the window opens the lesson's end, which names
    the host's autosave (the next lesson resumes it)."""
    from game.ui.screens.lesson_end import LessonEndScreen

    d, host = lesson_stopped(app)
    assert isinstance(app.top, LessonEndScreen) and app.top.saved == host.save_path
    assert app.top.checkpoint.id == "litvinov_question" and app.session.view.week().turn == 3
    step(d)
    assert [screen.name for screen in app.stack] == ["lesson_end"]


def lesson_stopped(app) -> tuple[Driver, NetworkHost]:   # (the seats end the weeks as their browsers do)
    sc = read_scenario(DEFAULT_SCENARIO)
    game = Game.new(sc, seed=5, humans=SEATS, options=ClassOptions.typed("7B", stop="litvinov_question"))
    host = NetworkHost(game, saves_dir() / "host-lesson.json")
    hosting.show(app, host, SimpleNamespace(url="http://127.0.0.1:8039/", stop=lambda: None), owned=False)
    d = Driver(app, "keys")
    for _week in (1, 2):
        for seat in SEATS:
            assert host.end_turn(seat)["ok"]
        step(d)
    return d, host


def test_the_lessons_end_on_the_host_window_writes_days_in_words(app, monkeypatch):
    shown = drawn_texts(app, lesson_stopped(app)[0], monkeypatch)
    assert app.top.name == "lesson_end" and any(t.startswith("• 17 April: ") for t in shown)
    assert not [t for t in shown if re.search(r"\b\d{4}-\d\d-\d\d\b", t)] and "from 1 May 1939" in str(shown)


def test_the_host_window_says_when_a_resumed_game_has_new_join_codes(app):
    sc = read_scenario(DEFAULT_SCENARIO)
    host = NetworkHost(Game.new(sc, seed=5, humans=SEATS), saves_dir() / "host-codes.json")
    host.warning = "host-codes.seats.json was not found, so every seat has a new join code."
    hosting.show(app, host, SimpleNamespace(url="http://127.0.0.1:8039/", stop=lambda: None), owned=False)
    assert isinstance(app.top, HostScreen) and app.notice.text == host.warning


@pytest.mark.parametrize("size, text_step", [((1280, 720), 3), ((1920, 1080), 3), ((1280, 720), 2)],
                         ids=["1280x720-projector", "1920x1080-projector", "1280x720-large"])
def test_every_console_step_shows_its_whole_label_with_every_power_a_network_seat(app, size, text_step):
    """Seven network seats at a projector's sizes: every button of the console and of its lists of seats and codes
    is on the window and shows its whole label and key (no label shortened to make room)."""
    from game.ui.widgets.buttons import Button

    sc = read_scenario(DEFAULT_SCENARIO)
    seats = tuple(p.id for p in sc.powers)
    game = Game.new(sc, seed=5, humans=seats, options=ClassOptions.typed("7B", {p: f"Team {p}" for p in seats}))
    host = NetworkHost(game, saves_dir() / "host-seven.json")
    hosting.show(app, host, SimpleNamespace(url="http://127.0.0.1:8039/", stop=lambda: None), owned=False)
    app.size, app.settings.text_step = size, text_step
    app.restyle()
    d = Driver(app, "keys")
    for keys in ((), (pygame.K_F9,), (pygame.K_h,), (pygame.K_ESCAPE, pygame.K_n)):
        for key in keys:
            d.key(key)
        app.top.ensure_layout()
        buttons = [w for w in app.top.widgets if isinstance(w, Button)]
        assert buttons
        for b in buttons:
            face = b.face(app.theme)
            assert (face.text, face.cap is not None) == (b.label, b.key_code is not None), (app.top.name, b.label)
            assert pygame.Rect((0, 0), size).contains(b.rect), (app.top.name, b.label)
    assert isinstance(app.top, CodesDialog)


def test_the_host_screen_and_console_write_days_in_words_as_the_desk_does(app, hosted, monkeypatch):
    """'17 April to 23 April 1939' and '24 April: ...', never 1939-04-17 or 04-24: the calendar's words."""
    for seat in SEATS:
        call(app.host.url, "api/end-turn", {}, join(app, seat))   # a week of news in the console's inboxes
    step(hosted)
    cal = app.session.scenario.calendar
    iso = re.compile(r"\b\d{4}-\d\d-\d\d\b|\b\d\d-\d\d\b")
    for key in (None, pygame.K_F9):
        if key is not None:
            hosted.key(key)
        shown = drawn_texts(app, hosted, monkeypatch)
        assert not [t for t in shown if iso.search(t)], [t for t in shown if iso.search(t)]
        assert any(cal.span(2) in t for t in shown), app.top.name
    assert [t for t in shown if re.match(r"• \d+ (April|May): ", t)], "the console's inboxes"


def test_a_window_that_stops_hosting_keeps_the_weeks_time_used_for_the_next_host(app):
    now = [1000.0]
    sc = read_scenario(DEFAULT_SCENARIO)
    game = Game.new(sc, seed=5, humans=SEATS, options=ClassOptions.typed("7B", turn_timer_minutes=5))
    host = NetworkHost(game, saves_dir() / "host-kept.json", clock=lambda: now[0])
    for code in host.keys.codes.values():
        host.join(code, "10.0.0.7")
    hosting.show(app, host, SimpleNamespace(url="http://127.0.0.1:8039/", stop=lambda: None), owned=False)
    now[0] += 100
    hosting.stop(app)
    again = NetworkHost.resume(host.save_path, sc, clock=lambda: now[0] + 900)
    assert again.clock_state().seconds_left == 200
