"""How AI parties value drafts: clause values weighted by trust and urgency."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Sequence
from typing import Protocol

from ..scenario.model import Clause, Offer, PartyAI
from .effects import clamp
from .state import GameState

NO_AI = PartyAI()


def score(offer: Offer, party: str, clauses: Iterable[str], st: GameState) -> float:
    """The party's net wish to sign this draft (positive: more likely than not)."""
    return weigh(draft_score(offer, party, clauses), offer, party, st)


def draft_score(offer: Offer, party: str, clauses: Iterable[str]) -> float:
    """The part of a party's score that depends on the draft alone: its clauses' values less its threshold.
    (Not draft_value less the threshold: the sum starts from the threshold, so the float is the same as ever.)"""
    total = -offer.ai.get(party, NO_AI).threshold
    for clause in offer.clauses:
        if clause.id in clauses:
            total += clause.values.get(party, 0.0)
    return total


def weigh(total: float, offer: Offer, party: str, st: GameState) -> float:
    """A draft's score (see draft_score) with the party's trust in the others and its urgency added."""
    ai = offer.ai.get(party, NO_AI)
    if ai.trust_weight:
        others = [p for p in offer.parties if p != party]
        mean = sum(st.trust[party][p] for p in others) / len(others)
        total += ai.trust_weight * (mean - 50.0)
    if ai.urgency and ai.urgency_weight:
        total += ai.urgency_weight * st.meters[ai.urgency]
    return total


def leanings(offer: Offer, party: str, clauses: Iterable[str], st: GameState, names: dict[str, str],
             visible_gauges: dict[str, str], addable: set[str], own: frozenset[str] = frozenset()) -> list[str]:
    """What weighs most with the party about this draft, in words a diplomat might report: the clauses it
    objects to or values most, the one it misses most (of those that can be added now), its trust in the
    others, and the public gauge that drives its urgency. No numbers from its private table. `names` maps
    power ids to short names; `visible_gauges` maps the ids of meters the player can see to their names;
    `own`: the clauses the party has itself put in a draft, which it is never said to object to."""
    ai = offer.ai.get(party, NO_AI)
    found = _clause_leanings(offer, party, set(clauses), addable, own)
    if ai.trust_weight:
        found += _trust_leaning(offer, party, st, names)
    if ai.urgency and ai.urgency_weight > 0 and ai.urgency in visible_gauges:
        found.append(f"grows keener as ‘{visible_gauges[ai.urgency]}’ rises")
    return found


def _clause_leanings(offer: Offer, party: str, chosen: set[str], addable: set[str],
                     own: frozenset[str] = frozenset()) -> list[str]:
    """The two clauses of the draft the party objects to most (none it proposed itself), the one it values most,
    and the addable one it misses most."""
    values = [(c.values.get(party, 0.0), c) for c in offer.clauses]
    return _objections(values, chosen, own) + _wishes(values, chosen, addable)


def _objections(values: list[tuple[float, Clause]], chosen: set[str], own: frozenset[str]) -> list[str]:
    """The two clauses of the draft the party objects to most (valued below zero), none it proposed itself."""
    lowest = sorted(values, key=lambda vc: vc[0])
    return [f"{'strongly ' if v <= -20 else ''}objects to ‘{c.name}’"
            for v, c in lowest if v < 0 and c.id in chosen and c.id not in own][:2]


def _wishes(values: list[tuple[float, Clause]], chosen: set[str], addable: set[str]) -> list[str]:
    """The clause of the draft the party values most, and the addable one it misses most."""
    highest = sorted(values, key=lambda vc: -vc[0])
    found = []
    liked = [c for v, c in highest if v > 0 and c.id in chosen]
    if liked:
        found.append(f"values ‘{liked[0].name}’")
    missed = [c for v, c in highest if v >= 10 and c.id not in chosen and c.id in addable]
    if missed:
        found.append(f"would want ‘{missed[0].name}’")
    return found


def _trust_leaning(offer: Offer, party: str, st: GameState, names: dict[str, str]) -> list[str]:
    """Whether the party distrusts or trusts the other parties, if either is marked."""
    others = [p for p in offer.parties if p != party]
    mean = sum(st.trust[party][p] for p in others) / len(others)
    who = " and ".join(names.get(p, p) for p in others)
    if mean < 35:
        return [f"distrusts {who}"]
    return [f"trusts {who}"] if mean > 65 else []


def blocker(offer: Offer, party: str, clauses: Iterable[str], st: GameState, own: frozenset[str] = frozenset()
            ) -> tuple[str, str]:
    """What stands most in the way of the party accepting this draft, as (term, clause id): the term of its
    score that costs most and that the player can act on. "clause": a clause of the draft it values below
    nothing (never one it proposed itself); "trust": its trust in the others, below neutral; "urgency": its
    urgency, too low yet to outweigh its reluctance (threshold); "draft": none of these, the draft offers too
    little."""
    ai = offer.ai.get(party, NO_AI)
    chosen = set(clauses)
    found, worst = ("draft", ""), 0.0
    for clause in offer.clauses:
        value = clause.values.get(party, 0.0)
        if clause.id in chosen and clause.id not in own and -value > worst:
            found, worst = ("clause", clause.id), -value
    if ai.trust_weight:
        others = [p for p in offer.parties if p != party]
        term = ai.trust_weight * (sum(st.trust[party][p] for p in others) / len(others) - 50.0)
        if -term > worst:
            found, worst = ("trust", ""), -term
    if ai.urgency and ai.urgency_weight > 0:
        lack = ai.threshold - ai.urgency_weight * st.meters[ai.urgency]
        if lack > worst:
            found = ("urgency", "")
    return found


