"""Whether a scenario action can never be taken again in this game (a front end stops offering it)."""

from __future__ import annotations

from collections.abc import Iterator

from ..scenario.model import ActionDef, Scenario
from ..scenario.vocabulary import Stmt
from ..scenario.walk import effects_in
from .compiled import Compiled
from .state import GameState


def cleared_flags(sc: Scenario, cx: Compiled) -> frozenset[str]:
    """The flags some effect of the scenario clears (a flag no effect clears stays set for good)."""
    key = ("cleared_flags",)
    found = cx.memo.get(key)
    if found is None:
        fields = {"actions": sc.actions, "events": sc.events, "offers": sc.offers, "outcomes": sc.outcomes}
        found = cx.remember(key, frozenset(e.arg for e in effects_in(fields) if e.kind == "clear_flag"))
    return found


def _barring(cond: Stmt | None) -> Iterator[tuple[str, str]]:
    """The flags whose being set makes the condition fail, whatever else holds (`not: {flag: F}` in it or in an
    `all` of it), each with the words its rule gives ("" if none)."""
    if cond is None:
        return
    if cond.kind == "not" and cond.arg.kind == "flag":
        yield cond.arg.arg, cond.why_not or cond.arg.why_not or ""
    elif cond.kind == "all":
        for part in cond.arg:
            yield from _barring(part)


def settled(sc: Scenario, cx: Compiled, st: GameState, defn: ActionDef) -> str:
    """Why the action can never be taken again, in words ("": it may be): done once and for all in an earlier
    week, or barred by a flag that is set and that nothing in the scenario clears (an event decided it: Litvinov
    dismissed in a question)."""
    taken = st.taken.get(defn.id)
    if defn.once and taken is not None and taken < st.turn:
        return f"Done in {sc.calendar.numbered(taken).lower()}."
    cleared = cleared_flags(sc, cx)
    return next((why or "Decided otherwise." for flag, why in _barring(defn.requires)
                 if flag in st.flags and flag not in cleared), "")
