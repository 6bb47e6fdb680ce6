"""The game: one scenario, one state, and the single path every action takes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..scenario.model import EventDef, Offer, Scenario
from ..scenario.offices import fill
from . import negotiation, rng, week
from .actions import ACTION_KINDS, OK, Act, Action, Propose, Result, sentence
from .checkpoints import play_to
from .classroom import ClassOptions
from .compiled import Compiled, compiled
from .conditions import explain
from .controllers import Controller, make_controller
from .days import Causes, Diary
from .effects import run_effects
from .ledger import Cause, Change, Ledger
from .notes import note_entries
from .state import GameState, LogEntry, OfferState, Pending, TerritoryState
from .table import Table
from .teacher import TEACHER_KINDS  # noqa: F401  (registers the teacher's kinds of action)


class Game:
    """A game in progress. Humans submit actions; AI controllers act when a week resolves."""

    def __init__(self, scenario: Scenario, state: GameState, humans: Iterable[str] = (),
                 policies: dict[str, str] | None = None, options: ClassOptions | None = None, trace: bool = False):
        self.sc = scenario
        self.st = state
        self.options = options or ClassOptions()   # a class game's options (classroom.py); saved with the game
        self.cx: Compiled = compiled(scenario)
        wanted = set(humans)
        self.seats: tuple[str, ...] = tuple(p.id for p in scenario.powers if p.id in wanted)   # people's powers
        self.given_policies = dict(policies or {})
        self.reseat()
        self.record: list[Action] = []
        self.unlocked = set(state.unlocked)
        # a game with people, or one traced on request (`run`): causes kept
        self.ledger: Ledger | None = Ledger(state) if self.humans or trace else None
        self.table = Table(scenario, state, self.cx)
        self.diary = Diary(state.log, state.turn, self.cx.starts)   # this week's days, for an AI's action
        self.next_free: dict[str, int] = Act.next_free(self)   # scenario action id -> first week it may be taken again

    def reseat(self) -> None:
        """Who plays each power now: the seats' teams, but for the seats the teacher handed to a policy
        (`st.ai_seats`); every other power its given policy (the scenario's AI by default)."""
        sc, handed = self.sc, self.st.ai_seats
        self.humans: tuple[str, ...] = tuple(p for p in self.seats if p not in handed)
        self.policies = {p.id: handed.get(p.id) or self.given_policies.get(p.id, "ai")
                         for p in sc.powers if p.id not in self.humans}
        self.controllers: dict[str, Controller] = {
            power: make_controller(sc, power, policy) for power, policy in self.policies.items()
        }
        self.ai_turns = [(p.id, self.controllers[p.id]) for p in sc.powers if p.id in self.controllers]

    # ----------------------------------------------------------------- creation
    @classmethod
    def new(cls, scenario: Scenario, seed: int = 0, humans: Iterable[str] = (),
            policies: dict[str, str] | None = None, options: ClassOptions | None = None, trace: bool = False) -> Game:
        """Start a game: set up the state and fire the first week's events (with `trace`, keep every change's cause
        even without people, as the ledger of a game with people does)."""
        sc = scenario
        start = compiled(sc).start
        state = GameState(
            seed=seed,
            rng=rng.seed_state(seed),
            turn=1,
            meters=dict(start.meters),
            trust={power: dict(row) for power, row in start.trust.items()},
            territories={t: TerritoryState(place.owner, place.sphere) for t, place in start.territories.items()},
            offers={o: OfferState(offer.status, list(offer.clauses)) for o, offer in start.offers.items()},
            people={power: {role: list(who) for role, who in roles.items()} for power, roles in start.people.items()},
            reply_weeks=dict(start.reply_weeks),
            budget={},
            unlocked=list(start.unlocked),
        )
        game = cls(sc, state, humans, policies, options, trace)
        state.history.append(dict(state.meters))
        week.begin(game)
        if game.options.start:   # a lesson that starts at a checkpoint: the documented path up to it
            play_to(game, game.options.start)
        return game

    # ------------------------------------------------------------------ queries
    @property
    def state(self) -> GameState:
        return self.st

    @property
    def scenario(self) -> Scenario:
        return self.sc

    @property
    def over(self) -> bool:
        return self.st.outcome is not None

    @property
    def date(self) -> dt.date:
        return self.sc.calendar.turn_start(self.st.turn)

    def pending_choices(self, power: str) -> list[EventDef]:
        if not self.st.pending:
            return []
        return [self.sc.event(p.event) for p in self.st.pending if p.power == power]

    def waiting_for(self) -> list[str]:
        """Human powers that have not yet ended the week."""
        return [] if self.over else [p for p in self.humans if p not in self.st.ended]

    def inbox(self, power: str | None) -> list[LogEntry]:
        """Log entries this power may see (all of them for None: the facilitator); once the game is over, none
        dated after its end. (A week's dated events fire at its start, before anyone acts; a treaty signed
        earlier in that week by a power acting on its own day ends the game before theirs.)"""
        st = self.st
        until = st.end_date if st.outcome is not None and st.end_date else None
        return [e for e in st.log if e.visible(power) and (until is None or e.date <= until)]

    @property
    def changes(self) -> list[Change]:
        """Every change of a gauge or of trust so far, with its cause (none kept in a game without people)."""
        return self.ledger.changes if self.ledger is not None else []

    def drafts_for(self, power: str) -> list[str]:
        """Offers whose current draft has reached this power and awaits its answer (Table.drafts_for)."""
        return self.table.drafts_for(power)

    def predict(self, offer_id: str, clauses: Iterable[str], by: str) -> dict[str, tuple[float, float] | None]:
        """Each other party's likely answer to a draft, as a probability range (None: a human decides): the
        table's own rule (answer_score) for the draft as the table would hold it, in the week the party answers."""
        offer = self.sc.offer(offer_id)
        draft = tuple(clauses)
        return {p: None if p in self.humans
                else negotiation.odds_range(self.answer_score(offer, p, draft, self.answer_weeks(offer_id, p, draft)),
                                            offer.spread)
                for p in offer.parties if p != by}

    def answer_score(self, offer: Offer, party: str, clauses: Iterable[str], weeks: int = 0) -> float:
        """How an AI party scores a draft when it answers it (controllers.ai_answer), `weeks` weekly drifts from now:
        the draft in the table's normal form, weighed with the party's trust and urgency then."""
        st = negotiation.drifted(self.st, self.cx.drifts, weeks)
        return self.cx.score(offer, party, self.cx.normal_form(offer, clauses), st)

    def answer_weeks(self, offer_id: str, party: str, clauses: Iterable[str]) -> int:
        """The weekly drifts before the party answers this draft: the draft on the table when it reaches the
        party, any other one after the party's reply time."""
        st = self.st
        ostate = st.offers[offer_id]
        if ostate.status == "proposed" and party in ostate.waiting and set(clauses) == set(ostate.clauses):
            return max(0, ostate.waiting[party] - st.turn)
        return st.reply_weeks.get(party, 0)

    def leanings(self, offer_id: str, clauses: Iterable[str], party: str) -> list[str]:
        """What weighs most with an AI party about a draft, in words (see negotiation.leanings)."""
        offer = self.sc.offer(offer_id)
        names = {p.id: p.short for p in self.sc.powers}
        gauges = {m.id: m.name for m in self.sc.meters if not m.hidden}
        addable = {c.id for c in offer.clauses if self.clause_refusal(offer_id, c.id) is None}
        own = self.table.agreed_by(offer_id, party)
        return negotiation.leanings(offer, party, clauses, self.st, names, gauges, addable, own)

    def blocker(self, offer_id: str, clauses: Iterable[str], party: str, weeks: int | None = None) -> str:
        """What stands most in the way of an AI party accepting a draft, in words the player can act on, when it
        answers (`weeks` weekly drifts from now; by default when the draft would reach it)."""
        offer = self.sc.offer(offer_id)
        clauses = tuple(clauses)
        weeks = self.answer_weeks(offer_id, party, clauses) if weeks is None else weeks
        st = negotiation.drifted(self.st, self.cx.drifts, weeks)
        term, clause = negotiation.blocker(offer, party, clauses, st, self.table.agreed_by(offer_id, party))
        return negotiation.blocker_words(offer, party, term, clause, {p.id: p.short for p in self.sc.powers})

    def legal_actions(self, power: str) -> list[Action]:
        """Every action this power may take now (proposals: the current draft and one-clause changes)."""
        if self.over or power not in self.sc.index["powers"]:
            return []
        return [action for kind in ACTION_KINDS.values() for action in kind.candidates(self, power)
                if self.check(action, False) is OK]

    def clause_refusal(self, offer_id: str, clause_id: str) -> str | None:
        """Why a clause that is not in the draft cannot be added now (None: it can)."""
        offer = self.sc.offer(offer_id)
        clause = offer.clause(clause_id)
        if clause_id in self.st.offers[offer_id].clauses or self.cx.available[(offer_id, clause_id)](self.st):
            return None
        return sentence(explain(clause.available, self.sc, self.st, default=clause.why_not) or "not available")

    # ------------------------------------------------------------------- checks
    def check(self, action: Action, explain_why: bool = True) -> Result:
        """Whether the action is legal now; if not, a reason a player can read (`explain_why=False`: skip the wording)."""
        st, power = self.st, action.power
        if st.outcome is not None:
            return Result(False, "The game is over.")
        kind = ACTION_KINDS.get(action.kind)
        if kind is not None and kind.teacher:
            return kind.check(self, action, explain_why)
        if power not in self.sc.index["powers"]:
            return Result(False, f"There is no power {power!r}.")
        if kind is None:
            return Result(False, f"Unknown kind of action {action.kind!r}.")
        if (st.pending or st.ended) and not kind.answers_question:   # (neither while the AI acts)
            waiting = self.pending_choices(power)
            if waiting:
                return Result(False, f"First answer ‘{waiting[0].title}’.")
            if power in st.ended:
                return Result(False, self.sc.calendar.words(f"{self.short(power)} has already ended this week."))
        return kind.check(self, action, explain_why)

    def reason_refusal(self, action: Action) -> str:
        """Why a person's decision may not be taken without a reason in this class ("" if it may)."""
        if self.options.require_reason and ACTION_KINDS[action.kind].logs and not action.why:
            return "This class gives a reason for every decision: write one first."
        return ""

    def short(self, power: str) -> str:
        """A power's short name, for messages."""
        return self.sc.power(power).short

    def propose_cost(self, power: str, offer: Offer) -> int:
        """Action points to send a draft: answering a draft with a counter-draft is free; opening a round costs."""
        return Propose.cost(self, power, offer)

    # ---------------------------------------------------------------- applying
    def submit(self, action: Action) -> Result:
        """Apply a human's action if legal, record it, and resolve the week when everyone has ended it."""
        result = self.check(action)
        if not result.ok:
            return result
        refusal = self.reason_refusal(action)
        if refusal:
            return Result(False, refusal)
        self.record.append(action)
        start = len(self.st.log)
        self.perform(action, checked=True)
        if action.why or action.votes:
            note_entries(self.st.log[start:], action, ACTION_KINDS[action.kind].logs)
        if ACTION_KINDS[action.kind].ends_week and not self.waiting_for() and not self.over:
            self.resolve_week()
        return OK

    def perform(self, action: Action, checked: bool = False, causes: Causes | None = None) -> Result:
        """Apply any controller's action (the one path for humans and AI). A person acts on the week's clock,
        having seen what came so far; an AI power acts on the day what prompted it allows (days.Diary.act):
        `causes`, given by a plan step (its rule's and the action's own), else the action's own prompts; in a
        game with people, never before the clock, so that nothing they had not seen is dated among what they had."""
        if not checked:
            result = self.check(action, False)
            if not result.ok:
                return result
        kind, st = ACTION_KINDS[action.kind], self.st
        if action.power in self.humans or kind.teacher:
            kind.perform(self, action)
            return OK
        clock, diary = st.today, self.diary   # the clock is on or after every entry of the week so far
        causes = kind.prompts(self, action) if causes is None else causes
        if self.humans:   # people have read the week up to the clock: what they did not see comes after it
            causes = causes | (frozenset({clock}), frozenset())
        st.today = diary.act(st.turn, action.power, causes)
        if st.today < clock:
            diary.shuffled = True
        kind.perform(self, action)
        if clock > st.today:
            st.today = clock
        return OK

    # ------------------------------------------------------------- negotiation (see table)
    def normalized(self, offer: Offer, clauses: Iterable[str]) -> list[str]:
        """A draft in clause order, with required clauses and every clause the chosen ones need."""
        return list(self.cx.normal_form(offer, clauses))

    @property
    def awaiting(self) -> dict[str, set[str]]:
        """Each power's offers with a draft waiting for its answer (Table.awaiting)."""
        return self.table.awaiting

    @property
    def any_treaty_signed(self) -> bool:
        return self.table.any_signed

    def accept(self, offer: Offer, power: str) -> None:
        """The power accepts the draft; once every party has, it is signed."""
        if self.table.accept(offer, power):
            self.sign(offer)

    def sign(self, offer: Offer) -> None:
        """Sign the current draft (Table.sign), then apply its clauses' effects and the offer's."""
        if not self.table.sign(offer):
            return
        effects = self.cx.effects
        signing = Cause("sign", offer.id)
        for clause_id in list(self.st.offers[offer.id].clauses):
            run_effects(self, effects["clause", offer.id, clause_id], signing)
        run_effects(self, effects["offer", offer.id], signing)
        week.check_outcomes(self)

    # ---------------------------------------------------------------- events
    def fire(self, event: EventDef, date: str | None = None) -> None:
        """Fire an event now: log it, unlock its sources, apply its effects, ask for a choice."""
        st, ident = self.st, event.id
        st.fired[ident] = st.turn
        saved = st.today
        today = st.today = date or self.cx.event_dates.get(ident, saved)
        st.log.append(LogEntry(st.turn, today, "event", event.title, fill(event.text, st.people), None, ident,
                               event.visible_to or None, event.sources))
        if event.sources and not self.unlocked.issuperset(event.sources):
            self.unlock(event.sources)
        run_effects(self, self.cx.on_fire[ident], Cause("event", ident))
        if event.choices and st.outcome is None:
            chooser = event.chooser or self.sc.player
            if chooser in self.humans:
                st.pending.append(Pending(ident, chooser, st.today))
            else:
                self.choose(event, self.controllers[chooser].choose(self, chooser, event), chooser)
        if saved > st.today:  # see clock_on
            st.today = saved

    def choose(self, event: EventDef, option_id: str, power: str) -> None:
        choice = event.by_id[option_id]
        self.st.chosen[event.id] = option_id
        said = fill(choice.text, self.st.people)
        self.log("choice", f"{self.sc.power(power).short}: {said}", power=power, ref=event.id,
                 visible_to=event.visible_to or None)
        run_effects(self, self.cx.effects["choice", event.id, option_id], Cause("choice", event.id, power))

    def unlock(self, sources: Iterable[str]) -> None:
        """Add source cards to the archive (in the order they were first met)."""
        for source in sources:
            if source not in self.unlocked:
                self.unlocked.add(source)
                self.st.unlocked.append(source)

    # ------------------------------------------------------------------ turns (see week)
    def continue_week(self) -> None:
        """Go on with the week's events after a human's answer (week.carry_on)."""
        week.carry_on(self)

    def resolve_week(self) -> None:
        """Every human has ended the week: the AI powers act and the calendar moves on (week.resolve)."""
        week.resolve(self)

    def check_outcomes(self) -> None:
        week.check_outcomes(self)

    def end(self, outcome_id: str, date: str | None = None) -> None:
        """End the game with an outcome (week.end)."""
        week.end(self, outcome_id, date)

    def run_until_human(self) -> None:
        """With no humans, resolve weeks until the game ends."""
        while not self.over and not self.humans:
            self.resolve_week()

    # ------------------------------------------------------------------ utils
    @property
    def today(self) -> str:
        """The date given to what is logged now (ISO); part of the state, so saves resume it exactly."""
        return self.st.today

    @today.setter
    def today(self, value: str) -> None:
        self.st.today = value

    def clock_on(self, before: str) -> None:
        """Once an event is over, the date is the later of its own and the one before: a dated event moves the
        week's clock on, never back."""
        if before > self.st.today:
            self.st.today = before

    def random(self) -> float:
        self.st.rng, value = rng.draw(self.st.rng)
        return value

    def log(self, kind: str, title: str, text: str = "", *, power: str | None = None, ref: str = "",
            visible_to: tuple[str, ...] | None = None, sources: tuple[str, ...] = (),
            clauses: tuple[str, ...] = ()) -> None:
        self.st.note(kind, title, text, power=power, ref=ref, visible_to=visible_to, sources=sources, clauses=clauses)

