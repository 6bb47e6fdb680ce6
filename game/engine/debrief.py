"""What an ending screen or a printed debrief needs, as plain data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .actions import ACTION_KINDS
from .checkpoints import first_week
from .compiled import played_weeks
from .decisive import decisive_decisions
from .game import Game
from .state import LogEntry
from .teacher import STOPPED, TO_THE_TEAM, stopped_ending
from .verdict import verdicts

DECISION_KINDS = ("action", "propose", "accept", "reject", "stall", "choice")


def decisions(game: Game, power: str) -> list[dict[str, Any]]:
    """The power's own decisions in order: actions, drafts, answers and choices."""
    return decisions_of(game, (power,))


def decisions_of(game: Game, powers: Iterable[str], teacher: bool = False) -> list[dict[str, Any]]:
    """The decisions of several powers (a class's seats) in the order they were taken; with `teacher`, the
    teacher's steps among them (events brought in, seats handed over, the game ended: power None)."""
    wanted = set(powers)
    taken = _taken(game, wanted & set(game.seats))
    found = []
    for e in game.state.log:
        if e.power in wanted and e.kind in DECISION_KINDS:
            if e.power in game.seats:   # a team's: only what its people did (never the game's step in its name)
                key = (e.power, e.turn, e.kind, e.ref, e.clauses if e.kind == "propose" else ())
                if not taken[key]:
                    continue
                taken[key] -= 1
            found.append(_entry(e))
        elif teacher and e.kind == "teacher":
            found.append(_entry(e))
    return found


def _taken(game: Game, people: set[str]) -> Counter[tuple]:
    """How many entries each team's own actions wrote, by (power, week, entry kind, ref, a draft's clauses), from
    the action log. Its weeks start at the game's first (a checkpoint's, for a lesson that starts at one); a week
    ends when every seat its team plays has ended it (a seat the teacher handed to the game does not count)."""
    week, ended, playing = first_week(game.scenario, game.options.start), set(), set(game.seats)
    taken: Counter[tuple] = Counter()
    for action in game.record:
        kind = ACTION_KINDS.get(action.kind)
        if kind is None:
            continue
        if action.power in people and kind.logs in DECISION_KINDS:
            draft = tuple(game.normalized(game.scenario.offer(action.target), action.clauses)) \
                if kind.logs == "propose" else ()
            taken[action.power, week, kind.logs, action.target, draft] += 1
        if kind.name == "seat":
            playing = playing | {action.target} if action.option == TO_THE_TEAM else playing - {action.target}
        elif kind.ends_week:
            ended.add(action.power)
        if playing and playing <= ended:
            week, ended = week + 1, set()
    return taken


def historical_decisions(game: Game, power: str) -> list[dict[str, Any]]:
    """The power's decisions in the scenario's documented record (never an AI policy's), in the same form."""
    cal = game.scenario.calendar
    return [{"turn": cal.turn_of(r.date), "date": r.date.isoformat(), "kind": "record", "title": r.text, "ref": r.source,
             "power": power} for r in game.scenario.record_of(power)]


def _entry(e: LogEntry) -> dict[str, Any]:
    return {"turn": e.turn, "date": e.date, "kind": e.kind, "title": e.title, "ref": e.ref, "power": e.power,
            "why": e.why, "votes": e.votes}


def debrief(game: Game, power: str, cache: Path | None = None) -> dict[str, Any]:
    """Outcome, epilogue, scores and their verdict against history and the simulated policies (their games kept
    in `cache`, see verdict.finals), meter history, the decisions that moved the scores most (decisive.py),
    decisions beside the historical ones, questions, sources."""
    sc, st = game.scenario, game.state
    visible = [m for m in sc.meters if m.shown(power)]
    return {
        **ending(game),
        "scores": [{"id": m.id, "name": m.name, "description": m.description, "start": m.start,
                    "value": st.meters[m.id], "good": m.good, "power": m.power,
                    "interest": m.interest, "good_when": m.good_when(power)}
                   for m in visible if m.score],
        "verdict": [asdict(v) for v in verdicts(game, power, cache)],
        "history": [{m.id: row[m.id] for m in visible} for row in st.history],
        "history_weeks": history_weeks(game),
        "decisive": decisive_decisions(game, power),
        "decisions": decisions(game, power),
        "historical_decisions": historical_decisions(game, power),
    }


def history_weeks(game: Game) -> list[int]:
    """The week each row of the gauges' history closes (0: the start, before week 1). A week's row is taken
    after its drift; an ending adds one more row, after its effects, in the week it ended — and a game ended by
    the dated event that opens a week no one plays (1939's 1 September) ended with the last week played."""
    st = game.state
    weeks = list(range(len(st.history)))
    if st.outcome is not None and len(weeks) > 1:
        weeks[-1] = max(weeks[-2], min(st.turn, played_weeks(game.scenario)))
    return weeks


def sides(game: Game, seats: Iterable[str], cache: Path | None = None) -> list[dict[str, Any]]:
    """How each seat did: its power, its short name, the verdict on its scores against its own power's simulated
    policies and its decisive decisions (a multi-seat game's ending and debrief cover every seat)."""
    return [{"power": p, "short": game.scenario.power(p).short,
             "verdict": [asdict(v) for v in verdicts(game, p, cache)], "decisive": decisive_decisions(game, p)}
            for p in seats]


def ending(game: Game) -> dict[str, Any]:
    """What the debrief says of how the game ended (empty words while it goes on)."""
    sc, st = game.scenario, game.state
    if st.outcome == STOPPED:
        return stopped_ending(game)
    outcome = sc.outcome(st.outcome) if st.outcome else None
    if outcome is None:
        return {"outcome": None, "title": "", "historical": False, "end_date": st.end_date, "summary": "",
                "epilogue": "", "comparison": "", "questions": [], "sources": []}
    return {"outcome": outcome.id, "title": outcome.title, "historical": outcome.historical,
            "end_date": st.end_date, "summary": outcome.summary, "epilogue": outcome.epilogue,
            "comparison": outcome.comparison, "questions": list(outcome.questions),
            "sources": [sc.source(s) for s in outcome.sources]}
