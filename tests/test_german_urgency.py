"""Germany's urgency in 1939: levers a player can see and pull, and a German signature whose date depends on play."""

from __future__ import annotations

import pytest

from game.engine import Action, Game
from game.engine.negotiation import blocker, blocker_words
from game.scenario import load_scenario
from tests.conftest import ROOT

SEEDS = range(1, 21)


@pytest.fixture(scope="module")
def sc():
    return load_scenario(ROOT / "scenarios" / "1939.yaml")


def seat(sc, seed: int = 1) -> Game:
    return Game.new(sc, seed=seed, humans=["ussr"])


def urgency(game: Game) -> float:
    return game.state.meters["german_urgency"]


def end_week(game: Game, choices: dict[str, str]) -> None:
    """Answer this week's questions as `choices` says (else by default) and end the Soviet week."""
    for event in game.pending_choices("ussr"):
        game.submit(Action("choose", "ussr", event.id, option=choices.get(event.id, event.default_choice().id)))
    if not game.over:
        game.submit(Action("end_turn", "ussr"))


def test_the_blocker_names_the_levers_of_german_urgency(sc):
    game = seat(sc)
    offer = sc.offer("german_pact")
    term, clause = blocker(offer, "germany", ["non_aggression", "trade_credit"], game.state)
    words = blocker_words(offer, "germany", term, clause, {})
    assert term == "urgency" and words.startswith("is not pressed for time yet — it will be")
    for lever in ("Danzig", "London and Paris", "trade", "date"):
        assert lever in words


@pytest.mark.parametrize("power, action", [
    ("ussr", "speech_collective_security"),     # the talks with London and Paris, seen in Berlin
    ("ussr", "raise_passage_question"),         # the Polish crisis: how the Red Army would reach the Germans
    ("ussr", "offer_supplies_to_poland"),
    ("germany", "press_danzig"),                # Danzig
    ("poland", "stand_firm_on_danzig"),
])
def test_each_lever_raises_berlins_urgency(sc, power, action):
    game = seat(sc)
    before = urgency(game)
    assert game.perform(Action("act", power, action)).ok
    assert urgency(game) > before


def test_pressing_london_and_taking_up_trade_raise_berlins_urgency(sc):
    game = seat(sc)
    assert game.submit(Action("act", "ussr", "open_secret_contacts")).ok
    while game.state.turn < sc.calendar.turn_of(sc.event("german_credit_offer").date):
        end_week(game, {})
    for event in game.pending_choices("ussr"):
        game.submit(Action("choose", "ussr", event.id, option=event.default_choice().id))
    for action in ("resume_credit_talks", "press_the_west"):
        before = urgency(game)
        assert game.submit(Action("act", "ussr", action)).ok
        assert urgency(game) > before, action


def test_the_date_alone_moves_berlin_slowly(sc):
    game = seat(sc)
    end_week(game, {})
    assert 0 < urgency(game) - sc.meter("german_urgency").start <= 4


def signed_week(game: Game) -> int | None:
    return game.state.turn if game.state.outcome in ("nazi_soviet_pact", "non_aggression_only") else None


def waiting_for_berlin(sc, seed: int) -> Game:
    """A Moscow that opens the channel to Berlin, then only waits: it answers as the `germany` policy would and
    accepts any German draft, but takes no step of its own."""
    choices = sc.index["policies"]["germany"].plan.choices
    game = seat(sc, seed)
    game.submit(Action("act", "ussr", "open_secret_contacts"))
    while not game.over:
        if "german_pact" in game.drafts_for("ussr"):
            game.submit(Action("accept", "ussr", "german_pact"))
        end_week(game, choices)
    return game


def by_policy(sc, policy: str, seed: int) -> Game:
    game = Game.new(sc, seed=seed, policies={"ussr": policy})
    game.run_until_human()
    return game


def test_courting_berlin_in_view_of_london_signs_weeks_before_waiting(sc):
    pressing = [signed_week(by_policy(sc, "leverage", seed)) for seed in SEEDS]
    waiting = [signed_week(waiting_for_berlin(sc, seed)) for seed in SEEDS]
    assert all(week is not None for week in pressing)
    assert max(pressing) <= 15 and min(pressing) <= 11
    assert all(week is None or week >= 18 for week in waiting), "a Moscow that waits signs only in late August"
    assert max(pressing) + 3 <= min((week for week in waiting if week is not None), default=99)


def spheres_week(sc, policy: str, seed: int) -> int:
    """The first week at whose start spheres of interest are on the table."""
    game = Game.new(sc, seed=seed, policies={"ussr": policy})
    while not game.over and "spheres_discussed" not in game.state.flags:
        game.resolve_week()
    return game.state.turn


def test_only_a_moscow_that_also_talks_to_london_gets_spheres_early(sc):
    assert {spheres_week(sc, "leverage", seed) for seed in SEEDS} == {10}
    assert min(spheres_week(sc, "germany", seed) for seed in SEEDS) >= 13   # it never speaks to London
