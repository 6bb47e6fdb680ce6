"""What one power may see and do: the read-only view every front end reads (the pygame desk, a browser seat,
a text front end). Every answer is plain data (dataclasses of primitives, `to_json` ready) computed from the
engine through Game's public API; nothing here changes the game, and nothing shows one power another's secrets
(hidden gauges, other powers' secret aims, the drafts and secret clauses of treaties it is no party to)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Any

from ..scenario.model import with_article
from ..scenario.offices import fill
from ..scenario.vocabulary import OfferStatus
from . import negotiation
from .actions import ACTION_KINDS, Action, Result
from .classroom import ClassOptions
from .compiled import played_weeks
from .conditions import compile_condition
from .consequences import consequences, described
from .game import Game
from .report import ChangeView, better, changes_seen, reply_line
from .settled import settled
from .signing import Signing, signing
from .state import LogEntry

ANSWERS = ("accept", "reject", "stall")


@dataclass(frozen=True, slots=True)
class Week:
    """The date and turn as the power sees them, and what it has left to spend."""

    turn: int
    last_turn: int          # the last week anyone acts in ("week turn of last_turn"); the game may end in the next
    start: str              # ISO date of the week's first day
    end: str                # ISO date of its last day
    today: str              # the day the power stands on: the week's start, or its latest news (never before it)
    points_left: int
    points_per_week: int
    over: bool
    outcome: str | None
    end_date: str | None
    seed: int


@dataclass(frozen=True, slots=True)
class Gauge:
    """A meter the power may see (hidden meters never appear)."""

    id: str
    name: str
    description: str
    value: float
    min: float
    max: float
    start: float
    drift: float
    good: str               # the direction good for the gauge's own power ("high" or "low")
    power: str | None       # whose gauge it is (None: a world gauge)
    interest: str           # whose interest it measures ("" if the scenario does not say)
    good_when: str          # for the viewing power: "higher", "lower" or "none" (it measures another's interest)

    @property
    def better(self) -> str:
        """Which way the gauge is good for the viewer, in words."""
        return better(self.good_when, self.interest)

    @property
    def standing(self) -> str:
        """For the viewer: "good" if the gauge has moved its way since the start, "bad" if the other way, ""
        if it has not moved or neither way is the viewer's. A rising threat is never good."""
        if self.good_when == "none" or self.value == self.start:
            return ""
        return "good" if (self.value > self.start) == (self.good_when == "higher") else "bad"


@dataclass(frozen=True, slots=True)
class PowerInfo:
    """What the power knows of one power: names, colour, public aims, people, and trust both ways."""

    id: str
    name: str
    short: str
    color: str
    objectives: tuple[str, ...]
    people: tuple[tuple[str, str], ...]      # (name, title) by role
    reply_weeks: int
    theirs: float           # its trust in the viewing power (50 for the viewer itself)
    mine: float             # the viewing power's trust in it


@dataclass(frozen=True, slots=True)
class Briefing:
    """The power's own briefing, with its public and secret aims."""

    name: str
    text: str
    objectives: tuple[str, ...]
    secret_objectives: tuple[str, ...]
    actions_per_turn: int


@dataclass(frozen=True, slots=True)
class Holding:
    """Who holds a territory and in whose sphere it lies."""

    owner: str | None
    sphere: str | None


@dataclass(frozen=True, slots=True)
class MarkView:
    """A sign on the map the power sees now: at a city of the map, what it says, how it is drawn."""

    id: str
    at: str
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Question:
    """An event waiting for the power's choice."""

    event: str
    title: str
    date: str
    options: tuple[str, ...]
    consequences: tuple[tuple[str, ...], ...] = ()   # each option's known consequences (none hidden by the class)
    text: str = ""                                   # with the names of who holds each office now
    choices: tuple[str, ...] = ()                    # each option's text, likewise


@dataclass(frozen=True, slots=True)
class ActionView:
    """One of the power's scenario actions: whether it can be taken now, and if not, why."""

    id: str
    name: str
    text: str
    consequences: tuple[str, ...]
    cost: int
    available: bool
    reason: str             # why not ("" when available)
    done_this_week: bool
    settled: str = ""       # why it can never be taken again ("": it may be; done for good, or decided: settled.py)


