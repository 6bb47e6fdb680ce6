"""Actions are data: what a controller asks the engine to do. Each kind of action has one home here, an
ActionKind that holds its check, its effect, its serialised fields and its wording."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from ..scenario.model import ActionDef, Offer, Scenario
from ..scenario.walk import nested_effects
from .conditions import explain
from .days import NO_CAUSES, Causes
from .effects import run_effects
from .ledger import Cause
from .notes import Votes, check_reason, check_votes
from .state import LogEntry, OfferState
from .target import Play


@dataclass(slots=True, unsafe_hash=True)
class Action:
    """One request by one power, never changed once made (hashable, compared field by field). `target` is an
    action, offer or event id; `why` and `votes` are the reason and the tally its people gave (kept in the
    record and in the log entries it makes). A slotted class, not a named tuple: the engine reads its fields
    on every check, and a slot is read faster."""

    kind: str
    power: str
    target: str = ""
    clauses: tuple[str, ...] = ()
    option: str = ""
    why: str = ""
    votes: Votes = ()

    def to_dict(self) -> dict[str, Any]:
        """The action as saved: its kind, its power and the fields its kind uses."""
        data: dict[str, Any] = {"kind": self.kind, "power": self.power}
        spec = ACTION_KINDS.get(self.kind)
        for name in spec.fields if spec else ("target", "option"):
            value = getattr(self, name)
            if name == "clauses":
                data[name] = list(value)
            elif value:
                data[name] = value
        if self.why:
            data["why"] = self.why
        if self.votes:
            data["votes"] = [list(pair) for pair in self.votes]  # pairs keep the order a sorted dump would lose
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Action:
        """Build from a mapping; raise ValueError with a readable message if malformed."""
        if not isinstance(data, dict):
            raise ValueError(f"an action must be a mapping, not {type(data).__name__}")
        unknown = set(data) - {"kind", "power", "target", "clauses", "option", "turn", "why", "votes"}
        if unknown:
            raise ValueError(f"unknown action field(s): {', '.join(sorted(map(str, unknown)))}")
        kind, power = data.get("kind"), data.get("power")
        if kind not in ACTION_KINDS:
            raise ValueError(f"action kind must be one of {', '.join(ACTION_KINDS)}, not {kind!r}")
        if not isinstance(power, str):
            raise ValueError("an action needs a 'power'")
        clauses = data.get("clauses") or ()
        if not isinstance(clauses, (list, tuple)) or not all(isinstance(c, str) for c in clauses):
            raise ValueError("'clauses' must be a list of clause ids")
        target, option = data.get("target", ""), data.get("option", "")
        if not isinstance(target, str) or not isinstance(option, str):
            raise ValueError("'target' and 'option' must be ids")
        why = check_reason(data.get("why", ""))
        votes = check_votes(data["votes"]) if data.get("votes") is not None else ()
        return cls(kind, power, target, tuple(clauses), option, why, votes)


@dataclass(frozen=True, slots=True)
class Result:
    """Whether an action was applied, and if not, why."""

    ok: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok


NEVER = 10**9   # a week no game reaches
OK = Result(True)
REFUSED = Result(False, "Not possible now.")
ON_ITS_WAY = Result(False, "This draft is already on its way.")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def sentence(text: str) -> str:
    """Capitalise and end with a full stop."""
    return text[0].upper() + text[1:] + ("" if text.rstrip("”’\"'").endswith((".", "!", "?", "…")) else ".")


class ActionKind:
    """One kind of action. Subclasses say when it is legal (`check`), what it does (`perform`), which
    actions of the kind a power could take now (`candidates`) and how a front end confirms it (`confirmation`)."""

    name: ClassVar[str]
    fields: ClassVar[tuple[str, ...]] = ("target",)   # the Action fields a save file keeps for this kind
    ends_week: ClassVar[bool] = False                 # the front end shows the week's report after it
    logs: ClassVar[str] = ""                          # the kind of log entry it writes, which gets its reason
    answers_question: ClassVar[bool] = False          # allowed while a question awaits the power or after it
                                                      # has ended the week; the front end looks for what the
                                                      # answer caused
    teacher: ClassVar[bool] = False                   # a teacher's step (teacher.py): no power's, allowed at
                                                      # any time of the week, never taken by an AI

    def check(self, game: Play, action: Action, explain_why: bool) -> Result:
        """The kind's own rule (Game.check has refused what no power may do now: see `answers_question`)."""
        return OK

    def perform(self, game: Play, action: Action) -> None:
        """Apply a checked action."""
        raise NotImplementedError

    def candidates(self, game: Play, power: str) -> Iterator[Action]:
        """Actions of this kind the power might take now (legal_actions keeps those that pass the check)."""
        return iter(())

    def prompts(self, game: Play, action: Action) -> Causes:
        """What may have prompted the action, whatever the rule that chose it: its day is not before them."""
        return NO_CAUSES

    def confirmation(self, sc: Scenario, action: Action) -> str:
        """What a front end tells the player once the action is applied ("" for nothing)."""
        return ""

    def irreversible(self, game: Play, action: Action) -> str:
        """Why a legal action cannot be taken back, for a front end to ask first ("" if it can)."""
        return ""


