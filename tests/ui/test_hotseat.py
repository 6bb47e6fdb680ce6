"""Hot-seat: several seats at one window, each seeing only its own view, with a hand-over between them."""

from __future__ import annotations

import pygame
import pytest

from game.engine import Action
from game.ui import flow
from game.ui.screens.desk import DeskScreen
from game.ui.screens.dialog import Dialog
from game.ui.screens.event import EventDialog
from game.ui.screens.handover import HandoverScreen
from tests.ui.driver import CONFIRMS, Driver

SEATS = ("ussr", "britain", "germany")


def start(app, seats=SEATS, seed=5) -> Driver:
    d = Driver(app, "keys")
    app.apply(flow.NewGame(None, seed, seats))
    d.frame()
    return d


def private_texts(app, power: str, other: str) -> list[str]:
    """What power's view holds and other's does not: its secret aims, and its telegrams other cannot see."""
    s = app.session
    mine = list(s.scenario.power(power).secret_objectives)
    theirs = {(e.title, e.text) for e in s.game.inbox(other)}
    for e in s.game.inbox(power):
        if (e.title, e.text) not in theirs:
            mine += [x for x in (e.title, e.text) if x]
    return mine


def leaks(lines: list[str], secrets: list[str]) -> list[str]:
    """Drawn lines (long enough to mean something) that are part of one of the secrets."""
    return [ln for ln in {" ".join(x.split()).lstrip("• ") for x in lines} if len(ln) >= 20
            and any(ln in " ".join(sec.split()) for sec in secrets)]


def assert_each_seat_saw_only_its_own(app, drawn: dict[str, list[str]]) -> None:
    """Each seat's private texts were drawn on its own screens (else the check could not see a leak), and none on
    another seat's."""
    for seat in SEATS:
        own = leaks(drawn.get(seat, []), private_texts(app, seat, next(s for s in SEATS if s != seat)))
        assert own, f"{seat}'s own secret text was never drawn: the check could not see a leak"
        for other in SEATS:
            if other != seat:
                found = leaks(drawn.get(other, []), private_texts(app, seat, other))
                assert not found, f"{other}'s screens showed {seat}'s private text: {found[:3]}"


def play_weeks(app, d: Driver, weeks: int, handovers: list | None = None) -> None:
    """Play by keyboard: take each seat at its hand-over (T; noting (week, seat) in handovers), close reports,
    answer questions, end weeks."""
    game = app.session.game
    for _ in range(400):
        if game.state.turn > weeks or game.over:
            return
        top = app.top
        if isinstance(top, HandoverScreen):
            if handovers is not None:
                handovers.append((game.state.turn, top.seat))
            d.key(pygame.K_t)
        elif isinstance(top, EventDialog):
            d.answer(1)
        elif isinstance(top, DeskScreen):
            d.end_week()
        elif isinstance(top, CONFIRMS):
            d.confirm()
        elif isinstance(top, Dialog):
            for _ in range(8 if top.name == "briefing" else 0):   # read it all: the secret aims are drawn too
                d.key(pygame.K_PAGEDOWN)
            d.close_dialog()
        else:
            raise AssertionError(f"unexpected screen {top!r}")
    raise AssertionError("the weeks did not pass")


def test_a_hot_seat_game_asks_each_seat_in_turn_each_week(app):
    d = start(app)
    order = []
    play_weeks(app, d, 2, order)
    assert order == [(1, "ussr"), (1, "britain"), (1, "germany"), (2, "ussr"), (2, "britain"), (2, "germany")]


def test_no_seat_sees_another_seats_secret_aims_or_telegrams(app, drawn):
    d = start(app)
    play_weeks(app, d, 3)
    assert app.session.game.state.turn > 3
    assert_each_seat_saw_only_its_own(app, drawn)


def test_the_hand_over_screen_shows_no_seats_private_text(app, drawn):
    d = start(app)
    play_weeks(app, d, 2)
    assert drawn.get("handover"), "no hand-over screen was drawn"
    for seat in SEATS:
        for other in SEATS:
            if other != seat:
                assert not leaks(drawn["handover"], private_texts(app, seat, other))
    briefings = [s for seat in SEATS for s in app.session.scenario.power(seat).briefing.split(". ")]
    assert not leaks(drawn["handover"], briefings)


def test_a_stray_enter_or_space_does_not_take_the_next_seat(app):
    d = start(app)
    assert isinstance(app.top, HandoverScreen)
    for k in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB, pygame.K_RETURN):
        d.key(k)
    assert isinstance(app.top, HandoverScreen) and len(app.stack) == 1
    d.key(pygame.K_t)
    assert isinstance(app.top, Dialog) and app.session.power == "ussr"


