"""One date for each event: a game ended by a signature ends on the day of the signature, which the signing card,
the ending and the report all read from the log entry; the ending compares it with history's date."""

from __future__ import annotations

import pytest

from game.engine import Game
from game.engine.signing import Signing
from game.engine.view import PowerView
from game.scenario import load_scenario
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def sc1939():
    return load_scenario(ROOT / "scenarios" / "1939.yaml")


def test_a_game_ended_by_a_signature_ends_on_the_day_of_the_signature(sc1939):
    ended_by_treaty = 0
    for seed in range(12):
        game = Game.new(sc1939, seed=seed, policies={p.id: "random" for p in sc1939.powers})
        game.run_until_human()
        signed = PowerView(game, "ussr").signing()
        if signed is None:
            continue
        ended_by_treaty += 1
        (outcome,) = [e for e in game.state.log if e.kind == "outcome"]
        assert game.state.end_date == outcome.date == signed.date, seed
    assert ended_by_treaty >= 3


def signed(date: str, history: str) -> Signing:
    return Signing("pact", "Pact", date, "Moscow", (), (), (), history)


def test_the_ending_compares_the_signature_with_history():
    assert signed("1939-08-21", "1939-08-23").compared == ("Signed in Moscow on 21 August 1939, 2 days before "
                                                          "the historical signature of 23 August 1939.")
    assert signed("1939-08-24", "1939-08-23").compared == ("Signed in Moscow on 24 August 1939, one day after "
                                                          "the historical signature of 23 August 1939.")
    assert signed("1939-08-23", "1939-08-23").compared == "Signed in Moscow on 23 August 1939, the same day as in history."
    assert signed("1939-08-23", "").compared == "Signed in Moscow on 23 August 1939."


def test_the_pact_ending_does_not_date_this_game_by_history(sc1939):
    summary = sc1939.outcome("nazi_soviet_pact").summary
    assert "what happened on 23 August" not in summary
    assert sc1939.offer("german_pact").signed_in_history.isoformat() == "1939-08-23"
