"""Effects and refusals in words: every effect type has a wording; hidden things stay hidden."""

from __future__ import annotations

from game.engine import Action, Game
from game.engine.describe import WORDS, describe_effects
from game.engine.saves import save_game, scenario_of
from game.scenario.vocabulary import EFFECT


def test_every_effect_type_has_a_wording():
    assert set(WORDS) == set(EFFECT.entries)


def test_actions_are_described_without_hidden_effects_or_meters(mini):
    talks = mini.action("open_talks")
    assert describe_effects(talks.effects, mini) == ["Puts the Red-Grey pact on the table"]
    assert describe_effects(mini.action("speech").effects, mini) == ["Security +2"]
    event = mini.event("offer_from_grey")
    assert describe_effects(event.choices[0].effects, mini) == ["Puts the Red-Grey pact on the table"]
    signed = mini.offer("alliance").on_sign
    assert describe_effects(signed, mini) == ["Security +30"]


def test_clause_refusal_says_why_a_clause_cannot_be_added(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    assert game.clause_refusal("pact", "protocol") is None  # already in the default draft
    game.state.offers["pact"].clauses = ["non_aggression"]
    game.state.flags.discard("talks")
    assert game.clause_refusal("pact", "protocol") == "Needs ‘talks’."
    assert game.propose_cost("red", mini.offer("pact")) == 1


def test_scenario_of_a_save(mini, tmp_path):
    path = tmp_path / "s.json"
    save_game(Game.new(mini, seed=1, humans=["red"]), path)
    assert scenario_of(path) == ("mini", mini.path, mini.sha256)
