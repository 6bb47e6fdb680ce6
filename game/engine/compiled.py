"""What the engine derives from a scenario once: compiled conditions, bound effects, the calendar, a memo."""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..scenario.model import Do, EventDef, Offer, Plan, Scenario
from . import negotiation
from .actions import NEVER, Action
from .conditions import Predicate, compile_condition, needs_treaty, turn_window
from .days import NO_CAUSES, Causes, causes, flag_setters
from .effects import Bound, bind_effects
from .state import GameState, OfferState, TerritoryState


@dataclass(frozen=True, slots=True)
class EventCheck:
    """An event as the week's loop checks it."""

    ident: str
    repeat: bool
    when: Predicate
    chance: float
    event: EventDef


@dataclass(frozen=True, slots=True)
class Drift:
    """A gauge that moves by itself each week, within its bounds."""

    meter: str
    by: float
    lo: float
    hi: float


@dataclass(frozen=True, slots=True)
class Ending:
    """An outcome that ends the game when its condition holds (the deadline's is not one)."""

    ident: str
    holds: Predicate


MISSING = object()   # a value the memo does not hold (None is a value it may hold)
MEMO_LIMIT = 200_000  # entries: far more than one scenario's drafts and plans need; a bound on memory for any mod


@dataclass(frozen=True, slots=True)
class PlanStep:
    """One rule of an AI plan, ready to run: its `when` (None: always), its ready Action (None for a change to
    the draft on the table, which `do` says how to make), and the id of the scenario action it takes (None for
    an answer or a draft), and what may prompt it (days.Causes, its rule's and its action's own: the day the
    power acts on it)."""

    when: Predicate | None
    move: Action | None
    do: Do
    action_id: str | None
    causes: Causes


