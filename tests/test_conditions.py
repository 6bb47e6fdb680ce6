"""One test per condition type of the registry: true, false and the boundaries, on the mini scenario.

Conditions are built by the registry itself (CONDITION.check), exactly as the loader builds them, and their
references are resolved against the scenario, so a typo in a test is an error rather than a silent False.
"""

from __future__ import annotations

import datetime as dt

import pytest

from game.engine.actions import Action
from game.engine.conditions import ALWAYS, CONDITIONS, compile_condition, condition, describe, explain, needs_treaty, turn_window
from game.engine.effects import EFFECTS, effect
from game.engine.game import Game
from game.engine.view import PowerView
from game.scenario.diagnostics import Pos, Report
from game.scenario.spec import Context
from game.scenario.vocabulary import CONDITION, EFFECT, Stmt, Vocabulary

D = dt.date


@pytest.fixture
def game(mini):
    return Game.new(mini, seed=1, humans=["red"])


def cond(value: dict, sc) -> Stmt:
    """Validate a condition written as YAML data would be, with its references resolved against `sc`."""
    return statement(CONDITION, value, sc)


def statement(vocabulary: Vocabulary, value: dict, sc) -> Stmt:
    """Validate a condition or effect written as YAML data would be, with its references resolved against `sc`."""
    ctx = Context(Report("test"))
    for kind, section in (("meter", "meters"), ("power", "powers"), ("territory", "territories"), ("offer", "offers"),
                          ("action", "actions"), ("event", "events"), ("outcome", "outcomes"), ("source", "sources")):
        ctx.defined[kind] = {ident: Pos(1, 1) for ident in sc.index[section]}
    for offer in sc.offers:
        ctx.defined[f"clause:{offer.id}"] = {c.id: Pos(1, 1) for c in offer.clauses}
        ctx.defined[f"party:{offer.id}"] = {p: Pos(1, 1) for p in offer.parties}
    for event in sc.events:
        ctx.defined[f"option:{event.id}"] = {c.id: Pos(1, 1) for c in event.choices}
    stmt = vocabulary.check(value, Pos(1, 1), ctx)
    ctx.resolve_refs()
    assert not ctx.report.errors, [str(d) for d in ctx.report.errors]
    return stmt


def holds(game: Game, value: dict) -> bool:
    return compile_condition(cond(value, game.sc), game.sc)(game.st)


def test_the_engine_has_one_entry_per_kind_of_the_format():
    assert set(CONDITIONS) == set(CONDITION.entries)
    assert set(EFFECTS) == set(EFFECT.entries)


def test_a_kind_outside_the_format_cannot_be_registered():
    with pytest.raises(KeyError, match="not in the format's vocabulary"):
        condition("bogus", lambda arg, sc, st: "bogus")
    with pytest.raises(KeyError, match="not in the format's vocabulary"):
        effect("bogus", lambda arg, sc: [])
    assert "bogus" not in CONDITIONS and "bogus" not in EFFECTS


def test_unknown_condition_kind_is_refused_by_the_compiler(mini):
    with pytest.raises(ValueError, match="no implementation"):
        compile_condition(Stmt("bogus", None), mini)


def test_no_condition_always_holds(game):
    assert compile_condition(None, game.sc)(game.st) is True


def test_registry_builds_the_argument_shapes_the_engine_reads(mini):
    assert cond({"meter": {"id": "security", "min": 10}}, mini) == Stmt("meter", {"id": "security", "min": 10, "max": None})
    assert cond({"trust": {"from": "red", "to": "blue", "max": 5}}, mini) == Stmt(
        "trust", {"src": "red", "dst": "blue", "min": None, "max": 5})
    assert cond({"date": {"from": D(1939, 5, 1)}}, mini) == Stmt("date", {"start": D(1939, 5, 1), "end": None})
    assert cond({"not": {"flag": "x"}}, mini) == Stmt("not", Stmt("flag", "x"))


# ------------------------------------------------------------------------------------------- one per type

def test_flag(game):
    assert not holds(game, {"flag": "talks"})
    game.st.flags.add("talks")
    assert holds(game, {"flag": "talks"})
    assert not holds(game, {"flag": "talk"})


