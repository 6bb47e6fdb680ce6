"""Apply effect statements to a game."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..scenario.vocabulary import Stmt
from .negotiation import edit

if TYPE_CHECKING:
    from .game import Game

Origin = dict[str, Any]


def apply_effects(game: Game, effects: Iterable[Stmt], origin: Origin) -> None:
    """Apply effects in order; stop if one of them ends the game (an ending's own effects all apply)."""
    if not effects:
        return
    st = game.st
    ended = st.outcome is not None
    for effect in effects:
        if not ended and st.outcome is not None:
            return
        HANDLERS[effect.kind](game, effect.arg, origin)


def _clamp(value: float, lo: float, hi: float) -> float:
    value = hi if value > hi else lo if value < lo else value
    return value if value.__class__ is int else round(value, 4)


def _meter(game: Game, arg: dict, origin: Origin) -> None:
    meter = game.sc.index["meters"][arg["id"]]
    meters = game.st.meters
    value = arg["set"] if arg["set"] is not None else meters[meter.id] + arg["add"]
    meters[meter.id] = _clamp(value, meter.min, meter.max)


def _trust(game: Game, arg: dict, origin: Origin) -> None:
    trust, src, dst, new = game.st.trust, arg["src"], arg["dst"], arg["set"]
    trust[src][dst] = _clamp(new if new is not None else trust[src][dst] + arg["add"], 0, 100)
    if arg["mutual"]:
        trust[dst][src] = _clamp(new if new is not None else trust[dst][src] + arg["add"], 0, 100)


def _set_flag(game: Game, arg: str, origin: Origin) -> None:
    game.st.flags.add(arg)


def _clear_flag(game: Game, arg: str, origin: Origin) -> None:
    game.st.flags.discard(arg)


def _open_offer(game: Game, arg: str, origin: Origin) -> None:
    ostate = game.st.offers[arg]
    if ostate.status == "closed":
        ostate.status = "open"
        offer = game.sc.offer(arg)
        ostate.clauses = ostate.clauses or list(offer.default_draft())
        game.log("offer", f"The {offer.name} is on the table", offer.description, ref=arg,
                 visible_to=list(offer.parties))


def _close_offer(game: Game, arg: str, origin: Origin) -> None:
    ostate = game.st.offers[arg]
    if ostate.status in ("open", "proposed"):
        ostate.status, ostate.waiting, ostate.accepted, ostate.proposer = "closed", {}, [], None
        offer = game.sc.offer(arg)
        game.log("offer", f"The {offer.name} is off the table", ref=arg, visible_to=list(offer.parties))


def _propose(game: Game, arg: dict, origin: Origin) -> None:
    offer = game.sc.offer(arg["offer"])
    if game.st.offers[offer.id].status == "signed":
        return
    if arg["clauses"]:
        draft = arg["clauses"]
    else:
        draft = edit(offer, game.st.offers[offer.id].clauses, arg["add"] or (), arg["remove"] or ())
    game.propose(offer, arg["by"], draft)


def _change_clause(game: Game, arg: dict, add: bool) -> None:
    offer = game.sc.offer(arg["offer"])
    ostate = game.st.offers[offer.id]
    if ostate.status == "signed":
        return
    change = ([arg["clause"]], ()) if add else ((), [arg["clause"]])
    ostate.clauses = list(edit(offer, ostate.clauses, *change))
    if ostate.status == "proposed":
        # a changed draft must be accepted again by every party but its proposer
        turn = game.st.turn
        ostate.accepted = [ostate.proposer]
        ostate.waiting = {p: ostate.waiting.get(p, turn) for p in offer.parties if p != ostate.proposer}


def _sign(game: Game, arg: str, origin: Origin) -> None:
    game.sign(game.sc.offer(arg))


def _territory(field: str) -> Callable[[Game, dict, Origin], None]:
    def handler(game: Game, arg: dict, origin: Origin) -> None:
        setattr(game.st.territories[arg["territory"]], field, arg["power"])

    return handler


def _fire(game: Game, arg: str, origin: Origin) -> None:
    event = game.sc.event(arg)
    last = game.st.fired.get(arg)
    if last is None or (event.repeat and last != game.st.turn):  # at most once a week: no endless chains
        game.fire(event, game.today)


def _end_game(game: Game, arg: str, origin: Origin) -> None:
    game.end(arg)


def _if(game: Game, arg: dict, origin: Origin) -> None:
    holds = game.cx.predicate(arg["when"], game.sc)(game.st)
    apply_effects(game, arg["then"] if holds else arg["otherwise"], origin)


def _chance(game: Game, arg: dict, origin: Origin) -> None:
    apply_effects(game, arg["then"] if game.random() < arg["p"] else arg["otherwise"], origin)


def _unlock(game: Game, arg: str, origin: Origin) -> None:
    game.unlock([arg])


def _reply_weeks(game: Game, arg: dict, origin: Origin) -> None:
    game.st.reply_weeks[arg["power"]] = arg["set"]


def _appoint(game: Game, arg: dict, origin: Origin) -> None:
    people = game.st.people[arg["power"]]
    title = arg["title"] if arg["title"] is not None else people[arg["role"]][1]
    people[arg["role"]] = [arg["name"], title]


def _message(game: Game, arg: dict, origin: Origin) -> None:
    to = list(arg["to"]) if arg["to"] else None
    game.log("message", arg["title"] or "Telegram", arg["text"], ref=origin.get("ref", ""), visible_to=to)


def _budget(game: Game, arg: dict, origin: Origin) -> None:
    budget = game.st.budget
    budget[arg["power"]] = max(0, budget.get(arg["power"], 0) + arg["add"])


HANDLERS: dict[str, Callable[[Game, Any, Origin], None]] = {
    "meter": _meter,
    "trust": _trust,
    "set_flag": _set_flag,
    "clear_flag": _clear_flag,
    "open_offer": _open_offer,
    "close_offer": _close_offer,
    "propose": _propose,
    "add_clause": lambda g, a, o: _change_clause(g, a, True),
    "remove_clause": lambda g, a, o: _change_clause(g, a, False),
    "sign": _sign,
    "sphere": _territory("sphere"),
    "owner": _territory("owner"),
    "fire": _fire,
    "end_game": _end_game,
    "if": _if,
    "chance": _chance,
    "unlock": _unlock,
    "reply_weeks": _reply_weeks,
    "appoint": _appoint,
    "message": _message,
    "budget": _budget,
}
