"""A save is checked as strictly as a scenario: every id must exist in the scenario, every field must have its
type and lie in its range. A problem is raised as SaveProblem("state.offers.pact.clauses[0]: unknown clause
'x' of the offer 'pact'"), located by its path in the save's JSON."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection
from typing import Any

from ..scenario.format import BUILTIN_POLICIES
from ..scenario.growth import MAX_LOG_ENTRIES
from ..scenario.model import Scenario
from .actions import KINDS, Action
from .notes import check_reason, check_votes
from .teacher import STOPPED, TEACHER, TEACHER_KINDS, seat_policies

LOG_KINDS = ("event", "action", "choice", "message", "offer", "outcome", "propose", "accept", "reject", "sign", "stall",
             "teacher")
OFFER_STATUSES = ("closed", "open", "proposed", "signed")
MAX_TEXT = 100_000          # characters in a text the engine wrote (an event's text with its title, a list)
MAX_SEED = 2**63
MAX_ACTIONS = 200_000


class SaveProblem(ValueError):
    """Where in the save something is wrong, and what."""


def _fail(where: str, message: str) -> None:
    raise SaveProblem(f"{where}: {message}")


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else f"a {len(str(abs(value)))}-digit number"
    return text if len(text) <= 40 else text[:37] + "..."


def _kind(value: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}
    return "nothing" if value is None else names.get(type(value), type(value).__name__)


def whole(value: Any, where: str, lo: int, hi: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        _fail(where, f"expected a whole number, found {_kind(value)}")
    if not lo <= value <= hi:
        _fail(where, f"{_show(value)} is out of range ({lo}..{hi})")
    return value


def number(value: Any, where: str, lo: float, hi: float) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        _fail(where, f"expected a number, found {_kind(value)}")
    if (isinstance(value, int) and abs(value) > 10**18) or not math.isfinite(value) or not lo <= value <= hi:
        _fail(where, f"{_show(value)} is out of range ({lo:g}..{hi:g})")
    return value


def text(value: Any, where: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        _fail(where, f"expected text, found {_kind(value)}")
    if len(value) > limit:
        _fail(where, f"the text is longer than {limit:,} characters")
    return value


def ident(value: Any, where: str, known: Collection[str], what: str) -> str:
    if not isinstance(value, str):
        _fail(where, f"expected the id of {what}, found {_kind(value)}")
    if value not in known:
        _fail(where, f"unknown {what}: {_show(value)}")
    return value


def optional(check: Callable[..., Any]) -> Callable[..., Any]:
    return lambda value, where, *args: None if value is None else check(value, where, *args)


def date(value: Any, where: str) -> str:
    text(value, where, 10)
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        _fail(where, f"{_show(value)} is not a date (YYYY-MM-DD)")
    return value


def listing(value: Any, where: str, limit: int) -> list:
    if not isinstance(value, (list, tuple)):   # (a tuple: a state checked in memory, before it is written)
        _fail(where, f"expected a list, found {_kind(value)}")
    if len(value) > limit:
        _fail(where, f"has {len(value):,} items; at most {limit:,} can be right")
    return value


def mapping(value: Any, where: str, keys: Collection[str] | None = None, exact: bool = True) -> dict:
    """A JSON object; with keys: its keys must be among them (exact: all of them)."""
    if not isinstance(value, dict):
        _fail(where, f"expected a mapping, found {_kind(value)}")
    if keys is not None:
        extra = [k for k in value if k not in keys]
        if extra:
            _fail(f"{where}.{extra[0]}" if isinstance(extra[0], str) else where, "is not known here")
        missing = [k for k in keys if k not in value] if exact else []
        if missing:
            _fail(where, f"{missing[0]!r} is missing")
    return value


def check_envelope(doc: dict[str, Any], sc: Scenario) -> tuple[int, list[str], dict[str, str], list[Action]]:
    """The seed, humans, policies and actions of a save, each checked against the scenario."""
    powers = sc.index["powers"]
    seed = whole(doc.get("seed"), "seed", -MAX_SEED, MAX_SEED)
    humans = [ident(h, f"humans[{i}]", powers, "power") for i, h in enumerate(listing(doc.get("humans"), "humans",
                                                                                        len(powers)))]
    policies = {ident(p, f"policies.{p}", powers, "power"):
                ident(v, f"policies.{p}", {*BUILTIN_POLICIES, *sc.index["policies"]}, "policy")
                for p, v in mapping(doc.get("policies"), "policies").items()}
    actions = [check_action(a, f"actions[{i}]", sc) for i, a in enumerate(listing(doc.get("actions"), "actions",
                                                                                 MAX_ACTIONS))]
    return seed, humans, policies, actions


def check_action(data: Any, where: str, sc: Scenario) -> Action:
    try:
        action = Action.from_dict(data)
    except ValueError as exc:
        raise SaveProblem(f"{where}: {exc}") from None
    if action.kind in TEACHER_KINDS:
        return _teacher_step(action, where, sc)
    ident(action.power, f"{where}.power", sc.index["powers"], "power")
    if action.kind == "act":
        ident(action.target, f"{where}.target", sc.index["actions"], "action")
    elif action.kind == "choose":
        event = sc.index["events"].get(ident(action.target, f"{where}.target", sc.index["events"], "event"))
        ident(action.option, f"{where}.option", event.by_id, f"choice of the event {event.id!r}")
    elif action.kind in KINDS and action.kind != "end_turn":
        offer = sc.index["offers"][ident(action.target, f"{where}.target", sc.index["offers"], "offer")]
        for i, clause in enumerate(action.clauses):
            ident(clause, f"{where}.clauses[{i}]", offer.by_id, f"clause of the offer {offer.id!r}")
    return action


def _teacher_step(action: Action, where: str, sc: Scenario) -> Action:
    """A teacher's step: by the teacher, naming an event or a seat and a policy of the scenario."""
    ident(action.power, f"{where}.power", (TEACHER,), "step's author (a teacher's step is the teacher's)")
    if action.kind == "inject":
        ident(action.target, f"{where}.target", sc.index["events"], "event")
    elif action.kind == "seat":
        ident(action.target, f"{where}.target", sc.index["powers"], "power")
        ident(action.option, f"{where}.option", ("", *seat_policies(sc, action.target)), "policy")
    return action


