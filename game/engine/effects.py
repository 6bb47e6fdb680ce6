"""Effect statements, bound once per scenario to their arguments, and applied to a game."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..scenario.model import Scenario
from ..scenario.vocabulary import Stmt
from .conditions import compile_condition

if TYPE_CHECKING:
    from .game import Game

Effect = Callable[["Game"], None]
Bound = tuple[Effect, ...]
Binder = Callable[[Any, Scenario, str], Effect]


def bind_effects(effects: Iterable[Stmt], sc: Scenario, ref: str) -> Bound:
    """Effects with their arguments resolved once (meter bounds, offers, events, conditions, nested branches),
    ready to apply in order; `ref` is what their telegrams refer to (the action, event, offer or outcome)."""
    return tuple(HANDLERS[effect.kind](effect.arg, sc, ref) for effect in effects)


def run_effects(game: Game, bound: Bound) -> None:
    """Apply bound effects in order; stop if one of them ends the game (an ending's own effects all apply)."""
    if not bound:
        return
    st = game.st
    if st.outcome is not None:
        for effect in bound:
            effect(game)
        return
    for effect in bound:
        if st.outcome is not None:
            return
        effect(game)


_ROUNDED: dict[float, float] = {}


def round4(value: float) -> float:
    """round(value, 4), remembered for non-zero floats: a game's gauges take few distinct values, and rounding
    a float is slow (zero is left out since 0.0 and -0.0 would share a key; ints never enter, as 1 == 1.0)."""
    if value.__class__ is not float or not value:
        return round(value, 4)
    found = _ROUNDED.get(value)
    if found is None:
        found = round(value, 4)
        if len(_ROUNDED) < 100_000:
            _ROUNDED[value] = found
    return found


def clamp(value: float, lo: float, hi: float) -> float:
    """The value within [lo, hi] (a bound itself once reached, as min(hi, max(lo, value)) gives), rounded to 4
    places."""
    value = hi if value >= hi else lo if value <= lo else value
    return value if value.__class__ is int else round4(value)


def _meter(arg: dict, sc: Scenario, ref: str) -> Effect:
    meter = sc.index["meters"][arg["id"]]
    ident, lo, hi, add = meter.id, meter.min, meter.max, arg["add"]
    if arg["set"] is not None:
        value = clamp(arg["set"], lo, hi)

        def set_meter(game: Game) -> None:
            game.st.meters[ident] = value

        return set_meter

    def add_meter(game: Game) -> None:
        meters = game.st.meters
        meters[ident] = clamp(meters[ident] + add, lo, hi)

    return add_meter


def _trust(arg: dict, sc: Scenario, ref: str) -> Effect:
    src, dst, new, add, mutual = arg["src"], arg["dst"], arg["set"], arg["add"], arg["mutual"]
    if new is not None:
        value = clamp(new, 0, 100)

        def set_trust(game: Game) -> None:
            rows = game.st.trust
            rows[src][dst] = value
            if mutual:
                rows[dst][src] = value

        return set_trust

    def add_trust(game: Game) -> None:
        rows = game.st.trust
        row = rows[src]
        row[dst] = clamp(row[dst] + add, 0, 100)
        if mutual:
            row = rows[dst]
            row[src] = clamp(row[src] + add, 0, 100)

    return add_trust


def _set_flag(arg: str, sc: Scenario, ref: str) -> Effect:
    def set_flag(game: Game) -> None:
        game.st.flags.add(arg)

    return set_flag


def _clear_flag(arg: str, sc: Scenario, ref: str) -> Effect:
    def clear_flag(game: Game) -> None:
        game.st.flags.discard(arg)

    return clear_flag


def _open_offer(arg: str, sc: Scenario, ref: str) -> Effect:
    offer = sc.offer(arg)

    def open_offer(game: Game) -> None:
        ostate = game.st.offers[arg]
        if ostate.status == "closed":
            ostate.status = "open"
            ostate.clauses = ostate.clauses or list(offer.default_draft())
            game.log("offer", f"The {offer.name} is on the table", offer.description, ref=arg,
                     visible_to=offer.parties)

    return open_offer


def _close_offer(arg: str, sc: Scenario, ref: str) -> Effect:
    offer = sc.offer(arg)

    def close_offer(game: Game) -> None:
        ostate = game.st.offers[arg]
        if ostate.status in ("open", "proposed"):
            ostate.status, ostate.accepted, ostate.proposer = "closed", [], None
            game.set_waiting(arg, {})
            game.log("offer", f"The {offer.name} is off the table", ref=arg, visible_to=offer.parties)

    return close_offer


def _propose(arg: dict, sc: Scenario, ref: str) -> Effect:
    offer = sc.offer(arg["offer"])
    clauses, add, remove, by = arg["clauses"], arg["add"] or (), arg["remove"] or (), arg["by"]

    def propose(game: Game) -> None:
        ostate = game.st.offers[offer.id]
        if ostate.status != "signed":
            game.propose(offer, by, clauses or game.cx.edited(offer, ostate.clauses, add, remove))

    return propose


def _clause_change(add: bool) -> Binder:
    def bind(arg: dict, sc: Scenario, ref: str) -> Effect:
        offer = sc.offer(arg["offer"])
        change = ([arg["clause"]], ()) if add else ((), [arg["clause"]])

        def change_clause(game: Game) -> None:
            ostate = game.st.offers[offer.id]
            if ostate.status == "signed":
                return
            ostate.clauses = list(game.cx.edited(offer, ostate.clauses, *change))
            if ostate.status == "proposed":
                # a changed draft must be accepted again by every party but its proposer
                turn = game.st.turn
                ostate.accepted = [ostate.proposer]
                game.set_waiting(offer.id, {p: ostate.waiting.get(p, turn) for p in offer.parties if p != ostate.proposer})

        return change_clause

    return bind


def _sign(arg: str, sc: Scenario, ref: str) -> Effect:
    offer = sc.offer(arg)

    def sign(game: Game) -> None:
        game.sign(offer)

    return sign


def _territory(field: str) -> Binder:
    def bind(arg: dict, sc: Scenario, ref: str) -> Effect:
        territory, power = arg["territory"], arg["power"]

        def set_territory(game: Game) -> None:
            setattr(game.st.territories[territory], field, power)

        return set_territory

    return bind


def _fire(arg: str, sc: Scenario, ref: str) -> Effect:
    event = sc.event(arg)

    def fire(game: Game) -> None:
        last = game.st.fired.get(arg)
        if last is None or (event.repeat and last != game.st.turn):  # at most once a week: no endless chains
            game.fire(event, game.today)

    return fire


def _end_game(arg: str, sc: Scenario, ref: str) -> Effect:
    def end_game(game: Game) -> None:
        game.end(arg)

    return end_game


def _if(arg: dict, sc: Scenario, ref: str) -> Effect:
    holds = compile_condition(arg["when"], sc)
    then, otherwise = bind_effects(arg["then"], sc, ref), bind_effects(arg["otherwise"], sc, ref)

    def if_(game: Game) -> None:
        run_effects(game, then if holds(game.st) else otherwise)

    return if_


def _chance(arg: dict, sc: Scenario, ref: str) -> Effect:
    p = arg["p"]
    then, otherwise = bind_effects(arg["then"], sc, ref), bind_effects(arg["otherwise"], sc, ref)

    def chance(game: Game) -> None:
        run_effects(game, then if game.random() < p else otherwise)

    return chance


def _unlock(arg: str, sc: Scenario, ref: str) -> Effect:
    sources = [arg]

    def unlock(game: Game) -> None:
        game.unlock(sources)

    return unlock


def _reply_weeks(arg: dict, sc: Scenario, ref: str) -> Effect:
    power, weeks = arg["power"], arg["set"]

    def reply_weeks(game: Game) -> None:
        game.st.reply_weeks[power] = weeks

    return reply_weeks


def _appoint(arg: dict, sc: Scenario, ref: str) -> Effect:
    power, role, name, title = arg["power"], arg["role"], arg["name"], arg["title"]

    def appoint(game: Game) -> None:
        people = game.st.people[power]
        people[role] = [name, title if title is not None else people[role][1]]

    return appoint


def _message(arg: dict, sc: Scenario, ref: str) -> Effect:
    to, title, text = arg["to"], arg["title"] or "Telegram", arg["text"]
    visible = tuple(to) if to else None

    def message(game: Game) -> None:
        game.log("message", title, text, ref=ref, visible_to=visible)

    return message


def _budget(arg: dict, sc: Scenario, ref: str) -> Effect:
    power, add = arg["power"], arg["add"]

    def budget(game: Game) -> None:
        points = game.st.budget
        points[power] = max(0, points.get(power, 0) + add)

    return budget


HANDLERS: dict[str, Binder] = {
    "meter": _meter,
    "trust": _trust,
    "set_flag": _set_flag,
    "clear_flag": _clear_flag,
    "open_offer": _open_offer,
    "close_offer": _close_offer,
    "propose": _propose,
    "add_clause": _clause_change(True),
    "remove_clause": _clause_change(False),
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
