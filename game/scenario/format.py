"""The scenario format, field by field (format 1)."""

from __future__ import annotations

from .compound import F, ListOf, MapOf, Struct
from .model import (
    ActionDef,
    Calendar,
    Checkpoint,
    Choice,
    Clause,
    Do,
    EventDef,
    MapMark,
    Meter,
    Offer,
    Outcome,
    PartyAI,
    Person,
    Perspective,
    Plan,
    Policy,
    Power,
    RecordEntry,
    Rule,
    Source,
    Territory,
    Texts,
)
from .spec import (
    MAX_TURNS,
    Bool,
    Color,
    Context,
    Date,
    DateOrText,
    Enum,
    Ident,
    Int,
    Number,
    Ref,
    Text,
)
from .vocabulary import CONDITION, EFFECTS, Vocabulary
from .yamlsource import LocDict

FORMAT_VERSION = 1
SAVE_STATE_BYTES = 4 * 1024 * 1024   # a save whose state is larger keeps only its seed and actions (engine.saves)
SOURCE_KINDS = ("quotation", "document", "interpretation")
BUILTIN_POLICIES = ("random", "passive", "ai")
RESPONSES = ("evaluate", "accept", "reject", "stall")

def _draft_step(arg: dict, pos, ctx: Context) -> None:
    if arg["clauses"] is not None and (arg["add"] or arg["remove"]):
        ctx.error(pos, "give either 'clauses' or 'add'/'remove', not both")
    for key in ("clauses", "add", "remove"):
        for clause in arg[key] or ():
            ctx.ref(f"clause:{arg['offer']}", clause, pos)


STEP = Vocabulary("policy step")
STEP.add("action", "take one of the power's scenario actions", "{action: ACTION}", Ref("action"))
STEP.add(
    "propose", "send a draft of an offer: the given clauses, or the current draft with clauses added/removed",
    "{propose: {offer: OFFER, clauses: [..]}} or add: / remove:",
    Struct("propose step", [F("offer", Ref("offer"), True), F("clauses", ListOf(Ident())),
                            F("add", ListOf(Ident()), default=()), F("remove", ListOf(Ident()), default=())]),
    lambda a, pos, ctx: _draft_step(a, pos, ctx),
)
STEP.add("accept", "accept the draft of this offer that waits for the power's answer", "{accept: OFFER}", Ref("offer"))
STEP.add("reject", "reject the draft of this offer that waits for the power's answer", "{reject: OFFER}", Ref("offer"))


def _rule(when, do) -> Rule:
    if do.kind == "propose":
        arg = do.arg
        step = Do("propose", arg["offer"], arg["clauses"], arg["add"], arg["remove"])
    else:
        step = Do(do.kind, do.arg)
    return Rule(when, step)


def _plan_checks(out: dict, raw: LocDict, ctx: Context) -> None:
    for event, option in out["choices"].items():
        ctx.ref(f"option:{event}", option, raw.at("choices"))


RULE = Struct("rule", [F("when", CONDITION, doc="when the rule applies (default: always)"),
                       F("do", STEP, True, doc="what to do")], build=_rule)
PLAN_FIELDS = [
    F("rules", ListOf(RULE), default=(), doc="tried in order every week"),
    F("choices", MapOf(Ref("event"), Ident()), default={}, doc="event id: option id"),
    F("respond", Enum(*RESPONSES), default="evaluate", doc="how drafts no rule handled are answered"),
]
PLAN = Struct("ai", PLAN_FIELDS, build=Plan, check_more=_plan_checks)
PERSON = Struct("person", [F("name", Text(200), True), F("title", Text(200), default="")], build=Person)


def _meter_checks(out: dict, raw: LocDict, ctx: Context) -> None:
    if out["min"] >= out["max"]:
        ctx.error(raw.at("max"), "'max' must be greater than 'min'")
    elif not out["min"] <= out["start"] <= out["max"]:
        ctx.error(raw.at("start"), f"start {out['start']} lies outside {out['min']}..{out['max']}")


