"""Negotiation: how drafts travel, how AI parties value them, counters, signing."""

from __future__ import annotations

import pytest

from game.engine import Action, Game
from game.engine.negotiation import acceptance, likely_range, score
from game.engine.view import PowerView


def test_score_sums_clause_values_trust_and_urgency(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    alliance = mini.offer("alliance")
    # blue: threshold 0, trust_weight 0.5, trust towards red 40 -> 0.5 * (40 - 50) = -5
    assert score(alliance, "blue", ["assistance"], game.state) == pytest.approx(5 - 5)
    assert score(alliance, "blue", ["assistance", "passage"], game.state) == pytest.approx(5 - 15 - 5)
    pact = mini.offer("pact")
    game.state.meters["urgency"] = 30
    # grey: threshold 20, urgency weight 1 -> 10 + 10 - 20 + 30
    assert score(pact, "grey", ["non_aggression", "protocol"], game.state) == pytest.approx(30)


def test_acceptance_is_a_logistic_of_score_over_spread():
    assert acceptance(0, 10) == pytest.approx(0.5)
    assert acceptance(10, 10) == pytest.approx(1 / (1 + 2.718281828 ** -1), rel=1e-6)
    assert acceptance(-1e9, 10) < 1e-20 < acceptance(1e9, 10)


def test_likely_range_brackets_the_true_probability(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    offer = mini.offer("alliance")
    low, high = likely_range(offer, "blue", ["assistance", "passage"], game.state)
    true = acceptance(score(offer, "blue", ["assistance", "passage"], game.state), offer.spread)
    assert low < true < high
    predicted = game.predict("alliance", ["assistance", "passage"], by="red")
    assert predicted == {"blue": (low, high)}


def test_prediction_for_a_human_party_is_unknown(mini):
    game = Game.new(mini, seed=1, humans=["red", "blue"])
    assert game.predict("alliance", ["assistance"], by="red") == {"blue": None}


def test_draft_reaches_the_other_party_after_its_reply_weeks(mini):
    game = Game.new(mini, seed=1, humans=["red", "blue"])
    assert game.submit(Action("propose", "red", "alliance", ("assistance",))).ok
    assert game.state.offers["alliance"].waiting == {"blue": 2}  # blue's reply_weeks is 1
    result = game.check(Action("accept", "blue", "alliance"))
    assert not result.ok and "not yet reached" in result.reason
    game.submit(Action("end_turn", "red"))
    game.submit(Action("end_turn", "blue"))
    assert game.state.turn == 2
    assert game.submit(Action("accept", "blue", "alliance")).ok
    assert game.state.offers["alliance"].status == "signed"
    assert game.over and game.state.outcome == "alliance_signed"


def test_required_clause_cannot_be_left_out_and_unavailable_clause_cannot_be_raised(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    result = game.check(Action("propose", "red", "alliance", ("passage",)))
    assert not result.ok and "cannot be left out" in result.reason
    game.submit(Action("act", "red", "open_talks"))
    game.state.flags.discard("talks")
    game.state.offers["pact"].clauses = ["non_aggression"]
    result = game.check(Action("propose", "red", "pact", ("non_aggression", "protocol")))
    assert not result.ok and "cannot be raised yet" in result.reason and "talks" in result.reason


def test_closed_offer_cannot_be_proposed_and_outsiders_cannot_propose(mini):
    game = Game.new(mini, seed=1, humans=["red", "grey"])
    assert "not on the table" in game.check(Action("propose", "red", "pact", ("non_aggression",))).reason
    assert "not a party" in game.check(Action("propose", "grey", "alliance", ("assistance",))).reason


def test_ai_accepts_a_draft_it_values_highly(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    game.state.meters["urgency"] = 100  # grey's score is now far above its threshold
    game.submit(Action("propose", "red", "pact", ("non_aggression", "protocol")))
    game.submit(Action("end_turn", "red"))
    assert game.state.offers["pact"].status == "signed"
    assert game.state.outcome == "pact_signed"
    assert game.state.territories["buffer"].sphere == "red"  # the protocol clause's on_sign effect


def test_ai_counters_with_its_best_single_change(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    game.state.meters["urgency"] = -1000  # grey will not accept as it stands
    game.submit(Action("propose", "red", "pact", ("non_aggression",)))
    game.submit(Action("end_turn", "red"))
    pact = game.state.offers["pact"]
    assert pact.status == "proposed" and pact.proposer == "grey"
    assert pact.clauses == ["non_aggression", "protocol"]  # grey adds the clause it values
    assert pact.waiting == {"red": game.state.turn - 1}  # red answers at once (reply_weeks 0)


def test_ai_rejects_when_no_change_helps(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    game.state.meters["urgency"] = -1000
    game.submit(Action("propose", "red", "pact", ("non_aggression", "protocol")))
    game.submit(Action("end_turn", "red"))
    assert game.state.offers["pact"].status == "open"
    assert [e.kind for e in game.state.log if e.ref == "pact"][-1] == "reject"


def test_answering_is_free_but_opening_a_round_costs_points(mini):
    game = Game.new(mini, seed=1, humans=["red", "blue"])
    game.submit(Action("propose", "red", "alliance", ("assistance",)))
    assert game.state.budget["red"] == 1
    game.submit(Action("end_turn", "red"))
    game.submit(Action("end_turn", "blue"))
    budget = game.state.budget["blue"]
    assert game.submit(Action("propose", "blue", "alliance", ("assistance", "passage"))).ok
    assert game.state.budget["blue"] == budget  # a counter-draft costs nothing


def test_same_draft_cannot_be_sent_twice(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("propose", "red", "alliance", ("assistance",)))
    result = game.check(Action("propose", "red", "alliance", ("assistance",)))
    assert not result.ok and "already on its way" in result.reason


def test_rejecting_reopens_the_offer_and_stalling_is_logged(mini):
    game = Game.new(mini, seed=1, humans=["red", "blue"])
    game.submit(Action("propose", "blue", "alliance", ("assistance",)))
    assert game.submit(Action("stall", "red", "alliance")).ok
    assert game.state.log[-1].kind == "stall"
    assert game.submit(Action("reject", "red", "alliance")).ok
    assert game.state.offers["alliance"].status == "open"
    assert not game.check(Action("accept", "red", "alliance")).ok


def _offer_with_dependencies():
    from game.scenario.model import Clause, Offer

    def clause(ident, requires=(), excludes=(), required=False):
        return Clause(ident, ident, "", required, False, False, requires, excludes, None, None, {"a": 1.0}, ())

    clauses = (clause("core", required=True), clause("protocol", requires=("spheres",)),
               clause("spheres", requires=("protocol",)), clause("baltic", requires=("spheres",)),
               clause("neutral", excludes=("protocol",)))
    return Offer("o", "O", ("a", "b"), "", True, 1, 10.0, clauses, {}, ())


def test_toggle_adds_what_a_clause_needs_and_removes_what_needs_it():
    from game.engine.negotiation import toggle, with_requirements

    offer = _offer_with_dependencies()
    assert toggle(offer, ["core"], "protocol") == ("core", "protocol", "spheres")
    assert toggle(offer, ["core"], "baltic") == ("core", "protocol", "spheres", "baltic")
    assert toggle(offer, ["core", "protocol", "spheres", "baltic"], "spheres") == ("core",)
    assert toggle(offer, ["core", "protocol", "spheres"], "neutral") == ("core", "neutral")
    assert with_requirements(offer, []) == {"core"}


def test_legal_actions_offer_toggles_that_keep_drafts_consistent(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    drafts = {a.clauses for a in game.legal_actions("red") if a.kind == "propose"}
    assert drafts == {("assistance",), ("assistance", "passage")}


def test_edit_removes_dependants_then_adds_with_requirements():
    from game.engine.negotiation import edit

    offer = _offer_with_dependencies()
    full = ["core", "protocol", "spheres", "baltic"]
    assert edit(offer, full, remove=["protocol"]) == ("core",)
    assert edit(offer, ["core"], add=["baltic"]) == ("core", "protocol", "spheres", "baltic")
    assert edit(offer, full, add=["neutral"], remove=["baltic"]) == ("core", "neutral")


def _variant(tmp_path, old: str, new: str):
    from game.scenario import load_scenario
    from tests.conftest import MINI

    text = MINI.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "variant.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_scenario(path)


def test_counter_min_makes_a_party_reject_instead_of_binding_itself(tmp_path):
    scenario = _variant(tmp_path, "grey: {threshold: 20, urgency: urgency, urgency_weight: 1}",
                        "grey: {threshold: 20, urgency: urgency, urgency_weight: 1, counter_min: 5}")
    game = Game.new(scenario, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    game.state.meters["urgency"] = -1000
    game.submit(Action("propose", "red", "pact", ("non_aggression",)))
    game.submit(Action("end_turn", "red"))
    assert game.state.offers["pact"].status == "open"  # without the floor grey would have countered


def test_hidden_meter_is_not_named_in_a_refusal_and_why_not_replaces_the_reason(tmp_path):
    scenario = _variant(tmp_path, "requires: {meter: {id: security, max: 50}}",
                        "requires: {meter: {id: urgency, min: 50}}")
    game = Game.new(scenario, seed=1, humans=["red"])
    reason = {a.id: a.reason for a in PowerView(game, "red").actions()}["speech"]
    assert reason == "Not possible yet." and "rgency" not in reason
    scenario = _variant(tmp_path, "requires: {meter: {id: security, max: 50}}",
                        "requires: {meter: {id: security, min: 90}}\n    why_not: Only after a victory.")
    game = Game.new(scenario, seed=1, humans=["red"])
    assert {a.id: a.reason for a in PowerView(game, "red").actions()}["speech"] == "Only after a victory."


@pytest.mark.parametrize("clauses, words", [
    (("assistance", "bogus"), "has no clause 'bogus'"),
    (("assistance", "assistance"), "listed twice"),
    ((), "at least one clause"),
    (("passage",), "cannot be left out"),
])
def test_malformed_drafts_are_refused_with_the_reason(mini, clauses, words):
    game = Game.new(mini, seed=1, humans=["red"])
    for _ in range(2):  # the second time from the cache, with the same reason
        result = game.check(Action("propose", "red", "alliance", clauses))
        assert not result.ok and words in result.reason


def test_requires_and_excludes_are_enforced_in_drafts(mini):
    from dataclasses import replace

    from game.engine.negotiation import malformed

    offer = mini.offer("alliance")
    needy = replace(offer.clauses[1], requires=("assistance",), excludes=())
    clashing = replace(offer.clauses[1], excludes=("assistance",))
    assert malformed(replace(offer, clauses=(replace(offer.clauses[0], required=False), needy)), ("passage",)) \
        == "‘Right of passage’ needs ‘Mutual assistance’."
    assert malformed(replace(offer, clauses=(offer.clauses[0], clashing)), ("assistance", "passage")) \
        == "‘Right of passage’ cannot stand with ‘Mutual assistance’."


def test_leanings_say_what_weighs_with_the_other_side_without_numbers(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    words = game.leanings("alliance", ["assistance", "passage"], "blue")
    assert words == ["objects to ‘Right of passage’", "values ‘Mutual assistance’"]
    game.state.trust["blue"]["red"] = 10
    assert game.leanings("alliance", ["assistance"], "blue")[-1] == "distrusts Red Republic"
    game.state.trust["blue"]["red"] = 90
    assert game.leanings("alliance", ["assistance"], "blue")[-1] == "trusts Red Republic"


def test_leanings_keep_hidden_gauges_and_unavailable_clauses_quiet(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    game.state.flags.discard("talks")
    game.state.offers["pact"].clauses = ["non_aggression"]
    words = game.leanings("pact", ["non_aggression"], "grey")
    assert words == ["values ‘Non-aggression’"]  # not the protocol (not available), not the hidden urgency
    game.state.flags.add("talks")
    assert game.leanings("pact", ["non_aggression"], "grey") == ["values ‘Non-aggression’",
                                                                 "would want ‘Secret protocol’"]
    assert not any(char.isdigit() for word in words for char in word)
