"""The decisions that decided a game, traced through the ledger (game/engine/decisive.py)."""

from __future__ import annotations

import pytest

from game.engine import Action, Game
from game.engine.decisive import decisive_decisions
from game.engine.script import finish_weeks
from game.scenario import load_scenario
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def sc():
    return load_scenario(ROOT / "scenarios" / "1939.yaml")


def west_game(sc) -> Game:
    """A Soviet seat that speaks for collective security twice, keeps Litvinov and accepts the Western draft."""
    game = Game.new(sc, seed=4, humans=["ussr"])
    game.submit(Action("act", "ussr", "speech_collective_security"))
    while game.state.turn < 3:
        finish_weeks(game)
    assert game.submit(Action("choose", "ussr", "litvinov_question", option="keep")).ok
    while game.state.turn < 4:
        finish_weeks(game)
    assert game.submit(Action("act", "ussr", "speech_collective_security")).ok
    while game.state.turn < 7:
        finish_weeks(game)
    assert game.submit(Action("choose", "ussr", "supreme_soviet_speech", option="welcome")).ok
    assert game.submit(Action("accept", "ussr", "anglo_french_alliance")).ok
    while not game.over:
        finish_weeks(game)
    return game


def test_the_signature_that_ended_the_game_decided_it_most(sc):
    game = west_game(sc)
    assert game.state.outcome == "paper_alliance"
    first = decisive_decisions(game, "ussr")[0]
    assert first["title"] == "Accepted the Anglo-French-Soviet alliance"
    assert first["weight"] == max(d["weight"] for d in decisive_decisions(game, "ussr", count=99))


def test_an_action_taken_twice_counts_once_with_both_effects(sc):
    found = {d["ref"]: d for d in decisive_decisions(west_game(sc), "ussr", count=99)}
    speech = found["speech_collective_security"]
    assert speech["title"] == "Speak for collective security, 2 times" and len(speech["dates"]) == 2
    assert speech["moves"] == [{"id": "international_standing", "name": "International standing", "change": 6.0,
                                "good": True}]


def test_only_the_powers_own_decisions_are_named(sc):
    game = west_game(sc)
    mine = {(e.kind, e.ref) for e in game.state.log if e.power == "ussr"}
    for d in decisive_decisions(game, "ussr", count=99):
        kind = {"offer": "accept"}.get(d["kind"], d["kind"])
        assert (kind, d["ref"]) in mine, d


def test_a_game_without_people_names_no_decisive_decision(sc):
    game = Game.new(sc, seed=1, policies={"ussr": "historical"})
    game.run_until_human()
    assert decisive_decisions(game, "ussr") == []