def final(confirm: bool, effects: Any) -> str:
    """Why a step with these effects cannot be taken back: marked so (`confirm: true`), or it ends the game or
    signs a treaty ("" if neither)."""
    kinds = {e.kind for e in nested_effects(effects)}
    if "end_game" in kinds:
        return "This ends the game."
    if "sign" in kinds:
        return "This signs a treaty, which cannot be taken back."
    return "This cannot be taken back." if confirm else ""


class EndTurn(ActionKind):
    name = "end_turn"
    fields = ()
    ends_week = True

    def perform(self, game: Play, action: Action) -> None:
        game.st.ended.append(action.power)

    def candidates(self, game: Play, power: str) -> Iterator[Action]:
        if power not in game.st.ended:
            yield Action("end_turn", power)

    def confirmation(self, sc: Scenario, action: Action) -> str:
        return sc.calendar.words("You have ended your turn for this week.")


class Choose(ActionKind):
    """Answer an event's question that awaits a human power."""

    name = "choose"
    fields = ("target", "option")
    logs = "choice"
    answers_question = True

    def check(self, game: Play, action: Action, explain_why: bool) -> Result:
        waiting = game.pending_choices(action.power)
        event = next((e for e in waiting if e.id == action.target), None)
        if event is None:
            return Result(False, "No such question awaits this power.")
        if action.option not in event.by_id:
            return Result(False, f"‘{event.title}’ has no option {action.option!r}.")
        return OK

    def perform(self, game: Play, action: Action) -> None:
        st = game.st
        pending = next(p for p in st.pending if p.power == action.power and p.event == action.target)
        st.pending.remove(pending)
        saved, st.today = st.today, pending.date
        game.choose(game.sc.event(action.target), action.option, action.power)
        game.clock_on(saved)
        game.continue_week()

    def irreversible(self, game: Play, action: Action) -> str:
        choice = game.sc.event(action.target).by_id[action.option]
        return final(choice.confirm, choice.effects)

    def confirmation(self, sc: Scenario, action: Action) -> str:
        event = sc.event(action.target)
        text = event.by_id[action.option].text.strip()
        return f"Your answer to ‘{event.title}’: {text}" + ("" if text.endswith((".", "!", "?")) else ".")

    def candidates(self, game: Play, power: str) -> Iterator[Action]:
        for event in game.pending_choices(power):
            for choice in event.choices:
                yield Action("choose", power, event.id, option=choice.id)


