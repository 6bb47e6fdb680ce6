"""One test (or more) per effect type of the registry.

Effects are written in YAML inside small events added to the mini scenario, so that the loader builds them
exactly as a modder's file would; the event is then fired with `game.fire`. A few tests also call
`bind_effects`/`run_effects` with a hand-built statement to pin the argument shape the handlers read.
"""

from __future__ import annotations

import inspect

import pytest

from game.engine import rng
from game.engine.actions import Action
from game.engine.effects import bind_effects, run_effects
from game.engine.game import Game
from game.engine.target import Drafts, Target
from game.engine.view import PowerView
from game.scenario.loader import check_data
from game.scenario.vocabulary import Stmt
from tests.conftest import MINI

MINI_TEXT = MINI.read_text(encoding="utf-8")


def apply(game: Game, statements: list[Stmt]) -> None:
    """Bind hand-built statements as the engine binds a scenario's, and apply them."""
    run_effects(game, bind_effects(statements, game.sc, "test"))


def test_the_game_offers_everything_effects_may_ask_of_it(mini):
    """Effects are typed against target.Target, not Game: each of its members must exist on a game, taking at
    least the parameters the protocol names."""
    game = Game.new(mini, seed=1, humans=["red"])
    for protocol, provider in ((Target, game), (Drafts, game.cx)):
        names = [n for n in vars(protocol) if not n.startswith("_")] + list(protocol.__annotations__)
        assert names
        for name in names:
            assert hasattr(provider, name), name
            wanted = getattr(protocol, name, None)
            if inspect.isfunction(wanted):
                given = inspect.signature(getattr(provider, name)).parameters
                assert set(inspect.signature(wanted).parameters) - {"self"} <= set(given), name


def scenario(events: str = "", offers: str = "", replace: tuple[tuple[str, str], ...] = ()):
    """The mini scenario with extra events (and offers) appended; they are dated on the last day, so that
    nothing fires them before the test does."""
    text = MINI_TEXT
    for old, new in replace:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    if offers:
        text = text.replace("actions:\n  - id: open_talks", offers.rstrip("\n") + "\nactions:\n  - id: open_talks")
    if events:
        text = text.replace("outcomes:\n", events.rstrip("\n") + "\noutcomes:\n")
    sc, report = check_data(text.encode(), "effects.yaml")
    assert sc is not None, [str(d) for d in report.errors]
    return sc


def event(ident: str, *effects: str, extra: str = "") -> str:
    """One event whose effects are the given YAML flow items."""
    lines = [f"  - id: {ident}", f"    title: Event {ident}", "    date: 1939-06-05", f"    text: Text of {ident}."]
    lines += [f"    {line}" for line in extra.splitlines()]
    lines.append("    effects:")
    lines += [f"      - {e}" for e in effects]
    return "\n".join(lines) + "\n"


def play(*effects: str, humans=("red",), seed: int = 1, extra_events: str = "", **kwargs) -> Game:
    """A new game on the mini scenario with an event `e` holding the effects, fired once."""
    sc = scenario(event("e", *effects) + extra_events, **kwargs)
    game = Game.new(sc, seed=seed, humans=list(humans))
    game.fire(sc.event("e"))
    return game


def titles(game: Game, power: str | None) -> list[str]:
    return [entry.title for entry in game.inbox(power)]


# ------------------------------------------------------------------------------------------- meter

def test_meter_add_and_set():
    assert play("meter: {id: security, add: 5}").st.meters["security"] == 25
    assert play("meter: {id: security, add: -5}").st.meters["security"] == 15
    assert play("meter: {id: security, set: 42}").st.meters["security"] == 42
    game = play("meter: {id: security, add: 1}", "meter: {id: urgency, set: 7}")
    assert game.st.meters == {"security": 21, "urgency": 7}


@pytest.mark.parametrize(("effect", "value"), [
    ("{id: security, add: 500}", 100), ("{id: security, add: -500}", 0),
    ("{id: security, set: 150}", 100), ("{id: security, set: -3}", 0), ("{id: security, add: 80}", 100),
])
def test_meter_is_clamped_to_its_range(effect, value):
    assert play(f"meter: {effect}").st.meters["security"] == value


