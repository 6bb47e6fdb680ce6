"""Effects and refusals in words: every effect type has a wording; hidden things stay hidden."""

from __future__ import annotations

import pytest

from game.engine import Action, Game
from game.engine.effects import describe_effects
from game.engine.saves import save_game, scenario_of
from game.scenario.vocabulary import EFFECT
from tests.test_conditions import statement

# One sample of each effect kind with its wording (an empty list: the player is told nothing).
WORDED = {
    "meter": ({"meter": {"id": "security", "add": -3}}, ["Security -3"]),
    "trust": ({"trust": {"from": "blue", "to": "red", "set": 60, "mutual": True}},
              ["Blue Kingdom's trust in Red Republic set to 60 (both ways)"]),
    "set_flag": ({"set_flag": "talks"}, []),
    "clear_flag": ({"clear_flag": "talks"}, []),
    "open_offer": ({"open_offer": "pact"}, ["Puts the Red-Grey pact on the table"]),
    "close_offer": ({"close_offer": "pact"}, ["Takes the Red-Grey pact off the table"]),
    "propose": ({"propose": {"offer": "pact", "by": "grey"}}, ["Grey Empire sends a draft of the Red-Grey pact"]),
    "add_clause": ({"add_clause": {"offer": "alliance", "clause": "passage"}}, ["Adds ‘Right of passage’ to the draft"]),
    "remove_clause": ({"remove_clause": {"offer": "alliance", "clause": "passage"}},
                      ["Drops ‘Right of passage’ from the draft"]),
    "sign": ({"sign": "alliance"}, ["Signs the Red-Blue alliance"]),
    "sphere": ({"sphere": {"territory": "buffer", "power": "grey"}}, ["Buffer State into the sphere of Grey Empire"]),
    "owner": ({"owner": {"territory": "buffer", "power": None}}, ["Buffer State held by nobody"]),
    "fire": ({"fire": "leak"}, ["Leads to: A leak"]),
    "end_game": ({"end_game": "alone"}, ["Ends the game: Alone"]),
    "if": ({"if": {"when": {"flag": "talks"}, "then": [{"meter": {"id": "security", "add": 1}}, {"meter": {"id": "urgency", "add": 1}},
                                                      {"budget": {"power": "red", "add": -1}}]}},
           ["If conditions allow: Security +1; Red Republic action points -1 this week"]),
    "chance": ({"chance": {"p": 0.25, "then": [{"open_offer": "pact"}]}}, ["Perhaps (25%): Puts the Red-Grey pact on the table"]),
    "unlock": ({"unlock": "card_one"}, ["New source in the archive: A speech"]),
    "reply_weeks": ({"reply_weeks": {"power": "blue", "set": 1}}, ["Blue Kingdom now answers in 1 week"]),
    "appoint": ({"appoint": {"power": "red", "role": "foreign_minister", "name": "New Minister"}},
                ["New Minister appointed (Red Republic)"]),
    "message": ({"message": {"text": "Hello."}}, []),
    "budget": ({"budget": {"power": "red", "add": 2}}, ["Red Republic action points +2 this week"]),
}


def test_every_effect_kind_has_a_sample_wording():
    assert set(WORDED) == set(EFFECT.entries)


@pytest.mark.parametrize("kind", sorted(WORDED))
def test_effect_wording(mini, kind):
    value, words = WORDED[kind]
    assert describe_effects([statement(EFFECT, value, mini)], mini) == words


def test_a_branch_of_unseen_effects_says_nothing(mini):
    hidden = [{"chance": {"p": 0.5, "then": [{"set_flag": "x"}, {"meter": {"id": "urgency", "add": 1}}]}}]
    assert describe_effects([statement(EFFECT, value, mini) for value in hidden], mini) == []
    assert describe_effects([statement(EFFECT, {"reply_weeks": {"power": "blue", "set": 3}}, mini)], mini) == [
        "Blue Kingdom now answers in 3 weeks"]


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


def test_an_offer_named_with_its_own_article_is_not_the_the():
    """An offer called "The Treaty of Rapallo" is proposed as "the Treaty of Rapallo", never "the The ..."."""
    import dataclasses

    from game.engine import Action, Game
    from game.scenario import load_scenario
    from tests.conftest import MINI

    sc = load_scenario(MINI)
    sc = dataclasses.replace(sc, offers=tuple(dataclasses.replace(o, name="The Treaty of Rapallo") if o.id == "alliance"
                                              else o for o in sc.offers))
    game = Game.new(sc, seed=1, humans=["red"])
    assert game.submit(Action("propose", "red", "alliance", ("assistance",))).ok
    titles = [e.title for e in game.state.log if e.ref == "alliance"]
    assert "Red Republic proposes the Treaty of Rapallo" in titles, titles
    assert not any("he The" in t or "the the" in t.lower() for t in titles)
