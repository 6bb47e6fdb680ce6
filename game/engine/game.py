"""The game: one scenario, one state, and the single path every action takes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..scenario.model import ActionDef, EventDef, Offer, Scenario
from . import negotiation, rng
from .actions import OK, ON_ITS_WAY, REFUSED, Action, Result
from .compiled import Compiled, compiled
from .conditions import explain
from .controllers import Controller, make_controller
from .effects import clamp, run_effects
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
        choices = self.pending_choices(power)
        if choices:
            return [Action("choose", power, e.id, option=c.id) for e in choices for c in e.choices]
        found = [Action("act", power, a.id) for a in self.sc.actions_of(power) if self.check(Action("act", power, a.id), False) is OK]
        for offer in self.sc.offers:
            if power not in offer.parties:
                continue
            for kind in ("accept", "reject", "stall"):
                action = Action(kind, power, offer.id)
                if self.check(action, False) is OK:
                    found.append(action)
            for draft in self._draft_variants(offer):
                action = Action("propose", power, offer.id, draft)
                if self.check(action, False) is OK:
                    found.append(action)
        if power not in self.st.ended:
            found.append(Action("end_turn", power))
        return found

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
        return clause.why_not or _sentence(explain(clause.available, self.sc, self.st) or "not available")

    def _draft_variants(self, offer: Offer) -> list[tuple[str, ...]]:
        current = self.st.offers[offer.id].clauses
        variants = [tuple(current)]
        variants += [negotiation.toggle(offer, current, clause.id) for clause in offer.clauses]
        return list(dict.fromkeys(variants))

    # ------------------------------------------------------------------- checks
    def check(self, action: Action, explain_why: bool = True) -> Result:
        """Whether the action is legal now; if not, a reason a player can read (`explain_why=False`: skip the wording)."""
        st, sc = self.st, self.sc
        kind, power, target = action.kind, action.power, action.target
        if st.outcome is not None:
            return Result(False, "The game is over.")
        if power not in sc.index["powers"]:
            return Result(False, f"There is no power {power!r}.")
        waiting = self.pending_choices(power) if st.pending else ()
        if kind == "choose":
            return self._check_choice(action, waiting)
        if waiting:
            return Result(False, f"First answer ‘{waiting[0].title}’.")
        if power in st.ended:
            return Result(False, f"{self._short(power)} has already ended this week.")
        if kind == "act":
            return self._check_act(action, explain_why)
        if kind == "end_turn":
            return OK
        offer = sc.index["offers"].get(target)
        if offer is None:
            return Result(False, f"There is no offer {target!r}.")
        if power not in offer.parties:
            return Result(False, f"{self._short(power)} is not a party to the {offer.name}.")
        ostate = st.offers[target]
        if ostate.status == "signed":
            return Result(False, f"The {offer.name} has already been signed.")
        if ostate.status == "closed":
            return Result(False, f"The {offer.name} is not on the table.")
        if kind == "propose":
            return self._check_draft(action, offer, explain_why)
        if kind in ("accept", "reject", "stall"):
            if ostate.status != "proposed" or power not in ostate.waiting:
                return Result(False, f"No draft of the {offer.name} awaits {self._short(power)}'s answer.")
            if ostate.waiting[power] > st.turn:
                return Result(False, f"The latest draft has not yet reached {self._short(power)}.")
            return OK
        return Result(False, f"Unknown kind of action {kind!r}.")

    def _short(self, power: str) -> str:
        """A power's short name, for messages."""
        return self.sc.power(power).short

    def _check_choice(self, action: Action, waiting: list[EventDef]) -> Result:
        event = next((e for e in waiting if e.id == action.target), None)
        if event is None:
            return Result(False, "No such question awaits this power.")
        if action.option not in event.by_id:
            return Result(False, f"‘{event.title}’ has no option {action.option!r}.")
        return OK

    def _check_act(self, action: Action, explain_why: bool) -> Result:
        defn = self.sc.index["actions"].get(action.target)
        if defn is None or defn.power != action.power:
            return Result(False, f"{self.sc.power(action.power).short} has no action {action.target!r}.")
        refusal = self.act_refusal(defn, explain_why)
        if refusal is None:
            return OK
        return Result(False, refusal) if explain_why else REFUSED

    def act_refusal(self, defn: ActionDef, explain_why: bool = True) -> str | None:
        """Why the power cannot take its scenario action now (None: it can)."""
        st = self.st
        last = st.taken.get(defn.id)
        if last is not None:
            if not explain_why and (defn.once or last + defn.cooldown >= st.turn):
                return REFUSED.reason
            if defn.once:
                return "Already done."
            if last == st.turn:
                return "Already done this week."
            if last + defn.cooldown >= st.turn:
                weeks = last + defn.cooldown - st.turn + 1
                return f"Available again in {weeks} week{'s' if weeks > 1 else ''}."
        left = st.budget.get(defn.power, 0)
        if left < defn.cost:
            if not explain_why:
                return REFUSED.reason
            return f"Needs {defn.cost} action point{'s' if defn.cost != 1 else ''}; {left} left this week."
        if not self.cx.requires[defn.id](st):
            if not explain_why:
                return REFUSED.reason
            return defn.why_not or _sentence(explain(defn.requires, self.sc, st) or "not possible now")
        return None

    def _check_draft(self, action: Action, offer: Offer, explain_why: bool) -> Result:
        clauses = tuple(action.clauses)
        malformed = self.cx.draft_refusal(offer, clauses)
        if malformed is not None:
            return Result(False, malformed) if explain_why else REFUSED
        ostate = self.st.offers[offer.id]
        available, current = self.cx.available, ostate.clauses
        for clause_id in clauses:
            if clause_id not in current and not available[(offer.id, clause_id)](self.st):
                if not explain_why:
                    return REFUSED
                name = offer.clause(clause_id).name
                return Result(False, f"‘{name}’ cannot be raised yet. {self.clause_refusal(offer.id, clause_id)}")
        if ostate.status == "proposed" and ostate.proposer == action.power and set(current) == set(clauses):
            return ON_ITS_WAY
        cost = self.propose_cost(action.power, offer)
        if self.st.budget.get(action.power, 0) < cost:
            if not explain_why:
                return REFUSED
            return Result(False, f"Sending a draft needs {cost} action point{'s' if cost != 1 else ''}.")
        return OK

    def propose_cost(self, power: str, offer: Offer) -> int:
        """Action points to send a draft: answering a draft with a counter-draft is free; opening a round costs."""
        return 0 if offer.id in self.drafts_for(power) else offer.propose_cost

    # ---------------------------------------------------------------- applying
    def submit(self, action: Action) -> Result:
        """Apply a human's action if legal, record it, and resolve the week when everyone has ended it."""
        result = self.check(action)
        if not result.ok:
            return result
        self.record.append(action)
        self.perform(action, checked=True)
        if action.kind == "end_turn" and not self.waiting_for() and not self.over:
            self.resolve_week()
        return OK

    def perform(self, action: Action, checked: bool = False) -> Result:
        """Apply any controller's action (the one path for humans and AI)."""
        if not checked:
            result = self.check(action, False)
            if not result.ok:
                return result
        kind, power, st = action.kind, action.power, self.st
        if kind == "end_turn":
            st.ended.append(power)
        elif kind == "choose":
            pending = next(p for p in st.pending if p.power == power and p.event == action.target)
            st.pending.remove(pending)
            saved, self.today = self.today, pending.date
            event = self.sc.event(action.target)
            self.choose(event, action.option, power)
            self._clock_on(saved)
            self._continue_week()
        elif kind == "act":
            self.take(self.sc.action(action.target))
        elif kind == "propose":
            offer = self.sc.offer(action.target)
            st.budget[power] -= self.propose_cost(power, offer)
            self.propose(offer, power, action.clauses)
        elif kind == "accept":
            self._accept(self.sc.offer(action.target), power)
        elif kind == "reject":
            self._reject(self.sc.offer(action.target), power)
        elif kind == "stall":
            offer = self.sc.offer(action.target)
            self.log("stall", f"{self.sc.power(power).short} stalls on the {offer.name}", power=power,
                     ref=offer.id, visible_to=offer.parties)
        return OK

    def take(self, defn: ActionDef) -> None:
        """Apply a scenario action that has been checked: pay, log, apply its effects."""
        st, power, ident = self.st, defn.power, defn.id
        st.budget[power] -= defn.cost
        st.taken[ident] = st.turn
        st.log.append(LogEntry(st.turn, st.today, "action", defn.name, defn.text, power, ident, (power,),
                               defn.sources))
        if defn.sources and not self.unlocked.issuperset(defn.sources):
            self.unlock(defn.sources)
        effects, hidden = self.cx.on_take[ident]
        run_effects(self, effects)
        if hidden:
            run_effects(self, hidden)

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

    def _accept(self, offer: Offer, power: str) -> None:
        ostate = self.st.offers[offer.id]
        self.set_waiting(offer.id, {p: turn for p, turn in ostate.waiting.items() if p != power})
        ostate.accepted.append(power)
        self.log("accept", f"{self.sc.power(power).short} accepts the draft of the {offer.name}", power=power,
                 ref=offer.id, visible_to=offer.parties)
        if not ostate.waiting:
            self.sign(offer)

    def _reject(self, offer: Offer, power: str) -> None:
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

    def respond_as_ai(self, offer: Offer, power: str) -> None:
        """An AI party answers a draft: accept, counter with its best single change, or reject."""
        ostate = self.st.offers[offer.id]
        value = self.cx.score(offer, power, ostate.clauses, self.st)
        if self.random() < negotiation.acceptance(value, offer.spread):
            self.perform(Action("accept", power, offer.id))
            return
        counter = self._best_change(offer, power, ostate.clauses)
        floor = offer.ai[power].counter_min if power in offer.ai else None
        if counter is not None and floor is not None and self.cx.score(offer, power, counter, self.st) < floor:
            counter = None
        if counter is not None and ostate.rounds < 12:
            self.perform(Action("propose", power, offer.id, counter))
        else:
            self.perform(Action("reject", power, offer.id))

    def _best_change(self, offer: Offer, power: str, draft: list[str]) -> tuple[str, ...] | None:
        """The one-clause change (with what it drags along) that the power values most, if any helps it."""
        options = self.cx.changes(offer, power, tuple(draft))
        for trial in options:
            if self.check(Action("propose", power, offer.id, trial), False).ok:
                return trial
        return None

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
        self._clock_on(saved)

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
        self._continue_week()

    def _continue_week(self) -> None:
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
            if ident not in fired and when(st) and self._lucky(chance):
                self.fire(event)
        if st.week_step != len(dated) or st.outcome is not None or st.pending:
            return
        st.week_step += 1
        for ident, repeat, when, chance, event in cx.undated_in(turn):
            if st.outcome is not None:
                return
            last = fired.get(ident)
            if (last is None or (repeat and last != turn)) and when(st) and self._lucky(chance):
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

    def _clock_on(self, before: str) -> None:
        """Once an event is over, the date is the later of its own and the one before: a dated event moves the
        week's clock on, never back."""
        if before > self.st.today:
            self.st.today = before

    def random(self) -> float:
        self.st.rng, value = rng.draw(self.st.rng)
        return value

    def _lucky(self, chance: float) -> bool:
        return chance >= 1.0 or self.random() < chance

    def log(self, kind: str, title: str, text: str = "", *, power: str | None = None, ref: str = "",
            visible_to: tuple[str, ...] | None = None, sources: tuple[str, ...] = (),
            clauses: tuple[str, ...] = ()) -> None:
        st = self.st
        st.log.append(LogEntry(st.turn, st.today, kind, title, text, power, ref, visible_to, sources, clauses))


def _sentence(text: str) -> str:
    """Capitalise and end with a full stop."""
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
