"""Compile condition statements into fast predicates, and explain them in words."""

from __future__ import annotations

from collections.abc import Callable

from ..scenario.model import Scenario
from ..scenario.vocabulary import Stmt
from .state import GameState

Predicate = Callable[[GameState], bool]


def _all(parts: list[Predicate]) -> Predicate:
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


def _any(parts: list[Predicate]) -> Predicate:
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


def _bounded(value: Callable[[GameState], float], lo: float | None, hi: float | None) -> Predicate:
    """A predicate `lo <= value(st) <= hi`, specialised for one-sided bounds."""
    if hi is None:
        return lambda st: value(st) >= lo
    if lo is None:
        return lambda st: value(st) <= hi
    return lambda st: lo <= value(st) <= hi


def compile_condition(cond: Stmt | None, sc: Scenario) -> Predicate:
    """Turn a condition into a function of the state (None: always true)."""
    if cond is None:
        return lambda st: True
    kind, arg = cond.kind, cond.arg
    if kind == "all":
        return _all([compile_condition(c, sc) for c in arg])
    if kind == "any":
        return _any([compile_condition(c, sc) for c in arg])
    if kind == "not":
        if arg.kind == "flag":  # the commonest negation, in one step
            flag = arg.arg
            return lambda st: flag not in st.flags
        inner = compile_condition(arg, sc)
        return lambda st: not inner(st)
    if kind == "flag":
        return lambda st: arg in st.flags
    if kind == "meter":
        ident = arg["id"]
        lo, hi = arg["min"], arg["max"]
        if hi is None:
            return lambda st: st.meters[ident] >= lo
        if lo is None:
            return lambda st: st.meters[ident] <= hi
        return lambda st: lo <= st.meters[ident] <= hi
    if kind == "trust":
        src, dst = arg["src"], arg["dst"]
        return _bounded(lambda st: st.trust[src][dst], arg["min"], arg["max"])
    if kind == "treaty":
        return lambda st: st.offers[arg].status == "signed"
    if kind == "offer":
        ident, status = arg["id"], arg["status"]
        return lambda st: st.offers[ident].status == status
    if kind == "clause":
        offer, clause = arg["offer"], arg["clause"]
        return lambda st: clause in st.offers[offer].clauses
    if kind == "date":
        first, last = _date_turns(arg, sc)
        return lambda st: first <= st.turn <= last
    if kind == "turn":
        return _bounded(lambda st: st.turn, arg["min"], arg["max"])
    if kind == "fired":
        return lambda st: arg in st.fired
    if kind == "chose":
        event, option = arg["event"], arg["option"]
        return lambda st: st.chosen.get(event) == option
    if kind == "taken":
        return lambda st: arg in st.taken
    if kind == "sphere":
        territory, power = arg["territory"], arg["power"]
        return lambda st: st.territories[territory].sphere == power
    if kind == "owner":
        territory, power = arg["territory"], arg["power"]
        return lambda st: st.territories[territory].owner == power
    raise ValueError(f"no implementation for condition {kind!r}")


def _date_turns(arg: dict, sc: Scenario) -> tuple[int, int]:
    cal = sc.calendar
    return (cal.turn_of(arg["start"]) if arg["start"] else -10**9, cal.turn_of(arg["end"]) if arg["end"] else 10**9)


ALWAYS = (-10**9, 10**9)


def turn_window(cond: Stmt | None, sc: Scenario) -> tuple[int, int]:
    """Weeks outside which the condition can never hold, read from its `date` and `turn` parts (a shortcut for
    callers that test a condition every week; inside the window the condition must still be tested)."""
    if cond is None:
        return ALWAYS
    kind, arg = cond.kind, cond.arg
    if kind == "date":
        return _date_turns(arg, sc)
    if kind == "turn":
        return (ALWAYS[0] if arg["min"] is None else arg["min"], ALWAYS[1] if arg["max"] is None else arg["max"])
    if kind == "all" and arg:
        windows = [turn_window(c, sc) for c in arg]
        return max(w[0] for w in windows), min(w[1] for w in windows)
    if kind == "any" and arg:
        windows = [turn_window(c, sc) for c in arg]
        return min(w[0] for w in windows), max(w[1] for w in windows)
    return ALWAYS