def test_meter_clamps_to_a_custom_range():
    replace = (("{id: security, name: Security, start: 20,", "{id: security, name: Security, min: -10, max: 30, start: 20,"),)
    assert play("meter: {id: security, add: 50}", replace=replace).st.meters["security"] == 30
    assert play("meter: {id: security, add: -50}", replace=replace).st.meters["security"] == -10


def test_a_meter_that_reaches_a_bound_exactly_takes_the_bound_itself():
    """An effect and the weekly drift clamp alike: 99.5 + 0.5 is the bound 100 (an int), not 100.0."""
    game = play("meter: {id: security, set: 99.5}", "meter: {id: security, add: 0.5}")
    assert game.st.meters["security"] == 100 and type(game.st.meters["security"]) is int


def test_fractional_meter_changes_do_not_accumulate_float_noise():
    game = play("meter: {id: security, add: 0.1}", "meter: {id: security, add: 0.1}", "meter: {id: security, add: 0.1}")
    assert game.st.meters["security"] == 20.3


def test_meter_statement_shape_matches_the_loader():
    sc = scenario(event("e", "meter: {id: security, add: 5}"))
    assert sc.event("e").effects == (Stmt("meter", {"id": "security", "add": 5, "set": None}),)
    game = Game.new(sc, seed=1, humans=["red"])
    apply(game, [Stmt("meter", {"id": "security", "add": None, "set": 3})])
    assert game.st.meters["security"] == 3


# ------------------------------------------------------------------------------------------- trust

def test_trust_add_is_one_way():
    game = play("trust: {from: blue, to: red, add: -5}")
    assert game.st.trust["blue"]["red"] == 35 and game.st.trust["red"]["blue"] == 40


def test_trust_set_and_mutual():
    game = play("trust: {from: red, to: grey, set: 90}")
    assert game.st.trust["red"]["grey"] == 90 and game.st.trust["grey"]["red"] == 20
    game = play("trust: {from: red, to: grey, add: 10, mutual: true}")
    assert game.st.trust["red"]["grey"] == 40 and game.st.trust["grey"]["red"] == 30
    game = play("trust: {from: red, to: grey, set: 5, mutual: true}")
    assert game.st.trust["red"]["grey"] == 5 and game.st.trust["grey"]["red"] == 5


def test_trust_is_clamped_to_0_100():
    game = play("trust: {from: red, to: blue, add: 500, mutual: true}")
    assert game.st.trust["red"]["blue"] == 100 and game.st.trust["blue"]["red"] == 100
    game = play("trust: {from: red, to: blue, add: -500}")
    assert game.st.trust["red"]["blue"] == 0 and game.st.trust["blue"]["red"] == 40


def test_trust_statement_shape_matches_the_loader():
    sc = scenario(event("e", "trust: {from: blue, to: red, add: -5}"))
    assert sc.event("e").effects == (Stmt("trust", {"src": "blue", "dst": "red", "add": -5, "set": None,
                                                    "mutual": False}),)


# ------------------------------------------------------------------------------------------- flags

def test_set_flag_and_clear_flag():
    game = play("set_flag: alpha", "set_flag: beta", "clear_flag: alpha", "clear_flag: never_there")
    assert "beta" in game.st.flags and "alpha" not in game.st.flags and "never_there" not in game.st.flags


# ------------------------------------------------------------------------------------------- territories

@pytest.mark.parametrize("kind", ["sphere", "owner"])
def test_sphere_and_owner(kind):
    game = play(f"{kind}: {{territory: buffer, power: grey}}")
    assert getattr(game.st.territories["buffer"], kind) == "grey"
    other = "owner" if kind == "sphere" else "sphere"
    assert getattr(game.st.territories["buffer"], other) is None
    game = play(f"{kind}: {{territory: buffer, power: grey}}", f"{kind}: {{territory: buffer, power: null}}")
    assert getattr(game.st.territories["buffer"], kind) is None


# ------------------------------------------------------------------------------------------- fire

def test_fire_another_event():
    extra = event("f", "meter: {id: security, add: 1}")
    game = play("fire: f", "fire: f", extra_events=extra)
    assert game.st.fired["f"] == game.st.turn
    assert game.st.meters["security"] == 21  # not repeatable: fired once
    assert titles(game, "blue").count("Event f") == 1