class Act(ActionKind):
    """Take one of the power's scenario actions: pay its points, log it, apply its effects."""

    name = "act"
    logs = "action"

    def check(self, game: Play, action: Action, explain_why: bool) -> Result:
        defn = game.sc.index["actions"].get(action.target)
        if defn is None or defn.power != action.power:
            return Result(False, f"{game.short(action.power)} has no action {action.target!r}.")
        if not explain_why:   # the rule `refusal` words, tested fast
            st = game.st
            return (OK if game.next_free.get(defn.id, 0) <= st.turn and st.budget.get(defn.power, 0) >= defn.cost
                    and game.cx.requires[defn.id](st) else REFUSED)
        refusal = self.refusal(game, defn)
        return OK if refusal is None else Result(False, refusal)

    @staticmethod
    def refusal(game: Play, defn: ActionDef) -> str | None:
        """Why the power cannot take its scenario action now, in words (None: it can)."""
        st, cal = game.st, game.sc.calendar
        last = st.taken.get(defn.id)
        if last is not None:
            if defn.once:
                return "Already done."
            if last == st.turn:
                return cal.words("Already done this week.")
            if last + defn.cooldown >= st.turn:
                return f"Available again in {cal.turns(last + defn.cooldown - st.turn + 1)}."
        left = st.budget.get(defn.power, 0)
        if left < defn.cost:
            return cal.words(f"Needs {_plural(defn.cost, 'action point')}; {left} left this week.")
        if not game.cx.requires[defn.id](st):
            return sentence(explain(defn.requires, game.sc, st, default=defn.why_not) or "not possible now")
        return None

    @staticmethod
    def next_free(game: Play) -> dict[str, int]:
        """Game.next_free, the index of when each action taken so far may be taken again, read from the state."""
        rests = game.cx.rests
        return {ident: last + rests[ident] for ident, last in game.st.taken.items() if ident in rests}

    def perform(self, game: Play, action: Action) -> None:
        st, defn = game.st, game.sc.index["actions"][action.target]
        power, ident = defn.power, defn.id
        st.budget[power] -= defn.cost
        st.taken[ident] = st.turn
        game.next_free[ident] = st.turn + game.cx.rests[ident]
        st.log.append(LogEntry(st.turn, st.today, "action", defn.name, defn.text, power, ident, (power,),
                               defn.sources))
        if defn.sources and not game.unlocked.issuperset(defn.sources):
            game.unlock(defn.sources)
        effects, hidden = game.cx.on_take[ident]
        run_effects(game, effects, Cause("action", ident, power))
        if hidden:
            run_effects(game, hidden, Cause("action", ident, power))

    def irreversible(self, game: Play, action: Action) -> str:
        defn = game.sc.action(action.target)
        return final(defn.confirm, (*defn.effects, *defn.hidden_effects))

    def candidates(self, game: Play, power: str) -> Iterator[Action]:
        for defn in game.sc.actions_of(power):
            yield Action("act", power, defn.id)

    def prompts(self, game: Play, action: Action) -> Causes:
        return game.cx.prompts[action.target]

    def confirmation(self, sc: Scenario, action: Action) -> str:
        return f"Done: {sc.action(action.target).name}."


class OfferKind(ActionKind):
    """An action on an offer the power is a party to, while the offer is on the table."""

    def check(self, game: Play, action: Action, explain_why: bool) -> Result:
        offer = game.sc.index["offers"].get(action.target)
        if offer is None:
            return Result(False, f"There is no offer {action.target!r}.")
        if action.power in offer.observers:
            return Result(False, f"{game.short(action.power)} watches the talks on {offer.the}; only the parties "
                                 "propose and answer.")
        if action.power not in offer.parties:
            return Result(False, f"{game.short(action.power)} is not a party to {offer.the}.")
        ostate = game.st.offers[offer.id]
        if ostate.status == "signed":
            return Result(False, f"{offer.The} has already been signed.")
        if ostate.status == "closed":
            return Result(False, f"{offer.The} is not on the table.")
        return self.check_offer(game, action, offer, ostate, explain_why)

    def check_offer(self, game: Play, action: Action, offer: Offer, ostate: OfferState, explain_why: bool) -> Result:
        return OK

    def candidates(self, game: Play, power: str) -> Iterator[Action]:
        for offer in game.sc.offers:
            if power in offer.parties:
                yield from self.offer_candidates(game, power, offer)

    def offer_candidates(self, game: Play, power: str, offer: Offer) -> Iterator[Action]:
        yield Action(self.name, power, offer.id)

    def prompts(self, game: Play, action: Action) -> Causes:
        """An answer or a draft comes on or after the offer's latest entry this week (the draft it answers)."""
        return game.cx.offer_prompts[action.target]


