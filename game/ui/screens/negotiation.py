"""The negotiation table: the draft's clauses, the other side's likely reaction, and the answers."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import Action
from ..flow import Many, Pop, Submit
from ..theme import Theme, parse_color
from ..widgets.buttons import Button
from ..widgets.core import ScrollText
from ..widgets.items import Item
from ..widgets.paper import sheet, stamp
from ..widgets.text import Block, render
from ..wording import STATUS, chance, effect_lines
from .base import Screen


class NegotiationScreen(Screen):
    name = "negotiation"

    def __init__(self, app: Any, offer_id: str):
        super().__init__(app)
        self.offer_id = offer_id
        self.draft: list[str] = list(app.session.game.state.offers[offer_id].clauses)
        self.synced_round = app.session.game.state.offers[offer_id].rounds

    @property
    def s(self):
        return self.app.session

    def toggle(self, clause_id: str) -> Any:
        offer = self.s.scenario.offer(self.offer_id)
        c = offer.clause(clause_id)
        if clause_id in self.draft:
            if c.required:
                return None
            self.draft.remove(clause_id)
        else:
            self.draft.append(clause_id)
        order = [x.id for x in offer.clauses]
        self.draft.sort(key=order.index)
        self.stale = True
        return None

    def reset(self) -> None:
        self.draft = list(self.s.game.state.offers[self.offer_id].clauses)
        self.stale = True

    # --------------------------------------------------------------- layout
    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        s = self.s
        game, sc = s.game, s.scenario
        offer = sc.offer(self.offer_id)
        ostate = game.state.offers[self.offer_id]
        if ostate.rounds != self.synced_round:   # a new draft arrived since: start from it
            self.draft = list(ostate.clauses)
            self.synced_round = ostate.rounds
        w, h = size
        pad = theme.px(12)
        bh = theme.line_height("bold") + theme.pad * 2
        head_h = theme.line_height("bold", 1.7) + theme.line_height() * 2 + pad
        self.head = pygame.Rect(pad, pad, w - 2 * pad, head_h)
        body_y = self.head.bottom + pad
        bottom = h - pad - bh - pad
        left_w = int((w - 3 * pad) * 0.58)
        self.left = pygame.Rect(pad, body_y, left_w, bottom - body_y)
        self.right = pygame.Rect(2 * pad + left_w, body_y, w - 3 * pad - left_w, bottom - body_y)
        # clauses
        inner = self.left.inflate(-2 * theme.pad, -2 * theme.pad)
        label_h = theme.line_height("bold") + theme.px(4)
        inner.y += label_h
        inner.h -= label_h
        items = []
        editable = ostate.status in ("open", "proposed")
        for c in offer.clauses:
            if c.secret and s.power not in offer.parties:
                continue
            on = c.id in self.draft
            tags = []
            if c.required:
                tags.append("required")
            if c.secret:
                tags.append("secret")
            effects = effect_lines(c.on_sign, sc, s.power)
            sub = c.text.strip() + (" If signed: " + "; ".join(effects) + "." if effects else "")
            enabled, tip = editable, "Add or remove this clause from your draft."
            if c.required:
                enabled, tip = False, "This clause cannot be left out."
            elif editable and not on:
                why = game.clause_refusal(offer.id, c.id)
                if why:
                    enabled, tip = False, f"Cannot be raised yet: {why}"
                    sub += f" Not yet: {why}"
            if not editable:
                tip = "This treaty is not open for drafts."
            items.append(Item(c.name, (lambda cid=c.id: self.toggle(cid)), sub=sub, note=", ".join(tags),
                              enabled=enabled, tip=tip, check=on, wid=f"clause:{c.id}"))
        self.item_column(inner, items)
        # reaction and status, on the right
        self.add(ScrollText(self.right.inflate(-2 * theme.pad, -2 * theme.pad), theme, self.side_blocks(),
                            wid="side"))
        # answers
        propose = Action("propose", s.power, offer.id, tuple(self.draft))
        can_propose = game.check(propose)
        cost = game.propose_cost(s.power, offer)
        buttons = [
            ("Propose this draft", (lambda a=propose: Many((Submit(a), Pop()))) if can_propose.ok else None, pygame.K_p,
             can_propose.ok, (f"Send your draft ({cost} action point{'s' if cost != 1 else ''})."
                              if can_propose.ok else can_propose.reason)),
        ]
        for kind, label, key, tip in (("accept", "Accept", pygame.K_a, "Accept the draft on the table as it stands."),
                                      ("reject", "Reject", pygame.K_r, "Reject the draft on the table."),
                                      ("stall", "Stall", pygame.K_s, "Leave it unanswered for now (costs nothing).")):
            act = Action(kind, s.power, offer.id)
            res = game.check(act)
            buttons.append((label, (lambda a=act: Many((Submit(a), Pop()))), key, res.ok, tip if res.ok else res.reason))
        buttons.append(("Reset draft", self.reset, pygame.K_d, editable, "Back to the draft on the table."))
        buttons.append(("Back", lambda: Pop(), pygame.K_ESCAPE, True, "Back to the desk."))
        n = len(buttons)
        gap = theme.px(8)
        bw = (w - 2 * pad - gap * (n - 1)) // n
        x = pad
        for label, fn, key, enabled, tip in buttons:
            self.add(Button(pygame.Rect(x, h - pad - bh, bw, bh), label, fn, key=key, enabled=enabled, tooltip=tip))
            x += bw + gap

    def side_blocks(self) -> list[Block]:
        s = self.s
        game, sc = s.game, s.scenario
        offer = sc.offer(self.offer_id)
        ostate = game.state.offers[self.offer_id]
        b = [Block("head", "Likely reaction to your draft")]
        try:
            pred = game.predict(offer.id, tuple(self.draft), by=s.power)
        except Exception:  # a draft the engine cannot score (e.g. empty) has no prediction
            pred = {}
        for party, rng in pred.items():
            name = sc.power(party).short
            if rng is None:
                b.append(Block("body", f"{name}: decided by a human player."))
            else:
                lo, hi = rng
                word = "likely" if lo >= 0.6 else "unlikely" if hi <= 0.4 else "uncertain"
                b.append(Block("strong", f"{name}: {chance(lo, hi)} to accept ({word})"))
                leanings = game.leanings(offer.id, self.draft, party)
                if leanings:
                    b.append(Block("small", f"{name} " + "; ".join(leanings) + "."))
        b.append(Block("small", "The range shows honest uncertainty: trust, urgency and mood move it from week to week."))
        b += [Block("gap", ""), Block("head", "On the table")]
        b.append(Block("body", f"Status: {STATUS.get(ostate.status, ostate.status)}; round {ostate.rounds}."))
        if ostate.proposer:
            b.append(Block("body", f"Last draft from {sc.power(ostate.proposer).short}: "
                                   + ", ".join(offer.clause(c).name for c in ostate.clauses) + "."))
        if ostate.accepted:
            b.append(Block("body", "Accepted by: " + ", ".join(sc.power(p).short for p in ostate.accepted) + "."))
        for p, turn in ostate.waiting.items():
            when = "now" if turn <= game.state.turn else f"in week {turn}"
            b.append(Block("body", f"Waiting for {sc.power(p).short} ({when})."))
        changed = set(self.draft) ^ set(ostate.clauses)
        if changed and ostate.status in ("open", "proposed"):
            b.append(Block("stamp", "Your draft differs from the one on the table."))
            if game.check(Action("accept", s.power, offer.id)).ok:
                b.append(Block("small", "Propose sends your draft as a counter-draft; Accept and Reject answer "
                                        "the draft on the table as it stands."))
        b += [Block("gap", ""), Block("soft", offer.description.strip())]
        return b

    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        s = self.s
        sc = s.scenario
        offer = sc.offer(self.offer_id)
        ostate = s.game.state.offers[self.offer_id]
        surf.fill(p.desk)
        sheet(surf, th, self.head, "paper")
        x, y = self.head.x + th.pad * 2, self.head.y + th.pad
        surf.blit(render(th, offer.name, "title"), (x, y))
        y += th.line_height("bold", 1.7)
        parties = " · ".join(sc.power(q).name for q in offer.parties)
        surf.blit(render(th, f"Parties: {parties}", "soft"), (x, y))
        sw = th.px(12)
        xx = x
        y += th.line_height("sans", 0.9) + th.px(2)
        for q in offer.parties:
            pygame.draw.rect(surf, parse_color(sc.power(q).color), (xx, y + th.px(3), sw, sw))
            lab = render(th, sc.power(q).short, "small")
            surf.blit(lab, (xx + sw + th.px(4), y))
            xx += sw + lab.get_width() + th.px(16)
        if ostate.status == "signed":
            stamp(surf, th, "Signed", (self.head.right - th.px(120), self.head.centery), -8, 1.3)
        elif ostate.status == "closed":
            stamp(surf, th, "Not on the table", (self.head.right - th.px(170), self.head.centery), -6, 1.0)
        sheet(surf, th, self.left, "paper")
        sheet(surf, th, self.right, "telegram")
        surf.blit(render(th, "Clauses of your draft (press to add or remove)", "strong"),
                  (self.left.x + th.pad, self.left.y + th.pad))
        self.draw_widgets(surf)