def test_fire_a_repeatable_event_again_in_a_later_week():
    extra = event("f", "meter: {id: security, add: 1}", extra="repeat: true")
    game = play("fire: f", "fire: f", extra_events=extra)
    assert game.st.meters["security"] == 21  # at most once a week
    game.st.turn = 2
    game.fire(game.sc.event("e"))
    assert game.st.meters["security"] == 22 and game.st.fired["f"] == 2


def test_fire_an_event_with_choices_waits_for_the_human():
    game = play("fire: offer_from_grey")
    assert [e.id for e in game.pending_choices("red")] == ["offer_from_grey"]
    assert [a.kind for a in game.legal_actions("red")] == ["choose", "choose"]


def test_an_event_firing_itself_does_not_loop():
    # this once recursed until RecursionError
    ping = event("ping", "meter: {id: security, add: 1}", "fire: pong", extra="repeat: true")
    pong = event("pong", "meter: {id: urgency, add: 1}", "fire: ping", extra="repeat: true")
    sc = scenario(event("loop", "meter: {id: security, add: 10}", "fire: loop", extra="repeat: true") + ping + pong)
    game = Game.new(sc, seed=1, humans=["red"])
    game.fire(sc.event("loop"))
    assert game.st.meters["security"] == 30
    game.fire(sc.event("ping"))
    assert game.st.meters == {"security": 31, "urgency": 1}


# ------------------------------------------------------------------------------------------- end_game

def test_end_game_skips_later_effects_and_logs_the_outcome():
    game = play("set_flag: before", "end_game: alone", "meter: {id: security, add: 10}", "set_flag: after")
    assert game.over and game.st.outcome == "alone"
    assert "before" in game.st.flags and "after" not in game.st.flags
    assert game.st.meters["security"] == 20
    assert game.st.end_date == "1939-06-05"  # the date of the event that ended it
    [entry] = [e for e in game.st.log if e.kind == "outcome"]
    assert (entry.ref, entry.title, entry.date, entry.visible_to) == ("alone", "Alone", "1939-06-05", None)
    assert game.legal_actions("red") == [] and not game.submit(Action("end_turn", "red")).ok


def test_end_game_inside_if_stops_the_outer_list():
    game = play("if: {when: {turn: {min: 1}}, then: [{end_game: alone}, {set_flag: inner}]}", "set_flag: outer")
    assert game.st.outcome == "alone" and not {"inner", "outer"} & game.st.flags


def test_the_ending_applies_all_its_own_effects():
    replace = (("    title: Alone\n    deadline: true\n",
                "    title: Alone\n    deadline: true\n    effects:\n"
                "      - meter: {id: security, add: 5}\n      - trust: {from: blue, to: red, add: 10}\n"
                "      - set_flag: epilogue\n      - if: {when: {flag: epilogue}, then: [{meter: {id: urgency, set: 3}}]}\n"),)
    game = play("end_game: alone", replace=replace)
    assert game.st.meters == {"security": 25, "urgency": 3}
    assert game.st.trust["blue"]["red"] == 50 and "epilogue" in game.st.flags
    assert game.st.history[-1] == {"security": 25, "urgency": 3}


def test_end_game_twice_keeps_the_first_outcome():
    game = play("end_game: alone", replace=(), humans=("red",))
    apply(game, [Stmt("end_game", "pact_signed")])
    assert game.st.outcome == "alone"


# ------------------------------------------------------------------------------------------- if and chance

def test_if_then_and_else():
    effect = "if: {when: {flag: talks}, then: [{set_flag: yes_branch}], else: [{set_flag: no_branch}]}"
    game = play(effect)
    assert "no_branch" in game.st.flags and "yes_branch" not in game.st.flags
    game = play("set_flag: talks", effect)
    assert "yes_branch" in game.st.flags and "no_branch" not in game.st.flags


def test_if_without_else_does_nothing_when_false():
    game = play("if: {when: {flag: talks}, then: [{meter: {id: security, add: 5}}]}")
    assert game.st.meters["security"] == 20


