"""Condition kinds: how each one compiles to a fast predicate, how it reads to the player, what it depends on.

There is one entry per condition kind of the format's vocabulary (scenario.vocabulary.CONDITION), registered
with `@condition` next to its compiler; a test checks that the two sets of kinds are the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ..scenario.calendar import day_words
from ..scenario.model import Scenario
from ..scenario.vocabulary import CONDITION, Stmt
from .state import GameState

Predicate = Callable[[GameState], bool]
Window = tuple[int, int]
Describe = Callable[[Any, Scenario, "GameState | None"], str]
Explain = Callable[[Any, Scenario, GameState, bool], str]

ALWAYS: Window = (-10**9, 10**9)


class ConditionKind(NamedTuple):
    """The engine's side of one condition kind; every function takes the kind's validated argument first."""

    compile: Callable[[Any, Scenario], Predicate]
    describe: Describe
    explain: Explain  # why it does not hold (holds=True) or why it does (holds=False)
    window: Callable[[Any, Scenario], Window]  # the weeks outside which it can never hold
    needs_treaty: Callable[[Any], bool]  # whether it can hold only once some treaty is signed


CONDITIONS: dict[str, ConditionKind] = {}


def condition(name: str, describe: Describe, *, explain: Explain | None = None,
              window: Callable[[Any, Scenario], Window] | None = None,
              needs_treaty: Callable[[Any], bool] | None = None) -> Callable:
    """Register the decorated `compile(arg, scenario) -> predicate` as the vocabulary's condition `name`, with its
    wording `describe(arg, scenario, state or None)`; a kind that leaves out `explain` is explained as 'needs
    <description>', one that leaves out `window` or `needs_treaty` may hold in any week, treaty or none."""
    if name not in CONDITION.entries:
        raise KeyError(f"condition {name!r} is not in the format's vocabulary (scenario/vocabulary.py)")

    def register(compile_: Callable[[Any, Scenario], Predicate]) -> Callable[[Any, Scenario], Predicate]:
        CONDITIONS[name] = ConditionKind(compile_, describe, explain or _in_words(describe),
                                         window or (lambda arg, sc: ALWAYS), needs_treaty or (lambda arg: False))
        return compile_

    return register


# ------------------------------------------------------------------------------------------ the analyses

def compile_condition(cond: Stmt | None, sc: Scenario) -> Predicate:
    """Turn a condition into a function of the state (None: always true)."""
    if cond is None:
        return lambda st: True
    kind = CONDITIONS.get(cond.kind)
    if kind is None:
        raise ValueError(f"no implementation for condition {cond.kind!r}")
    return kind.compile(cond.arg, sc)


def turn_window(cond: Stmt | None, sc: Scenario) -> Window:
    """Weeks outside which the condition can never hold, read from its `date` and `turn` parts (a shortcut for
    callers that test a condition every week; inside the window the condition must still be tested)."""
    return ALWAYS if cond is None else CONDITIONS[cond.kind].window(cond.arg, sc)


def needs_treaty(cond: Stmt | None) -> bool:
    """Whether the condition can hold only once some treaty is signed (it is, or an `all` with, a `treaty` part)."""
    return cond is not None and CONDITIONS[cond.kind].needs_treaty(cond.arg)


def explain(cond: Stmt, sc: Scenario, st: GameState, holds: bool = True, default: str | None = None) -> str | None:
    """Say in words why a condition is not met (None if it is); with holds=False, why it is met.

    The words come from the part that fails now: its own `why_not` if the scenario gives one, else `default` (the
    whole requirement's `why_not`), else words generated from the part."""
    if compile_condition(cond, sc)(st) == holds:
        return None
    if holds and cond.why_not:
        return cond.why_not
    if cond.kind in COMBINING:
        return COMBINING[cond.kind](cond.arg, sc, st, holds, default)
    return default or CONDITIONS[cond.kind].explain(cond.arg, sc, st, holds)


def describe(cond: Stmt, sc: Scenario, st: GameState | None = None) -> str:
    """A short human description of a single condition (with the current value of a gauge, given a state)."""
    return CONDITIONS[cond.kind].describe(cond.arg, sc, st)


def _in_words(describe_: Describe) -> Explain:
    def in_words(arg: Any, sc: Scenario, st: GameState, holds: bool) -> str:
        return f"{'needs' if holds else 'not possible while'} {describe_(arg, sc, st)}"

    return in_words


def _bounds_text(arg: dict) -> str:
    lo, hi = arg.get("min"), arg.get("max")
    if lo is not None and hi is not None:
        return f"between {lo:g} and {hi:g}"
    return f"at least {lo:g}" if lo is not None else f"at most {hi:g}"