@dataclass
class Compiled:
    """What the engine derives from a scenario once: compiled conditions, bound effects, the event calendar, the
    starting state, and `memo`, one bounded memo of pure functions of the data (drafts edited, scored and
    named; the AI plans week by week), each entry keyed by what it is: ("edit", offer id, ...)."""

    dated: dict[int, list[EventCheck]]
    undated: list[list[EventCheck]]
    requires: dict[str, Predicate]
    rests: dict[str, int]   # weeks after taking a scenario action before it may be taken again (NEVER: once)
    available: dict[tuple[str, str], Predicate]
    endings: list[Ending]
    endings_need_treaty: bool   # no ending (but the deadline's) can come before a treaty is signed
    budgets: dict[str, int]
    drifts: list[Drift]
    starts: list[str]
    last_turn: int      # the calendar's last week: after it, the deadline's ending (`played_weeks` may be fewer)
    offers_of: dict[str, list[str]]
    acts_of: dict[str, tuple[Action, ...]]   # each power's scenario actions, as actions
    start: GameState
    on_take: dict[str, tuple[Bound, Bound]]
    on_fire: dict[str, Bound]
    effects: dict[tuple[str, ...], Bound]
    event_dates: dict[str, str]
    flag_setters: dict[str, frozenset[str]]
    ending_causes: dict[str, Causes]   # what can make each ending hold (the day it is reached: week.end)
    prompts: dict[str, Causes]         # what may prompt a scenario action: its `requires`
    offer_prompts: dict[str, Causes]   # what may prompt an answer or a draft: the offer's latest entry
    memo: dict[tuple, Any] = field(default_factory=dict)

    def remember(self, key: tuple, value: Any) -> Any:
        """Keep a computed value in the memo unless it is full; return the value."""
        if len(self.memo) < MEMO_LIMIT:
            self.memo[key] = value
        return value

    def undated_in(self, turn: int) -> list[EventCheck]:
        """Undated events whose condition can hold in that week (in file order)."""
        return self.undated[turn] if 0 <= turn < len(self.undated) else []

    def week_start(self, turn: int) -> str:
        """The first day of a week, as an ISO date."""
        return self.starts[turn] if turn < len(self.starts) else ""

    def draft_refusal(self, offer: Offer, draft: tuple[str, ...]) -> str | None:
        """Why a draft is malformed whatever the state (unknown, repeated, missing or clashing clauses)."""
        key = ("malformed", offer.id, draft)
        found = self.memo.get(key, MISSING)
        return self.remember(key, negotiation.malformed(offer, draft)) if found is MISSING else found

    def edited(self, offer: Offer, draft: Iterable[str], add: Iterable[str] = (),
               remove: Iterable[str] = ()) -> tuple[str, ...]:
        """negotiation.edit of a draft."""
        key = ("edit", offer.id, tuple(draft), tuple(add), tuple(remove))
        found = self.memo.get(key)
        return self.remember(key, negotiation.edit(offer, key[2], key[3], key[4])) if found is None else found

    def toggled(self, offer: Offer, draft: Iterable[str], clause_id: str) -> tuple[str, ...]:
        """negotiation.toggle of a draft."""
        key = ("toggle", offer.id, tuple(draft), clause_id)
        found = self.memo.get(key)
        return self.remember(key, negotiation.toggle(offer, key[2], clause_id)) if found is None else found

    def score(self, offer: Offer, party: str, draft: Iterable[str], st: GameState) -> float:
        """negotiation.score, with the part that depends on the draft alone remembered."""
        key = ("score", offer.id, party, tuple(draft))
        total = self.memo.get(key)
        if total is None:
            total = self.remember(key, negotiation.draft_score(offer, party, key[3]))
        return negotiation.weigh(total, offer, party, st)

    def normal_form(self, offer: Offer, clauses: Iterable[str]) -> tuple[str, ...]:
        """A draft in clause order, with required clauses and every clause the chosen ones need."""
        key = ("normal", offer.id, tuple(clauses))
        found = self.memo.get(key)
        if found is None:
            wanted = negotiation.with_requirements(offer, key[2])
            found = self.remember(key, tuple(c.id for c in offer.clauses if c.id in wanted))
        return found

    def clause_names(self, offer: Offer, draft: Iterable[str]) -> str:
        """The draft's clause names, listed for the log."""
        key = ("names", offer.id, tuple(draft))
        found = self.memo.get(key)
        return self.remember(key, ", ".join(offer.clause(c).name for c in key[2])) if found is None else found

    def changes(self, offer: Offer, party: str, draft: tuple[str, ...]) -> list[tuple[str, ...]]:
        """One-clause changes of a draft that the party values, best first."""
        key = ("changes", offer.id, party, draft)
        found = self.memo.get(key)
        if found is None:
            now = negotiation.draft_value(offer, party, draft)
            scored = []
            for clause in offer.clauses:
                trial = negotiation.toggle(offer, draft, clause.id)
                gain = negotiation.draft_value(offer, party, trial) - now
                if gain > 0:
                    scored.append((-gain, len(scored), trial))
            found = self.remember(key, [trial for _, _, trial in sorted(scored)])
        return found

    def plan_weeks(self, plan: Plan, power: str, sc: Scenario) -> list[list[PlanStep]]:
        """For each week, a plan's steps for one power that can apply in that week. Rules naming another power's
        action, or whose `when` or `requires` is bound to other weeks by its dates, are left out."""
        key = ("plan", id(plan), power)
        found = self.memo.get(key)
        if found is not None and found[0] is plan:  # the plan itself, not a later one given the same id
            return found[1]
        steps = []
        for rule in plan.rules:
            defn = sc.action(rule.do.target) if rule.do.kind == "action" else None
            if defn is not None and defn.power != power:
                continue
            first, last = turn_window(rule.when, sc)
            when = compile_condition(rule.when, sc) if rule.when is not None else None
            prompt = causes(rule.when, self.flag_setters)
            if defn is None:
                prompt = prompt | self.offer_prompts.get(rule.do.target, NO_CAUSES)
                step = PlanStep(when, self._move(rule.do, power, sc), rule.do, None, prompt)
                steps.append((first, last, step))
            else:
                since, until = turn_window(defn.requires, sc)
                step = PlanStep(when, Action("act", power, defn.id), rule.do, defn.id, prompt | self.prompts[defn.id])
                steps.append((max(first, since), min(last, until), step))
        weeks = _by_week(steps, len(self.starts))
        self.remember(key, (plan, weeks))
        return weeks

    def _move(self, do: Do, power: str, sc: Scenario) -> Action | None:
        """A plan step's ready Action, when it does not depend on the table: an answer, or a draft of listed
        clauses (None for a change to the draft on the table)."""
        if do.kind != "propose":
            return Action(do.kind, power, do.target)
        if do.clauses is None:
            return None
        return Action("propose", power, do.target, self.normal_form(sc.offer(do.target), do.clauses))


def _by_week(items: list[tuple[int, int, object]], weeks: int) -> list[list]:
    """For each week 0..weeks-1, the items (in order) whose window [first, last] contains it."""
    return [[item for first, last, item in items if first <= turn <= last] for turn in range(weeks)]


_CACHE: weakref.WeakKeyDictionary[Scenario, Compiled] = weakref.WeakKeyDictionary()


def compiled(sc: Scenario) -> Compiled:
    """The compiled form of a scenario (cached)."""
    found = _CACHE.get(sc)
    if found is None:
        found = _build(sc)
        _CACHE[sc] = found
    return found


def _build(sc: Scenario) -> Compiled:
    dated, undated = _calendar(sc)
    setters = flag_setters(sc)
    return Compiled(
        dated=dated,
        undated=undated,
        **_rules(sc),
        **_per_power(sc),
        drifts=[Drift(m.id, m.drift, m.min, m.max) for m in sc.meters if m.drift],
        starts=[""] + [sc.calendar.turn_start(t).isoformat() for t in range(1, sc.calendar.last_turn + 1)],
        last_turn=sc.calendar.last_turn,
        start=_start(sc),
        on_take={a.id: (bind_effects(a.effects, sc, a.id), bind_effects(a.hidden_effects, sc, a.id)) for a in sc.actions},
        on_fire={e.id: bind_effects(e.effects, sc, e.id) for e in sc.events},
        effects=_effects(sc),
        event_dates={e.id: e.date.isoformat() for e in sc.events if e.date},
        flag_setters=setters,
        prompts={a.id: causes(a.requires, setters) for a in sc.actions},
        offer_prompts={o.id: Causes(frozenset(), frozenset({o.id})) for o in sc.offers},
        ending_causes={o.id: causes(o.when, setters) for o in sc.outcomes},
    )