STATE_FIELDS = ("seed", "rng", "turn", "meters", "trust", "territories", "offers", "people", "reply_weeks", "budget",
                "flags", "fired", "chosen", "taken", "ended", "pending", "unlocked", "log", "history", "outcome",
                "end_date", "today", "week_step", "ai_seats")
OPTIONAL_STATE = ("week_step", "ai_seats")   # fields added later, missing from older saves
OFFER_FIELDS = ("status", "clauses", "proposer", "accepted", "waiting", "rounds", "signed_turn")
ENTRY_FIELDS = ("turn", "date", "kind", "title", "text", "power", "ref", "visible_to", "sources", "clauses", "why",
                "votes")
LONG = 10**6   # a count no game reaches (weeks of waiting, rounds of negotiation)


def state_problem(data: Any, sc: Scenario) -> str | None:
    """What is wrong with a saved state, located by its path ("state.pending[0].event: unknown event 'x'"), or
    None if it fits the scenario."""
    try:
        check_state(data, sc)
    except SaveProblem as exc:
        return str(exc)
    return None


def check_state(data: Any, sc: Scenario) -> None:
    st = mapping(data, "state", STATE_FIELDS, exact=False)
    for name in STATE_FIELDS:
        if name not in st and name not in OPTIONAL_STATE:
            _fail("state", f"{name!r} is missing")
    last, ix = sc.calendar.last_turn, sc.index
    powers = ix["powers"]
    whole(st["seed"], "state.seed", -MAX_SEED, MAX_SEED)
    whole(st["rng"], "state.rng", 0, 2**128 - 1)
    whole(st["turn"], "state.turn", 1, last)
    _meters(st["meters"], "state.meters", sc)
    _powers(st, sc)
    for o, offer in mapping(st["offers"], "state.offers", ix["offers"]).items():
        _offer(offer, f"state.offers.{o}", sc, o)
    for i, flag in enumerate(listing(st["flags"], "state.flags", 100_000)):
        text(flag, f"state.flags[{i}]", 200)
    _events(st, sc)
    for i, p in enumerate(listing(st["ended"], "state.ended", len(powers))):
        ident(p, f"state.ended[{i}]", powers, "power")
    for i, s in enumerate(listing(st["unlocked"], "state.unlocked", len(ix["sources"]))):
        ident(s, f"state.unlocked[{i}]", ix["sources"], "source card")
    clauses = {c.id for offer in sc.offers for c in offer.clauses}
    for i, entry in enumerate(listing(st["log"], "state.log", MAX_LOG_ENTRIES)):
        _entry(entry, f"state.log[{i}]", sc, clauses)
    for i, week in enumerate(listing(st["history"], "state.history", last + 2)):
        _meters(week, f"state.history[{i}]", sc)
    optional(ident)(st["outcome"], "state.outcome", {*ix["outcomes"], STOPPED}, "outcome")
    optional(date)(st["end_date"], "state.end_date")
    if st["today"] != "":
        date(st["today"], "state.today")
    optional(whole)(st.get("week_step"), "state.week_step", 0, LONG)
    for p, policy in mapping(st.get("ai_seats", {}), "state.ai_seats", powers, exact=False).items():
        ident(policy, f"state.ai_seats.{p}", seat_policies(sc, p), "policy")