@dataclass(frozen=True, slots=True)
class OfferView:
    """A treaty the power is party to (or watches), as it stands on the table."""

    id: str
    name: str
    description: str
    parties: tuple[str, ...]
    status: OfferStatus
    clauses: tuple[str, ...]
    proposer: str | None
    accepted: tuple[str, ...]
    waiting: tuple[tuple[str, int], ...]     # (power, from which week it may answer)
    rounds: int
    awaits_me: bool
    propose_cost: int
    answers: tuple[tuple[str, str], ...]     # (accept/reject/stall, why not: "" when it may)
    watching: bool = False  # an observer: it reads the drafts (never their secret clauses) and cannot act

    @property
    def editable(self) -> bool:
        return self.status in (OfferStatus.OPEN, OfferStatus.PROPOSED)

    @property
    def the(self) -> str:
        """The name with its article inside a sentence ("the Treaty of Rapallo", never "the The ...")."""
        return with_article(self.name)

    def refusal(self, kind: str) -> str:
        """Why the power may not answer so ("" if it may)."""
        return dict(self.answers)[kind]


@dataclass(frozen=True, slots=True)
class ClauseView:
    """A clause of a treaty the power is party to, and whether it can be put in a draft now."""

    id: str
    name: str
    text: str
    required: bool
    secret: bool
    effects: tuple[str, ...]
    refusal: str            # why it cannot be raised now ("" if it can)


@dataclass(frozen=True, slots=True)
class Odds:
    """One other party's likely answer to a draft (low and high are None when a human decides; both 1 when it
    sent or accepted this very draft, which is on the table)."""

    party: str
    low: float | None
    high: float | None
    leanings: tuple[str, ...]
    stand: str = ""         # "sent" or "accepted": this draft is on the table and the party stands by it
    blocker: str = ""       # when it has almost no chance: what stands most in the way, in words


NEAR_ZERO = 0.2   # odds whose upper end is below this name their blocker


@dataclass(frozen=True, slots=True)
class DraftView:
    """A draft the power might send: whether it may, what it costs, and how the others would likely answer."""

    offer: str
    clauses: tuple[str, ...]
    refusal: str            # why it cannot be proposed ("" if it can)
    cost: int
    differs: bool           # from the draft on the table
    odds: tuple[Odds, ...]  # (none when the class hides the odds)


def to_json(value: Any) -> Any:
    """A view's answer as JSON-ready data (dataclasses become dicts, tuples lists)."""
    if hasattr(value, "__dataclass_fields__"):   # (field by field: `asdict` would deep-copy every value first)
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