def blocker_words(offer: Offer, party: str, term: str, clause_id: str, names: dict[str, str]) -> str:
    """A blocker (see `blocker`) in words that follow the party's name, the scenario's own if it gives them."""
    said = (offer.ai.get(party, NO_AI).blockers or {}).get(term)
    if said:
        return said
    if term == "clause":
        return f"will not accept ‘{offer.clause(clause_id).name}’"
    if term == "trust":
        return f"does not trust {' and '.join(names.get(p, p) for p in offer.parties if p != party)} enough"
    if term == "urgency":
        return "is not pressed for time yet"
    return "finds too little for itself in this draft"


class Drifting(Protocol):
    """A gauge's weekly drift (compiled.Drift)."""

    meter: str
    by: float
    lo: float
    hi: float


def drifted(st: GameState, drifts: Sequence[Drifting], weeks: int) -> GameState:
    """The state as a party will weigh a draft `weeks` weekly drifts from now: the part of what happens before
    it answers that is known today (a shallow copy; only the gauges differ)."""
    if weeks <= 0 or not drifts:
        return st
    meters = dict(st.meters)
    for _ in range(weeks):
        for drift in drifts:
            meters[drift.meter] = clamp(meters[drift.meter] + drift.by, drift.lo, drift.hi)
    return dataclasses.replace(st, meters=meters)


def acceptance(value: float, spread: float) -> float:
    """Probability of accepting a draft with this score."""
    x = max(-60.0, min(60.0, value / spread))
    return 1.0 / (1.0 + math.exp(-x))


def likely_range(offer: Offer, party: str, clauses: Iterable[str], st: GameState) -> tuple[float, float]:
    """What the other side would probably do, as a probability range the player may see."""
    return odds_range(score(offer, party, tuple(clauses), st), offer.spread)


def odds_range(value: float, spread: float) -> tuple[float, float]:
    """The probability range the player is shown for a draft the party scores `value`."""
    return acceptance(value - spread, spread), acceptance(value + spread, spread)


def malformed(offer: Offer, draft: tuple[str, ...]) -> str | None:
    """Why a draft cannot stand whatever the state of the game (None: it can)."""
    ids = {c.id for c in offer.clauses}
    chosen = set(draft)
    unknown = sorted(chosen - ids)
    if unknown:
        return f"{offer.The} has no clause {unknown[0]!r}."
    if len(chosen) != len(draft):
        return "A clause is listed twice."
    if not chosen:
        return "A draft needs at least one clause."
    for clause in offer.clauses:
        if clause.required and clause.id not in chosen:
            return f"‘{clause.name}’ cannot be left out."
        if clause.id not in chosen:
            continue
        missing = [r for r in clause.requires if r not in chosen]
        if missing:
            return f"‘{clause.name}’ needs ‘{offer.clause(missing[0]).name}’."
        clash = [x for x in clause.excludes if x in chosen]
        if clash:
            return f"‘{clause.name}’ cannot stand with ‘{offer.clause(clash[0]).name}’."
    return None


def with_requirements(offer: Offer, clauses: Iterable[str]) -> set[str]:
    """The clauses plus every clause they need (transitively) and every required clause."""
    wanted = set(clauses) | {c.id for c in offer.clauses if c.required}
    by_id = {c.id: c for c in offer.clauses}
    todo = list(wanted)
    while todo:
        clause = by_id.get(todo.pop())
        for need in clause.requires if clause else ():
            if need not in wanted:
                wanted.add(need)
                todo.append(need)
    return wanted


def _without(offer: Offer, current: set[str], gone: set[str]) -> set[str]:
    """Take clauses out of a draft, with every clause that (transitively) needs one of them."""
    gone = set(gone) & current
    grew = True
    while grew:
        grew = False
        for clause in offer.clauses:
            if clause.id in current and clause.id not in gone and gone.intersection(clause.requires):
                gone.add(clause.id)
                grew = True
    return current - gone


def toggle(offer: Offer, draft: Iterable[str], clause_id: str) -> tuple[str, ...]:
    """The draft with a clause added (with what it needs, dropping what it excludes) or taken out (with what needs it)."""
    current = set(draft)
    if clause_id in current:
        current = with_requirements(offer, _without(offer, current, {clause_id}))
    else:
        added = with_requirements(offer, current | {clause_id}) - current
        excluded = {x for c in offer.clauses if c.id in added for x in c.excludes}
        current = _without(offer, current, excluded) | added
    return tuple(c.id for c in offer.clauses if c.id in current)


def edit(offer: Offer, draft: Iterable[str], add: Iterable[str] = (), remove: Iterable[str] = ()) -> tuple[str, ...]:
    """Take clauses out (with what needs them), then put clauses in (with what they need)."""
    current = with_requirements(offer, _without(offer, set(draft), set(remove)))
    result = tuple(c.id for c in offer.clauses if c.id in current)
    for clause_id in add:
        if clause_id not in result:
            result = toggle(offer, result, clause_id)
    return result


def draft_value(offer: Offer, party: str, clauses: Iterable[str]) -> float:
    """The sum of a party's values for a draft's clauses."""
    chosen = set(clauses)
    return sum(c.values.get(party, 0.0) for c in offer.clauses if c.id in chosen)
