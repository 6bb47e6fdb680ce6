"""Effect kinds: how each one is bound once per scenario and applied to a game, and how it reads to the player.

There is one entry per effect kind of the format's vocabulary (scenario.vocabulary.EFFECT), registered with
`@effect` next to its binder; a test checks that the two sets of kinds are the same. Hidden meters are never
put into words, so the player learns nothing from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from ..scenario.model import Scenario
from ..scenario.offices import fill
from ..scenario.vocabulary import EFFECT, Stmt
from .conditions import compile_condition
from .ledger import Cause
from .target import Target

Effect = Callable[[Target], None]
Bound = tuple[Effect, ...]
Binder = Callable[[Any, Scenario, str], Effect]
Words = Callable[[Any, Scenario], list[str]]


class EffectKind(NamedTuple):
    """The engine's side of one effect kind; both functions take the kind's validated argument first."""

    bind: Binder  # (arg, scenario, ref) -> the effect, with its argument resolved once
    words: Words  # (arg, scenario) -> its visible consequences, one line each (none for what the player may not see)


EFFECTS: dict[str, EffectKind] = {}


def effect(name: str, words: Words) -> Callable[[Binder], Binder]:
    """Register the decorated `bind(arg, scenario, ref) -> effect` as the vocabulary's effect `name`, with its
    wording `words(arg, scenario)`."""
    if name not in EFFECT.entries:
        raise KeyError(f"effect {name!r} is not in the format's vocabulary (scenario/vocabulary.py)")

    def register(bind: Binder) -> Binder:
        EFFECTS[name] = EffectKind(bind, words)
        return bind

    return register


def bind_effects(effects: Iterable[Stmt], sc: Scenario, ref: str) -> Bound:
    """Effects with their arguments resolved once (meter bounds, offers, events, conditions, nested branches),
    ready to apply in order; `ref` is what their telegrams refer to (the action, event, offer or outcome)."""
    return tuple(EFFECTS[stmt.kind].bind(stmt.arg, sc, ref) for stmt in effects)


def run_effects(game: Target, bound: Bound, cause: Cause | None = None) -> None:
    """Apply bound effects in order; stop if one of them ends the game (an ending's own effects all apply). A
    game that keeps a ledger puts the gauges and trust they change down to `cause`."""
    if not bound:
        return
    ledger = game.ledger
    if cause is None or ledger is None:
        _run(game, bound)
        return
    ledger.open(cause)
    try:
        _run(game, bound)
    finally:
        ledger.close()


def _run(game: Target, bound: Bound) -> None:
    st = game.st
    if st.outcome is not None:
        for apply in bound:
            apply(game)
        return
    for apply in bound:
        if st.outcome is not None:
            return
        apply(game)


def describe_effects(effects: Iterable[Stmt], sc: Scenario) -> list[str]:
    """One line per visible consequence (flags, messages and hidden meters say nothing)."""
    lines: list[str] = []
    for stmt in effects:
        lines.extend(EFFECTS[stmt.kind].words(stmt.arg, sc))
    return lines


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


def signed(x: float) -> str:
    return f"+{x:g}" if x > 0 else f"{x:g}"


def _amount(arg: dict) -> str:
    return signed(arg["add"]) if arg.get("set") is None else f"set to {arg['set']:g}"


def _silent(arg: Any, sc: Scenario) -> list[str]:
    return []


# ------------------------------------------------------------------------------------- gauges and flags

def _meter_words(arg: dict, sc: Scenario) -> list[str]:
    meter = sc.meter(arg["id"])
    return [] if meter.hidden else [f"{meter.name} {_amount(arg)}"]


@effect("meter", _meter_words)
def _meter(arg: dict, sc: Scenario, ref: str) -> Effect:
    meter = sc.index["meters"][arg["id"]]
    ident, lo, hi, add = meter.id, meter.min, meter.max, arg["add"]
    if arg["set"] is not None:
        value = clamp(arg["set"], lo, hi)

        def set_meter(game: Target) -> None:
            game.st.meters[ident] = value

        return set_meter

    def add_meter(game: Target) -> None:
        meters = game.st.meters
        meters[ident] = clamp(meters[ident] + add, lo, hi)

    return add_meter


def _trust_words(arg: dict, sc: Scenario) -> list[str]:
    both = " (both ways)" if arg.get("mutual") else ""
    return [f"{sc.power(arg['src']).short}'s trust in {sc.power(arg['dst']).short} {_amount(arg)}{both}"]


@effect("trust", _trust_words)
def _trust(arg: dict, sc: Scenario, ref: str) -> Effect:
    src, dst, new, add, mutual = arg["src"], arg["dst"], arg["set"], arg["add"], arg["mutual"]
    if new is not None:
        value = clamp(new, 0, 100)

        def set_trust(game: Target) -> None:
            rows = game.st.trust
            rows[src][dst] = value
            if mutual:
                rows[dst][src] = value

        return set_trust

    def add_trust(game: Target) -> None:
        rows = game.st.trust
        row = rows[src]
        row[dst] = clamp(row[dst] + add, 0, 100)
        if mutual:
            row = rows[dst]
            row[src] = clamp(row[src] + add, 0, 100)

    return add_trust


@effect("set_flag", _silent)
def _set_flag(arg: str, sc: Scenario, ref: str) -> Effect:
    def set_flag(game: Target) -> None:
        game.st.flags.add(arg)

    return set_flag


@effect("clear_flag", _silent)
def _clear_flag(arg: str, sc: Scenario, ref: str) -> Effect:
    def clear_flag(game: Target) -> None:
        game.st.flags.discard(arg)

    return clear_flag


@effect("budget", lambda arg, sc: [sc.calendar.words(f"{sc.power(arg['power']).short} action points {signed(arg['add'])} this week")])
def _budget(arg: dict, sc: Scenario, ref: str) -> Effect:
    power, add = arg["power"], arg["add"]

    def budget(game: Target) -> None:
        points = game.st.budget
        points[power] = max(0, points.get(power, 0) + add)

    return budget


# ---------------------------------------------------------------------------------------------- offers

@effect("open_offer", lambda arg, sc: [f"Puts {sc.offer(arg).the} on the table"])
def _open_offer(arg: str, sc: Scenario, ref: str) -> Effect:
    offer = sc.offer(arg)

    def open_offer(game: Target) -> None:
        game.table.open(offer)

    return open_offer


@effect("close_offer", lambda arg, sc: [f"Takes {sc.offer(arg).the} off the table"])
def _close_offer(arg: str, sc: Scenario, ref: str) -> Effect:
    offer = sc.offer(arg)

    def close_offer(game: Target) -> None:
        game.table.close(offer)

    return close_offer


@effect("propose", lambda arg, sc: [f"{sc.power(arg['by']).short} sends a draft of {sc.offer(arg['offer']).the}"])
def _propose(arg: dict, sc: Scenario, ref: str) -> Effect:
    offer = sc.offer(arg["offer"])
    clauses, add, remove, by = arg["clauses"], arg["add"] or (), arg["remove"] or (), arg["by"]

    def propose(game: Target) -> None:
        ostate = game.st.offers[offer.id]
        if ostate.status != "signed":
            game.table.propose(offer, by, clauses or game.cx.edited(offer, ostate.clauses, add, remove))

    return propose


def _change_clause(arg: dict, sc: Scenario, add: bool) -> Effect:
    offer = sc.offer(arg["offer"])
    change = ([arg["clause"]], ()) if add else ((), [arg["clause"]])

    def change_clause(game: Target) -> None:
        game.table.edit(offer, *change)

    return change_clause


def _clause_name(arg: dict, sc: Scenario) -> str:
    return sc.offer(arg["offer"]).clause(arg["clause"]).name


@effect("add_clause", lambda arg, sc: [f"Adds ‘{_clause_name(arg, sc)}’ to the draft"])
def _add_clause(arg: dict, sc: Scenario, ref: str) -> Effect:
    return _change_clause(arg, sc, add=True)


@effect("remove_clause", lambda arg, sc: [f"Drops ‘{_clause_name(arg, sc)}’ from the draft"])
def _remove_clause(arg: dict, sc: Scenario, ref: str) -> Effect:
    return _change_clause(arg, sc, add=False)


@effect("sign", lambda arg, sc: [f"Signs {sc.offer(arg).the}"])
def _sign(arg: str, sc: Scenario, ref: str) -> Effect:
    offer = sc.offer(arg)

    def sign(game: Target) -> None:
        game.sign(offer)

    return sign


@effect("reply_weeks", lambda arg, sc: [f"{sc.power(arg['power']).short} now answers in {sc.calendar.turns(arg['set'])}"])
def _reply_weeks(arg: dict, sc: Scenario, ref: str) -> Effect:
    power, weeks = arg["power"], arg["set"]

    def reply_weeks(game: Target) -> None:
        game.st.reply_weeks[power] = weeks

    return reply_weeks


# -------------------------------------------------------------------------------- territories and people

def _territory_words(relation: str) -> Words:
    def words(arg: dict, sc: Scenario) -> list[str]:
        who = sc.power(arg["power"]).short if arg.get("power") else "nobody"
        return [f"{sc.territory(arg['territory']).name} {relation} {who}"]

    return words


def _set_territory(arg: dict, field: str) -> Effect:
    territory, power = arg["territory"], arg["power"]

    def set_territory(game: Target) -> None:
        setattr(game.st.territories[territory], field, power)

    return set_territory


@effect("sphere", _territory_words("into the sphere of"))
def _sphere(arg: dict, sc: Scenario, ref: str) -> Effect:
    return _set_territory(arg, "sphere")


@effect("owner", _territory_words("held by"))
def _owner(arg: dict, sc: Scenario, ref: str) -> Effect:
    return _set_territory(arg, "owner")


@effect("appoint", lambda arg, sc: [f"{arg['name']} appointed ({sc.power(arg['power']).short})"])
def _appoint(arg: dict, sc: Scenario, ref: str) -> Effect:
    power, role, name, title = arg["power"], arg["role"], arg["name"], arg["title"]

    def appoint(game: Target) -> None:
        people = game.st.people[power]
        people[role] = [name, title if title is not None else people[role][1]]

    return appoint


# ------------------------------------------------------------------------------ events, news and the end

@effect("fire", lambda arg, sc: [f"Leads to: {sc.event(arg).title}"])
def _fire(arg: str, sc: Scenario, ref: str) -> Effect:
    event = sc.event(arg)

    def fire(game: Target) -> None:
        last = game.st.fired.get(arg)
        if last is None or (event.repeat and last != game.st.turn):  # at most once a week: no endless chains
            game.fire(event, game.st.today)

    return fire


@effect("end_game", lambda arg, sc: [f"Ends the game: {sc.outcome(arg).title}"])
def _end_game(arg: str, sc: Scenario, ref: str) -> Effect:
    def end_game(game: Target) -> None:
        game.end(arg)

    return end_game


@effect("unlock", lambda arg, sc: [f"New source in the archive: {sc.source(arg).title}"])
def _unlock(arg: str, sc: Scenario, ref: str) -> Effect:
    sources = [arg]

    def unlock(game: Target) -> None:
        game.unlock(sources)

    return unlock


@effect("message", _silent)
def _message(arg: dict, sc: Scenario, ref: str) -> Effect:
    to, title, text = arg["to"], arg["title"] or "Telegram", arg["text"]
    visible = tuple(to) if to else None

    def message(game: Target) -> None:
        game.log("message", title, fill(text, game.st.people), ref=ref, visible_to=visible)

    return message


# ------------------------------------------------------------------------------------------- branches

def _branch_words(label: Callable[[dict], str]) -> Words:
    def words(arg: dict, sc: Scenario) -> list[str]:
        inner = describe_effects(arg.get("then") or (), sc)
        return [label(arg) + "; ".join(inner)] if inner else []

    return words


@effect("if", _branch_words(lambda arg: "If conditions allow: "))
def _if(arg: dict, sc: Scenario, ref: str) -> Effect:
    holds = compile_condition(arg["when"], sc)
    then, otherwise = bind_effects(arg["then"], sc, ref), bind_effects(arg["otherwise"], sc, ref)

    def if_(game: Target) -> None:
        run_effects(game, then if holds(game.st) else otherwise)

    return if_


@effect("chance", _branch_words(lambda arg: f"Perhaps ({arg['p'] * 100:.0f}%): "))
def _chance(arg: dict, sc: Scenario, ref: str) -> Effect:
    p = arg["p"]
    then, otherwise = bind_effects(arg["then"], sc, ref), bind_effects(arg["otherwise"], sc, ref)

    def chance(game: Target) -> None:
        run_effects(game, then if game.random() < p else otherwise)

    return chance
