"""The day of each log entry. A fixed event keeps its documented date; an action or an answer gets the day the
power acted: within its week, on or after the start of the week and on or after the entries that prompted it
(the question, event, draft or decision its rule or its requirement names), never a stamp of the week's
latest event. Entries are written in the order things happen in the engine and put in date order once a week."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import NamedTuple

from ..scenario.model import Scenario
from ..scenario.vocabulary import Stmt
from ..scenario.walk import nested_effects
from .state import LogEntry


class Causes(NamedTuple):
    """What may have prompted a step: the first days its dates allow (of a week, the latest of them that falls
    before the week's end counts) and the refs of the log entries (events, choices, actions, drafts) whose
    coming this week can have made it possible."""

    since: frozenset[str] = frozenset()
    refs: frozenset[str] = frozenset()

    def __or__(self, other: tuple) -> Causes:
        return Causes(self.since | other[0], self.refs | other[1])


NO_CAUSES = Causes()
REFS = {"fired": lambda arg: (arg,), "taken": lambda arg: (arg,), "treaty": lambda arg: (arg,),
        "chose": lambda arg: (arg["event"],), "offer": lambda arg: (arg["id"],),
        "clause": lambda arg: (arg["offer"],)}


def flag_setters(sc: Scenario) -> dict[str, frozenset[str]]:
    """For each flag, the refs of the log entries whose effects set it (actions, events and their choices,
    treaties, endings)."""
    owners: list[tuple[str, Iterable[Stmt]]] = []
    for action in sc.actions:
        owners += [(action.id, action.effects), (action.id, action.hidden_effects)]
    for event in sc.events:
        owners += [(event.id, event.effects)] + [(event.id, choice.effects) for choice in event.choices]
    for offer in sc.offers:
        owners += [(offer.id, offer.on_sign)] + [(offer.id, clause.on_sign) for clause in offer.clauses]
    owners += [(outcome.id, outcome.effects) for outcome in sc.outcomes]
    found: dict[str, set[str]] = {}
    for ref, effects in owners:
        for effect in nested_effects(effects):
            if effect.kind == "set_flag":
                found.setdefault(effect.arg, set()).add(ref)
    return {flag: frozenset(refs) for flag, refs in found.items()}


def causes(cond: Stmt | None, setters: dict[str, frozenset[str]]) -> Causes:
    """What can have prompted a condition to hold: the start of its dates, the events, choices, actions and
    offers it names, and whatever sets the flags it names. Gauges (meters, trust) move with everything and
    name no cause: a threshold is a mood, not a prompt."""
    if cond is None:
        return NO_CAUSES
    kind, arg = cond.kind, cond.arg
    if kind in ("all", "any"):
        found = NO_CAUSES
        for part in arg:
            found = found | causes(part, setters)
        return found
    if kind == "not":   # what can make it hold is what undoes its part; its part's dates say nothing
        return Causes(frozenset(), causes(arg, setters).refs)
    if kind == "date":
        return Causes(frozenset({arg["start"].isoformat()}) if arg.get("start") else frozenset())
    if kind == "flag":
        return Causes(frozenset(), setters.get(arg, frozenset()))
    if kind in REFS:
        return Causes(frozenset(), frozenset(REFS[kind](arg)))
    return NO_CAUSES


class Diary:
    """The days of this week's entries by ref (the latest of each) and of each power's last action, read from
    the log as it grows (`log`, the game's), so that an action's day is found without reading it all again.
    `starts` gives the first day of each week (compiled.Compiled.starts)."""

    def __init__(self, log: list[LogEntry], turn: int, starts: list[str]):
        self.log, self.starts = log, starts
        self.turn, self.read = -1, len(log)
        while self.read and log[self.read - 1].turn == turn:   # this week's entries are read again
            self.read -= 1
        self.days: dict[str, str] = {}
        self.acted: dict[str, str] = {}
        self.start = self.until = ""
        self._week(turn)
        self.shuffled = False   # an entry of the week was dated before one written earlier: settle sorts them

    def _week(self, turn: int) -> None:
        """Start remembering a new week (the entries of the old one are skipped as they are read)."""
        if turn != self.turn:
            self.turn, self.days, self.acted = turn, {}, {}
        starts = self.starts
        self.start, self.until = starts[turn], starts[turn + 1] if turn + 1 < len(starts) else "9999"

    def _catch_up(self) -> dict[str, str]:
        """This week's days by ref, with the entries written since last asked."""
        log, days, turn = self.log, self.days, self.turn
        for index in range(self.read, len(log)):
            entry = log[index]
            if entry.turn == turn and entry.date > days.get(entry.ref, ""):
                days[entry.ref] = entry.date
        self.read = len(log)
        return days

    def latest(self, turn: int) -> str:
        """The day of the week's latest entry ("" for none yet)."""
        self._week(turn)
        return max(self._catch_up().values(), default="")

    def named(self, turn: int, refs: Iterable[str]) -> str:
        """The day of this week's latest entry with one of these refs ("" for none)."""
        self._week(turn)
        days = self._catch_up()
        return max((days.get(ref, "") for ref in refs), default="")

    def act(self, turn: int, power: str, causes: Causes) -> str:
        """The day a power acts this week on what prompted it (`causes`): the week's start, or later if their
        dates or this week's entries they name say so; never before the power's own earlier action of the week
        (it acts in the order it decides). Remembered as its latest action."""
        if turn != self.turn:
            self._week(turn)
        day = self.acted.get(power) or self.start
        if causes.since:
            until = self.until
            for since in causes.since:
                if day < since < until:
                    day = since
        if causes.refs:
            days = self._catch_up()
            for ref in causes.refs:
                seen = days.get(ref, "")
                if seen > day:
                    day = seen
        self.acted[power] = day
        return day

    def settle(self) -> None:
        """Put the week's entries in date order if any was written out of it (see `shuffled`)."""
        if self.shuffled:
            self.shuffled = False
            settle(self.log, self.turn)


def settle(log: list[LogEntry], turn: int) -> None:
    """Put a week's entries in date order. The sort is stable, so entries of one day keep the order they
    happened in, and an entry is never dated before one it follows (its day is on or after theirs)."""
    first = len(log)
    while first and log[first - 1].turn == turn:
        first -= 1
    if first < len(log) - 1:
        log[first:] = sorted(log[first:], key=_DATE)


_DATE = attrgetter("date")
