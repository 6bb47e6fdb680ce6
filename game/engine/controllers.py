"""Controllers play powers: the scenario's AI plans, scripted policies, random and passive play."""

from __future__ import annotations

from ..scenario.format import BUILTIN_POLICIES
from ..scenario.model import Do, EventDef, Offer, Plan, Scenario
from . import negotiation
from .actions import Action
from .state import GameState
from .target import Play


class Controller:
    """Decides a power's event choices and, when a week resolves, its actions (which the game performs)."""

    def choose(self, game: Play, power: str, event: EventDef) -> str:
        raise NotImplementedError

    def act(self, game: Play, power: str) -> None:
        """Take the power's actions this week, each through Game.perform (which checks and applies it, the one
        path every action takes); stop once the game is over."""
        raise NotImplementedError


def weighted_choice(game: Play, event: EventDef) -> str:
    """Pick an option by the scenario's ai_weight, using the game's generator."""
    total = sum(c.ai_weight for c in event.choices)
    if total <= 0:
        return event.default_choice().id
    point = game.random() * total
    for choice in event.choices:
        point -= choice.ai_weight
        if point < 0:
            return choice.id
    return event.choices[-1].id


class PlanController(Controller):
    """Follows a Plan: its rules in order, its listed choices, then answers drafts."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.weeks: dict[str, list[list[tuple]]] = {}

    def choose(self, game: Play, power: str, event: EventDef) -> str:
        wanted = self.plan.choices.get(event.id)
        if wanted in event.by_id:
            return wanted
        return weighted_choice(game, event)

    def act(self, game: Play, power: str) -> None:
        st = game.st
        weeks = self.weeks.get(power)
        if weeks is None:
            weeks = self.weeks[power] = game.cx.plan_weeks(self.plan, power, game.sc)
        perform, next_free, turn = game.perform, game.next_free, st.turn
        for step in weeks[turn] if 0 <= turn < len(weeks) else ():
            if next_free.get(step.action_id, 0) > turn:   # cheapest test first: most weeks most rules fail on it
                continue
            if step.when is None or step.when(st):
                move = step.move if step.move is not None else self._proposal(game, power, step.do)
                perform(move, False, step.causes)  # refused: no change
                if st.outcome is not None:
                    return
        respond = self.plan.respond
        if respond == "stall" or not game.table.awaiting[power]:  # most weeks nothing waits for an answer
            return
        for offer_id in game.table.drafts_for(power):
            if st.outcome is not None:
                return
            perform(ai_answer(game, game.sc.offer(offer_id), power) if respond == "evaluate"
                    else Action(respond, power, offer_id))

    @staticmethod
    def _proposal(game: Play, power: str, do: Do) -> Action:
        """A proposal step that changes the draft on the table (one with listed clauses is ready made)."""
        offer = game.sc.offer(do.target)
        return Action("propose", power, do.target, game.cx.edited(offer, game.st.offers[do.target].clauses, do.add,
                                                                  do.remove))


class RandomController(Controller):
    """Plays at random: each week it tries a few random actions, drafts and answers, stopping at random."""

    def __init__(self) -> None:
        self.menus: dict[str, tuple[tuple[Action, ...], tuple[Offer, ...]]] = {}

    def choose(self, game: Play, power: str, event: EventDef) -> str:
        return event.choices[int(game.random() * len(event.choices))].id

    def act(self, game: Play, power: str) -> None:
        own, offers = self._menu(game, power)
        st = game.st
        live: list[Offer] | None = None  # the table as last seen; None: look again (something was done)
        for _ in range(8):
            if st.outcome is not None or game.random() < 0.3:
                return
            if live is None:
                live, proposed = self._live(st, offers)
                answers = game.table.drafts_for(power) if proposed else []
            count = len(own) + 2 * len(answers) + len(live)
            if not count:
                return
            pick = int(game.random() * count)
            if pick < len(own):
                action = own[pick]
                if game.next_free.get(action.target, 0) <= st.turn and game.perform(action).ok:
                    live = None
                continue
            if pick < len(own) + 2 * len(answers):
                index = pick - len(own)
                action = Action(("accept", "reject")[index % 2], power, answers[index // 2])
            else:
                action = self._draft(game, power, live[pick - len(own) - 2 * len(answers)])
            game.perform(action)
            live = None

    def _menu(self, game: Play, power: str) -> tuple[tuple[Action, ...], tuple[Offer, ...]]:
        """The power's own scenario actions and the offers it is a party to, built once."""
        menu = self.menus.get(power)
        if menu is None:
            menu = self.menus[power] = (game.cx.acts_of[power], tuple(o for o in game.sc.offers if power in o.parties))
        return menu

    @staticmethod
    def _live(st: GameState, offers: tuple[Offer, ...]) -> tuple[list[Offer], bool]:
        """The offers on the table (open or proposed), and whether any of them is proposed."""
        live, proposed = [], False
        for offer in offers:
            status = st.offers[offer.id].status
            if status == "proposed":
                live.append(offer)
                proposed = True
            elif status == "open":
                live.append(offer)
        return live, proposed

    @staticmethod
    def _draft(game: Play, power: str, offer: Offer) -> Action:
        """The current draft with one random clause added or taken out."""
        clause = offer.clauses[int(game.random() * len(offer.clauses))].id
        return Action("propose", power, offer.id, game.cx.toggled(offer, game.st.offers[offer.id].clauses, clause))


class PassiveController(Controller):
    """Does nothing: takes no action, answers no draft, picks every default choice."""

    def choose(self, game: Play, power: str, event: EventDef) -> str:
        return event.default_choice().id

    def act(self, game: Play, power: str) -> None:
        return


def ai_answer(game: Play, offer: Offer, power: str) -> Action:
    """An AI party's answer to a draft: accept, counter with its best single change, or reject."""
    st = game.st
    ostate = st.offers[offer.id]
    if game.random() < negotiation.acceptance(game.answer_score(offer, power, ostate.clauses), offer.spread):
        return Action("accept", power, offer.id)
    counter = _best_change(game, offer, power, ostate.clauses)
    floor = offer.ai[power].counter_min if power in offer.ai else None
    if counter is not None and floor is not None and game.cx.score(offer, power, counter, st) < floor:
        counter = None
    answer = Action("propose", power, offer.id, counter) if counter is not None and ostate.rounds < 12 else \
        Action("reject", power, offer.id)
    if game.ledger is not None:   # a game with people: the report says why
        game.ledger.reason(st.turn, answer.kind, power, offer.id, game.blocker(offer.id, ostate.clauses, power, 0))
    return answer


def _best_change(game: Play, offer: Offer, power: str, draft: list[str]) -> tuple[str, ...] | None:
    """The one-clause change (with what it drags along) that the power values most, if any helps it."""
    for trial in game.cx.changes(offer, power, tuple(draft)):
        if game.check(Action("propose", power, offer.id, trial), False).ok:
            return trial
    return None


def policy_names(sc: Scenario, power: str) -> list[str]:
    """Policies that can play this power: the built-in ones and the scenario's."""
    return list(BUILTIN_POLICIES) + [p.id for p in sc.policies if p.power == power]


def make_controller(sc: Scenario, power: str, policy: str) -> Controller:
    """Build the controller named by a policy id."""
    if policy == "ai":
        return PlanController(sc.power(power).ai)
    if policy == "random":
        return RandomController()
    if policy == "passive":
        return PassiveController()
    found = sc.index["policies"].get(policy)
    if found is None or found.power != power:
        raise ValueError(f"unknown policy {policy!r} for {power}; choose from {', '.join(policy_names(sc, power))}")
    return PlanController(found.plan)