class PowerView:
    """The game as one power sees it, and what it may do; a front end reads this and submits actions."""

    def __init__(self, game: Game, power: str):
        self.game, self.power = game, power
        self.sc = game.scenario

    # ------------------------------------------------------------ the week
    def week(self) -> Week:
        st, cal = self.game.state, self.sc.calendar
        start = cal.turn_start(st.turn).isoformat()
        today = start
        for e in reversed(st.log):   # this week's entries are the last ones
            if e.turn != st.turn:
                break
            if e.date > today and e.visible(self.power):
                today = e.date
        return Week(st.turn, played_weeks(self.sc), start, cal.turn_end(st.turn).isoformat(), today,
                    st.budget.get(self.power, 0), self.sc.power(self.power).actions_per_turn, self.game.over,
                    st.outcome, st.end_date, st.seed)

    def gauges(self) -> list[Gauge]:
        meters = self.game.state.meters
        return [Gauge(m.id, m.name, m.description, meters[m.id], m.min, m.max, m.start, m.drift, m.good, m.power,
                      m.interest, m.good_when(self.power))
                for m in self.sc.meters if m.shown(self.power)]

    def history(self) -> list[dict[str, float]]:
        """The gauges the power sees, week by week."""
        shown = [m.id for m in self.sc.meters if m.shown(self.power)]
        return [{k: row[k] for k in shown if k in row} for row in self.game.state.history]

    def powers(self) -> list[PowerInfo]:
        st, me = self.game.state, self.power
        return [PowerInfo(p.id, p.name, p.short, p.color, p.objectives,
                          tuple((who[0], who[1]) for who in st.people.get(p.id, {}).values() if who)
                          + tuple((who.name, who.title) for who in p.people),
                          st.reply_weeks.get(p.id, p.reply_weeks),
                          st.trust[p.id].get(me, 50) if p.id != me else 50.0,
                          st.trust[me].get(p.id, 50) if p.id != me else 50.0)
                for p in self.sc.powers]

    def briefing(self) -> Briefing:
        me = self.sc.power(self.power)
        return Briefing(me.name, me.briefing, me.objectives, me.secret_objectives, me.actions_per_turn)

    def inbox(self) -> list[LogEntry]:
        """Everything that reached the power, oldest first; another power's reasons and votes stay with it."""
        me = self.power
        return [replace(e, why="", votes=()) if (e.why or e.votes) and e.power != me else e
                for e in self.game.inbox(me)]

    def signing(self) -> Signing | None:
        """The treaty whose signature ended the game, as the power may read it (None if none did)."""
        return signing(self.game, self.power)

    def changes(self) -> list[ChangeView]:
        """Every change of a gauge the power sees and of trust to or from it, with its cause, oldest first."""
        return changes_seen(self.sc, self.game.changes, self.power, self.game.seats)

    def reply(self, entry: LogEntry) -> str:
        """Another party's answer to a draft this power sent, in one line: who, what and why (else "")."""
        reasons = self.game.ledger.reasons if self.game.ledger else {}
        return reply_line(self.sc, self.game.state.log, entry, self.power, reasons)

    def sources(self) -> list[str]:
        """The source cards unlocked so far, in the order they were met."""
        return [x for x in self.game.state.unlocked if x in self.sc.index["sources"]]

    def territories(self) -> dict[str, Holding]:
        return {k: Holding(v.owner, v.sphere) for k, v in self.game.state.territories.items()}

    def map_marks(self) -> list[MarkView]:
        """The scenario's signs on the map that hold now and that the power may see."""
        st = self.game.state
        return [MarkView(m.id, m.at, m.text, m.kind) for m in self.sc.map_marks
                if (m.visible_to is None or self.power in m.visible_to) and compile_condition(m.when, self.sc)(st)]

    def questions(self) -> list[Question]:
        return [self.question(p.event, p.date) for p in self.game.state.pending if p.power == self.power]

    def question(self, event_id: str, date: str = "") -> Question:
        """An event's question with each option's known consequences, as this power would be asked it."""
        event, people = self.sc.event(event_id), self.game.state.people
        return Question(event.id, event.title, date, tuple(c.id for c in event.choices),
                        tuple(self._consequences(c.effects, now=True) for c in event.choices),
                        fill(event.text, people), tuple(fill(c.text, people) for c in event.choices))

    # ------------------------------------------------------------ the class
    def classroom(self) -> ClassOptions:
        """The class's options as a seat may see them (no PIN); the class code is `week().seed`."""
        return self.game.options.public()

    def needs_reason(self, action: Action) -> str:
        """Why this decision may not be taken without a reason in this class ("" if it may)."""
        return self.game.reason_refusal(action)

    def _consequences(self, effects: Any, hidden: Any = (), now: bool = False) -> tuple[str, ...]:
        """Effects in words (`now`: what they would change now, hidden ones included; see consequences.py), or
        nothing when the class hides known consequences."""
        if self.game.options.hide_consequences:
            return ()
        if now:
            return tuple(consequences(self.sc, self.game.state, self.power, effects, hidden))
        return tuple(described(effects, self.sc))

    # ------------------------------------------------------------- actions
    def actions(self) -> list[ActionView]:
        """Every scenario action of the power, each with whether it may be taken now and why not."""
        st = self.game.state
        found = []
        for d in self.sc.actions_of(self.power):
            result = self.game.check(Action("act", self.power, d.id))
            said = self._consequences(d.effects, d.hidden_effects, now=True)
            found.append(ActionView(d.id, d.name, d.text, said, d.cost, result.ok, result.reason,
                                    st.taken.get(d.id) == st.turn, "" if result.ok else settled(self.sc, self.game.cx, st, d)))
        return found

    def check(self, action: Action) -> Result:
        """Whether the power may take this action now, and if not, a reason it can read."""
        if action.power != self.power:
            return Result(False, "Not your power.")
        return self.game.check(action)

    def irreversible(self, action: Action) -> str:
        """Why this legal action cannot be taken back, in words; a front end asks before taking it ("": it can)."""
        return ACTION_KINDS[action.kind].irreversible(self.game, action)

    def legal_actions(self) -> list[Action]:
        return self.game.legal_actions(self.power)

    # --------------------------------------------------------- negotiation
    def offers(self) -> list[OfferView]:
        """The treaties the power is party to, in the scenario's order."""
        return [self.offer(o.id) for o in self.sc.offers if self.power in o.parties]

    def drafts(self) -> list[str]:
        """Offers whose draft has reached the power and awaits its answer."""
        return self.game.drafts_for(self.power)

    def watched(self) -> list[OfferView]:
        """The talks the power watches as an observer, in the scenario's order."""
        return [self.offer(o.id) for o in self.sc.offers if self.power in o.observers]

    def offer(self, offer_id: str) -> OfferView:
        """A treaty the power is party to or watches (an observer does not see its secret clauses)."""
        offer = self._offer(offer_id, watching=True)
        ostate = self.game.state.offers[offer_id]
        watching = self.power not in offer.parties
        answers = tuple((kind, self.game.check(Action(kind, self.power, offer_id)).reason) for kind in ANSWERS)
        shown = tuple(c for c in ostate.clauses if not (watching and offer.clause(c).secret))
        return OfferView(offer.id, offer.name, offer.description, offer.parties, OfferStatus(ostate.status), shown,
                         ostate.proposer, tuple(ostate.accepted), tuple(ostate.waiting.items()), ostate.rounds,
                         offer_id in self.drafts(), self.game.propose_cost(self.power, offer), answers, watching)

    def clauses(self, offer_id: str) -> list[ClauseView]:
        """The clauses of a treaty the power is party to or watches (an observer sees no secret clause)."""
        offer = self._offer(offer_id, watching=True)
        watching = self.power not in offer.parties
        return [ClauseView(c.id, c.name, c.text, c.required, c.secret, self._consequences(c.on_sign),
                           self.game.clause_refusal(offer_id, c.id) or "")
                for c in offer.clauses if not (watching and c.secret)]

    def draft(self, offer_id: str, clauses: Iterable[str]) -> DraftView:
        """What the engine would make of this draft: may it be sent, at what cost, with what odds."""
        offer = self._offer(offer_id)
        draft = tuple(clauses)
        result = self.check(Action("propose", self.power, offer_id, draft))
        odds = []
        predicted = {} if self.game.options.hide_odds else self.game.predict(offer_id, draft, by=self.power)
        for party, rng in predicted.items():
            stand = self.game.table.stand(offer_id, party, draft)
            if stand:
                odds.append(Odds(party, 1.0, 1.0, (), stand))
            elif rng is None:
                odds.append(Odds(party, None, None, ()))
            else:
                blocker = self.game.blocker(offer_id, draft, party) if rng[1] < NEAR_ZERO else ""
                odds.append(Odds(party, rng[0], rng[1], tuple(self.game.leanings(offer_id, draft, party)), "",
                                 blocker))
        on_table = set(self.game.state.offers[offer_id].clauses)
        return DraftView(offer_id, draft, result.reason, self.game.propose_cost(self.power, offer),
                         set(draft) != on_table, tuple(odds))

    def toggle(self, offer_id: str, draft: Iterable[str], clause_id: str) -> tuple[str, ...]:
        """The draft with the clause added (with what it needs) or taken out (with what needs it), by the
        engine's rule; unchanged if the clause cannot be raised now."""
        draft = tuple(draft)
        if clause_id not in draft and self.game.clause_refusal(offer_id, clause_id):
            return draft
        return negotiation.toggle(self._offer(offer_id), draft, clause_id)

    def _offer(self, offer_id: str, watching: bool = False):
        """The offer, if the power is a party to it (or, with `watching`, an observer of it)."""
        offer = self.sc.offer(offer_id)
        if self.power not in offer.parties and not (watching and self.power in offer.observers):
            raise KeyError(f"{self.power} is not a party to {offer_id}")
        return offer

    # ------------------------------------------------------------ the whole
    def snapshot(self) -> dict[str, Any]:
        """Everything the power may see now, as JSON-ready data (what a browser seat or a script is sent)."""
        return to_json({
            "power": self.power, "week": self.week(), "gauges": self.gauges(), "powers": self.powers(),
            "briefing": self.briefing(), "inbox": self.inbox(), "sources": self.sources(),
            "territories": self.territories(), "map_marks": self.map_marks(), "questions": self.questions(), "actions": self.actions(),
            "offers": self.offers(), "watched": self.watched(), "drafts": self.drafts(), "changes": self.changes(),
            "clauses": {o.id: self.clauses(o.id) for o in self.offers() + self.watched()},
            "odds": {o.id: self.draft(o.id, o.clauses) for o in self.offers() if o.editable},
        })

