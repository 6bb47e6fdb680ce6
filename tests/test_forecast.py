"""The forecast on a draft agrees with the table, and names what blocks a draft with almost no chance."""

from __future__ import annotations

from copy import deepcopy
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from game.engine import Action, Game, negotiation, week
from game.engine.controllers import ai_answer
from game.engine.view import PowerView
from game.scenario import load_scenario
from game.scenario.loader import check_data
from tests.conftest import MINI, ROOT, random_game


def variant(old: str, new: str):
    """The mini scenario with one line changed."""
    text = MINI.read_text(encoding="utf-8")
    assert old in text
    sc, report = check_data(text.replace(old, new).encode(), "mini-variant.yaml")
    assert sc is not None, report
    return sc


def test_a_party_that_sent_the_draft_is_shown_as_its_sender_without_objections(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.table.propose(mini.offer("alliance"), "blue", ["assistance", "passage"])   # blue values passage -15
    odds = PowerView(game, "red").draft("alliance", ["assistance", "passage"]).odds
    assert [(o.party, o.stand, o.low, o.high, o.leanings) for o in odds] == [("blue", "sent", 1.0, 1.0, ())]


def test_a_party_is_never_said_to_object_to_a_clause_it_proposed(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.table.propose(mini.offer("alliance"), "blue", ["assistance", "passage"])
    game.table.propose(mini.offer("alliance"), "red", ["assistance"])    # red's counter-draft
    (odds,) = PowerView(game, "red").draft("alliance", ["assistance", "passage"]).odds
    assert odds.stand == ""
    assert not any("Right of passage" in words for words in odds.leanings)


def test_a_party_that_accepted_the_draft_on_the_table_is_shown_so(mini):
    game = Game.new(mini, seed=1, humans=["red", "blue"])
    game.submit(Action("act", "red", "open_talks"))
    game.table.propose(mini.offer("pact"), "red", ["non_aggression"])
    odds = PowerView(game, "grey").draft("pact", ["non_aggression"]).odds
    assert [(o.party, o.stand) for o in odds] == [("red", "sent")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), weeks=st.integers(0, 7))
def test_the_forecast_agrees_with_the_table_for_random_tables_and_drafts(mini, seed, weeks):
    game = random_game(mini, seed, weeks)
    for offer in mini.offers:
        ostate = game.state.offers[offer.id]
        drafts = [tuple(c.id for i, c in enumerate(offer.clauses) if bits >> i & 1)
                  for bits in range(1, 2 ** len(offer.clauses))]     # every draft of the offer
        for viewer in offer.parties:
            for draft in drafts:
                for odds in PowerView(game, viewer).draft(offer.id, draft).odds:
                    own = {c.name for c in offer.clauses if c.id in game.table.agreed_by(offer.id, odds.party)}
                    assert not any(f"objects to ‘{name}’" in words for name in own for words in odds.leanings)
                    stands = (ostate.status == "proposed" and set(draft) == set(ostate.clauses)
                              and odds.party in ostate.accepted)
                    assert bool(odds.stand) == stands
                    if stands:
                        assert (odds.low, odds.high) == (1.0, 1.0)
                        assert odds.stand == ("sent" if odds.party == ostate.proposer else "accepted")


def test_a_hidden_urgency_is_named_as_not_pressed_for_time(mini):
    sc = variant("grey: {threshold: 20, urgency", "grey: {threshold: 40, urgency")
    game = Game.new(sc, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    (odds,) = PowerView(game, "red").draft("pact", ["non_aggression"]).odds
    assert odds.high < 0.2
    assert odds.blocker == "is not pressed for time yet"
    game.state.meters["urgency"] = 45    # pressed for time now: a likely yes, nothing blocks
    (odds,) = PowerView(game, "red").draft("pact", ["non_aggression"]).odds
    assert odds.high > 0.2 and odds.blocker == ""


def test_the_scenario_words_a_blocker_in_its_own_terms(mini):
    sc = variant("grey: {threshold: 20, urgency: urgency, urgency_weight: 1}",
                 "grey: {threshold: 40, urgency: urgency, urgency_weight: 1, "
                 "blockers: {urgency: will not commit before its army is ready}}")
    game = Game.new(sc, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    (odds,) = PowerView(game, "red").draft("pact", ["non_aggression"]).odds
    assert odds.blocker == "will not commit before its army is ready"


def test_the_blocker_is_the_term_that_costs_most(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.state.trust["blue"]["red"] = 0       # trust costs 25, the passage clause 15
    (odds,) = PowerView(game, "red").draft("alliance", ["assistance", "passage"]).odds
    assert odds.high < 0.2 and odds.blocker == "does not trust Red Republic enough"
    sc = variant("{id: passage, name: Right of passage, values: {blue: -15",
                 "{id: passage, name: Right of passage, values: {blue: -45")
    game = Game.new(sc, seed=1, humans=["red"])
    game.state.trust["blue"]["red"] = 25      # trust costs 12.5, the clause 45
    (odds,) = PowerView(game, "red").draft("alliance", ["assistance", "passage"]).odds
    assert odds.blocker == "will not accept ‘Right of passage’"


@pytest.fixture(scope="module")
def scenarios_1939():
    """The 1939 scenario and its Poland overlay."""
    return [load_scenario(ROOT / "scenarios" / name) for name in ("1939.yaml", "poland.yaml")]


def table_score(game: Game, offer, viewer: str, party: str, draft: tuple[str, ...]) -> float:
    """The score the table's AI answer (controllers.ai_answer) gives the draft when it reaches the party, in a copy
    of the game where the viewer sends it now and the weeks pass with their drift only."""
    copy = Game(game.scenario, deepcopy(game.state), humans=game.humans)
    ostate = copy.state.offers[offer.id]
    if not (ostate.status == "proposed" and party in ostate.waiting and set(draft) == set(ostate.clauses)):
        copy.table.propose(offer, viewer, draft)
    while offer.id not in copy.table.drafts_for(party):
        week.drift(copy)
        copy.state.turn += 1
    seen = []
    with patch.object(negotiation, "acceptance", side_effect=lambda value, spread: seen.append(value) or 1.0):
        ai_answer(copy, offer, party)
    return seen[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, 1), seed=st.integers(0, 10_000), weeks=st.integers(0, 12), data=st.data())
def test_the_forecast_is_the_table_rule_for_the_clauses_as_drafted(scenarios_1939, which, seed, weeks, data):
    sc = scenarios_1939[which]
    played = random_game(sc, seed, weeks)
    offer = data.draw(st.sampled_from(sc.offers))
    viewer = data.draw(st.sampled_from(offer.parties))
    game = Game(sc, deepcopy(played.state), humans=[viewer])
    draft = tuple(game.state.offers[offer.id].clauses) or offer.default_draft()
    for clause in data.draw(st.lists(st.sampled_from([c.id for c in offer.clauses]), max_size=6)):
        draft = negotiation.toggle(offer, draft, clause)
    assume(negotiation.malformed(offer, draft) is None)
    for odds in PowerView(game, viewer).draft(offer.id, draft).odds:
        if odds.stand:
            continue
        expected = negotiation.odds_range(table_score(game, offer, viewer, odds.party, draft), offer.spread)
        assert (odds.low, odds.high) == expected, (offer.id, odds.party, draft)