METER = Struct("meter", [
    F("id", Ident(), True),
    F("name", Text(100), True),
    F("description", Text(2000), default="", doc="tooltip text explaining the number"),
    F("min", Number(), default=0),
    F("max", Number(), default=100),
    F("start", Number(), True),
    F("drift", Number(-100, 100), default=0, doc="added every turn"),
    F("power", Ref("power", nullable=True), doc="whose gauge it is"),
    F("hidden", Bool(), default=False, doc="hidden from players"),
    F("score", Bool(), default=True, doc="shown among the ending's scores"),
    F("good", Enum("high", "low"), default="high", doc="which direction is good for its power"),
    F("interest", Text(200), default="", doc="whose interest it measures, for 'higher is better for ...'"),
    F("shown_to", ListOf(Ref("power")), default=(), doc="the powers that see it (default: every power)"),
    F("good_for", MapOf(Ref("power"), Enum("high", "low", "none")), default={},
      doc="which direction is good for a viewing power (default: 'good' for its own power and for every power "
          "if it is a world gauge, 'none' for the other powers)"),
], build=Meter, kind="meter", check_more=_meter_checks)


def _power_checks(out: dict, raw: LocDict, ctx: Context) -> None:
    if out["id"] in out["trust"]:
        ctx.error(raw.at("trust"), f"a power has no trust value towards itself ({out['id']!r})")


def _power(**kw) -> Power:
    kw["short"] = kw["short"] or kw["name"]
    return Power(**kw)


POWER = Struct("power", [
    F("id", Ident(), True),
    F("name", Text(100), True),
    F("short", Text(40), default=""),
    F("color", Color(), default="#777777"),
    F("leader", PERSON, True),
    F("foreign_minister", PERSON, True),
    F("capital", Text(100), default=""),
    F("playable", Bool(), default=True),
    F("actions_per_turn", Int(0, 20), default=2, doc="weekly budget of action points"),
    F("reply_weeks", Int(0, 52), default=1, doc="weeks before a draft reaches it and it answers"),
    F("briefing", Text(), default=""),
    F("objectives", ListOf(Text(1000)), default=()),
    F("secret_objectives", ListOf(Text(1000)), default=()),
    F("trust", MapOf(Ref("power"), Number(0, 100)), default={}, doc="trust towards other powers, 0..100"),
    F("ai", PLAN, default=Plan(), doc="how the AI plays this power"),
    F("people", ListOf(PERSON, max_items=50), default=(),
      doc="more people with their posts (a chancellor, chiefs of staff, ambassadors), besides leader and foreign minister"),
], build=_power, kind="power", check_more=_power_checks)

TERRITORY = Struct("territory", [
    F("id", Ident(), True),
    F("name", Text(100), True),
    F("owner", Ref("power", nullable=True)),
    F("sphere", Ref("power", nullable=True)),
    F("map", Ident(), doc="shape id in the map asset (default: the territory id)"),
], build=lambda **kw: Territory(**{**kw, "map": kw["map"] or kw["id"]}), kind="territory")

PERSPECTIVE = Struct("perspective", [
    F("id", Ident(), True), F("name", Text(200), True), F("description", Text(4000), default=""),
], build=Perspective, kind="perspective")

SOURCE = Struct("source", [
    F("id", Ident(), True),
    F("kind", Enum(*SOURCE_KINDS), True),
    F("title", Text(300), True),
    F("author", Text(300), True),
    F("date", DateOrText(), True),
    F("perspective", Ref("perspective"), True),
    F("text", Text(4000), True),
    F("reference", Text(1000), True),
    F("unlocked", Bool(), default=False, doc="in the archive from the start"),
], build=Source, kind="source")


def _clause(**kw) -> Clause:
    return Clause(**kw)


