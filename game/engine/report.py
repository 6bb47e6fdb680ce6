"""What changed for one power, and why: the ledger's changes of the gauges it sees and of trust to and from it,
each with its cause in words ("your action ‘Speech on the international situation’ on 10 May"). A cause the
power could not see (another power's action, an event sent to others) is named only as such."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..scenario.calendar import day_words
from ..scenario.model import Offer, Scenario
from .effects import signed
from .ledger import Cause, Change
from .state import LogEntry


@dataclass(frozen=True, slots=True)
class ChangeView:
    """One change the power may see: a gauge, or trust between it and another power."""

    turn: int
    date: str               # ISO date of the day it happened
    kind: str               # "gauge" or "trust"
    id: str                 # the gauge's id, or the other power's
    name: str               # "Security in the West", "Germany's trust in you", "Your trust in Germany"
    before: float
    after: float
    cause: str              # in words, without the date
    cause_kind: str         # ledger.CAUSE_KINDS
    good: str               # for the viewer: "good", "bad" or "" (neither)

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def text(self) -> str:
        """'Germany's trust in you −2: your action ‘Speech …’ on 10 May' (the weekly drift has no day)."""
        when = "" if self.cause_kind == "drift" else f" on {day(self.date)}"
        return f"{self.name} {signed(round(self.delta, 1)).replace('-', '−')}: {self.cause}{when}"


def day(iso: str) -> str:
    """'10 May' for 1939-05-10 (the calendar's words, without the year)."""
    return day_words(iso, year=False)


def changes_seen(sc: Scenario, changes: list[Change], power: str, seats: Iterable[str] = ()) -> list[ChangeView]:
    """The changes the power may see, in the order they happened (the steps of other `seats`, played by teams,
    unnamed)."""
    teams = frozenset(seats)
    found = []
    for change in changes:
        if change.meter:
            meter = sc.meter(change.meter)
            if not meter.shown(power):
                continue
            way = meter.good_when(power)
            rose = change.after > change.before
            good = "" if way == "none" else "good" if rose == (way == "higher") else "bad"
            found.append(ChangeView(change.turn, change.date, "gauge", meter.id, meter.name, change.before,
                                    change.after, cause_words(sc, change.cause, power, teams), change.cause.kind, good))
        elif power in (change.src, change.dst) and change.src != change.dst:
            theirs = change.dst == power
            other = sc.power(change.src if theirs else change.dst).short
            name = f"{other}'s trust in you" if theirs else f"Your trust in {other}"
            good = ("good" if change.after > change.before else "bad") if theirs else ""
            found.append(ChangeView(change.turn, change.date, "trust", change.src if theirs else change.dst, name,
                                    change.before, change.after, cause_words(sc, change.cause, power, teams),
                                    change.cause.kind, good))
    return found


def cause_words(sc: Scenario, cause: Cause, power: str, teams: frozenset[str] = frozenset()) -> str:
    """The cause of a change as the power may know it: a step of a power played by the game by its name, as its
    log entry has it; a step of another team's seat only as such (a team's decisions stay its own)."""
    kind, ref, who = cause
    if kind == "drift":
        return "the weekly drift" if sc.calendar.turn_days == 7 else "the drift of every turn"
    if kind == "sign":
        return f"the signing of {sc.offer(ref).the}"
    if kind == "outcome":
        return f"the ending ‘{sc.outcome(ref).title}’"
    if kind == "action":
        if who == power:
            return f"your action ‘{sc.action(ref).name}’"
        if not who:
            return "a step not known to you"
        if who in teams:
            return f"a step taken by {sc.power(who).short}"
        return f"{sc.power(who).short}'s step ‘{sc.action(ref).name}’"
    event = sc.event(ref)
    if event.visible_to and power not in event.visible_to:
        return "events not known to you"
    if kind == "choice":
        whose = "your" if who == power else f"{sc.power(who).short}'s" if who else "the"
        return f"{whose} answer to ‘{event.title}’"
    return f"‘{event.title}’"


ANSWERS = ("accept", "reject", "propose")


def reply_line(sc: Scenario, log: list[LogEntry], entry: LogEntry, power: str,
               reasons: dict[tuple[int, str, str, str], str]) -> str:
    """An answer to a draft the power sent, as one line of its report: who answered, what (accepted, rejected
    or answered with a counter-draft, with the clauses it changed) and, for an AI party, why in words; "" for an
    entry that is no such answer. `reasons` are the ledger's (Ledger.reasons)."""
    if entry.kind not in ANSWERS or not entry.ref or entry.power in (None, power):
        return ""
    answered = answered_draft(log, entry, power)
    if answered is None or answered.power != power:
        return ""
    offer, who = sc.offer(entry.ref), sc.power(entry.power).short
    why = reasons.get((entry.turn, entry.kind, entry.power, entry.ref), "")
    because = f": {who} {why}" if why else ""
    if entry.kind == "accept":
        return f"{who} accepts your draft of {offer.the} ({day(entry.date)})."
    if entry.kind == "reject":
        return f"{who} rejects your draft of {offer.the} ({day(entry.date)}){because}."
    change = _clause_changes(offer, answered.clauses, entry.clauses)
    return (f"{who} answers your draft of {offer.the} with its own ({day(entry.date)})"
            + (f", which {change}" if change else "") + f"{because}.")


def _clause_changes(offer: Offer, before: tuple[str, ...], after: tuple[str, ...]) -> str:
    """What a counter-draft changes in words: "drops ‘A’; adds ‘B’" ("" when the clauses are the same)."""
    dropped = [offer.clause(c).name for c in before if c not in after]
    added = [offer.clause(c).name for c in after if c not in before]
    return "; ".join([*(f"drops ‘{n}’" for n in dropped), *(f"adds ‘{n}’" for n in added)])


def answered_draft(log: list[LogEntry], entry: LogEntry, power: str) -> LogEntry | None:
    """The proposal an answer answers, as the power read it: the latest draft of the offer logged before it, if
    it was still awaiting answers (no rejection, signature or reopening came between)."""
    at = next((i for i, e in enumerate(log) if e is entry), None)
    if at is None:
        at = next((i for i, e in enumerate(log) if (e.turn, e.date, e.kind, e.power, e.ref, e.title)
                   == (entry.turn, entry.date, entry.kind, entry.power, entry.ref, entry.title)), None)
    for earlier in reversed(log[:at] if at is not None else ()):
        if earlier.ref != entry.ref or not earlier.visible(power):
            continue
        if earlier.kind == "propose":
            return earlier if earlier.power != entry.power else None
        if earlier.kind in ("reject", "sign", "offer"):
            return None
    return None


def better(good_when: str, interest: str = "") -> str:
    """A gauge's direction for its viewer in words: 'higher is better for the Soviet state', or whose interest it
    measures when neither way is the viewer's ('measures the interest of ...')."""
    if good_when == "none":
        return f"measures the interest of {interest}" if interest else "neither direction is yours"
    return f"{good_when} is better" + (f" for {interest}" if interest else "")
