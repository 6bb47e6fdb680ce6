"""The teacher's steps: bring an injectable event into the week, hand a seat to a policy or back to its team,
end the game now. Each is an action of its own kind, recorded in the action log like a seat's, so that a save
and a rollback replay it; none is a power's, and no AI takes one. Each writes a log entry of kind "teacher"
that only the facilitator sees (`Game.inbox(None)`, the debrief and the CSV), with the teacher's note as its
reason."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..scenario.model import EventDef, Scenario
from .actions import ACTION_KINDS, OK, Action, ActionKind, Result
from .compiled import played_weeks
from .controllers import make_controller, policy_names
from .state import LogEntry
from .target import Play

TEACHER = "teacher"              # the `power` of a teacher's step
STOPPED = "stopped_by_teacher"   # the outcome of a game the teacher ended
TO_THE_TEAM = ""                 # the policy of a seat handed back to its team
FACILITATOR_ONLY: tuple[str, ...] = ()   # who sees a teacher's entry besides the facilitator: nobody


def note(game: Play, title: str, why: str) -> None:
    """Log a teacher's step with its note, seen by the facilitator only."""
    st = game.st
    st.log.append(LogEntry(st.turn, st.today, "teacher", title, "", None, "", FACILITATOR_ONLY, why=why))


class TeacherKind(ActionKind):
    """A teacher's step: checked by its own rule only (no power's turn, question or week stands in its way)."""

    teacher = True
    logs = ""   # its note is written by its own entry (note)

    def check(self, game: Play, action: Action, explain_why: bool) -> Result:
        if action.power != TEACHER:
            return Result(False, "Only the teacher takes this step.")
        return self.rule(game, action)

    def rule(self, game: Play, action: Action) -> Result:
        return OK


def injectable(sc: Scenario) -> list[EventDef]:
    """The events a teacher may bring in, in the scenario's order."""
    return [e for e in sc.events if e.injectable]


class Inject(TeacherKind):
    """Bring an injectable event into the current week now, with the teacher's note why."""

    name = "inject"

    def rule(self, game: Play, action: Action) -> Result:
        event = game.sc.index["events"].get(action.target)
        if event is None or not event.injectable:
            return Result(False, f"The scenario does not let a teacher bring in {action.target!r}.")
        if event.id in game.st.fired and not event.repeat:
            return Result(False, f"‘{event.title}’ has already happened in this game.")
        return OK

    def perform(self, game: Play, action: Action) -> None:
        event = game.sc.event(action.target)
        note(game, f"The teacher brought in ‘{event.title}’", action.why)
        game.fire(event, game.st.today)

    def confirmation(self, sc: Scenario, action: Action) -> str:
        return f"Brought in: {sc.event(action.target).title}."


def seat_policies(sc: Scenario, power: str) -> list[str]:
    """The policies a teacher may hand a seat to: the scenario's AI first, then the others."""
    return ["ai"] + [p for p in policy_names(sc, power) if p != "ai"]


class Seat(TeacherKind):
    """Hand a seat to a policy (`option`, "ai" for the scenario's AI) or back to its team (`option` "")."""

    name = "seat"
    fields = ("target", "option")
    ends_week = True   # a seat handed over no longer holds up the week

    def rule(self, game: Play, action: Action) -> Result:
        power, policy, handed = action.target, action.option, game.st.ai_seats
        if power not in game.seats:
            return Result(False, f"{power!r} is not a seat of this game.")
        if policy == TO_THE_TEAM:
            return OK if power in handed else Result(False, f"{game.short(power)} is already played by its team.")
        if policy not in seat_policies(game.sc, power):
            return Result(False, f"There is no policy {policy!r} for {game.short(power)}.")
        if power not in handed and len(game.humans) == 1:
            return Result(False, "One seat at least stays with its team; to finish here, end the game.")
        return OK

    def perform(self, game: Play, action: Action) -> None:
        power, policy = action.target, action.option
        short = game.short(power)
        if policy == TO_THE_TEAM:
            game.st.ai_seats.pop(power, None)
            note(game, f"The teacher gave the {short} seat back to its team", action.why)
            game.reseat()
            return
        game.st.ai_seats[power] = policy
        how = "" if policy == "ai" else f" (policy ‘{policy}’)"
        note(game, f"The teacher handed the {short} seat to the game{how}", action.why)
        game.reseat()
        answer_for(game, power)

    def confirmation(self, sc: Scenario, action: Action) -> str:
        short = sc.power(action.target).short
        return f"{short} is played by its team again." if action.option == TO_THE_TEAM else \
            f"{short} is now played by the game."


def answer_for(game: Play, power: str) -> None:
    """A power the game now plays answers the questions that waited for it, by its controller; the week
    goes on."""
    st = game.st
    waiting = [p for p in st.pending if p.power == power]
    if not waiting:
        return
    controller = make_controller(game.sc, power, game.st.ai_seats.get(power, "ai"))
    for pending in waiting:
        st.pending.remove(pending)
        event = game.sc.event(pending.event)
        saved, st.today = st.today, pending.date
        game.choose(event, controller.choose(game, power, event), power)
        game.clock_on(saved)
    game.continue_week()


class Stop(TeacherKind):
    """End the game now: its ending is "stopped by the teacher", and it is exported like any other."""

    name = "stop"
    fields = ()

    def perform(self, game: Play, action: Action) -> None:
        st = game.st
        note(game, "The teacher ended the game", action.why)
        st.outcome = STOPPED
        st.end_date = st.today = max(st.today, game.diary.latest(st.turn))
        st.pending = []
        game.log("outcome", STOPPED_TITLE, stopped_summary(game.sc, st.turn), ref=STOPPED)
        st.history.append(dict(st.meters))

    def irreversible(self, game: Play, action: Action) -> str:
        return "This ends the game."


STOPPED_TITLE = "Stopped by the teacher"


def stopped_summary(sc: Scenario, week: int) -> str:
    return (f"The teacher ended the game in {sc.calendar.of_last(week, played_weeks(sc)).lower()}, before any of its endings "
            "was reached. What the class decided so far, and why, is the subject of the debrief.")


def stopped_ending(game: Any) -> dict[str, Any]:
    """What the debrief says of a game the teacher ended: the questions of the scenario's historical ending."""
    sc, st = game.scenario, game.state
    record = next((o for o in sc.outcomes if o.historical), None)
    return {"outcome": STOPPED, "title": STOPPED_TITLE, "historical": False, "stopped": True,
            "end_date": st.end_date, "summary": stopped_summary(sc, st.turn), "epilogue": "", "comparison": "",
            "questions": list(record.questions) if record else [], "sources": []}


def teacher_kinds() -> Iterator[TeacherKind]:
    yield from (Inject(), Seat(), Stop())


ACTION_KINDS.update({kind.name: kind for kind in teacher_kinds()})
TEACHER_KINDS: tuple[str, ...] = tuple(k for k, kind in ACTION_KINDS.items() if kind.teacher)
