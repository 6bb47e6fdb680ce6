"""The game: one scenario, one state, and the single path every action takes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..scenario.model import ActionDef, EventDef, Offer, Scenario
from . import negotiation, rng
from .actions import ACTION_KINDS, OK, Act, Action, Propose, Result, sentence
from .compiled import Compiled, compiled
from .conditions import explain
from .controllers import Controller, make_controller
from .effects import clamp, run_effects
from .notes import note_entries
from .state import GameState, LogEntry, OfferState, Pending, TerritoryState


class Game:
    """A game in progress. Humans submit actions; AI controllers act when a week resolves."""

    def __init__(self, scenario: Scenario, state: GameState, humans: Iterable[str] = (),
                 policies: dict[str, str] | None = None):
        self.sc = scenario
        self.st = state
        self.cx: Compiled = compiled(scenario)
        wanted = set(humans)
        self.humans: tuple[str, ...] = tuple(p.id for p in scenario.powers if p.id in wanted)
        self.policies = {p.id: (policies or {}).get(p.id, "ai") for p in scenario.powers if p.id not in self.humans}
        self.controllers: dict[str, Controller] = {
            power: make_controller(scenario, power, policy) for power, policy in self.policies.items()
        }
        self.record: list[Action] = []
        self.ai_turns = [(p.id, self.controllers[p.id]) for p in scenario.powers if p.id in self.controllers]
        self.unlocked = set(state.unlocked)
        self.any_treaty_signed = any(offer.status == "signed" for offer in state.offers.values())  # never undone
        self.next_free: dict[str, int] = Act.next_free(self)   # scenario action id -> first week it may be taken again
        self.awaiting: dict[str, set[str]] = {p.id: set() for p in scenario.powers}  # see set_waiting
        for offer_id, offer in state.offers.items():
            for power in offer.waiting:
                self.awaiting.setdefault(power, set()).add(offer_id)

    # ----------------------------------------------------------------- creation
    @classmethod
    def new(cls, scenario: Scenario, seed: int = 0, humans: Iterable[str] = (),
            policies: dict[str, str] | None = None) -> Game:
        """Start a game: set up the state and fire the first week's events."""
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
        game = cls(sc, state, humans, policies)
        state.history.append(dict(state.meters))
        game._begin_turn()
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
        """Log entries this power may see (all of them for None: the facilitator)."""
        return [e for e in self.st.log if e.visible(power)]

    def drafts_for(self, power: str) -> list[str]:
        """Offers whose current draft has reached this power and awaits its answer."""
        if not self.awaiting.get(power):
            return []
        turn, offers = self.st.turn, self.st.offers
        found = []
        for oid in self.cx.offers_of.get(power, ()):
            offer = offers[oid]
            if offer.status == "proposed" and power in offer.waiting and offer.waiting[power] <= turn:
                found.append(oid)
        return found

    def predict(self, offer_id: str, clauses: Iterable[str], by: str) -> dict[str, tuple[float, float] | None]:
        """Each other party's likely answer to a draft, as a probability range (None: a human decides)."""
        offer = self.sc.offer(offer_id)
        draft = tuple(clauses)
        return {p: None if p in self.humans else negotiation.likely_range(offer, p, draft, self.st)
                for p in offer.parties if p != by}

    def leanings(self, offer_id: str, clauses: Iterable[str], party: str) -> list[str]:
        """What weighs most with an AI party about a draft, in words (see negotiation.leanings)."""
        offer = self.sc.offer(offer_id)
        names = {p.id: p.short for p in self.sc.powers}
        gauges = {m.id: m.name for m in self.sc.meters if not m.hidden}
        addable = {c.id for c in offer.clauses if self.clause_refusal(offer_id, c.id) is None}
        return negotiation.leanings(offer, party, clauses, self.st, names, gauges, addable)

    def legal_actions(self, power: str) -> list[Action]:
        """Every action this power may take now (proposals: the current draft and one-clause changes)."""
        if self.over or power not in self.sc.index["powers"]:
            return []
        return [action for kind in ACTION_KINDS.values() for action in kind.candidates(self, power)
                if self.check(action, False) is OK]

    def unavailable(self, power: str) -> list[tuple[ActionDef, str]]:
        """The power's scenario actions that it cannot take now, with the reason."""
        out = []
        for action in self.sc.actions_of(power):
            result = self.check(Action("act", power, action.id))
            if not result.ok:
                out.append((action, result.reason))
        return out

    def clause_refusal(self, offer_id: str, clause_id: str) -> str | None:
        """Why a clause that is not in the draft cannot be added now (None: it can)."""
        offer = self.sc.offer(offer_id)
        clause = offer.clause(clause_id)
        if clause_id in self.st.offers[offer_id].clauses or self.cx.available[(offer_id, clause_id)](self.st):
            return None
        return clause.why_not or sentence(explain(clause.available, self.sc, self.st) or "not available")

    # ------------------------------------------------------------------- checks
    def check(self, action: Action, explain_why: bool = True) -> Result:
        """Whether the action is legal now; if not, a reason a player can read (`explain_why=False`: skip the wording)."""
        st, power = self.st, action.power
        if st.outcome is not None:
            return Result(False, "The game is over.")
        if power not in self.sc.index["powers"]:
            return Result(False, f"There is no power {power!r}.")
        kind = ACTION_KINDS.get(action.kind)
        if kind is None:
            return Result(False, f"Unknown kind of action {action.kind!r}.")
        if not kind.answers_question:
            waiting = self.pending_choices(power) if st.pending else ()
            if waiting:
                return Result(False, f"First answer ‘{waiting[0].title}’.")
            if power in st.ended:
                return Result(False, f"{self.short(power)} has already ended this week.")
        return kind.check(self, action, explain_why)

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
        self.record.append(action)
        start = len(self.st.log)
        self.perform(action, checked=True)
        if action.why or action.votes:
            note_entries(self.st.log[start:], action, ACTION_KINDS[action.kind].logs)
        if ACTION_KINDS[action.kind].ends_week and not self.waiting_for() and not self.over:
            self.resolve_week()
        return OK

    def perform(self, action: Action, checked: bool = False) -> Result:
        """Apply any controller's action (the one path for humans and AI)."""
        if not checked:
            result = self.check(action, False)
            if not result.ok:
                return result
        ACTION_KINDS[action.kind].perform(self, action)
        return OK

    # ------------------------------------------------------------- negotiation
    def normalized(self, offer: Offer, clauses: Iterable[str]) -> list[str]:
        """A draft in clause order, with required clauses and every clause the chosen ones need."""
        return list(self.cx.normal_form(offer, clauses))

    def propose(self, offer: Offer, power: str, clauses: Iterable[str]) -> None:
        """Put a draft on the table from `power`; it reaches each other party after its reply time."""
        st = self.st
        ostate = st.offers[offer.id]
        ostate.status = "proposed"
        ostate.clauses = self.normalized(offer, clauses)
        ostate.proposer = power
        ostate.accepted = [power]
        self.set_waiting(offer.id, {p: st.turn + st.reply_weeks[p] for p in offer.parties if p != power})
        ostate.rounds += 1
        names = self.cx.clause_names(offer, ostate.clauses)
        self.log("propose", f"{self.sc.power(power).short} proposes the {offer.name}", f"Clauses: {names}.",
                 power=power, ref=offer.id, visible_to=offer.parties, clauses=tuple(ostate.clauses))

    def accept(self, offer: Offer, power: str) -> None:
        ostate = self.st.offers[offer.id]
        self.set_waiting(offer.id, {p: turn for p, turn in ostate.waiting.items() if p != power})
        ostate.accepted.append(power)
        self.log("accept", f"{self.sc.power(power).short} accepts the draft of the {offer.name}", power=power,
                 ref=offer.id, visible_to=offer.parties)
        if not ostate.waiting:
            self.sign(offer)

    def reject(self, offer: Offer, power: str) -> None:
        ostate = self.st.offers[offer.id]
        ostate.status, ostate.accepted = "open", []
        self.set_waiting(offer.id, {})
        self.log("reject", f"{self.sc.power(power).short} rejects the draft of the {offer.name}", power=power,
                 ref=offer.id, visible_to=offer.parties)

    def set_waiting(self, offer_id: str, waiting: dict[str, int]) -> None:
        """Set who still has to answer an offer's draft, and from which week: the one way the engine changes it,
        so that `awaiting` (each power's offers with a draft waiting for it) stays in step."""
        ostate = self.st.offers[offer_id]
        for power in ostate.waiting:
            self.awaiting[power].discard(offer_id)
        ostate.waiting = waiting
        for power in waiting:
            self.awaiting[power].add(offer_id)

    def sign(self, offer: Offer) -> None:
        """Sign the current draft: apply its clauses' effects, then the offer's."""
        st = self.st
        ostate = st.offers[offer.id]
        if ostate.status == "signed":
            return
        ostate.status, ostate.accepted = "signed", list(offer.parties)
        self.set_waiting(offer.id, {})
        ostate.signed_turn = st.turn
        self.any_treaty_signed = True
        public = tuple(c for c in ostate.clauses if not offer.clause(c).secret)
        self.log("sign", f"The {offer.name} is signed", "Clauses: " + self.cx.clause_names(offer, public) + ".",
                 ref=offer.id, clauses=public)
        secret = tuple(c for c in ostate.clauses if offer.clause(c).secret)
        if secret:
            self.log("sign", f"Secret clauses of the {offer.name}", "Secret: " + self.cx.clause_names(offer, secret) + ".",
                     ref=offer.id, visible_to=offer.parties, clauses=secret)
        effects = self.cx.effects
        for clause_id in list(ostate.clauses):
            run_effects(self, effects["clause", offer.id, clause_id])
        run_effects(self, effects["offer", offer.id])
        self.check_outcomes()

    # ---------------------------------------------------------------- events
    def fire(self, event: EventDef, date: str | None = None) -> None:
        """Fire an event now: log it, unlock its sources, apply its effects, ask for a choice."""
        st, ident = self.st, event.id
        st.fired[ident] = st.turn
        saved = st.today
        today = st.today = date or self.cx.event_dates.get(ident, saved)
        st.log.append(LogEntry(st.turn, today, "event", event.title, event.text, None, ident, event.visible_to or None,
                               event.sources))
        if event.sources and not self.unlocked.issuperset(event.sources):
            self.unlock(event.sources)
        run_effects(self, self.cx.on_fire[ident])
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
        self.log("choice", f"{self.sc.power(power).short}: {choice.text}", power=power, ref=event.id,
                 visible_to=event.visible_to or None)
        run_effects(self, self.cx.effects["choice", event.id, option_id])

    def unlock(self, sources: Iterable[str]) -> None:
        """Add source cards to the archive (in the order they were first met)."""
        for source in sources:
            if source not in self.unlocked:
                self.unlocked.add(source)
                self.st.unlocked.append(source)

    # ------------------------------------------------------------------ turns
    def _begin_turn(self) -> None:
        st, cx = self.st, self.cx
        self.today = cx.week_start(st.turn)
        st.ended = []
        st.budget = dict(cx.budgets)
        st.week_step = 0
        self.continue_week()

    def continue_week(self) -> None:
        """Fire the week's dated events in date order, pausing while a human owes an answer to one of them
        (so that nothing dated later is seen first); then the undated events, once."""
        st, cx = self.st, self.cx
        fired, turn = st.fired, st.turn
        dated = cx.dated.get(turn, ())
        while st.week_step < len(dated):
            if st.outcome is not None or st.pending:
                return
            ident, _, when, chance, event = dated[st.week_step]
            st.week_step += 1
            if ident not in fired and when(st) and (chance >= 1.0 or self.random() < chance):
                self.fire(event)
        if st.week_step != len(dated) or st.outcome is not None or st.pending:
            return
        st.week_step += 1
        for ident, repeat, when, chance, event in cx.undated_in(turn):
            if st.outcome is not None:
                return
            last = fired.get(ident)
            if (last is None or (repeat and last != turn)) and when(st) and (chance >= 1.0 or self.random() < chance):
                self.fire(event)
        self.check_outcomes()

    def resolve_week(self) -> None:
        """AI powers act, drafts are answered, meters drift, outcomes are checked, the calendar advances."""
        st, sc, cx = self.st, self.sc, self.cx
        for power, controller in self.ai_turns:
            if st.outcome is not None:
                return
            controller.act(self, power)
        if st.outcome is not None:
            return
        meters = st.meters
        for ident, drift, lo, hi in cx.drifts:
            meters[ident] = clamp(meters[ident] + drift, lo, hi)
        st.history.append(dict(st.meters))
        self.check_outcomes()
        if st.outcome is not None:
            return
        if st.turn >= cx.last_turn:
            self.end(next(o.id for o in sc.outcomes if o.deadline), sc.calendar.end.isoformat())
            return
        st.turn += 1
        self._begin_turn()

    def check_outcomes(self) -> None:
        st = self.st
        if st.outcome is not None or (not self.any_treaty_signed and self.cx.outcomes_need_treaty):
            return
        for outcome_id, holds in self.cx.outcomes:
            if holds(st):
                self.end(outcome_id)
                return

    def end(self, outcome_id: str, date: str | None = None) -> None:
        """End the game with an outcome; apply its effects and record the final meters."""
        st = self.st
        if st.outcome is not None:
            return
        outcome = self.sc.outcome(outcome_id)
        st.outcome = outcome_id
        st.end_date = date or self.today
        st.pending = []
        self.today = st.end_date
        self.log("outcome", outcome.title, outcome.summary, ref=outcome_id, sources=outcome.sources)
        self.unlock(outcome.sources)
        run_effects(self, self.cx.effects["outcome", outcome_id])
        st.history.append(dict(st.meters))

    def save(self, path) -> None:
        """Write a save file atomically."""
        from .saves import save_game

        save_game(self, path)

    @classmethod
    def load(cls, path, scenario: Scenario) -> Game:
        """Resume a save file against a loaded scenario (see saves.load_game for notes)."""
        from .saves import load_game

        return load_game(path, scenario)[0]

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
        st = self.st
        st.log.append(LogEntry(st.turn, st.today, kind, title, text, power, ref, visible_to, sources, clauses))