def test_chance_extremes():
    for seed in range(1, 21):
        game = play("chance: {p: 0, then: [{set_flag: heads}], else: [{set_flag: tails}]}", seed=seed)
        assert "tails" in game.st.flags and "heads" not in game.st.flags
        game = play("chance: {p: 1, then: [{set_flag: heads}], else: [{set_flag: tails}]}", seed=seed)
        assert "heads" in game.st.flags and "tails" not in game.st.flags


def test_chance_is_decided_by_the_seeded_generator():
    sc = scenario(event("e", "chance: {p: 0.5, then: [{set_flag: heads}], else: [{set_flag: tails}]}"))

    def toss(seed: int) -> tuple[str, int]:
        game = Game.new(sc, seed=seed, humans=["red"])
        before = game.st.rng
        game.fire(sc.event("e"))
        after, value = rng.draw(before)
        assert game.st.rng == after  # exactly one draw
        side = "heads" if "heads" in game.st.flags else "tails"
        assert side == ("heads" if value < 0.5 else "tails")
        return side, game.st.rng

    first = [toss(seed) for seed in range(1, 41)]
    assert first == [toss(seed) for seed in range(1, 41)]
    assert {side for side, _ in first} == {"heads", "tails"}


# ------------------------------------------------------------------------------------------- the rest

def test_unlock():
    game = Game.new(scenario(), seed=1, humans=["red"])
    assert game.st.unlocked == ["card_one"]
    game = play("unlock: card_two", "unlock: card_two", "unlock: card_one")
    assert game.st.unlocked == ["card_one", "card_two"]


def test_reply_weeks_delays_the_draft():
    game = play("reply_weeks: {power: blue, set: 3}", "propose: {offer: alliance, by: red, clauses: [passage]}")
    assert game.st.reply_weeks["blue"] == 3
    assert game.st.offers["alliance"].waiting == {"blue": 4}
    for turn, arrived in ((1, False), (3, False), (4, True), (5, True)):
        game.st.turn = turn
        assert (game.drafts_for("blue") == ["alliance"]) is arrived, turn
    game = play("reply_weeks: {power: blue, set: 0}", "propose: {offer: alliance, by: red, clauses: [passage]}")
    assert game.drafts_for("blue") == ["alliance"]


def test_appoint():
    game = play("appoint: {power: red, role: foreign_minister, name: New Minister, title: People's Commissar}")
    assert game.st.people["red"]["foreign_minister"] == ["New Minister", "People's Commissar"]
    assert game.st.people["red"]["leader"] == ["Leader Red", "Chairman"]
    game = play("appoint: {power: red, role: leader, name: Another Red}")
    assert game.st.people["red"]["leader"] == ["Another Red", "Chairman"]  # no title given: the old one stays


def test_message_respects_its_recipients():
    game = play("message: {to: [blue], title: For Blue, text: Only blue reads this.}",
                "message: {text: Everybody reads this.}")
    assert "For Blue" in titles(game, "blue") and "For Blue" in titles(game, None)
    assert "For Blue" not in titles(game, "red") and "For Blue" not in titles(game, "grey")
    everybody = [e for e in game.st.log if e.text == "Everybody reads this."]
    assert len(everybody) == 1 and everybody[0].title == "Telegram" and everybody[0].ref == "e"
    for power in ("red", "blue", "grey"):
        assert everybody[0] in game.inbox(power)


def test_message_visibility_is_its_own_not_the_events():
    extra = "visible_to: [red]"
    sc = scenario(event("e", "message: {to: [grey], title: To Grey, text: Psst.}", extra=extra))
    game = Game.new(sc, seed=1, humans=["red"])
    game.fire(sc.event("e"))
    assert "Event e" in titles(game, "red") and "Event e" not in titles(game, "grey")
    assert "To Grey" in titles(game, "grey") and "To Grey" not in titles(game, "red")


def test_budget():
    game = play("budget: {power: red, add: 3}")
    assert game.st.budget["red"] == 5  # 2 a week, plus 3
    game = play("budget: {power: red, add: -10}")
    assert game.st.budget["red"] == 0
    assert PowerView(game, "red").actions()[0].reason == "Needs 1 action point; 0 left this week."
    game = play("budget: {power: red, add: 3}")
    game.submit(Action("end_turn", "red"))
    assert game.st.budget["red"] == 2  # a new week: the normal budget again