def test_all(game):
    both = {"all": [{"flag": "a"}, {"flag": "b"}]}
    assert not holds(game, both)
    game.st.flags.add("a")
    assert not holds(game, both)
    game.st.flags.add("b")
    assert holds(game, both)
    assert holds(game, {"all": [{"flag": "a"}]})
    four = {"all": [{"flag": "a"}, {"flag": "b"}, {"turn": {"min": 1}}, {"flag": "c"}]}
    assert not holds(game, four)
    game.st.flags.add("c")
    assert holds(game, four)


def test_any(game):
    either = {"any": [{"flag": "a"}, {"flag": "b"}]}
    assert not holds(game, either)
    game.st.flags.add("b")
    assert holds(game, either)
    three = {"any": [{"flag": "x"}, {"flag": "y"}, {"flag": "a"}]}
    assert not holds(game, three)
    game.st.flags.add("a")
    assert holds(game, three)


def test_not(game):
    assert holds(game, {"not": {"flag": "a"}})
    game.st.flags.add("a")
    assert not holds(game, {"not": {"flag": "a"}})
    assert holds(game, {"not": {"not": {"flag": "a"}}})
    assert holds(game, {"not": {"treaty": "pact"}}) and holds(game, {"not": {"taken": "open_talks"}})


def test_meter_bounds_are_inclusive(game):
    game.st.meters["security"] = 30
    assert holds(game, {"meter": {"id": "security", "min": 30}})
    assert not holds(game, {"meter": {"id": "security", "min": 30.001}})
    assert holds(game, {"meter": {"id": "security", "max": 30}})
    assert not holds(game, {"meter": {"id": "security", "max": 29.999}})
    assert holds(game, {"meter": {"id": "security", "min": 30, "max": 30}})
    assert holds(game, {"meter": {"id": "security", "min": 10, "max": 50}})
    assert not holds(game, {"meter": {"id": "security", "min": 31, "max": 50}})
    assert not holds(game, {"meter": {"id": "security", "min": 10, "max": 29}})
    assert not holds(game, {"meter": {"id": "urgency", "min": 1}})  # another meter, still 0


def test_trust_is_directional_and_inclusive(game):
    game.st.trust["red"]["blue"] = 70
    game.st.trust["blue"]["red"] = 20
    assert holds(game, {"trust": {"from": "red", "to": "blue", "min": 70}})
    assert not holds(game, {"trust": {"from": "red", "to": "blue", "min": 70.5}})
    assert not holds(game, {"trust": {"from": "blue", "to": "red", "min": 70}})
    assert holds(game, {"trust": {"from": "blue", "to": "red", "max": 20}})
    assert not holds(game, {"trust": {"from": "blue", "to": "red", "max": 19}})
    assert holds(game, {"trust": {"from": "red", "to": "blue", "min": 60, "max": 70}})
    assert not holds(game, {"trust": {"from": "red", "to": "blue", "min": 71, "max": 80}})


def test_treaty(game):
    assert game.st.offers["alliance"].status == "open"
    assert not holds(game, {"treaty": "alliance"})
    game.st.offers["alliance"].status = "proposed"
    assert not holds(game, {"treaty": "alliance"})
    game.sign(game.sc.offer("alliance"))
    assert holds(game, {"treaty": "alliance"}) and not holds(game, {"treaty": "pact"})


@pytest.mark.parametrize("status", ["closed", "open", "proposed", "signed"])
def test_offer_status(game, status):
    game.st.offers["pact"].status = status
    results = {s: holds(game, {"offer": {"id": "pact", "status": s}}) for s in ("closed", "open", "proposed", "signed")}
    assert results == {s: s == status for s in results}


def test_offer_status_follows_the_game(game):
    assert holds(game, {"offer": {"id": "pact", "status": "closed"}})
    assert holds(game, {"offer": {"id": "alliance", "status": "open"}})
    assert game.submit(Action("propose", "red", "alliance", ("assistance", "passage"))).ok
    assert holds(game, {"offer": {"id": "alliance", "status": "proposed"}})


