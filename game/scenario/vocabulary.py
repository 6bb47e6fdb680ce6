"""The registry of condition and effect statements: parameters, docs and checks in one place."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple

from .compound import F, ListOf, Struct
from .diagnostics import Pos
from .reach import date_can_hold, meter_bounds_in_range
from .spec import (
    INVALID,
    MAX_TURNS,
    Bool,
    Context,
    Date,
    Enum,
    Ident,
    Int,
    Number,
    Ref,
    T,
    Text,
    kind_of,
    suggest,
)
from .yamlsource import LocDict


class Stmt(NamedTuple):
    """A validated condition or effect: its registry name, its argument and, for a condition part, what the player
    reads while it does not hold (`why_not`; None: generated)."""

    kind: str
    arg: Any
    why_not: str | None = None


class Statement(NamedTuple):
    """A registry entry: one condition or effect type."""

    name: str
    doc: str
    form: str
    arg: T
    check_more: Callable[[Any, Pos, Context], None] | None = None


WHY_NOT = "why_not"
WHY_NOT_TEXT = Text(500)


class Vocabulary(T):
    """A single-key mapping naming a statement of this vocabulary (a condition may add a `why_not` key)."""

    def __init__(self, what: str, reasons: bool = False):
        self.what = what
        self.name = what
        self.reasons = reasons   # each statement may carry the reason the player reads while it does not hold
        self.entries: dict[str, Statement] = {}

    def add(self, name: str, doc: str, form: str, arg: T, check_more=None) -> None:
        self.entries[name] = Statement(name, doc, form, arg, check_more)

    def check(self, value, pos, ctx):
        why_not, value = self._reason(value, pos, ctx)
        if why_not is INVALID:
            return INVALID
        if not isinstance(value, dict) or len(value) != 1:
            found = f"a mapping with {len(value)} keys" if isinstance(value, dict) else kind_of(value)
            extra = " (and, if you like, a why_not: text)" if self.reasons else ""
            return ctx.error(pos, f"expected a {self.what} written as one key{extra}, like {{flag: name}}; found {found}")
        (key, arg), = value.items()
        entry = self.entries.get(key)
        kpos = value.key_pos.get(key, pos) if isinstance(value, LocDict) else pos
        if entry is None:
            return ctx.error(kpos, f"unknown {self.what} {key!r}{suggest(key, self.entries)}")
        apos = value.at(key) if isinstance(value, LocDict) else pos
        checked = entry.arg.check(arg, apos, ctx)
        if checked is INVALID:
            return INVALID
        if entry.check_more:
            entry.check_more(checked, apos, ctx)
        return Stmt(key, checked, why_not)

    def _reason(self, value: Any, pos: Pos, ctx: Context) -> tuple[Any, Any]:
        """The `why_not` written beside the statement (None if none; INVALID if it is not a text) and the
        statement without it."""
        if not (self.reasons and isinstance(value, dict) and WHY_NOT in value and len(value) == 2):
            return None, value
        why_not = WHY_NOT_TEXT.check(value[WHY_NOT], value.at(WHY_NOT) if isinstance(value, LocDict) else pos, ctx)
        return why_not, _without(value, WHY_NOT)

    def schema(self):
        return {"$ref": f"#/$defs/{self.what}"}

    def definition(self) -> dict:
        return {
            "description": f"one {self.what}",
            "oneOf": [
                {
                    "type": "object",
                    "description": e.doc,
                    "properties": {e.name: e.arg.schema(),
                                   **({WHY_NOT: WHY_NOT_TEXT.schema()} if self.reasons else {})},
                    "required": [e.name],
                    "additionalProperties": False,
                }
                for e in self.entries.values()
            ],
        }


def _without(value: dict, key: str) -> dict:
    """The mapping without key, keeping the places of the others."""
    if isinstance(value, LocDict):
        rest = LocDict({k: v for k, v in value.items() if k != key})
        rest.pos = value.pos
        rest.key_pos = {k: p for k, p in value.key_pos.items() if k != key}
        rest.value_pos = {k: p for k, p in value.value_pos.items() if k != key}
        return rest
    return {k: v for k, v in value.items() if k != key}


CONDITION = Vocabulary("condition", reasons=True)
EFFECT = Vocabulary("effect")
EFFECTS = ListOf(EFFECT)



class OfferStatus(StrEnum):
    """Where an offer stands; the values are the format's words (and compare equal to them)."""

    CLOSED = "closed"
    OPEN = "open"
    PROPOSED = "proposed"
    SIGNED = "signed"


OFFER_STATUSES = tuple(s.value for s in OfferStatus)
ROLES = ("leader", "foreign_minister")


def _bounds(arg: dict, pos: Pos, ctx: Context) -> None:
    if arg.get("min") is None and arg.get("max") is None:
        ctx.error(pos, "give at least one of 'min' and 'max'")
    elif arg.get("min") is not None and arg.get("max") is not None and arg["min"] > arg["max"]:
        ctx.error(pos, "'min' is greater than 'max'")


