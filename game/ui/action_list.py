"""The desk's list of actions: the drafts awaiting an answer and the power's actions, in an order kept all week."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..engine import Action
from ..engine.view import ActionView
from .flow import Open
from .widgets.items import Item
from .wording import known_consequences


def action_text(a: ActionView) -> str:
    """An action's text and its known consequences."""
    return f"{a.text.strip()} {known_consequences(a.consequences)}".strip()


class ActionList:
    """The entries of the desk's Actions tab for the session's power; take(action_id, name) is what pressing a
    possible action returns."""

    def __init__(self, session: Any, take: Callable[[str, str], Any]):
        self.s = session
        self.take = take

    def items(self) -> list[Item]:
        s = self.s
        items = [Item(f"Answer the draft of {offer.the}",
                      (lambda o=offer.id: Open("negotiation", offer_id=o)), note="waiting", wid=f"answer:{offer.id}",
                      sub="A draft has reached you: accept it, reject it, stall, or send a counter-draft "
                          "(free of charge).") for offer in s.view.offers() if offer.awaits_me]
        actions = {a.id: a for a in s.view.actions()}
        items += self.action_items(actions.values())
        items.sort(key=lambda it: not it.enabled)   # what can be done first ...
        self.keep_week_order(items, actions)
        if not items:
            items.append(Item("No actions in this scenario.", enabled=False))
        return items

    def action_items(self, actions: Iterable[ActionView]) -> list[Item]:
        """The power's actions: the possible ones to press, the others with the reason why not."""
        items = []
        for a in actions:
            cost = f"{a.cost} pt" + ("s" if a.cost != 1 else "")
            if a.available:
                items.append(Item(a.name, (lambda did=a.id, name=a.name: self.take(did, name)), note=cost,
                                  sub=action_text(a), wid=f"act:{a.id}", tip=self.action_tip(a)))
            else:
                reason = a.reason or "Not possible now."
                items.append(Item(a.name, note=cost, sub=f"Not now: {reason}", enabled=False,
                                  tip=self.action_tip(a), wid=f"act:{a.id}"))
        return items

    def action_tip(self, a: ActionView) -> str:
        """An action entry's tooltip, by its state: what pressing does, or that it is done, or why not."""
        words = self.s.scenario.calendar.words
        if a.available:
            if self.s.view.irreversible(Action("act", self.s.power, a.id)):
                return "Press to take this action now; it cannot be taken back, so you will be asked first."
            return words("Press to take this action now (Undo takes it back until the week ends).")
        if a.done_this_week:
            return words("Done this week.")
        return f"Not possible now: {a.reason or 'not possible now.'}"

    def keep_week_order(self, items: list[Item], actions: dict[str, ActionView]) -> None:
        """Keep the list as it stood when the week began: taking an action must not move the others under the
        mouse. An entry possible then and not now keeps its text (and height) and says why in its note."""
        s = self.s
        turn = s.view.week().turn
        week, order = s.action_order
        if week != turn:
            s.action_order = (turn, {it.wid: i for i, it in enumerate(items) if it.enabled})
            return
        items.sort(key=lambda it: order.get(it.wid, len(order)))
        for it in items:
            if it.wid in order and not it.enabled and it.wid.startswith("act:"):
                a = actions[it.wid[4:]]
                it.note = "done" if a.done_this_week else "not now"
                it.sub = action_text(a)
                it.tip = self.action_tip(a)