def test_clause_in_the_current_draft(game):
    passage = {"clause": {"offer": "alliance", "clause": "passage"}}
    assert holds(game, {"clause": {"offer": "alliance", "clause": "assistance"}})
    assert not holds(game, passage)
    assert game.submit(Action("propose", "red", "alliance", ("assistance", "passage"))).ok
    assert holds(game, passage)
    game.sign(game.sc.offer("alliance"))
    assert holds(game, passage)  # the signed text
    assert holds(game, {"clause": {"offer": "pact", "clause": "protocol"}})  # a default clause of a closed offer


def overlaps(cal, turn: int, start, end) -> bool:
    """Oracle: does the week of `turn` share a day with [start, end]?"""
    first, last = cal.turn_start(turn), cal.turn_end(turn)
    return (start is None or last >= start) and (end is None or first <= end)


DATE_RANGES = [
    (D(1939, 4, 23), None), (D(1939, 4, 24), None), (None, D(1939, 4, 17)), (None, D(1939, 4, 16)),
    (D(1939, 4, 20), D(1939, 4, 20)), (D(1939, 4, 23), D(1939, 4, 24)), (D(1939, 1, 1), None),
    (None, D(1939, 12, 31)), (D(1939, 5, 3), D(1939, 5, 20)), (D(1939, 6, 11), None), (D(1939, 6, 12), None),
    (D(1939, 1, 1), D(1939, 4, 16)), (D(1939, 5, 1), D(1939, 5, 7)),
]


@pytest.mark.parametrize(("start", "end"), DATE_RANGES)
def test_date_is_week_overlap(game, start, end):
    cal = game.sc.calendar
    arg = {k: v for k, v in (("from", start), ("to", end)) if v is not None}
    results = []
    for turn in range(1, cal.last_turn + 1):
        game.st.turn = turn
        results.append(holds(game, {"date": arg}))
    assert results == [overlaps(cal, t, start, end) for t in range(1, cal.last_turn + 1)]


def test_date_boundaries_by_hand(game):
    # week 1 is 17-23 April 1939, week 2 is 24-30 April
    assert holds(game, {"date": {"from": D(1939, 4, 23)}}) and not holds(game, {"date": {"from": D(1939, 4, 24)}})
    assert holds(game, {"date": {"to": D(1939, 4, 17)}}) and not holds(game, {"date": {"to": D(1939, 4, 16)}})
    game.st.turn = 2
    assert holds(game, {"date": {"from": D(1939, 4, 24)}}) and not holds(game, {"date": {"to": D(1939, 4, 23)}})
    assert holds(game, {"date": {"from": D(1939, 4, 30), "to": D(1939, 5, 20)}})
    assert not holds(game, {"date": {"from": D(1939, 4, 20), "to": D(1939, 4, 20)}})


def test_turn_bounds_are_inclusive(game):
    game.st.turn = 3
    assert holds(game, {"turn": {"min": 3}}) and not holds(game, {"turn": {"min": 4}})
    assert holds(game, {"turn": {"max": 3}}) and not holds(game, {"turn": {"max": 2}})
    assert holds(game, {"turn": {"min": 3, "max": 3}}) and not holds(game, {"turn": {"min": 1, "max": 2}})


def test_fired(game):
    assert holds(game, {"fired": "opening"})  # dated on the first day: fired when the game starts
    assert not holds(game, {"fired": "leak"})
    game.fire(game.sc.event("leak"))
    assert holds(game, {"fired": "leak"})


def test_chose(game):
    listen = {"chose": {"event": "offer_from_grey", "option": "listen"}}
    ignore = {"chose": {"event": "offer_from_grey", "option": "ignore"}}
    assert not holds(game, listen) and not holds(game, ignore)
    game.fire(game.sc.event("offer_from_grey"))
    assert not holds(game, listen)  # fired, but red has not chosen yet
    assert game.submit(Action("choose", "red", "offer_from_grey", option="listen")).ok
    assert holds(game, listen) and not holds(game, ignore)