def _bounded(value: Callable[[GameState], float], lo: float | None, hi: float | None) -> Predicate:
    """A predicate `lo <= value(st) <= hi`, specialised for one-sided bounds."""
    if hi is None:
        return lambda st: value(st) >= lo
    if lo is None:
        return lambda st: value(st) <= hi
    return lambda st: lo <= value(st) <= hi


# ------------------------------------------------------------------------------------- combining kinds

def _first_reason(parts: list[Stmt], sc: Scenario, st: GameState, holds: bool, default: str | None = None) -> str:
    return next(r for c in parts if (r := explain(c, sc, st, holds, default)) is not None)


def _every_reason(parts: list[Stmt], sc: Scenario, st: GameState, holds: bool, default: str | None = None) -> str:
    reasons = [r for c in parts if (r := explain(c, sc, st, holds, default)) is not None]
    return "; or ".join(dict.fromkeys(reasons))   # a reason given for several parts is said once


def _explain_all(arg: list[Stmt], sc: Scenario, st: GameState, holds: bool, default: str | None = None) -> str:
    return (_first_reason if holds else _every_reason)(arg, sc, st, holds, default)


def _explain_any(arg: list[Stmt], sc: Scenario, st: GameState, holds: bool, default: str | None = None) -> str:
    return (_every_reason if holds else _first_reason)(arg, sc, st, holds, default)


def _explain_not(arg: Stmt, sc: Scenario, st: GameState, holds: bool, default: str | None = None) -> str:
    return explain(arg, sc, st, not holds, default)


# the kinds made of other conditions: the reason is their failing parts' (`explain` hands them the default)
COMBINING = {"all": _explain_all, "any": _explain_any, "not": _explain_not}


def _narrowest(parts: list[Stmt], sc: Scenario) -> Window:
    windows = [turn_window(c, sc) for c in parts]
    return max(w[0] for w in windows), min(w[1] for w in windows)


def _widest(parts: list[Stmt], sc: Scenario) -> Window:
    windows = [turn_window(c, sc) for c in parts]
    return min(w[0] for w in windows), max(w[1] for w in windows)


@condition(
    "all", lambda arg, sc, st: " and ".join(describe(c, sc, st) for c in arg),
    explain=_explain_all,
    window=_narrowest,
    needs_treaty=lambda arg: any(needs_treaty(c) for c in arg),
)
def _all(arg: list[Stmt], sc: Scenario) -> Predicate:
    parts = [compile_condition(c, sc) for c in arg]
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        return lambda st: a(st) and b(st)
    if len(parts) == 3:
        a, b, c = parts
        return lambda st: a(st) and b(st) and c(st)

    # a loop: faster than all() over a generator
    def every(st: GameState) -> bool:
        for part in parts:  # noqa: SIM110
            if not part(st):
                return False
        return True

    return every


@condition(
    "any", lambda arg, sc, st: " or ".join(describe(c, sc, st) for c in arg),
    explain=_explain_any,
    window=_widest,
)
def _any(arg: list[Stmt], sc: Scenario) -> Predicate:
    parts = [compile_condition(c, sc) for c in arg]
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        return lambda st: a(st) or b(st)

    def some(st: GameState) -> bool:
        for part in parts:  # noqa: SIM110
            if part(st):
                return True
        return False

    return some


@condition("not", lambda arg, sc, st: f"not {describe(arg, sc, st)}",
           explain=_explain_not)
def _not(arg: Stmt, sc: Scenario) -> Predicate:
    if arg.kind == "flag":  # the commonest negation, in one step
        flag = arg.arg
        return lambda st: flag not in st.flags
    inner = compile_condition(arg, sc)
    return lambda st: not inner(st)


# ------------------------------------------------------------------------------------------ plain kinds

@condition("flag", lambda arg, sc, st: f"‘{arg.replace('_', ' ')}’")
def _flag(arg: str, sc: Scenario) -> Predicate:
    return lambda st: arg in st.flags


def _describe_meter(arg: dict, sc: Scenario, st: GameState | None) -> str:
    now = f" (now {st.meters[arg['id']]:g})" if st else ""
    return f"{sc.meter(arg['id']).name} {_bounds_text(arg)}{now}"


def _explain_meter(arg: dict, sc: Scenario, st: GameState, holds: bool) -> str:
    if sc.meter(arg["id"]).hidden:
        return "not possible yet"  # a hidden gauge: say nothing of its name or value
    return _in_words(_describe_meter)(arg, sc, st, holds)