CLAUSE = Struct("clause", [
    F("id", Ident(), True),
    F("name", Text(200), True),
    F("text", Text(4000), default=""),
    F("required", Bool(), default=False, doc="cannot be taken out of a draft"),
    F("default", Bool(), default=False, doc="in the first draft"),
    F("secret", Bool(), default=False, doc="shown only to the parties"),
    F("requires", ListOf(Ref("clause", scope="offer")), default=()),
    F("excludes", ListOf(Ref("clause", scope="offer")), default=()),
    F("available", CONDITION, doc="condition for adding it"),
    F("why_not", Text(500), doc="what the player reads while `available` does not hold, unless the failing part "
                          "has a why_not of its own (default: generated)"),
    F("values", MapOf(Ref("power"), Number(-1000, 1000)), default={}, doc="how much each party wants it"),
    F("on_sign", EFFECTS, default=()),
], build=_clause, kind="clause", scope_kind="offer")

BLOCKERS = Struct("blockers", [
    F("urgency", Text(200), doc="its urgency is still too low (default: \"is not pressed for time yet\")"),
    F("trust", Text(200), doc="it distrusts the other parties (default: \"does not trust ... enough\")"),
    F("draft", Text(200), doc="the draft offers it too little (default: \"finds too little for itself in this "
                              "draft\")"),
], doc="words after the party's name, e.g. \"will not commit before Warsaw answers\"")

PARTY_AI = Struct("party ai", [
    F("threshold", Number(), default=0),
    F("trust_weight", Number(-10, 10), default=0),
    F("urgency", Ref("meter", nullable=True)),
    F("urgency_weight", Number(-10, 10), default=0),
    F("counter_min", Number(), doc="lowest score at which it sends a counter-draft (a counter binds it); "
                                   "below it, it rejects. Default: any counter that improves its score"),
    F("blockers", BLOCKERS, doc="what the forecast says stands in the way when a draft has almost no chance"),
], build=PartyAI)


def _offer_checks(out: dict, raw: LocDict, ctx: Context) -> None:
    parties = out["parties"]
    if len(set(parties)) != len(parties):
        ctx.error(raw.at("parties"), "a party is listed twice")
    for power in set(parties):
        ctx.define(f"party:{out['id']}", power, raw.at("parties"))
    for power in out["ai"]:
        if power not in parties:
            ctx.error(raw.at("ai"), f"{power!r} has an ai entry but is not a party to {out['id']!r}")
    observers = out["observers"]
    if len(set(observers)) != len(observers):
        ctx.error(raw.at("observers"), "an observer is listed twice")
    for power in observers:
        if power in parties:
            ctx.error(raw.at("observers"), f"{power!r} is a party to {out['id']!r}; an observer is not a party")
    for clause in out["clauses"]:
        for power in clause.values:
            if power not in parties:
                ctx.error(raw.at("clauses"), f"clause {clause.id!r} values {power!r}, which is not a party")
        if clause.required and not clause.default:
            ctx.report.warn(raw.at("clauses"), f"clause {clause.id!r} is required, so it is always in the draft")


OFFER = Struct("offer", [
    F("id", Ident(), True),
    F("name", Text(200), True),
    F("parties", ListOf(Ref("power"), 2), True),
    F("observers", ListOf(Ref("power")), default=(),
      doc="powers that see its drafts, answers and news without being parties (they cannot propose or answer)"),
    F("description", Text(), default=""),
    F("open", Bool(), default=False, doc="negotiable from the start"),
    F("propose_cost", Int(0, 20), default=1),
    F("spread", Number(0.1, 1000), default=10, doc="uncertainty of AI answers"),
    F("clauses", ListOf(CLAUSE, 1, 30), True),   # the desk weighs every draft one clause away from the current
    F("ai", MapOf(Ref("power"), PARTY_AI), default={}),
    F("on_sign", EFFECTS, default=()),
    F("signed_at", Text(100), default="", doc="where it is signed, for the signing card (e.g. Moscow)"),
    F("signed_in_history", Date(), doc="the day it was signed in history, for the ending's comparison with this "
                                       "game's signature"),
], build=Offer, kind="offer", check_more=_offer_checks)