class Propose(OfferKind):
    """Send a draft: the power's own, or an answer to the draft that awaits it (which costs nothing)."""

    name = "propose"
    fields = ("target", "clauses")
    logs = "propose"

    def check_offer(self, game: Play, action: Action, offer: Offer, ostate: OfferState, explain_why: bool) -> Result:
        clauses = tuple(action.clauses)
        malformed = game.cx.draft_refusal(offer, clauses)
        if malformed is not None:
            return Result(False, malformed) if explain_why else REFUSED
        available, current = game.cx.available, ostate.clauses
        for clause_id in clauses:
            if clause_id not in current and not available[(offer.id, clause_id)](game.st):
                if not explain_why:
                    return REFUSED
                name = offer.clause(clause_id).name
                return Result(False, f"‘{name}’ cannot be raised yet. {game.clause_refusal(offer.id, clause_id)}")
        if ostate.status == "proposed" and ostate.proposer == action.power and set(current) == set(clauses):
            return ON_ITS_WAY
        cost = self.cost(game, action.power, offer)
        if game.st.budget.get(action.power, 0) < cost:
            return Result(False, f"Sending a draft needs {_plural(cost, 'action point')}.") if explain_why else REFUSED
        return OK

    @staticmethod
    def cost(game: Play, power: str, offer: Offer) -> int:
        """Action points to send a draft: answering a draft with a counter-draft is free; opening a round costs."""
        return 0 if offer.id in game.table.drafts_for(power) else offer.propose_cost

    def perform(self, game: Play, action: Action) -> None:
        offer = game.sc.offer(action.target)
        game.st.budget[action.power] -= self.cost(game, action.power, offer)
        game.table.propose(offer, action.power, action.clauses)

    def offer_candidates(self, game: Play, power: str, offer: Offer) -> Iterator[Action]:
        """The current draft and every one-clause change of it."""
        current = game.st.offers[offer.id].clauses
        variants = [tuple(current)] + [game.cx.toggled(offer, current, clause.id) for clause in offer.clauses]
        for draft in dict.fromkeys(variants):
            yield Action("propose", power, offer.id, draft)

    def irreversible(self, game: Play, action: Action) -> str:
        """Sending a draft may sign the treaty: once every other party accepts it, which the player no longer
        controls (Undo takes the draft back only until the week ends)."""
        offer = game.sc.offer(action.target)
        others = [p for p in offer.parties if p != action.power]
        names = " and ".join(game.short(p) for p in others)
        return (f"If {names} {'accepts' if len(others) == 1 else 'accept'} this draft, {offer.the} is signed "
                "without another word from you, and that cannot be taken back.")

    def confirmation(self, sc: Scenario, action: Action) -> str:
        return f"Draft of {sc.offer(action.target).the} sent."


class Answer(OfferKind):
    """An answer to the draft that has reached the power."""

    done: ClassVar[str]   # the draft is ...

    def check_offer(self, game: Play, action: Action, offer: Offer, ostate: OfferState, explain_why: bool) -> Result:
        power = action.power
        if ostate.status != "proposed" or power not in ostate.waiting:
            return Result(False, f"No draft of {offer.the} awaits {game.short(power)}'s answer.")
        if ostate.waiting[power] > game.st.turn:
            return Result(False, f"The latest draft has not yet reached {game.short(power)}.")
        return OK

    def confirmation(self, sc: Scenario, action: Action) -> str:
        return sc.calendar.words(f"The draft is {self.done}.")


class Accept(Answer):
    logs = "accept"
    name, done = "accept", "accepted"

    def perform(self, game: Play, action: Action) -> None:
        game.accept(game.sc.offer(action.target), action.power)

    def irreversible(self, game: Play, action: Action) -> str:
        """Accepting signs the treaty: at once when no other party's answer is awaited, else as soon as the
        others accept, which the player no longer controls."""
        offer = game.sc.offer(action.target)
        others = sorted(set(game.st.offers[offer.id].waiting) - {action.power})
        if others:
            names = " and ".join(game.short(p) for p in others)
            return (f"Once {names} {'accepts' if len(others) == 1 else 'accept'} as well, {offer.the} is signed, "
                    "and that cannot be taken back.")
        return f"Accepting signs {offer.the}, which cannot be taken back."


class Reject(Answer):
    logs = "reject"
    name, done = "reject", "rejected"

    def perform(self, game: Play, action: Action) -> None:
        game.table.reject(game.sc.offer(action.target), action.power)


class Stall(Answer):
    logs = "stall"
    name, done = "stall", "left unanswered this week"

    def perform(self, game: Play, action: Action) -> None:
        offer = game.sc.offer(action.target)
        game.log("stall", f"{game.short(action.power)} stalls on {offer.the}", power=action.power,
                 ref=offer.id, visible_to=offer.audience)


ACTION_KINDS: dict[str, ActionKind] = {kind.name: kind for kind in (
    Act(), Accept(), Reject(), Stall(), Propose(), Choose(), EndTurn())}
KINDS = tuple(ACTION_KINDS)
