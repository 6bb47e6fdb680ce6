"""What the teacher's console shows: the whole game, as no seat may see it (every seat's inbox, the hidden gauges,
how the game's AI leans on each draft on the table), and what the teacher may do now (events to bring in, weeks
to roll back to, seats to hand over). Plain data, computed through Game's public API; nothing here changes the
game (the teacher's steps are actions: teacher.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .actions import Action
from .checkpoints import week_of
from .compiled import played_weeks
from .game import Game
from .state import LogEntry
from .teacher import TEACHER, TO_THE_TEAM, injectable


@dataclass(frozen=True, slots=True)
class SeatState:
    """A seat of the class: who plays it now, and whether the week waits for it."""

    power: str
    short: str
    team: str           # its team's name ("" if the class gave none)
    policy: str         # "" while its team plays it, else the policy the teacher handed it to
    waiting: bool       # the week waits for this seat's team


@dataclass(frozen=True, slots=True)
class GaugeState:
    """A gauge as it stands, hidden from the seats or not."""

    id: str
    name: str
    value: float
    min: float
    max: float
    hidden: bool


@dataclass(frozen=True, slots=True)
class Leaning:
    """How a power the game plays leans on the draft on the table: its likely answer and what weighs with it."""

    offer: str
    offer_name: str
    power: str
    short: str
    low: float
    high: float
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventChoice:
    """An event the teacher may bring in, and why not now ("" if it can be)."""

    id: str
    title: str
    text: str
    refusal: str


@dataclass(frozen=True, slots=True)
class CheckpointInfo:
    id: str
    title: str
    week: int
    note: str


class ConsoleView:
    """The game as the teacher's console shows it."""

    def __init__(self, game: Game):
        self.game, self.sc = game, game.scenario

    def week(self) -> tuple[int, int]:
        """This week and the last one played (as the desk numbers them)."""
        return self.game.state.turn, played_weeks(self.sc)

    def first_week(self) -> int:
        """The first week the class played (a lesson started at a checkpoint begins there)."""
        start = self.game.options.start
        return week_of(self.sc, start) if start in self.sc.index["checkpoints"] else 1

    def weeks(self) -> list[int]:
        """The weeks the game can be rolled back to the start of (this one too), earliest first."""
        return list(range(self.first_week(), self.game.state.turn + 1))

    def seats(self) -> list[SeatState]:
        game, handed = self.game, self.game.state.ai_seats
        waiting = set(game.waiting_for())
        return [SeatState(p, game.short(p), game.options.team(p), handed.get(p, TO_THE_TEAM), p in waiting)
                for p in game.seats]

    def gauges(self) -> list[GaugeState]:
        meters = self.game.state.meters
        return [GaugeState(m.id, m.name, meters[m.id], m.min, m.max, m.hidden) for m in self.sc.meters]

    def inbox(self, power: str) -> list[LogEntry]:
        """Everything that reached a seat, with every reason (the teacher reads them all)."""
        return self.game.inbox(power)

    def public(self) -> list[LogEntry]:
        """What every seat has seen: the news sent to all (for the projector at the end of a lesson)."""
        return [e for e in self.game.inbox(None) if e.visible_to is None and e.kind != "teacher"]

    def steps(self) -> list[LogEntry]:
        """The teacher's own steps so far, with their notes."""
        return [e for e in self.game.inbox(None) if e.kind == "teacher"]

    def leanings(self) -> list[Leaning]:
        """For each draft on the table, how each party the game plays leans on it."""
        game, found = self.game, []
        for offer in self.sc.offers:
            ostate = game.state.offers[offer.id]
            if ostate.status not in ("open", "proposed"):
                continue
            for party in offer.parties:
                if party in game.humans:
                    continue
                odds = game.predict(offer.id, ostate.clauses, by=next(p for p in offer.parties if p != party))
                low, high = odds.get(party) or (0.0, 0.0)
                found.append(Leaning(offer.id, offer.name, party, game.short(party), low, high,
                                     tuple(game.leanings(offer.id, ostate.clauses, party))))
        return found

    def events(self) -> list[EventChoice]:
        """The events the scenario lets a teacher bring in, each with why not now."""
        return [EventChoice(e.id, e.title, e.text, self.game.check(Action("inject", TEACHER, e.id)).reason)
                for e in injectable(self.sc)]

    def checkpoints(self) -> list[CheckpointInfo]:
        return [CheckpointInfo(c.id, c.title, week_of(self.sc, c.id), c.note) for c in self.sc.checkpoints]

    def refusal(self, action: Action) -> str:
        """Why a teacher's step is not possible now ("" if it is)."""
        return self.game.check(action).reason

    def unlocks(self, pin: str) -> bool:
        """Whether the PIN typed opens the console (always, for a class without a PIN)."""
        return self.game.options.unlocks(pin)

    @property
    def has_pin(self) -> bool:
        return bool(self.game.options.pin)