ACTION = Struct("action", [
    F("id", Ident(), True),
    F("power", Ref("power"), True),
    F("name", Text(200), True),
    F("text", Text(4000), default=""),
    F("cost", Int(0, 20), default=1),
    F("once", Bool(), default=False),
    F("cooldown", Int(0, 52), default=0, doc="weeks before it can be taken again"),
    F("requires", CONDITION),
    F("why_not", Text(500), doc="what the player reads while `requires` does not hold, unless the failing part "
                          "has a why_not of its own (default: generated)"),
    F("effects", EFFECTS, default=()),
    F("hidden_effects", EFFECTS, default=()),
    F("sources", ListOf(Ref("source")), default=()),
    F("confirm", Bool(), default=False,
      doc="a step that cannot be taken back (a front end asks before it is taken); derived for ending the game"),
], build=ActionDef, kind="action")

CHOICE = Struct("choice", [
    F("id", Ident(), True),
    F("text", Text(2000), True),
    F("effects", EFFECTS, default=()),
    F("ai_weight", Number(0, 1000), default=1),
    F("default", Bool(), default=False, doc="the passive choice"),
    F("confirm", Bool(), default=False,
      doc="a step that cannot be taken back (a front end asks before it is taken); derived for ending the game"),
], build=Choice, kind="option", scope_kind="event")


def _event_checks(out: dict, raw: LocDict, ctx: Context) -> None:
    if out["choices"] and sum(c.default for c in out["choices"]) > 1:
        ctx.error(raw.at("choices"), "only one choice can be the default")
    if out["chooser"] and not out["choices"]:
        ctx.error(raw.at("chooser"), "a chooser without choices")


EVENT = Struct("event", [
    F("id", Ident(), True),
    F("title", Text(200), True),
    F("date", Date(), doc="fires in the week containing this date"),
    F("when", CONDITION, doc="fires while this holds"),
    F("chance", Number(0, 1), default=1.0),
    F("repeat", Bool(), default=False),
    F("visible_to", ListOf(Ref("power"), 1), doc="who sees it (default: everybody)"),
    F("text", Text(), True),
    F("sources", ListOf(Ref("source")), default=()),
    F("effects", EFFECTS, default=()),
    F("chooser", Ref("power")),
    F("choices", ListOf(CHOICE), default=()),
    F("injectable", Bool(), default=False,
      doc="a teacher may bring it into the current week from the teacher's console, with a note why"),
], build=EventDef, kind="event", check_more=_event_checks)

MARK_KINDS = ("front", "guarantee", "mobilisation", "note")
MAP_MARK = Struct("map mark", [
    F("id", Ident(), True),
    F("at", Ident(), True, doc="a city id of the scenario's map or of one of its insets"),
    F("text", Text(120), True, doc="what the sign says, beside it"),
    F("kind", Enum(*MARK_KINDS), default="note", doc="how it is drawn: " + ", ".join(MARK_KINDS)),
    F("when", CONDITION, doc="shown while this holds (default: always)"),
    F("visible_to", ListOf(Ref("power"), 1), doc="who sees it (default: everybody)"),
], build=MapMark, kind="map_mark")

OUTCOME = Struct("outcome", [
    F("id", Ident(), True),
    F("title", Text(200), True),
    F("when", CONDITION),
    F("deadline", Bool(), default=False, doc="the ending when the calendar runs out"),
    F("historical", Bool(), default=False),
    F("summary", Text(2000), default=""),
    F("epilogue", Text(), default=""),
    F("comparison", Text(), default=""),
    F("effects", EFFECTS, default=()),
    F("questions", ListOf(Text(1000)), default=()),
    F("sources", ListOf(Ref("source")), default=()),
], build=Outcome, kind="outcome")

POLICY = Struct("policy", [
    F("id", Ident(), True),
    F("power", Ref("power"), True),
    F("description", Text(2000), default=""),
    *PLAN_FIELDS,
], build=lambda id, power, description, **plan: Policy(id, power, description, Plan(**plan)),
    kind="policy", check_more=_plan_checks)