def _dates(arg: dict, pos: Pos, ctx: Context) -> None:
    if arg.get("from") is None and arg.get("to") is None:
        ctx.error(pos, "give at least one of 'from' and 'to'")
    elif arg.get("from") and arg.get("to") and arg["from"] > arg["to"]:
        ctx.error(pos, "'from' is later than 'to'")


def _clause_ref(arg: dict, pos: Pos, ctx: Context) -> None:
    ctx.ref(f"clause:{arg['offer']}", arg["clause"], pos)


def _option_ref(arg: dict, pos: Pos, ctx: Context) -> None:
    ctx.ref(f"option:{arg['event']}", arg["option"], pos)


def _add_or_set(arg: dict, pos: Pos, ctx: Context) -> None:
    if (arg.get("add") is None) == (arg.get("set") is None):
        ctx.error(pos, "give exactly one of 'add' and 'set'")


def _draft(arg: dict, pos: Pos, ctx: Context) -> None:
    given = [k for k in ("clauses", "add", "remove") if arg.get(k)]
    if "clauses" in given and len(given) > 1:
        ctx.error(pos, "give either 'clauses' or 'add'/'remove', not both")
    ctx.ref(f"party:{arg['offer']}", arg["by"], pos)
    for key in given:
        for clause in arg[key]:
            ctx.ref(f"clause:{arg['offer']}", clause, pos)


def _territory_power(title: str) -> Struct:
    return Struct(title, [F("territory", Ref("territory"), True), F("power", Ref("power", nullable=True), True)])


def _offer_clause(title: str) -> Struct:
    return Struct(title, [F("offer", Ref("offer"), True), F("clause", Ident(), True)])


# Conditions
CONDITION.add("all", "every listed condition holds", "{all: [cond, ...]}", ListOf(CONDITION, 1))
CONDITION.add("any", "at least one listed condition holds", "{any: [cond, ...]}", ListOf(CONDITION, 1))
CONDITION.add("not", "the condition does not hold", "{not: cond}", CONDITION)
CONDITION.add("flag", "the flag is set", "{flag: name}", Ident(flag="test"))
CONDITION.add(
    "meter", "the meter lies within [min, max] (either bound optional)", "{meter: {id: ID, min: N, max: N}}",
    Struct("meter condition", [F("id", Ref("meter"), True), F("min", Number()), F("max", Number())]),
    lambda a, p, c: (_bounds(a, p, c), meter_bounds_in_range(a, p, c)),
)
CONDITION.add(
    "trust", "P's trust towards Q lies within the bounds", "{trust: {from: P, to: Q, min: N, max: N}}",
    Struct("trust condition", [F("from", Ref("power"), True, attr="src"), F("to", Ref("power"), True, attr="dst"),
                               F("min", Number()), F("max", Number())]),
    lambda a, p, c: (_bounds(a, p, c), a["src"] == a["dst"] and c.error(p, "'from' and 'to' must differ")),
)
CONDITION.add("treaty", "the offer has been signed", "{treaty: OFFER}", Ref("offer"))
CONDITION.add(
    "offer", "the offer's status is the one given (closed, open, proposed, signed)", "{offer: {id: OFFER, status: S}}",
    Struct("offer condition", [F("id", Ref("offer"), True), F("status", Enum(*OFFER_STATUSES), True)]),
)
CONDITION.add(
    "clause", "the clause is in the offer's current draft (or its signed text)", "{clause: {offer: OFFER, clause: C}}",
    _offer_clause("clause condition"),
    _clause_ref,
)
CONDITION.add(
    "date", "the current week overlaps [from, to] (either bound optional)", "{date: {from: D, to: D}}",
    Struct("date condition", [F("from", Date(), attr="start"), F("to", Date(), attr="end")]),
    lambda a, p, c: (_dates({"from": a["start"], "to": a["end"]}, p, c), date_can_hold(a, p, c)),
)
CONDITION.add(
    "turn", "the turn number lies within [min, max]", "{turn: {min: N, max: N}}",
    Struct("turn condition", [F("min", Int(1, MAX_TURNS)), F("max", Int(1, MAX_TURNS))]),
    _bounds,
)
CONDITION.add("fired", "the event has fired", "{fired: EVENT}", Ref("event"))
CONDITION.add(
    "chose", "that option of the event was chosen", "{chose: {event: EVENT, option: OPTION}}",
    Struct("chose condition", [F("event", Ref("event"), True), F("option", Ident(), True)]),
    _option_ref,
)
CONDITION.add("taken", "the action has been taken at least once", "{taken: ACTION}", Ref("action"))
CONDITION.add(
    "sphere", "the territory is in the power's sphere (power null: in nobody's)", "{sphere: {territory: T, power: P}}",
    _territory_power("sphere condition"),
)
CONDITION.add(
    "owner", "the territory is held by the power", "{owner: {territory: T, power: P}}",
    _territory_power("owner condition"),
)

