"""The game state: plain data, serializable, including the random generator."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .notes import check_reason, check_votes


@dataclass(slots=True)
class OfferState:
    """Where an offer stands: its current draft and who still has to answer."""

    status: str = "closed"
    clauses: list[str] = field(default_factory=list)
    proposer: str | None = None
    accepted: list[str] = field(default_factory=list)
    waiting: dict[str, int] = field(default_factory=dict)
    rounds: int = 0
    signed_turn: int | None = None


@dataclass(slots=True)
class TerritoryState:
    owner: str | None
    sphere: str | None


@dataclass(slots=True)
class LogEntry:
    """One thing that happened: when, what, who did it, who may see it, and why."""

    turn: int
    date: str
    kind: str
    title: str
    text: str = ""
    power: str | None = None
    ref: str = ""
    visible_to: tuple[str, ...] | None = None
    sources: tuple[str, ...] = ()
    clauses: tuple[str, ...] = ()  # of a proposal or a signature: the clause ids of the draft
    why: str = ""                  # of a decision: the reason its people gave
    votes: tuple[tuple[str, int], ...] = ()  # of a decision: the tally, in the order given

    def visible(self, power: str | None) -> bool:
        return self.visible_to is None or power is None or power in self.visible_to


@dataclass(slots=True)
class Pending:
    """An event choice waiting for a power."""

    event: str
    power: str
    date: str


@dataclass(slots=True)
class GameState:
    """Everything that changes during a game."""

    seed: int
    rng: int
    turn: int
    meters: dict[str, float]
    trust: dict[str, dict[str, float]]
    territories: dict[str, TerritoryState]
    offers: dict[str, OfferState]
    people: dict[str, dict[str, list[str]]]
    reply_weeks: dict[str, int]
    budget: dict[str, int]
    flags: set[str] = field(default_factory=set)
    fired: dict[str, int] = field(default_factory=dict)
    chosen: dict[str, str] = field(default_factory=dict)
    taken: dict[str, int] = field(default_factory=dict)
    ended: list[str] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    unlocked: list[str] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    history: list[dict[str, float]] = field(default_factory=list)
    outcome: str | None = None
    end_date: str | None = None
    today: str = ""
    week_step: int = 0
    ai_seats: dict[str, str] = field(default_factory=dict)   # seats the teacher handed to a policy, by power

    def note(self, kind: str, title: str, text: str = "", *, power: str | None = None, ref: str = "",
             visible_to: tuple[str, ...] | None = None, sources: tuple[str, ...] = (),
             clauses: tuple[str, ...] = ()) -> None:
        """Add an entry to the log, dated now (this week, today)."""
        self.log.append(LogEntry(self.turn, self.today, kind, title, text, power, ref, visible_to, sources, clauses))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = sorted(self.flags)
        if not self.ai_seats:   # (a game whose seats all stayed with their teams is saved as before)
            del data["ai_seats"]
        for entry in data["log"]:   # an entry without a reason is written as before reasons existed
            if not entry["why"]:
                del entry["why"]
            if not entry["votes"]:
                del entry["votes"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GameState:
        data = dict(data)
        data["territories"] = {k: TerritoryState(**v) for k, v in data["territories"].items()}
        data["offers"] = {k: OfferState(**v) for k, v in data["offers"].items()}
        data["pending"] = [Pending(**p) for p in data["pending"]]
        data["log"] = [_entry(e) for e in data["log"]]
        data["flags"] = set(data["flags"])
        data.setdefault("week_step", 10**6)  # saves from before the field: the week's events had all fired
        data["ai_seats"] = dict(data.get("ai_seats", {}))
        return cls(**data)


def _entry(data: dict[str, Any]) -> LogEntry:
    """A log entry read back from JSON (its lists become tuples again)."""
    entry = LogEntry(**data)
    if entry.visible_to is not None:
        entry.visible_to = tuple(entry.visible_to)
    entry.sources = tuple(entry.sources)
    entry.clauses = tuple(entry.clauses)
    entry.why = check_reason(entry.why)
    entry.votes = check_votes(entry.votes) if entry.votes else ()
    return entry
