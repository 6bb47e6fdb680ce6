"""A save is checked as strictly as a scenario: ids exist, fields have their types and ranges. A stored state that
does not fit is rebuilt from the actions (with a located note); an envelope that does not fit is refused with a
located error. Nothing tampered reaches the desk."""

from __future__ import annotations

import json

import pytest

from game.engine import Action, Game
from game.engine.save_check import state_problem
from game.engine.saves import dumps, load_game, save_game
from game.scenario import ScenarioError
from tests.test_saves import played, reload_tampered


def test_every_state_of_played_games_fits_the_check(mini):
    """The check knows every field the engine writes: it passes each week of games played by every policy and by
    a human who leaves questions waiting."""
    from game.scenario import load_scenario
    from tests.conftest import ROOT

    full = load_scenario(ROOT / "scenarios" / "1939.yaml")
    for policy in ("historical", "west", "germany", "random", "passive"):
        game = Game.new(full, seed=3, policies={full.player: policy})
        while not game.over:
            assert state_problem(game.state.to_dict(), full) is None, policy
            game.resolve_week()
        assert state_problem(game.state.to_dict(), full) is None, policy
    game = Game.new(mini, seed=5, humans=["red"])
    while not game.over:
        assert state_problem(game.state.to_dict(), mini) is None
        for event in game.pending_choices("red"):     # checked above while the question waited
            game.submit(Action("choose", "red", event.id, option=event.default_choice().id))
        game.submit(Action("end_turn", "red"))
    assert state_problem(game.state.to_dict(), mini) is None


def _pending(state):
    state["pending"] = [{"event": "no_such_event", "power": "red", "date": "1939-04-24"}]


def _draft(state):
    next(iter(state["offers"].values()))["clauses"] = ["no_such_clause"]


def _title(state):
    state["log"][0]["title"] = 5


def _long_number(state):
    state["meters"]["security"] = 10**4000


def _budget(state):
    state["budget"]["red"] = 10**30


def _trust(state):
    state["trust"]["red"]["blue"] = 1e308


def _people(state):
    state["people"]["red"]["leader"] = [["nested"], 3]


def _chosen(state):
    state["chosen"] = {"offer_from_grey": "no_such_choice"}


@pytest.mark.parametrize("tamper, where", [
    (_pending, "state.pending[0].event: unknown event with choices: 'no_such_event'"),
    (_draft, "clauses[0]: unknown clause"),
    (_title, "state.log[0].title: expected text, found a number"),
    (_long_number, "state.meters.security: a 4001-digit number is out of range"),
    (_budget, "state.budget.red"),
    (_trust, "state.trust.red.blue"),
    (_people, "state.people.red.leader[0]: expected text"),
    (_chosen, "state.chosen.offer_from_grey: unknown choice"),
])
def test_a_state_that_does_not_fit_is_rebuilt_with_a_located_note(mini, tmp_path, tamper, where):
    game = played(mini)
    loaded, notes = reload_tampered(game, tmp_path / "a.json", tamper)
    assert len(notes) == 1 and where in notes[0] and "rebuilt" in notes[0]
    assert dumps(loaded) == dumps(game)


@pytest.mark.parametrize("tamper, where", [
    (lambda doc: doc["actions"].append({"kind": "propose", "power": "red", "target": "pact", "clauses": ["bogus"]}),
     "actions[2].clauses[0]: unknown clause of the offer 'pact': 'bogus'"),
    (lambda doc: doc["actions"].append({"kind": "choose", "power": "red", "target": "leak", "option": "x"}),
     "actions[2].option: unknown choice of the event 'leak': 'x'"),
    (lambda doc: doc.update(humans=["atlantis"]), "humans[0]: unknown power: 'atlantis'"),
    (lambda doc: doc.update(seed="12"), "seed: expected a whole number, found text"),
    (lambda doc: doc.update(policies={"blue": "no_such_policy"}), "policies.blue: unknown policy"),
])
def test_an_envelope_that_does_not_fit_is_refused_with_its_place(mini, tmp_path, tamper, where):
    path = tmp_path / "a.json"
    save_game(played(mini), path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    tamper(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_game(path, mini)
    message = str(info.value)
    assert message.startswith(f"{path}:") and "save file is damaged" in message and where in message


def test_a_number_of_5000_digits_is_refused_with_a_reason(mini, tmp_path):
    path = tmp_path / "a.json"
    save_game(played(mini), path)
    text = path.read_text(encoding="utf-8").replace('"seed":9', '"seed":' + "9" * 5000)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match="number too long"):
        load_game(path, mini)
