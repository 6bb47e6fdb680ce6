"""The decisions that decided a game: the power's own decisions whose effects moved its final scores most, traced
through the ledger (so only in a game with people). An action counts with all its takings together, a choice by
what it changed; a treaty's signature, and the ending it brought that same week, count for the power's last
acceptance or draft of that treaty. Only direct effects are traced: what an event later made of a decision is
the event's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from .game import Game
from .ledger import Change

DECIDING_KINDS = ("accept", "propose")


class Key(NamedTuple):
    """A decision as the player would name it: an action (all its takings), a choice, or a treaty's signing."""

    kind: str   # "action", "choice" or "offer"
    ref: str


def decisive_decisions(game: Game, power: str, count: int = 3) -> list[dict[str, Any]]:
    """Up to `count` of the power's decisions, the one that moved its scores most first. Each: `title`, `dates` (the
    days it was taken), `moves` (each score it changed: `id`, `name`, `change`, `good`: whether that is good for
    this power, None if the gauge is another's interest) and `weight` (how far it moved the scores, in points)."""
    meters = {m.id: m for m in game.scenario.meters if m.score and m.shown(power)}
    moved: dict[Key, dict[str, float]] = {}
    for key, change in _traced(game, power, game.changes):
        if change.meter in meters:
            row = moved.setdefault(key, {})
            row[change.meter] = row.get(change.meter, 0.0) + change.after - change.before
    found = []
    for key, row in moved.items():
        moves = [{"id": m, "name": meters[m].name, "change": round(d, 1), "good": _good(meters[m].good_when(power), d)}
                 for m, d in sorted(row.items(), key=lambda item: -abs(item[1])) if round(d, 1)]
        if moves:
            found.append({**_describe(game, power, key), "moves": moves,
                          "weight": round(sum(abs(x["change"]) for x in moves), 1)})
    found.sort(key=lambda x: -x["weight"])
    return found[:count]


def decisive_text(decision: dict[str, Any]) -> str:
    """One decisive decision in words: what, its last day, and each score it moved ("Security in the West +40")."""
    last = dt.date.fromisoformat(decision["dates"][-1])
    moves = ", ".join(f"{m['name']} {m['change']:+g}" for m in decision["moves"])
    return f"{decision['title']} ({last.day} {last:%B}): {moves}"


def _good(direction: str, change: float) -> bool | None:
    if direction == "none":
        return None
    return (change > 0) == (direction == "higher")


def _traced(game: Game, power: str, changes: Iterable[Change]) -> Iterable[tuple[Key, Change]]:
    """Each change made by one of the power's decisions, with that decision."""
    signed_by: dict[int, Key] = {}   # the week of a signature -> the decision that brought it
    for change in changes:
        cause = change.cause
        if cause.kind in ("action", "choice") and cause.power == power:
            yield Key(cause.kind, cause.ref), change
        elif cause.kind == "sign" and (key := _signer(game, power, cause.ref, change.turn)) is not None:
            signed_by[change.turn] = key
            yield key, change
        elif cause.kind == "outcome" and change.turn in signed_by:
            yield signed_by[change.turn], change


def _signer(game: Game, power: str, offer: str, turn: int) -> Key | None:
    """The power's decision that brought the offer's signature in that week: its own draft or acceptance of the
    offer, else its choice that week which signed it (an event's option), else none."""
    log = game.state.log
    signed = next((i for i, e in enumerate(log) if e.kind == "sign" and e.ref == offer and e.turn == turn), len(log))
    if any(e.power == power and e.kind in DECIDING_KINDS and e.ref == offer for e in log[:signed]):
        return Key("offer", offer)
    choice = next((e for e in reversed(log[:signed]) if e.power == power and e.kind == "choice" and e.turn == turn), None)
    return Key("choice", choice.ref) if choice is not None else None


def _describe(game: Game, power: str, key: Key) -> dict[str, Any]:
    """The decision's title and the days it was taken, from the log."""
    sc = game.scenario
    if key.kind == "offer":
        entries = [e for e in game.state.log if e.power == power and e.kind in DECIDING_KINDS and e.ref == key.ref]
        last = entries[-1]
        verb = "Accepted" if last.kind == "accept" else "Proposed"
        return {"kind": "offer", "ref": key.ref, "title": f"{verb} the {sc.offer(key.ref).name}", "dates": [last.date]}
    entries = [e for e in game.state.log if e.power == power and e.kind == key.kind and e.ref == key.ref]
    if key.kind == "action":
        title = sc.action(key.ref).name
        if len(entries) > 1:
            title += f", {len(entries)} times"
    else:   # the option chosen, without its bracketed note
        event = sc.event(key.ref)
        option = game.state.chosen.get(key.ref)
        title = event.by_id[option].text.split(" (")[0] if option in event.by_id else event.title
    return {"kind": key.kind, "ref": key.ref, "title": title, "dates": [e.date for e in entries]}