def test_taken(game):
    assert not holds(game, {"taken": "open_talks"})
    assert game.submit(Action("act", "red", "open_talks")).ok
    assert holds(game, {"taken": "open_talks"}) and not holds(game, {"taken": "speech"})


@pytest.mark.parametrize("kind", ["sphere", "owner"])
def test_sphere_and_owner(game, kind):
    nobody = {kind: {"territory": "buffer", "power": None}}
    red = {kind: {"territory": "buffer", "power": "red"}}
    assert holds(game, nobody) and not holds(game, red)
    setattr(game.st.territories["buffer"], kind, "red")
    assert holds(game, red) and not holds(game, nobody)
    assert not holds(game, {kind: {"territory": "buffer", "power": "grey"}})


def test_sphere_and_owner_are_independent(game):
    game.st.territories["buffer"].sphere = "red"
    assert holds(game, {"owner": {"territory": "buffer", "power": None}})
    assert not holds(game, {"owner": {"territory": "buffer", "power": "red"}})


# ------------------------------------------------------------------------------------------- explanations

def test_refused_action_names_the_meter_and_its_value(game):
    assert all(a.available for a in PowerView(game, "red").actions())
    game.st.meters["security"] = 60
    [(action, reason)] = [(a.id, a.reason) for a in PowerView(game, "red").actions() if not a.available]
    assert action == "speech"
    assert "Security" in reason and "at most 50" in reason and "now 60" in reason
    assert not game.submit(Action("act", "red", "speech")).ok
    assert game.check(Action("act", "red", "speech")).reason == reason


def test_explain_is_none_when_the_condition_holds(game):
    assert explain(cond({"meter": {"id": "security", "max": 50}}, game.sc), game.sc, game.st) is None


def test_explain_all_names_the_first_unmet_part(game):
    sc = game.sc
    game.st.flags.add("talks")
    reason = explain(cond({"all": [{"flag": "talks"}, {"meter": {"id": "security", "min": 40}},
                                   {"turn": {"min": 5}}]}, sc), sc, game.st)
    assert "Security" in reason and "at least 40" in reason and "now 20" in reason and "week" not in reason


def test_explain_any_names_every_alternative(game):
    sc = game.sc
    reason = explain(cond({"any": [{"fired": "leak"}, {"taken": "open_talks"}]}, sc), sc, game.st)
    assert "A leak" in reason and "Open talks with Grey" in reason and " or " in reason


def test_explain_not(game):
    sc = game.sc
    game.st.flags.add("talks")
    reason = explain(cond({"not": {"flag": "talks"}}, sc), sc, game.st)
    assert reason.startswith("not possible while") and "talks" in reason


def test_explain_trust_and_hidden_meter(game):
    sc = game.sc
    reason = explain(cond({"trust": {"from": "blue", "to": "red", "min": 60}}, sc), sc, game.st)
    assert "Blue Kingdom" in reason and "Red Republic" in reason and "at least 60" in reason and "now 40" in reason
    hidden = explain(cond({"meter": {"id": "urgency", "min": 60}}, sc), sc, game.st)
    assert hidden and "Urgency" not in hidden and "60" not in hidden


def test_the_reason_is_the_why_not_of_the_part_that_fails_now(game):
    """A requirement whose parts fail one after the other: the reason follows the part failing now."""
    sc = game.sc
    stmt = cond({"all": [{"fired": "leak", "why_not": "Wait for the leak."},
                         {"not": {"flag": "talks"}, "why_not": "The talks are already open."}]}, sc)
    assert explain(stmt, sc, game.st, default="A fixed sentence.") == "Wait for the leak."
    game.st.fired["leak"] = 1
    game.st.flags.add("talks")
    assert explain(stmt, sc, game.st, default="A fixed sentence.") == "The talks are already open."
    game.st.flags.discard("talks")
    assert explain(stmt, sc, game.st) is None


def test_a_part_without_a_why_not_falls_back_to_the_whole_reason_then_to_words(game):
    sc = game.sc
    stmt = cond({"all": [{"fired": "leak", "why_not": "Wait for the leak."}, {"flag": "talks"}]}, sc)
    game.st.fired["leak"] = 1
    assert explain(stmt, sc, game.st, default="Only with talks.") == "Only with talks."
    assert "talks" in explain(stmt, sc, game.st) and "leak" not in explain(stmt, sc, game.st).lower()