def _powers(st: dict, sc: Scenario) -> None:
    """What each power holds: trust in the others, territories, people, reply times, action points."""
    powers = sc.index["powers"]
    for p, row in mapping(st["trust"], "state.trust", powers).items():
        for q, value in mapping(row, f"state.trust.{p}", [q for q in powers if q != p]).items():
            number(value, f"state.trust.{p}.{q}", 0, 100)
    for t, place in mapping(st["territories"], "state.territories", sc.index["territories"]).items():
        for key, value in mapping(place, f"state.territories.{t}", ("owner", "sphere")).items():
            optional(ident)(value, f"state.territories.{t}.{key}", powers, "power")
    for p, roles in mapping(st["people"], "state.people", powers).items():
        for role, who in mapping(roles, f"state.people.{p}", ("leader", "foreign_minister")).items():
            for i, words in enumerate(listing(who, f"state.people.{p}.{role}", 2)):
                text(words, f"state.people.{p}.{role}[{i}]", 1000)
    for p, weeks in mapping(st["reply_weeks"], "state.reply_weeks", powers).items():
        whole(weeks, f"state.reply_weeks.{p}", 0, LONG)
    for p, points in mapping(st["budget"], "state.budget", powers, exact=False).items():
        whole(points, f"state.budget.{p}", 0, LONG)


def _meters(data: Any, where: str, sc: Scenario) -> None:
    for m, value in mapping(data, where, sc.index["meters"]).items():
        meter = sc.meter(m)
        number(value, f"{where}.{m}", meter.min, meter.max)


def _offer(data: Any, where: str, sc: Scenario, offer_id: str) -> None:
    offer, powers = sc.offer(offer_id), sc.index["powers"]
    st = mapping(data, where, OFFER_FIELDS)
    ident(st["status"], f"{where}.status", OFFER_STATUSES, "status")
    for i, clause in enumerate(listing(st["clauses"], f"{where}.clauses", len(offer.clauses))):
        ident(clause, f"{where}.clauses[{i}]", offer.by_id, f"clause of the offer {offer_id!r}")
    optional(ident)(st["proposer"], f"{where}.proposer", powers, "power")
    for i, p in enumerate(listing(st["accepted"], f"{where}.accepted", len(powers))):
        ident(p, f"{where}.accepted[{i}]", powers, "power")
    for p, week in mapping(st["waiting"], f"{where}.waiting", powers, exact=False).items():
        whole(week, f"{where}.waiting.{p}", 0, LONG)
    whole(st["rounds"], f"{where}.rounds", 0, LONG)
    optional(whole)(st["signed_turn"], f"{where}.signed_turn", 1, sc.calendar.last_turn)


def _events(st: dict, sc: Scenario) -> None:
    """What has happened: events fired and chosen, actions taken, questions waiting."""
    last, events, powers = sc.calendar.last_turn, sc.index["events"], sc.index["powers"]
    for e, turn in mapping(st["fired"], "state.fired", events, exact=False).items():
        whole(turn, f"state.fired.{e}", 1, last)
    for e, option in mapping(st["chosen"], "state.chosen", events, exact=False).items():
        ident(option, f"state.chosen.{e}", events[e].by_id, f"choice of the event {e!r}")
    for a, turn in mapping(st["taken"], "state.taken", sc.index["actions"], exact=False).items():
        whole(turn, f"state.taken.{a}", 1, last)
    asks = {e for e, event in events.items() if event.choices}
    for i, waiting in enumerate(listing(st["pending"], "state.pending", len(asks) * len(powers))):
        item = mapping(waiting, f"state.pending[{i}]", ("event", "power", "date"))
        ident(item["event"], f"state.pending[{i}].event", asks, "event with choices")
        ident(item["power"], f"state.pending[{i}].power", powers, "power")
        date(item["date"], f"state.pending[{i}].date")


def _entry(data: Any, where: str, sc: Scenario, clauses: set[str]) -> None:
    ix, powers = sc.index, sc.index["powers"]
    entry = mapping(data, where, ENTRY_FIELDS, exact=False)
    for name in ENTRY_FIELDS[:4]:
        if name not in entry:
            _fail(where, f"{name!r} is missing")
    whole(entry["turn"], f"{where}.turn", 1, sc.calendar.last_turn)
    date(entry["date"], f"{where}.date")
    ident(entry["kind"], f"{where}.kind", LOG_KINDS, "kind of entry")
    text(entry["title"], f"{where}.title")
    text(entry.get("text", ""), f"{where}.text")
    optional(ident)(entry.get("power"), f"{where}.power", powers, "power")
    text(entry.get("ref", ""), f"{where}.ref", 200)
    if entry.get("visible_to") is not None:
        for i, p in enumerate(listing(entry["visible_to"], f"{where}.visible_to", len(powers))):
            ident(p, f"{where}.visible_to[{i}]", powers, "power")
    for i, s in enumerate(listing(entry.get("sources", []), f"{where}.sources", len(ix["sources"]))):
        ident(s, f"{where}.sources[{i}]", ix["sources"], "source card")
    for i, c in enumerate(listing(entry.get("clauses", []), f"{where}.clauses", len(clauses))):
        ident(c, f"{where}.clauses[{i}]", clauses, "clause")
    for name, check in (("why", check_reason), ("votes", check_votes)):
        try:
            check(entry.get(name, "" if name == "why" else ()))
        except ValueError as exc:
            raise SaveProblem(f"{where}.{name}: {exc}") from None
