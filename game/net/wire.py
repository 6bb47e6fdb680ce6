"""The JSON a network client is sent: a seat's view, built only from the engine's view of that seat
(`PowerView`, which honours the class's hidden odds and consequences), and the public view a watcher sees.
Nothing here reads the game's state for a seat: what a seat may know is the engine's business."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine.actions import Action
from ..engine.debrief import ending
from ..engine.facilitator import ConsoleView
from ..engine.game import Game
from ..engine.notes import MAX_REASON
from ..engine.signing import long_day
from ..engine.view import PowerView, to_json
from ..scenario.model import Checkpoint

PROTOCOL = 1   # the version of these shapes (docs/NETWORK.md); raised when a field changes meaning


@dataclass(frozen=True, slots=True)
class Clock:
    """The class timer as the host runs it: seconds left in the week (None: no timer), whether it is paused, and
    whether it waits for every team to join before it runs (a page must not count it down then)."""

    seconds_left: int | None = None
    paused: bool = False
    waiting: bool = False


def _turn(game: Game) -> dict[str, Any]:
    """The date and the turn in the scenario's words, the same for every client: "Week 3 of 19" and the week's
    one date as the desk gives it; once the game is over, no week past the last but "The end", the day it ended
    and the ending as the ending screen tells it."""
    sc, st = game.scenario, game.state
    cal = PowerView(game, sc.player).week()   # (dates and numbers only: nothing of the player's own)
    ending = _ending(game)
    return {"turn": st.turn, "last_turn": cal.last_turn, "start": cal.start, "end": cal.end,
            "words": "The end" if ending else sc.calendar.of_last(st.turn, cal.last_turn),
            "dates": ending["date"] if ending else sc.calendar.span(st.turn), "unit": sc.calendar.unit,
            "over": game.over, "outcome": st.outcome, "end_date": st.end_date, "ending": ending}


def _ending(game: Game) -> dict[str, Any] | None:
    """How the game ended, in the scenario's words (None while it goes on): the title and text of its outcome (or
    of the teacher's stop), and the day it ended in words."""
    if not game.over:
        return None
    told = ending(game)
    when = told["end_date"] or PowerView(game, game.scenario.player).week().end
    return {"title": told["title"], "date": long_day(when), "summary": told["summary"], "epilogue": told["epilogue"],
            "historical": told["historical"], "stopped": bool(told.get("stopped"))}


def _waiting(game: Game) -> list[dict[str, str]]:
    return [{"seat": p, "short": game.short(p), "team": game.options.team(p)} for p in game.waiting_for()]


def lesson_state(stop: Checkpoint | None) -> dict[str, Any]:
    """Whether the lesson has stopped at its checkpoint (the class option --stop), and where: its title and date."""
    if stop is None:
        return {"stopped": False}
    return {"stopped": True, "title": stop.title, "date": f"{stop.date.day} {stop.date:%B %Y}"}


def lesson_stopped(stop: Checkpoint) -> str:
    """The reason a seat's action is refused once the lesson has stopped."""
    where = lesson_state(stop)
    return (f"The lesson stops here, at “{where['title']}”, {where['date']}; your teacher goes on with it next "
            "lesson.")


def seat_view(game: Game, seat: str, clock: Clock | None = None, lesson: Checkpoint | None = None
              ) -> dict[str, Any]:
    """Everything the seat may see now, and what it may do (the legal actions, as `POST /api/act` takes them);
    `lesson` is the checkpoint the lesson has stopped at, if it has."""
    view = PowerView(game, seat)
    legal = view.legal_actions()
    data = view.snapshot()
    data.update({
        "type": "seat", "protocol": PROTOCOL, "seat": seat, "team": game.options.team(seat),
        "calendar": _turn(game), "classroom": to_json(view.classroom()),
        "legal": [_step(a.to_dict()) for a in legal], "final": _final(view, legal),
        "turn_ended": seat in game.state.ended or seat not in game.humans,
        "played_by_ai": seat in game.seats and seat not in game.humans,
        "waiting_for": _waiting(game),
        "question_options": _options(view), "source_cards": _cards(view), "limits": {"reason": MAX_REASON},
        "lesson": lesson_state(lesson),
    })
    if clock is not None:   # (the host adds the timer to a view it keeps, as it is when the view is sent)
        data["timer"] = to_json(clock)
    return data


def _options(view: PowerView) -> dict[str, list[dict[str, str]]]:
    """The words of each option of the questions awaiting the seat (the view gives their ids)."""
    return {q.event: [{"id": c.id, "text": c.text} for c in view.sc.event(q.event).choices]
            for q in view.questions()}


def _cards(view: PowerView) -> list[dict[str, str]]:
    """The source cards the seat has unlocked, to read (the view gives their ids, in the order met)."""
    sc = view.sc
    return [{"id": s.id, "title": s.title, "author": s.author, "date": s.date,
             "perspective": sc.perspective(s.perspective).name, "text": s.text, "reference": s.reference}
            for s in map(sc.source, view.sources())]


def _final(view: PowerView, legal: list[Action]) -> dict[str, str]:
    """Why each step the seat may take cannot be taken back (the window asks before it), by the page's key for the
    step: "kind:target", or "choose:event:option"; a step that can be taken back is not listed."""
    found = {}
    for action in legal:
        why = view.irreversible(action)
        if why:
            found[":".join(part for part in (action.kind, action.target, action.option) if part)] = why
    return found


def _step(action: dict[str, Any]) -> dict[str, Any]:
    """An action as a client sends it back: without the power, which the host takes from the token."""
    action.pop("power", None)
    return action


def public_view(game: Game, clock: Clock | None = None, lesson: Checkpoint | None = None) -> dict[str, Any]:
    """What a watcher without a seat sees (the class's projector): the date, the news sent to all (without
    anyone's reasons), the gauges every power is shown, the treaties signed (without secret clauses), who the
    week waits for, and the powers' names."""
    sc, st = game.scenario, game.state
    news = [{"turn": e.turn, "date": e.date, "kind": e.kind, "title": e.title, "text": e.text, "power": e.power}
            for e in ConsoleView(game).public()]
    gauges = [{"id": m.id, "name": m.name, "value": st.meters[m.id], "min": m.min, "max": m.max}
              for m in sc.meters if not m.hidden and not m.shown_to]
    treaties = []
    for offer in sc.offers:
        ostate = st.offers[offer.id]
        if ostate.status == "signed":
            shown = [offer.clause(c).name for c in ostate.clauses if not offer.clause(c).secret]
            treaties.append({"id": offer.id, "name": offer.name, "parties": list(offer.parties), "clauses": shown})
    seats = [{"seat": p, "short": game.short(p), "team": game.options.team(p)} for p in game.seats]
    data = {"type": "public", "protocol": PROTOCOL, "title": sc.title, "calendar": _turn(game),
            "class_name": game.options.name, "code": st.seed, "seats": seats, "news": news, "gauges": gauges,
            "treaties": treaties, "waiting_for": _waiting(game), "lesson": lesson_state(lesson),
            "powers": [{"id": p.id, "name": p.name, "short": p.short} for p in sc.powers]}
    if clock is not None:
        data["timer"] = to_json(clock)
    return data