# Effects
EFFECT.add(
    "meter", "changes a meter (the result is clamped to the meter's range)", "{meter: {id: ID, add: N}} or {meter: {id: ID, set: N}}",
    Struct("meter effect", [F("id", Ref("meter"), True), F("add", Number()), F("set", Number())]),
    _add_or_set,
)
EFFECT.add(
    "trust", "changes P's trust towards Q (and Q's towards P with mutual: true); clamped to 0..100",
    "{trust: {from: P, to: Q, add: N, mutual: false}}",
    Struct("trust effect", [F("from", Ref("power"), True, attr="src"), F("to", Ref("power"), True, attr="dst"),
                            F("add", Number()), F("set", Number(0, 100)), F("mutual", Bool(), default=False)]),
    lambda a, p, c: (_add_or_set(a, p, c), a["src"] == a["dst"] and c.error(p, "'from' and 'to' must differ")),
)
EFFECT.add("set_flag", "sets a flag", "{set_flag: name}", Ident(flag="set"))
EFFECT.add("clear_flag", "clears a flag", "{clear_flag: name}", Ident())
EFFECT.add("open_offer", "makes the offer negotiable", "{open_offer: OFFER}", Ref("offer"))
EFFECT.add("close_offer", "withdraws the offer from the table (drafts are dropped)", "{close_offer: OFFER}", Ref("offer"))
EFFECT.add(
    "propose", "the power sends a draft of the offer (opening it if needed); without clauses/add/remove it sends the current draft",
    "{propose: {offer: OFFER, by: P, clauses: [C, ...]}} or add: / remove:",
    Struct("propose effect", [F("offer", Ref("offer"), True), F("by", Ref("power"), True),
                              F("clauses", ListOf(Ident())), F("add", ListOf(Ident())), F("remove", ListOf(Ident()))]),
    _draft,
)
EFFECT.add(
    "add_clause", "puts the clause into the offer's current draft", "{add_clause: {offer: OFFER, clause: C}}",
    _offer_clause("add_clause effect"),
    _clause_ref,
)
EFFECT.add(
    "remove_clause", "takes the clause out of the offer's current draft", "{remove_clause: {offer: OFFER, clause: C}}",
    _offer_clause("remove_clause effect"),
    _clause_ref,
)
EFFECT.add("sign", "signs the offer's current draft as a treaty", "{sign: OFFER}", Ref("offer"))
EFFECT.add(
    "sphere", "puts the territory in the power's sphere (null: nobody's)", "{sphere: {territory: T, power: P}}",
    _territory_power("sphere effect"),
)
EFFECT.add(
    "owner", "gives the territory to the power", "{owner: {territory: T, power: P}}",
    _territory_power("owner effect"),
)
EFFECT.add("fire", "fires the event now (if it has not fired, or may repeat; at most once a week)", "{fire: EVENT}", Ref("event"))
EFFECT.add("end_game", "ends the game with that outcome", "{end_game: OUTCOME}", Ref("outcome"))
EFFECT.add(
    "if", "applies `then` when the condition holds, else `else`", "{if: {when: cond, then: [...], else: [...]}}",
    Struct("if effect", [F("when", CONDITION, True), F("then", EFFECTS, default=()), F("else", EFFECTS, default=(), attr="otherwise")]),
)
EFFECT.add(
    "chance", "applies `then` with probability p, else `else` (the game's seeded generator decides)",
    "{chance: {p: 0.3, then: [...], else: [...]}}",
    Struct("chance effect", [F("p", Number(0, 1), True), F("then", EFFECTS, default=()), F("else", EFFECTS, default=(), attr="otherwise")]),
)
EFFECT.add("unlock", "adds the source card to the archive of every power", "{unlock: SOURCE}", Ref("source"))
EFFECT.add(
    "reply_weeks", "changes how many weeks the power takes to answer drafts", "{reply_weeks: {power: P, set: N}}",
    Struct("reply_weeks effect", [F("power", Ref("power"), True), F("set", Int(0, 52), True)]),
)
EFFECT.add(
    "appoint", "changes a power's leader or foreign minister", "{appoint: {power: P, role: foreign_minister, name: ..., title: ...}}",
    Struct("appoint effect", [F("power", Ref("power"), True),
                              F("role", Enum(*ROLES), True),
                              F("name", Text(200), True), F("title", Text(200))]),
)
EFFECT.add(
    "message", "sends a telegram to the listed powers (default: everybody)", "{message: {to: [P, ...], title: ..., text: ...}}",
    Struct("message effect", [F("to", ListOf(Ref("power"))), F("title", Text(200)), F("text", Text(4000), True)]),
)
EFFECT.add(
    "budget", "gives the power extra (or fewer) action points this week", "{budget: {power: P, add: N}}",
    Struct("budget effect", [F("power", Ref("power"), True), F("add", Int(-10, 10), True)]),
)
