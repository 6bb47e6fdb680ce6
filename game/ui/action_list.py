"""The desk's list of actions: the drafts awaiting an answer and the power's actions, in an order kept all week."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..engine import Action
from ..engine.view import ActionView
from .flow import Open
from .widgets.items import Item
from .wording import known_consequences


def action_text(a: ActionView) -> str:
    """An action's text and its known consequences."""
    return f"{a.text.strip()} {known_consequences(a.consequences)}".strip()


@dataclass(frozen=True)
class Placed:
    """An entry as the week found it: its place, its title, and the text whose height it keeps all week."""

    index: int
    label: str
    sub: str
    enabled: bool


class ActionList:
    """The entries of the desk's Actions tab for the session's power; take(action_id, name) is what pressing a
    possible action returns.

    Within a week the list does not move: the order and each entry's height are those of the week's first look
    (kept in `session.action_order`); an action taken stays where it was, greyed and marked done; one no longer
    possible says why at the start of its text; an answered draft keeps its place; what appears later comes last.
    The next week the list is made afresh: what can be done first, and actions that can never be taken again
    (settled, as by an event) are left out."""

    def __init__(self, session: Any, take: Callable[[str, str], Any]):
        self.s = session
        self.take = take

    def items(self) -> list[Item]:
        s = self.s
        week = (s.view.week().turn, s.power)
        actions = {a.id: a for a in s.view.actions()}
        kept, order = s.action_order
        current = kept == week
        listed = order if current else {}   # a settled action stays only where the week found it
        items = self.answer_items() + [self.action_item(a) for a in actions.values()
                                       if not a.settled or f"act:{a.id}" in listed]
        if current:
            items = self.in_week_order(items, order)
        else:
            items.sort(key=lambda it: not it.enabled)   # what can be done first
            if not s.view.questions():   # fixed once the week's questions are answered (until then all must wait)
                s.action_order = (week, {it.wid: Placed(i, it.label, it.sub, it.enabled) for i, it in enumerate(items)})
        return items or [Item("No actions in this scenario.", enabled=False)]

    def answer_items(self) -> list[Item]:
        return [Item(f"Answer the draft of {offer.the}", (lambda o=offer.id: Open("negotiation", offer_id=o)),
                     wid=f"answer:{offer.id}",   # no note: answered, it keeps its title's lines (in_week_order)
                     sub="Waiting for your answer: accept it, reject it, stall, or send a counter-draft "
                         "(free of charge).") for offer in self.s.view.offers() if offer.awaits_me]

    @staticmethod
    def in_week_order(items: list[Item], order: dict[str, Placed]) -> list[Item]:
        """The entries in the week's order, each as tall as it was then (an action possible then and not now: why
        not, then its text); an answered draft keeps its place, greyed; entries new this week come last."""
        now = {it.wid: it for it in items}
        for wid, placed in order.items():
            it = now.setdefault(wid, Item(placed.label, sub="Answered this week.", enabled=False, wid=wid))
            if placed.enabled and not it.enabled and wid.startswith("act:"):
                it.sub = f"{it.sub} {placed.sub}"
            it.reserve = placed.sub
        return sorted(now.values(), key=lambda it: order[it.wid].index if it.wid in order else len(order))

    def action_item(self, a: ActionView) -> Item:
        """One action: to press if possible; else greyed, its text starting with why not (once, in one wording)."""
        cost = f"{a.cost} pt" + ("s" if a.cost != 1 else "")
        wid = f"act:{a.id}"
        if a.available:
            return Item(a.name, (lambda: self.take(a.id, a.name)), note=cost, sub=action_text(a), wid=wid,
                        tip=self.press_tip(a))
        if a.done_this_week:
            state = self.s.scenario.calendar.words("Done this week.")
        elif a.settled:
            state = f"Settled: {a.settled}"
        else:
            state = f"Not now: {a.reason or 'not possible now.'}"
        return Item(a.name, note=cost, sub=state, enabled=False, wid=wid, tip=state)

    def press_tip(self, a: ActionView) -> str:
        """A possible action's tooltip: what pressing it does."""
        if self.s.view.irreversible(Action("act", self.s.power, a.id)):
            return "Press to take this action now; it cannot be taken back, so you will be asked first."
        return self.s.scenario.calendar.words("Press to take this action now (Undo takes it back until the week ends).")
