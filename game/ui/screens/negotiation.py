"""The negotiation table: the draft's clauses, the other side's likely reaction, and the answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pygame

from ...engine import Action
from ...engine.view import ClauseView
from ...scenario.vocabulary import OfferStatus
from ..flow import Many, Pop, Submit, decided
from ..layout import equal_row
from ..theme import Theme, parse_color
from ..widgets.buttons import Button
from ..widgets.caption import Caption
from ..widgets.core import ScrollText
from ..widgets.items import Item
from ..widgets.paper import sheet, stamp
from ..widgets.text import Block, fit, layout_blocks, render
from ..wording import ANSWERS, STANDS, STATUS, WATCHING, WATCHING_TEXT, chance
from .base import Screen

# the keys of steps in the game are used by no other screen (tests/ui/test_help.py): A, the desk's archive, must
# never accept a treaty
ANSWER_KEYS = {"propose": pygame.K_p, "accept": pygame.K_y, "reject": pygame.K_r, "stall": pygame.K_w,
               "reset": pygame.K_d, "back": pygame.K_ESCAPE}


class NegotiationScreen(Screen):
    keys = (("P", "propose this draft"), ("Y", "accept the draft that reached you (yes)"), ("R", "reject it"),
            ("W", "stall: wait, leave it unanswered"), ("D", "reset the draft to the table's"),
            ("Esc", "back to the desk"))
    step_keys = ("P", "Y", "R", "W")
    name = "negotiation"

    def __init__(self, app: Any, offer_id: str):
        super().__init__(app)
        self.offer_id = offer_id
        table = app.session.view.offer(offer_id)
        self.draft: list[str] = list(table.clauses)
        self.synced_round = table.rounds
        self.watching = table.watching   # an observer reads the talks and cannot act

    @property
    def s(self):
        return self.app.session

    def keep_clear(self) -> list[pygame.Rect]:
        return [self.right]   # the likely reactions

    def toggle(self, clause_id: str) -> Any:
        """Add or remove a clause by the engine's rule (what it needs comes along; what needs it goes)."""
        self.draft = list(self.s.view.toggle(self.offer_id, self.draft, clause_id))
        self.stale = True
        return None

    def reset(self) -> None:
        self.draft = list(self.s.view.offer(self.offer_id).clauses)
        self.stale = True

    # --------------------------------------------------------------- layout
    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        table = self.s.view.offer(self.offer_id)
        if table.rounds != self.synced_round:   # a new draft arrived since: start from it
            self.draft = list(table.clauses)
            self.synced_round = table.rounds
        w, h = size
        pad = theme.px(12)
        bh = theme.line_height("bold") + theme.pad * 2
        head_h = theme.line_height("bold", 1.7) + theme.line_height() * 2 + pad
        self.head = pygame.Rect(pad, pad, w - 2 * pad, head_h)
        body_y = self.head.bottom + pad
        summary = self.layout_summary(theme, pygame.Rect(pad, 0, w - 2 * pad, h - pad - bh - theme.px(4)))
        bottom = summary.top - theme.px(4)
        left_w = int((w - 3 * pad) * 0.58)
        self.left = pygame.Rect(pad, body_y, left_w, bottom - body_y)
        self.right = pygame.Rect(2 * pad + left_w, body_y, w - 3 * pad - left_w, bottom - body_y)
        # the clauses, under their caption; the reaction and the state of the table at the right
        inner = self.left.inflate(-2 * theme.pad, -2 * theme.pad)
        label_h = theme.line_height("bold") + theme.px(4)
        self.item_column(pygame.Rect(inner.x, inner.y + label_h, inner.w, inner.h - label_h), self.clause_items())
        self.add(ScrollText(self.right.inflate(-2 * theme.pad, -2 * theme.pad), theme, self.side_blocks(),
                            wid="side"))
        answers = self.answers()
        for cell, (label, fn, key, enabled, tip) in zip(equal_row(pygame.Rect(pad, h - pad - bh, w - 2 * pad, bh),
                                                                  len(answers), theme.px(8)), answers, strict=True):
            self.add(Button(cell, label, fn, key=key, enabled=enabled, tooltip=tip))
        self.layout_head(theme)

    def layout_summary(self, theme: Theme, room: pygame.Rect) -> pygame.Rect:
        """The line over the answers that names every clause of the draft they concern (the list above may hide
        some below its fold), ending at room's bottom: up to three lines, scrolling beyond; return where it is."""
        blocks = [Block("body", self.summary())]
        _, height = layout_blocks(theme, blocks, room.w - theme.pad * 2 - theme.px(8))
        rect = pygame.Rect(room.x, 0, room.w, min(height, theme.line_height() * 3) + 16)
        rect.bottom = room.bottom
        self.add(ScrollText(rect, theme, blocks, wid="draft-summary", style_bg="paper"))
        return rect

    def summary(self) -> str:
        """Which draft the answers concern, and all its clauses: the one on the table if it awaits the player's
        answer, else the player's own draft (or, for an observer, the table's)."""
        view = self.s.view
        table = view.offer(self.offer_id)
        if self.watching:
            return f"On the table, {self.listing(table.clauses)}."
        if not table.refusal("accept"):
            mine = " Your edits are not part of it." if view.draft(self.offer_id, self.draft).differs else ""
            return f"Accept or Reject answers the draft on the table, {self.listing(table.clauses)}.{mine}"
        return f"Your draft, {self.listing(self.draft)}."

    def listing(self, clauses: Iterable[str]) -> str:
        """"2 clauses: A; B": how many, and each by name."""
        names = {c.id: c.name for c in self.s.view.clauses(self.offer_id)}
        listed = [names[c] for c in clauses]
        return f"{len(listed)} clause{'s' if len(listed) != 1 else ''}: {'; '.join(listed) or 'none'}"

    def layout_head(self, theme: Theme) -> None:
        """The offer's name and its parties: as much as the header holds, the whole in a tooltip."""
        sc = self.s.scenario
        offer = sc.offer(self.offer_id)
        x, y = self.head.x + theme.pad * 2, self.head.y + theme.pad
        room = self.head.right - theme.pad * 2 - x
        self.add(Caption(pygame.Rect(x, y, room, 0), theme, offer.name, "title", wid="offer-name"))
        parties = " · ".join(sc.power(q).name for q in offer.parties)
        self.add(Caption(pygame.Rect(x, y + theme.line_height("bold", 1.7), room, 0), theme, f"Parties: {parties}",
                         "soft", wid="offer-parties"))

    def clause_items(self) -> list[Item]:
        """The offer's clauses, ticked if they are in the draft."""
        editable = self.s.view.offer(self.offer_id).editable and not self.watching
        return [self.clause_item(c, editable) for c in self.s.view.clauses(self.offer_id)]

    def clause_item(self, c: ClauseView, editable: bool) -> Item:
        on = c.id in self.draft
        tags = [tag for tag, has in (("required", c.required), ("secret", c.secret)) if has]
        sub = c.text.strip() + (" If signed: " + "; ".join(c.effects) + "." if c.effects else "")
        enabled, tip = editable, "Add or remove this clause from your draft."
        if c.required:
            enabled, tip = False, "This clause cannot be left out."
        elif editable and not on and c.refusal:
            enabled, tip = False, f"Cannot be raised yet: {c.refusal}"
            sub += f" Not yet: {c.refusal}"
        if self.watching:
            tip = WATCHING + "; you are not a party."
        elif not editable:
            tip = "This treaty is not open for drafts."
        return Item(c.name, (lambda cid=c.id: self.toggle(cid)), sub=sub, note=", ".join(tags), enabled=enabled,
                    tip=tip, check=on, wid=f"clause:{c.id}")

    def answers(self) -> list[tuple[str, Any, int, bool, str]]:
        """The row of buttons: propose the draft, answer the one on the table, reset the draft, back (only back
        for an observer)."""
        s = self.s
        if self.watching:
            label, tip = ANSWERS["back"]
            return [(label, lambda: Pop(), ANSWER_KEYS["back"], True, tip)]
        table, draft = s.view.offer(self.offer_id), s.view.draft(self.offer_id, self.draft)
        propose = Action("propose", s.power, self.offer_id, tuple(self.draft))
        can, cost = not draft.refusal, draft.cost
        label, tip = ANSWERS["propose"]
        what = f"Send the draft: {table.name} — {self.listing(self.draft)}."
        send = decided(s.asks_reasons, s.view.irreversible(propose) if can else "", what, Many((Submit(propose), Pop())))
        buttons = [(label, (lambda r=send: r) if can else None, ANSWER_KEYS["propose"],
                    can, tip.format(cost=cost, s="s" if cost != 1 else "") if can else draft.refusal)]
        for kind in ("accept", "reject", "stall"):
            act = Action(kind, s.power, self.offer_id)
            why = table.refusal(kind)
            label, tip = ANSWERS[kind]
            what = f"{label}: {table.name}" + (f", the draft on the table — {self.listing(table.clauses)}."
                                               if kind == "accept" else ".")
            buttons.append((label, (lambda a=act, wh=what: decided(s.asks_reasons, s.view.irreversible(a), wh,
                                                                    Many((Submit(a), Pop())))),
                            ANSWER_KEYS[kind], not why, why or tip))
        for kind, fn, enabled in (("reset", self.reset, table.editable), ("back", lambda: Pop(), True)):
            label, tip = ANSWERS[kind]
            buttons.append((label, fn, ANSWER_KEYS[kind], enabled, tip))
        return buttons

    def side_blocks(self) -> list[Block]:
        table = self.s.view.offer(self.offer_id)
        first = [Block("head", WATCHING), Block("body", WATCHING_TEXT)] if self.watching else self.reaction_blocks()
        return [*first, Block("gap", ""), *self.table_blocks(), Block("gap", ""), Block("soft", table.description.strip())]

    def reaction_blocks(self) -> list[Block]:
        """How likely each other party is to accept the draft, and what moves it."""
        s = self.s
        b = [Block("head", "Likely reaction to your draft")]
        for odds in s.view.draft(self.offer_id, self.draft).odds:
            name = s.scenario.power(odds.party).short
            if odds.stand:
                b.append(Block("strong", f"{name}: {STANDS[odds.stand]}"))
                continue
            if odds.low is None or odds.high is None:
                b.append(Block("body", f"{name}: decided by a human player."))
                continue
            lo, hi = odds.low, odds.high
            word = "likely" if lo >= 0.6 else "unlikely" if hi <= 0.4 else "uncertain"
            b.append(Block("strong", f"{name}: {chance(lo, hi)} to accept ({word})"))
            if odds.blocker:
                b.append(Block("body", f"What stands in the way: {name} {odds.blocker}."))
            if odds.leanings:
                b.append(Block("small", f"{name} " + "; ".join(odds.leanings) + "."))
        b.append(Block("small", self.s.scenario.calendar.words(
            "The range shows honest uncertainty: trust, urgency and mood move it from week to week.")))
        return b

    def table_blocks(self) -> list[Block]:
        """The draft on the table: its status, who sent it, who accepted it, who must still answer."""
        s = self.s
        sc, view = s.scenario, s.view
        table = view.offer(self.offer_id)
        b = [Block("head", "On the table"),
             Block("body", f"Status: {STATUS[table.status]}; round {table.rounds}.")]
        names = {c.id: c.name for c in view.clauses(self.offer_id)}
        if table.proposer:
            b.append(Block("body", f"Last draft from {sc.power(table.proposer).short}: "
                                   + ", ".join(names[c] for c in table.clauses) + "."))
        if table.accepted:
            b.append(Block("body", "Accepted by: " + ", ".join(sc.power(p).short for p in table.accepted) + "."))
        turn = view.week().turn
        for p, week in table.waiting:
            when = "now" if week <= turn else f"in {sc.calendar.numbered(week).lower()}"
            b.append(Block("body", f"Waiting for {sc.power(p).short} ({when})."))
        if table.editable and not self.watching and view.draft(self.offer_id, self.draft).differs:
            b.append(Block("stamp", "Your draft differs from the one on the table."))
            if not table.refusal("accept"):
                b.append(Block("small", "Propose sends your draft as a counter-draft; Accept and Reject answer "
                                        "the draft on the table as it stands."))
        return b

    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        s = self.s
        sc = s.scenario
        offer = s.view.offer(self.offer_id)
        surf.fill(p.desk)
        sheet(surf, th, self.head, "paper")
        x, y = self.head.x + th.pad * 2, self.head.y + th.pad
        y += th.line_height("bold", 1.7)   # (the offer's name and its parties are captions)
        sw = th.px(12)
        xx = x
        y += th.line_height("sans", 0.9) + th.px(2)
        share = (self.head.w - th.pad * 4) // len(offer.parties) - sw - th.px(20)   # the parties' short names
        for q in offer.parties:
            pygame.draw.rect(surf, parse_color(sc.power(q).color), (xx, y + th.px(3), sw, sw))
            lab = render(th, fit(th, sc.power(q).short, "small", share), "small")
            surf.blit(lab, (xx + sw + th.px(4), y))
            xx += sw + lab.get_width() + th.px(16)
        if offer.status == OfferStatus.SIGNED:
            stamp(surf, th, "Signed", (self.head.right - th.px(120), self.head.centery), -8, 1.3)
        elif offer.status == OfferStatus.CLOSED:
            stamp(surf, th, "Not on the table", (self.head.right - th.px(170), self.head.centery), -6, 1.0)
        sheet(surf, th, self.left, "paper")
        sheet(surf, th, self.right, "telegram")
        heading = "Clauses on the table (you are watching)" if self.watching else \
            "Clauses of your draft (press to add or remove)"
        surf.blit(render(th, heading, "strong"),
                  (self.left.x + th.pad, self.left.y + th.pad))
        self.draw_widgets(surf)