def needs_treaty(cond: Stmt | None) -> bool:
    """Whether the condition can hold only once some treaty is signed (it is, or an `all` with, a `treaty` part)."""
    if cond is None:
        return False
    return cond.kind == "treaty" or (cond.kind == "all" and any(needs_treaty(c) for c in cond.arg))


IMPLEMENTED = frozenset({
    "all", "any", "not", "flag", "meter", "trust", "treaty", "offer", "clause", "date", "turn", "fired",
    "chose", "taken", "sphere", "owner",
})


def _bounds_text(arg: dict) -> str:
    lo, hi = arg.get("min"), arg.get("max")
    if lo is not None and hi is not None:
        return f"between {lo:g} and {hi:g}"
    return f"at least {lo:g}" if lo is not None else f"at most {hi:g}"


def explain(cond: Stmt, sc: Scenario, st: GameState, holds: bool = True) -> str | None:
    """Say in words why a condition is not met (None if it is)."""
    if compile_condition(cond, sc)(st) == holds:
        return None
    kind, arg = cond.kind, cond.arg
    if kind == "all" and holds:
        return next(r for c in arg if (r := explain(c, sc, st)) is not None)
    if kind == "any" and not holds:
        return next(r for c in arg if (r := explain(c, sc, st, False)) is not None)
    if kind == "not":
        return explain(arg, sc, st, not holds)
    if kind in ("all", "any"):
        return "; or ".join(r for c in arg if (r := explain(c, sc, st, holds)) is not None)
    if kind == "meter" and sc.meter(arg["id"]).hidden:
        return "not possible yet"  # a hidden gauge: say nothing of its name or value
    want = "needs" if holds else "not possible while"
    return f"{want} {describe(cond, sc, st)}"


def describe(cond: Stmt, sc: Scenario, st: GameState | None = None) -> str:
    """A short human description of a single condition."""
    kind, arg = cond.kind, cond.arg
    if kind == "flag":
        return f"‘{arg.replace('_', ' ')}’"
    if kind == "meter":
        now = f" (now {st.meters[arg['id']]:g})" if st else ""
        return f"{sc.meter(arg['id']).name} {_bounds_text(arg)}{now}"
    if kind == "trust":
        now = f" (now {st.trust[arg['src']][arg['dst']]:g})" if st else ""
        return (f"{sc.power(arg['src']).short}'s trust in {sc.power(arg['dst']).short} "
                f"{_bounds_text(arg)}{now}")
    if kind == "treaty":
        return f"the {sc.offer(arg).name} signed"
    if kind == "offer":
        return f"the {sc.offer(arg['id']).name} {arg['status']}"
    if kind == "clause":
        return f"‘{sc.offer(arg['offer']).clause(arg['clause']).name}’ in the draft"
    if kind == "date":
        parts = []
        if arg["start"]:
            parts.append(f"from {arg['start']:%d %B %Y}")
        if arg["end"]:
            parts.append(f"until {arg['end']:%d %B %Y}")
        return " ".join(parts)
    if kind == "turn":
        return f"week {_bounds_text(arg)}"
    if kind == "fired":
        return f"‘{sc.event(arg).title}’ to have happened"
    if kind == "chose":
        return f"the choice ‘{arg['option'].replace('_', ' ')}’ at ‘{sc.event(arg['event']).title}’"
    if kind == "taken":
        return f"‘{sc.action(arg).name}’ done first"
    if kind in ("sphere", "owner"):
        who = sc.power(arg["power"]).short if arg["power"] else "nobody"
        return f"{sc.territory(arg['territory']).name} {'in the sphere of' if kind == 'sphere' else 'held by'} {who}"
    return kind