def test_the_hand_over_names_the_power_from_the_scenario(app):
    start(app, ("britain", "germany"))
    top = app.top
    assert isinstance(top, HandoverScreen) and top.seat == "britain"
    assert app.session.scenario.power("britain").short in top.title


def test_a_saved_hot_seat_game_reloads_its_seats_at_the_hand_over(app, tmp_path):
    d = start(app)
    d.key(pygame.K_t)   # the USSR sits down, reads, and ends its week: Britain's turn
    while not isinstance(app.top, HandoverScreen):
        d.close_dialog() if not isinstance(app.top, DeskScreen) else d.end_week()
    assert app.top.seat == "britain"
    path = tmp_path / "class.json"
    app.session.save(path)
    app.apply(flow.LoadSave(path))
    assert app.session.seats == SEATS
    assert isinstance(app.top, HandoverScreen) and app.top.seat == "britain"


@pytest.mark.parametrize(("seats", "says"), [("ussr,britian", "did you mean 'britain'?"), ("ussr,,germany", "at least one"),
                                             ("ussr,ussr", "more than once"), ("", "at least one")])
def test_play_refuses_seats_it_cannot_seat_with_a_usage_error(seats, says):
    from tests.test_cli import main_py

    out = main_py("play", "--seats", seats)
    assert out.returncode == 2 and says in out.stderr and "Traceback" not in out.stderr, out


def test_the_seats_are_the_powers_named_in_any_case_and_spacing():
    from game.cli.common import check_seats
    from game.paths import DEFAULT_SCENARIO
    from game.scenario import load_scenario

    assert check_seats(load_scenario(DEFAULT_SCENARIO), " Germany,ussr") == ("germany", "ussr")


def test_the_class_code_is_the_seed_and_gives_the_same_game(app):
    from game.ui.session import Session

    def played(code: int) -> dict:
        s = Session.new(None, code, seats=SEATS)
        for _ in range(3 * len(SEATS)):
            s.game.submit(Action("end_turn", s.next_seat()))
        return s.game.state.to_dict()

    assert Session.new(None, 4711, seats=SEATS).code == 4711
    assert played(4711) == played(4711)
    app.apply(flow.NewGame(None, 4711, SEATS))
    app.session.power = "ussr"
    assert "class code 4711" in app.open("pause").title


def test_the_last_seats_notice_does_not_stay_over_the_hand_over(app):
    d = start(app)
    d.key(pygame.K_t)
    while not isinstance(app.top, DeskScreen):
        d.close_dialog()
    app.notify("Sent: a private word to Berlin.", "good")
    d.end_week()
    assert isinstance(app.top, HandoverScreen) and app.notice is None


def test_loading_a_hot_seat_game_says_so_over_the_hand_over(app, tmp_path):
    start(app)
    path = tmp_path / "class.json"
    app.session.save(path)
    app.apply(flow.LoadSave(path))
    assert isinstance(app.top, HandoverScreen) and app.notice is not None and "Loaded" in app.notice.text


def test_the_hand_over_names_the_team_and_the_people_in_office_now(app) -> None:
    """A class that starts on 24 July: Litvinov was dismissed on 3 May, and the team is called by its name."""
    from game.engine.classroom import ClassOptions

    options = ClassOptions.typed("7B", {"ussr": "Politbiuro – grupa Łódź"}, start="political_text")
    app.apply(flow.NewGame(None, 5, SEATS, options))
    Driver(app, "keys").frame()
    screen = app.top
    assert isinstance(screen, HandoverScreen) and screen.seat == "ussr"
    assert screen.title == "Pass to Politbiuro – grupa Łódź (USSR)"
    people = " ".join(b.text for b in screen.body_blocks())
    assert "Vyacheslav Molotov" in people and "Litvinov" not in people
    assert "Only Politbiuro – grupa Łódź (USSR) should see the screen now" in people


def test_the_hand_over_of_a_team_without_a_name_names_its_power(app) -> None:
    d = start(app)
    d.frame()
    assert app.top.title == "Pass to the USSR team"


def test_the_hand_over_shows_the_weeks_public_news_for_the_projector(app, drawn):
    d = start(app)
    play_weeks(app, d, 2)
    s = app.session
    public = [e for e in s.game.inbox(None) if e.visible_to is None and e.kind != "teacher"
              and e.turn == s.game.state.turn]
    assert public, "the week brought no public news: the check could not see it shown"
    shown = " ".join(drawn["handover"])
    assert public[-1].title in shown
    secret = [e.title for e in s.game.inbox(None) if e.visible_to is not None and e.turn == s.game.state.turn]
    assert not [t for t in secret if t in shown and t not in {e.title for e in public}]
