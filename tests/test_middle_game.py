"""The middle weeks of 1939: a report that may be wrong and can be checked, offers that lapse on their day."""

from __future__ import annotations

import pytest

from game.engine.actions import Action
from game.engine.game import Game
from game.engine.script import finish_weeks
from game.scenario import load_scenario
from tests.conftest import ROOT

WRONG_TOKYO_SEED = 3   # the Kwantung Army plans its attack; the May report from Tokyo says it does not


@pytest.fixture(scope="module")
def sc():
    return load_scenario(ROOT / "scenarios" / "1939.yaml")


def soviet_game(sc, seed: int, week: int) -> Game:
    """A game with a Soviet seat that does nothing, at the start of the week."""
    game = Game.new(sc, seed=seed, humans=["ussr"])
    while game.state.turn < week:
        finish_weeks(game)
    for event in game.pending_choices("ussr"):   # this week's questions, answered by default
        game.submit(Action("choose", "ussr", event.id, option=event.default_choice().id))
    return game


def titles(game: Game, ref: str) -> list[str]:
    return [e.title for e in game.inbox("ussr") if e.kind == "message" and e.ref == ref]


def test_checking_a_wrong_report_tells_the_truth(sc):
    game = soviet_game(sc, WRONG_TOKYO_SEED, sc.calendar.turn_of(sc.event("tokyo_report").date))
    assert titles(game, "tokyo_report") == ["Tokyo: no larger attack"]
    assert game.submit(Action("act", "ussr", "verify_reports")).ok
    assert titles(game, "verify_reports") == ["Checked: a Japanese offensive is coming"]


def test_the_german_credit_offer_cannot_be_taken_up_once_it_has_lapsed(sc):
    game = Game.new(sc, seed=1, humans=["ussr"])
    assert game.submit(Action("act", "ussr", "open_secret_contacts")).ok
    while game.state.turn < sc.calendar.turn_of(sc.event("german_credit_offer_lapses").date):
        finish_weeks(game)
    result = game.check(Action("act", "ussr", "resume_credit_talks"))
    assert not result.ok and "lapsed" in result.reason


def test_london_request_cannot_be_answered_once_the_missions_have_sailed(sc):
    game = soviet_game(sc, 1, sc.calendar.turn_of(sc.event("london_request_lapses").date))
    assert "london_request_lapses" in {e.ref for e in game.state.log}
    result = game.check(Action("act", "ussr", "accept_articles_before_missions"))
    assert not result.ok and "sailed" in result.reason
