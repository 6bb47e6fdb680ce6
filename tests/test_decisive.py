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


def west_game(sc, seats: tuple[str, ...] = ("ussr",)) -> Game:
    """A Soviet seat that speaks for collective security twice, keeps Litvinov and accepts the Western draft; the
    other seats, if any, only end their weeks."""
    game = Game.new(sc, seed=4, humans=list(seats))
    steps = ((1, Action("act", "ussr", "speech_collective_security")),
             (3, Action("choose", "ussr", "litvinov_question", option="keep")),
             (4, Action("act", "ussr", "speech_collective_security")),
             (7, Action("choose", "ussr", "supreme_soviet_speech", option="welcome")),
             (7, Action("accept", "ussr", "anglo_french_alliance")))
    for turn, action in steps:
        while game.state.turn < turn:
            finish_weeks(game)
        assert game.submit(action).ok, action
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


def test_a_traced_game_without_people_names_its_decisive_decisions(sc):
    game = Game.new(sc, seed=1, policies={"ussr": "historical"}, trace=True)
    game.run_until_human()
    first = decisive_decisions(game, "ussr")[0]
    assert first["ref"] == "german_pact" and first["moves"]


def test_run_prints_the_decisive_decisions_with_what_they_moved(capsys):
    from game.cli import main

    main(["run", str(ROOT / "scenarios" / "1939.yaml"), "--policy", "historical"])
    out = capsys.readouterr().out
    decisive = out[out.index("\nDecisive:\n"):].splitlines()
    assert decisive[2].startswith("  1. ") and "Soviet sphere +" in out[out.index("\nDecisive:\n"):]


def test_every_seat_of_a_class_game_is_judged_against_its_own_policies(sc, tmp_path):
    from game.export.debrief import class_debrief
    from game.export.files import write_debrief

    game = west_game(sc, ("ussr", "britain"))
    sides = {s["power"]: s for s in class_debrief(game, game.seats)["sides"]}
    assert sides["ussr"]["verdict"][0]["games"] == 100 * (1 + sum(p.power == "ussr" for p in sc.policies))
    assert sides["britain"]["verdict"][0]["games"] == 100   # Britain's own AI plan: the scenario has no policy for it
    assert sides["ussr"]["decisive"][0]["title"] == "Accepted the Anglo-French-Soviet alliance"
    html = write_debrief(game, game.seats, tmp_path).html.read_text(encoding="utf-8")
    assert "USSR: the decisions that decided it" in html and "Accepted the Anglo-French-Soviet alliance (" in html
    assert "USSR: against history" in html and "Britain: against history" in html
