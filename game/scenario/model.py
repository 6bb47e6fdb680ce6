"""The immutable scenario model that the engine and the UI read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .calendar import Calendar
from .vocabulary import Stmt

Effects = tuple[Stmt, ...]


@dataclass(frozen=True, slots=True)
class Texts:
    """What the window says of the scenario itself (an empty field takes a default made from the scenario)."""

    title: str = ""         # the title screen's big title (default: the scenario's title)
    subtitle: str = ""      # the line under it (default: the player's name and the calendar's months)
    tagline: str = ""       # a third, smaller line (default: none)
    stamp: str = ""         # the stamp on the title screen (default: none)
    role: str = ""          # the help's first sentence: whom the player plays
    ends: str = ""          # the help's sentence on how the game ends
    map_title: str = ""     # over the large map, before the date (default: "The map")


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class Meter:
    id: str
    name: str
    description: str
    min: float
    max: float
    start: float
    drift: float
    power: str | None
    hidden: bool
    score: bool
    good: str
    interest: str = ""
    shown_to: tuple[str, ...] = ()
    good_for: dict[str, str] = field(default_factory=dict)

    def shown(self, power: str) -> bool:
        """Whether a power sees the gauge (never if hidden; `shown_to` empty: every power)."""
        return not self.hidden and (not self.shown_to or power in self.shown_to)

    def good_when(self, power: str) -> str:
        """Which way is good for this viewer: 'higher', 'lower' or 'none' (the gauge measures another's interest)."""
        if power in self.good_for:
            return DIRECTION[self.good_for[power]]
        if self.power is None or self.power == power:
            return DIRECTION[self.good]
        return "none"


DIRECTION = {"high": "higher", "low": "lower", "none": "none"}


@dataclass(frozen=True, slots=True)
class Do:
    """What a policy rule does: take an action, propose, accept or reject."""

    kind: str
    target: str
    clauses: tuple[str, ...] | None = None
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    when: Stmt | None
    do: Do


@dataclass(frozen=True, slots=True)
class Plan:
    """How a controller plays a power: ordered rules, event choices, default answer."""

    rules: tuple[Rule, ...] = ()
    choices: dict[str, str] = field(default_factory=dict)
    respond: str = "evaluate"


@dataclass(frozen=True, slots=True)
class Power:
    id: str
    name: str
    short: str
    color: str
    leader: Person
    foreign_minister: Person
    capital: str
    playable: bool
    actions_per_turn: int
    reply_weeks: int
    briefing: str
    objectives: tuple[str, ...]
    secret_objectives: tuple[str, ...]
    trust: dict[str, float]
    ai: Plan
    people: tuple[Person, ...] = ()     # more people with their posts: chancellor, chiefs of staff, ambassadors


@dataclass(frozen=True, slots=True)
class Territory:
    id: str
    name: str
    owner: str | None
    sphere: str | None
    map: str


@dataclass(frozen=True, slots=True)
class Perspective:
    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    kind: str
    title: str
    author: str
    date: str
    perspective: str
    text: str
    reference: str
    unlocked: bool


@dataclass(frozen=True, slots=True)
class RecordEntry:
    """A decision a power really took, on its day, with the source card that documents it."""

    date: dt.date
    power: str
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A point a lesson can start from or stop at: the start of the week that contains `date`."""

    id: str
    date: dt.date
    title: str
    note: str   # for the teacher: what the class faces from here


@dataclass(frozen=True, slots=True)
class Clause:
    id: str
    name: str
    text: str
    required: bool
    default: bool
    secret: bool
    requires: tuple[str, ...]
    excludes: tuple[str, ...]
    available: Stmt | None
    why_not: str | None
    values: dict[str, float]
    on_sign: Effects


@dataclass(frozen=True, slots=True)
class PartyAI:
    threshold: float = 0.0
    trust_weight: float = 0.0
    urgency: str | None = None
    urgency_weight: float = 0.0
    counter_min: float | None = None
    blockers: dict[str, str | None] | None = None   # urgency/trust/draft -> what the forecast says blocks a draft


def with_article(name: str) -> str:
    """A name with its article inside a sentence: "the Red-Blue pact", and "the Treaty of Rapallo" for a name
    that has its own ("The Treaty of Rapallo")."""
    return "the " + name[4:] if name[:4].lower() == "the " else "the " + name


@dataclass(frozen=True, slots=True)
class Offer:
    id: str
    name: str
    parties: tuple[str, ...]
    description: str
    open: bool
    propose_cost: int
    spread: float
    clauses: tuple[Clause, ...]
    ai: dict[str, PartyAI]
    on_sign: Effects
    observers: tuple[str, ...] = ()      # see drafts, answers and news without being parties
    signed_at: str = ""                  # where it is signed (the signing card says so)
    signed_in_history: dt.date | None = None   # the day it was signed in history (the ending compares)
    by_id: dict[str, Clause] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {c.id: c for c in self.clauses})

    @property
    def audience(self) -> tuple[str, ...]:
        """Who reads the news of the talks: the parties and the observers."""
        return self.parties + self.observers

    def clause(self, clause_id: str) -> Clause:
        return self.by_id[clause_id]

    @property
    def the(self) -> str:
        """The name with its article inside a sentence (see with_article)."""
        return with_article(self.name)

    @property
    def The(self) -> str:
        """The name with its article at the start of a sentence."""
        return "T" + self.the[1:]

    def default_draft(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.clauses if c.default or c.required)


@dataclass(frozen=True, slots=True)
class ActionDef:
    id: str
    power: str
    name: str
    text: str
    cost: int
    once: bool
    cooldown: int
    requires: Stmt | None
    why_not: str | None
    effects: Effects
    hidden_effects: Effects
    sources: tuple[str, ...]
    confirm: bool = False   # cannot be taken back: asked before it is taken (see game.engine.actions.irreversible)


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: str
    effects: Effects
    ai_weight: float
    default: bool
    confirm: bool = False


@dataclass(frozen=True, slots=True)
class EventDef:
    id: str
    title: str
    date: dt.date | None
    when: Stmt | None
    chance: float
    repeat: bool
    visible_to: tuple[str, ...] | None
    text: str
    sources: tuple[str, ...]
    effects: Effects
    chooser: str | None
    choices: tuple[Choice, ...]
    injectable: bool = False   # a teacher may bring it into any week from the console
    by_id: dict[str, Choice] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {c.id: c for c in self.choices})

    def default_choice(self) -> Choice:
        return next((c for c in self.choices if c.default), self.choices[0])


@dataclass(frozen=True, slots=True)
class MapMark:
    """A sign on the map at one of its cities, shown while its condition holds (a front, a guarantee)."""

    id: str
    at: str
    text: str
    kind: str
    when: Stmt | None
    visible_to: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Outcome:
    id: str
    title: str
    when: Stmt | None
    deadline: bool
    historical: bool
    summary: str
    epilogue: str
    comparison: str
    effects: Effects
    questions: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    power: str
    description: str
    plan: Plan


@dataclass(frozen=True, eq=False)
class Scenario:
    """A whole validated scenario. Lists keep file order; lookups are by id."""

    format: int
    id: str
    title: str
    summary: str
    calendar: Calendar
    player: str
    meters: tuple[Meter, ...]
    powers: tuple[Power, ...]
    territories: tuple[Territory, ...]
    perspectives: tuple[Perspective, ...]
    sources: tuple[Source, ...]
    offers: tuple[Offer, ...]
    actions: tuple[ActionDef, ...]
    events: tuple[EventDef, ...]
    outcomes: tuple[Outcome, ...]
    policies: tuple[Policy, ...]
    record: tuple[RecordEntry, ...]
    checkpoints: tuple[Checkpoint, ...] = ()
    texts: Texts | None = None
    map: str = ""           # the scenario's `map:` (see game/scenario/maps.py); "" the default map
    map_marks: tuple[MapMark, ...] = ()
    path: str = ""
    sha256: str = ""
    bases: tuple[str, ...] = ()      # the files it extends, nearest first (see overlay.py)
    index: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name in ("meters", "powers", "territories", "perspectives", "sources", "offers", "actions",
                     "events", "outcomes", "policies", "checkpoints"):
            self.index[name] = {item.id: item for item in getattr(self, name)}
        by_power: dict[str, list[ActionDef]] = {p.id: [] for p in self.powers}
        for action in self.actions:
            by_power.setdefault(action.power, []).append(action)
        self.index["actions_of"] = {p: tuple(found) for p, found in by_power.items()}

    def meter(self, ident: str) -> Meter:
        return self.index["meters"][ident]

    def power(self, ident: str) -> Power:
        return self.index["powers"][ident]

    def territory(self, ident: str) -> Territory:
        return self.index["territories"][ident]

    def perspective(self, ident: str) -> Perspective:
        return self.index["perspectives"][ident]

    def source(self, ident: str) -> Source:
        return self.index["sources"][ident]

    def offer(self, ident: str) -> Offer:
        return self.index["offers"][ident]

    def action(self, ident: str) -> ActionDef:
        return self.index["actions"][ident]

    def event(self, ident: str) -> EventDef:
        return self.index["events"][ident]

    def outcome(self, ident: str) -> Outcome:
        return self.index["outcomes"][ident]

    def policy(self, ident: str) -> Policy:
        return self.index["policies"][ident]

    def checkpoint(self, ident: str) -> Checkpoint:
        return self.index["checkpoints"][ident]

    def record_of(self, power: str) -> tuple[RecordEntry, ...]:
        """The documented decisions of one power, in date order."""
        return tuple(sorted((r for r in self.record if r.power == power), key=lambda r: r.date))

    def actions_of(self, power: str) -> tuple[ActionDef, ...]:
        return self.index["actions_of"].get(power, ())

    def counts(self) -> dict[str, int]:
        return {
            "powers": len(self.powers),
            "offers": len(self.offers),
            "clauses": sum(len(o.clauses) for o in self.offers),
            "actions": len(self.actions),
            "events": len(self.events),
            "sources": len(self.sources),
            "outcomes": len(self.outcomes),
        }