def test_a_why_not_is_text_and_only_beside_one_condition(mini):
    ctx = Context(Report("test"))
    assert CONDITION.check({"flag": "x", "why_not": 3}, Pos(1, 1), ctx) is not None and ctx.report.errors
    ctx = Context(Report("test"))
    CONDITION.check({"flag": "x", "turn": {"min": 2}, "why_not": "No."}, Pos(1, 1), ctx)
    assert "one key" in str(ctx.report.errors[0])
    ctx = Context(Report("test"))
    EFFECT.check({"set_flag": "x", "why_not": "No."}, Pos(1, 1), ctx)
    assert ctx.report.errors, "an effect has no reason to give"


LEAF_SAMPLES = {
    "flag": {"flag": "talks"},
    "meter": {"meter": {"id": "security", "min": 90}},
    "trust": {"trust": {"from": "red", "to": "blue", "min": 90}},
    "treaty": {"treaty": "pact"},
    "offer": {"offer": {"id": "pact", "status": "signed"}},
    "clause": {"clause": {"offer": "alliance", "clause": "passage"}},
    "date": {"date": {"from": D(1939, 6, 1)}},
    "turn": {"turn": {"min": 7}},
    "fired": {"fired": "leak"},
    "chose": {"chose": {"event": "offer_from_grey", "option": "listen"}},
    "taken": {"taken": "open_talks"},
    "sphere": {"sphere": {"territory": "buffer", "power": "red"}},
    "owner": {"owner": {"territory": "buffer", "power": "red"}},
}


def test_every_leaf_condition_is_described_in_words(game):
    assert set(LEAF_SAMPLES) == set(CONDITION.entries) - {"all", "any", "not"}
    for kind, value in LEAF_SAMPLES.items():
        stmt = cond(value, game.sc)
        assert not compile_condition(stmt, game.sc)(game.st), kind
        text = describe(stmt, game.sc, game.st)
        assert text and text != kind, kind
        reason = explain(stmt, game.sc, game.st)
        assert reason.startswith("needs ") and text in reason, (kind, reason)


def test_needs_treaty_reads_treaty_parts_of_an_all_only(mini):
    assert needs_treaty(cond({"treaty": "pact"}, mini))
    assert needs_treaty(cond({"all": [{"flag": "talks"}, {"all": [{"treaty": "pact"}]}]}, mini))
    assert not needs_treaty(cond({"any": [{"treaty": "pact"}, {"flag": "talks"}]}, mini))
    assert not needs_treaty(cond({"not": {"treaty": "pact"}}, mini)) and not needs_treaty(None)


def test_turn_window_reads_date_and_turn_parts(mini):
    def window(value: dict) -> tuple[int, int]:
        return turn_window(cond(value, mini), mini)

    assert window({"date": {"from": D(1939, 5, 1), "to": D(1939, 6, 1)}}) == (3, 7)
    assert window({"turn": {"min": 3}}) == (3, ALWAYS[1])
    assert window({"all": [{"turn": {"min": 3}}, {"turn": {"max": 6}}, {"flag": "x"}]}) == (3, 6)
    assert window({"any": [{"turn": {"min": 3, "max": 4}}, {"turn": {"min": 6, "max": 7}}]}) == (3, 7)
    assert window({"any": [{"turn": {"min": 3}}, {"flag": "x"}]}) == ALWAYS
    assert window({"not": {"turn": {"min": 3}}}) == ALWAYS and turn_window(None, mini) == ALWAYS


def test_combined_conditions_are_described_by_their_parts(mini):
    assert describe(cond({"all": [{"flag": "a_b"}, {"turn": {"min": 3}}]}, mini), mini) == "‘a b’ and week at least 3"
    assert describe(cond({"any": [{"flag": "a"}, {"fired": "leak"}]}, mini), mini) == "‘a’ or ‘A leak’ to have happened"
    assert describe(cond({"not": {"flag": "a"}}, mini), mini) == "not ‘a’"