def _calendar_checks(out: dict, raw: LocDict, ctx: Context) -> None:
    if out["end"] <= out["start"]:
        ctx.error(raw.at("end"), "the end must come after the start")
    elif Calendar(**out).last_turn > MAX_TURNS:
        ctx.error(raw.at("end"), f"the calendar has {Calendar(**out).last_turn:,} turns of {out['turn_days']} "
                                 f"day(s); the limit is {MAX_TURNS}")


RECORD_ENTRY = Struct("record entry", [
    F("date", Date(), True, doc="the day the power took the decision"),
    F("power", Ref("power"), True),
    F("text", Text(500), True, doc="what it decided, in a line"),
    F("source", Ref("source"), True, doc="the source card that documents it"),
], build=RecordEntry)

CHECKPOINT = Struct("checkpoint", [
    F("id", Ident(), True),
    F("date", Date(), True, doc="the lesson starts or stops at the start of the week that contains it"),
    F("title", Text(200), True),
    F("note", Text(2000), default="", doc="for the teacher: what the class faces from here"),
], build=Checkpoint, kind="checkpoint")

CALENDAR = Struct("calendar", [
    F("start", Date(), True), F("end", Date(), True), F("turn_days", Int(1, 366), default=7),
], build=Calendar, check_more=_calendar_checks, doc=f"the turns of the game: at most {MAX_TURNS}")

TEXTS = Struct("texts", [
    F("title", Text(200), default="", doc="the title screen's big title (default: the scenario's title)"),
    F("subtitle", Text(200), default="", doc="the line under it (default: the player's name and the months)"),
    F("tagline", Text(200), default="", doc="a third, smaller line (default: none)"),
    F("stamp", Text(60), default="", doc="a stamp on the title screen (default: none)"),
    F("role", Text(500), default="", doc="the help's first sentence: whom the player plays "
                                        "(default: 'You run the foreign policy of <player name>.')"),
    F("ends", Text(500), default="", doc="the help's sentence on how the game ends (default: on an outcome, "
                                        "or on the calendar's last day)"),
    F("map_title", Text(100), default="", doc="over the large map, before the date (default: 'The map')"),
], build=Texts, doc="what the window says of the scenario itself; every field is optional")

SCENARIO_FIELDS = [
    F("format", Int(), True, doc="format version: 1"),
    F("id", Ident(), True),
    F("title", Text(200), True),
    F("summary", Text(), default=""),
    F("calendar", CALENDAR, True),
    F("player", Ref("power"), True, doc="the power a single player takes"),
    F("meters", ListOf(METER), default=()),
    F("powers", ListOf(POWER, 1, 30), True),
    F("territories", ListOf(TERRITORY, max_items=300), default=()),
    F("map", Text(300), default="",
      doc="the map the territories are drawn on: a map shipped in assets/map (europe_1939, the default; "
          "europe_1914), a .json map file relative to the scenario (built by tools/build_map.py), or none"),
    F("map_marks", ListOf(MAP_MARK, max_items=100), default=(),
      doc="signs on the map at its cities (a front, a guarantee), each shown while its condition holds"),
    F("perspectives", ListOf(PERSPECTIVE), default=()),
    F("sources", ListOf(SOURCE, max_items=1000), default=()),
    F("offers", ListOf(OFFER, max_items=50), default=()),
    F("actions", ListOf(ACTION, max_items=500), default=()),
    F("events", ListOf(EVENT, max_items=500), default=()),
    F("outcomes", ListOf(OUTCOME, 1), True),
    F("policies", ListOf(POLICY), default=()),
    F("record", ListOf(RECORD_ENTRY, max_items=1000), default=(),
      doc="the documented record: dated decisions each power really took, each citing a source card"),
    F("checkpoints", ListOf(CHECKPOINT, max_items=50), default=(),
      doc="points a lesson can start from (the documented path is played up to them) or stop at"),
    F("texts", TEXTS, default=None, doc="what the window says of the scenario itself (title screen, help, map)"),
]
SCENARIO = Struct("scenario", SCENARIO_FIELDS, doc="A Moscow 1939 scenario file (format 1)")
