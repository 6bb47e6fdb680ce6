"""The middle weeks of 1939: a question every week, reports that may be wrong and can be checked, offers that lapse on
their day, and costs that fall on the other track."""

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
    for event in game.pending_choices("ussr"):
        game.submit(Action("choose", "ussr", event.id, option=event.default_choice().id))
    result = game.check(Action("act", "ussr", "resume_credit_talks"))
    assert not result.ok and "lapsed" in result.reason


def test_london_request_cannot_be_answered_once_the_missions_have_sailed(sc):
    game = soviet_game(sc, 1, sc.calendar.turn_of(sc.event("london_request_lapses").date))
    assert "london_request_lapses" in {e.ref for e in game.state.log}
    result = game.check(Action("act", "ussr", "accept_articles_before_missions"))
    assert not result.ok and "sailed" in result.reason


def at_week(sc, week: int, seed: int = 1) -> Game:
    """A game with a Soviet seat that answers every question by default and does nothing else, at the start of
    the week, its questions still unanswered."""
    game = Game.new(sc, seed=seed, humans=["ussr"])
    while game.state.turn < week:
        for event in game.pending_choices("ussr"):
            game.submit(Action("choose", "ussr", event.id, option=event.default_choice().id))
        finish_weeks(game)
    return game


def answered(sc, week: int, event: str, option: str) -> Game:
    game = at_week(sc, week)
    assert event in {e.id for e in game.pending_choices("ussr")}
    assert game.submit(Action("choose", "ussr", event, option=option)).ok
    return game


def test_every_middle_week_asks_moscow_a_question(sc):
    game = Game.new(sc, seed=1, humans=["ussr"])
    asked: dict[int, list[str]] = {}
    while game.state.turn <= 14:
        for event in game.pending_choices("ussr"):
            asked.setdefault(game.state.turn, []).append(event.id)
            game.submit(Action("choose", "ussr", event.id, option=event.default_choice().id))
        finish_weeks(game)
    assert [week for week in range(7, 15) if week not in asked] == [], asked


def test_what_moscow_says_about_danzig_moves_berlins_urgency_either_way(sc):
    week = sc.calendar.turn_of(sc.event("danzig_question").date)
    urgency = {option: answered(sc, week, "danzig_question", option).state.meters["german_urgency"]
               for option in ("stand_by_poland", "silence", "reassure_berlin")}
    assert urgency["stand_by_poland"] > urgency["silence"] > urgency["reassure_berlin"]


def test_checking_the_report_from_london_costs_a_point_and_tells_what_it_was_worth(sc):
    week = sc.calendar.turn_of(sc.event("wohlthat_report").date)
    kept = answered(sc, week, "wohlthat_report", "file_it")
    checked = answered(sc, week, "wohlthat_report", "check")
    assert checked.state.budget["ussr"] == kept.state.budget["ussr"] - 1
    assert titles(checked, "wohlthat_report") == ["Checked: talks, not a settlement"]
    assert titles(kept, "wohlthat_report") == []


def test_what_goes_to_zhukov_is_missing_in_the_west(sc):
    week = sc.calendar.turn_of(sc.event("zhukov_asks").date)
    sent, held = answered(sc, week, "zhukov_asks", "send"), answered(sc, week, "zhukov_asks", "hold")
    assert sent.state.budget["ussr"] == held.state.budget["ussr"] - 1
    assert sent.state.meters["eastern_threat"] < held.state.meters["eastern_threat"]
    assert sent.state.meters["western_security"] < held.state.meters["western_security"]


def test_insisting_on_the_baltic_puts_indirect_aggression_on_the_table(sc):
    week = sc.calendar.turn_of(sc.event("baltic_list").date)
    assert "indirect_raised" in answered(sc, week, "baltic_list", "insist").state.flags
    listed = answered(sc, week, "baltic_list", "accept_list")
    assert "indirect_raised" not in listed.state.flags