def played_weeks(sc: Scenario) -> int:
    """The weeks in which the powers act: the calendar's, less those from the first week that opens with a dated
    event sure to end the game (a week's dated events fire before anyone acts, so that week is never played: 1939's
    invasion of Poland on 1 September ends it as its last week, 28 August – 3 September, begins)."""
    cal = sc.calendar
    ending = [cal.turn_of(e.date) - 1 for e in sc.events
              if e.date and e.when is None and e.chance >= 1.0 and any(x.kind == "end_game" for x in e.effects)]
    return max(1, min([cal.last_turn, *ending]))


def _per_power(sc: Scenario) -> dict[str, Any]:
    """Each power's action budget, the offers it is party to, and the actions it can take."""
    return {
        "budgets": {p.id: p.actions_per_turn for p in sc.powers},
        "offers_of": {p.id: [o.id for o in sc.offers if p.id in o.parties] for p in sc.powers},
        "acts_of": {p.id: tuple(Action("act", p.id, a.id) for a in sc.actions_of(p.id)) for p in sc.powers},
    }


def _rules(sc: Scenario) -> dict[str, Any]:
    """The compiled conditions of actions, clauses and endings, and how long each action rests once taken."""
    endings = [o for o in sc.outcomes if not o.deadline]
    return {
        "requires": {a.id: compile_condition(a.requires, sc) for a in sc.actions},
        "rests": {a.id: NEVER if a.once else a.cooldown + 1 for a in sc.actions},
        "available": {(o.id, c.id): compile_condition(c.available, sc) for o in sc.offers for c in o.clauses},
        "endings": [Ending(o.id, compile_condition(o.when, sc)) for o in endings],
        "endings_need_treaty": all(needs_treaty(o.when) for o in endings),
    }


def _calendar(sc: Scenario) -> tuple[dict[int, list[EventCheck]], list[list[EventCheck]]]:
    """The dated events of each week in date order, and for each week the undated events that can fire in it."""
    checks = {e.id: EventCheck(e.id, e.repeat, compile_condition(e.when, sc), e.chance, e) for e in sc.events}
    dated: dict[int, list[EventCheck]] = {}
    for event in sorted((e for e in sc.events if e.date), key=lambda e: e.date):
        dated.setdefault(sc.calendar.turn_of(event.date), []).append(checks[event.id])
    undated = [(*turn_window(e.when, sc), checks[e.id]) for e in sc.events if not e.date]
    return dated, _by_week(undated, sc.calendar.last_turn + 1)


def _effects(sc: Scenario) -> dict[tuple[str, ...], Bound]:
    """The scenario's other effect lists (actions' are in on_take, events' in on_fire), bound (see
    effects.bind_effects), keyed by their owner: ('choice', event id, option id), ('clause', offer id, clause id),
    ('offer', id) and ('outcome', id)."""
    found: dict[tuple[str, ...], Bound] = {}
    for event in sc.events:
        for choice in event.choices:
            found["choice", event.id, choice.id] = bind_effects(choice.effects, sc, event.id)
    for offer in sc.offers:
        found["offer", offer.id] = bind_effects(offer.on_sign, sc, offer.id)
        for clause in offer.clauses:
            found["clause", offer.id, clause.id] = bind_effects(clause.on_sign, sc, offer.id)
    for outcome in sc.outcomes:
        found["outcome", outcome.id] = bind_effects(outcome.effects, sc, outcome.id)
    return found


def _start(sc: Scenario) -> GameState:
    """The parts of a new game's state that come from the scenario alone (Game.new copies them)."""
    return GameState(
        seed=0,
        rng=0,
        turn=1,
        meters={m.id: m.start for m in sc.meters},
        trust={p.id: {q.id: p.trust.get(q.id, 50.0) for q in sc.powers if q.id != p.id} for p in sc.powers},
        territories={t.id: TerritoryState(t.owner, t.sphere) for t in sc.territories},
        offers={o.id: OfferState("open" if o.open else "closed", list(o.default_draft())) for o in sc.offers},
        people={p.id: {"leader": [p.leader.name, p.leader.title],
                       "foreign_minister": [p.foreign_minister.name, p.foreign_minister.title]}
                for p in sc.powers},
        reply_weeks={p.id: p.reply_weeks for p in sc.powers},
        budget={},
        unlocked=[s.id for s in sc.sources if s.unlocked],
    )