@condition("meter", _describe_meter, explain=_explain_meter)
def _meter(arg: dict, sc: Scenario) -> Predicate:
    ident = arg["id"]
    lo, hi = arg["min"], arg["max"]
    if hi is None:
        return lambda st: st.meters[ident] >= lo
    if lo is None:
        return lambda st: st.meters[ident] <= hi
    return lambda st: lo <= st.meters[ident] <= hi


def _describe_trust(arg: dict, sc: Scenario, st: GameState | None) -> str:
    now = f" (now {st.trust[arg['src']][arg['dst']]:g})" if st else ""
    return f"{sc.power(arg['src']).short}'s trust in {sc.power(arg['dst']).short} {_bounds_text(arg)}{now}"


@condition("trust", _describe_trust)
def _trust(arg: dict, sc: Scenario) -> Predicate:
    src, dst = arg["src"], arg["dst"]
    return _bounded(lambda st: st.trust[src][dst], arg["min"], arg["max"])


@condition("treaty", lambda arg, sc, st: f"{sc.offer(arg).the} signed", needs_treaty=lambda arg: True)
def _treaty(arg: str, sc: Scenario) -> Predicate:
    return lambda st: st.offers[arg].status == "signed"


@condition("offer", lambda arg, sc, st: f"{sc.offer(arg['id']).the} {arg['status']}")
def _offer(arg: dict, sc: Scenario) -> Predicate:
    ident, status = arg["id"], arg["status"]
    return lambda st: st.offers[ident].status == status


@condition("clause", lambda arg, sc, st: f"‘{sc.offer(arg['offer']).clause(arg['clause']).name}’ in the draft")
def _clause(arg: dict, sc: Scenario) -> Predicate:
    offer, clause = arg["offer"], arg["clause"]
    return lambda st: clause in st.offers[offer].clauses


def _date_turns(arg: dict, sc: Scenario) -> Window:
    cal = sc.calendar
    return (cal.turn_of(arg["start"]) if arg["start"] else ALWAYS[0], cal.turn_of(arg["end"]) if arg["end"] else ALWAYS[1])


def _describe_dates(arg: dict, sc: Scenario, st: GameState | None) -> str:
    parts = []
    if arg["start"]:
        parts.append(f"from {day_words(arg['start'])}")
    if arg["end"]:
        parts.append(f"until {day_words(arg['end'])}")
    return " ".join(parts)


@condition("date", _describe_dates, window=_date_turns)
def _date(arg: dict, sc: Scenario) -> Predicate:
    first, last = _date_turns(arg, sc)
    return lambda st: first <= st.turn <= last


@condition("turn", lambda arg, sc, st: f"{sc.calendar.unit} {_bounds_text(arg)}",
           window=lambda arg, sc: (ALWAYS[0] if arg["min"] is None else arg["min"], ALWAYS[1] if arg["max"] is None else arg["max"]))
def _turn(arg: dict, sc: Scenario) -> Predicate:
    return _bounded(lambda st: st.turn, arg["min"], arg["max"])


@condition("fired", lambda arg, sc, st: f"‘{sc.event(arg).title}’ to have happened")
def _fired(arg: str, sc: Scenario) -> Predicate:
    return lambda st: arg in st.fired


@condition("chose", lambda arg, sc, st: f"the choice ‘{arg['option'].replace('_', ' ')}’ at ‘{sc.event(arg['event']).title}’")
def _chose(arg: dict, sc: Scenario) -> Predicate:
    event, option = arg["event"], arg["option"]
    return lambda st: st.chosen.get(event) == option


@condition("taken", lambda arg, sc, st: f"‘{sc.action(arg).name}’ done first")
def _taken(arg: str, sc: Scenario) -> Predicate:
    return lambda st: arg in st.taken


def _territory_words(relation: str) -> Describe:
    def words(arg: dict, sc: Scenario, st: GameState | None) -> str:
        who = sc.power(arg["power"]).short if arg["power"] else "nobody"
        return f"{sc.territory(arg['territory']).name} {relation} {who}"

    return words


@condition("sphere", _territory_words("in the sphere of"))
def _sphere(arg: dict, sc: Scenario) -> Predicate:
    territory, power = arg["territory"], arg["power"]
    return lambda st: st.territories[territory].sphere == power


@condition("owner", _territory_words("held by"))
def _owner(arg: dict, sc: Scenario) -> Predicate:
    territory, power = arg["territory"], arg["power"]
    return lambda st: st.territories[territory].owner == power
