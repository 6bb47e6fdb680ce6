"""The archive: every source card unlocked so far, filterable by perspective."""

from __future__ import annotations

from typing import Any

import pygame

from ...scenario.calendar import day_words
from ..flow import Pop
from ..theme import Theme
from ..widgets.buttons import Button, Tab
from ..widgets.core import ScrollText
from ..widgets.items import Item
from ..widgets.paper import sheet
from ..widgets.text import Block, render
from .base import Screen


class ArchiveScreen(Screen):
    keys = (("F, ]", "the next perspective on the sources"), ("[", "the previous one"), ("Esc", "back"))
    name = "archive"

    def __init__(self, app: Any):
        super().__init__(app)
        self.filter = ""      # perspective id, "" for all
        self.selected = ""

    def cards(self) -> list:
        s = self.app.session
        sc = s.scenario
        found = [sc.source(x) for x in s.view.sources()]
        return [c for c in found if not self.filter or c.perspective == self.filter]

    def set_filter(self, pid: str) -> None:
        self.filter, self.stale = pid, True
        self.scrollers = []

    def pick(self, sid: str) -> None:
        self.selected, self.stale = sid, True

    def cycle(self, step: int) -> None:
        ids = [""] + [p.id for p in self.app.session.scenario.perspectives]
        self.set_filter(ids[(ids.index(self.filter) + step) % len(ids)] if self.filter in ids else "")

    def on_key(self, event: pygame.event.Event) -> tuple[bool, Any] | None:
        if event.key in (pygame.K_LEFTBRACKET, pygame.K_f):
            self.cycle(1 if event.key == pygame.K_f else -1)
            return True, None
        if event.key == pygame.K_RIGHTBRACKET:
            self.cycle(1)
            return True, None
        return None

    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        sc = self.app.session.scenario
        pad = theme.px(12)
        bh = theme.line_height("bold") + theme.pad * 2
        self.head_h = theme.line_height("bold", 1.7) + pad
        y = pad + self.head_h
        # perspective filters
        filters = [("", "All perspectives")] + [(p.id, p.name) for p in sc.perspectives]
        x = pad
        fh = theme.line_height("sans", 0.9) + theme.pad
        widest = (w - 2 * pad) // 3   # a longer name is cut, and whole in the tooltip
        for pid, name in filters:
            full = render(theme, name, "strong").get_width() + theme.px(24)
            fw = min(full, widest)
            if x + fw > w - pad:
                x = pad
                y += fh + theme.px(4)
            tip = next((p.description for p in sc.perspectives if p.id == pid), "Show every card.")
            if full > fw:
                tip = f"{name}. {tip}"
            self.add(Tab(pygame.Rect(x, y, fw, fh), name, (lambda p=pid: self.set_filter(p)),
                         selected=self.filter == pid, tooltip=tip + " (F cycles the filter)", wid=f"filter:{pid}"))
            x += fw + theme.px(4)
        y += fh + pad
        self.add(Button(pygame.Rect(w - pad - theme.px(160), pad, theme.px(160), bh), "Back", lambda: Pop(),
                        key=pygame.K_ESCAPE))
        list_w = int((w - 3 * pad) * 0.4)
        self.list_rect = pygame.Rect(pad, y, list_w, h - y - pad)
        self.card_rect = pygame.Rect(2 * pad + list_w, y, w - 3 * pad - list_w, h - y - pad)
        cards = self.cards()
        inner = self.list_rect.inflate(-2 * theme.pad, -2 * theme.pad)
        if cards and self.selected not in {c.id for c in cards}:
            self.selected = cards[0].id
        kinds = {"quotation": "quotation", "document": "document", "interpretation": "historian"}
        self.item_column(inner, [Item(c.title, (lambda sid=c.id: self.pick(sid)), sub=f"{c.author}, {day_words(c.date)}",
                                      note=kinds.get(c.kind, c.kind), selected=c.id == self.selected,
                                      wid=f"card:{c.id}") for c in cards])
        self.add(ScrollText(self.card_rect.inflate(-2 * theme.pad, -2 * theme.pad), theme, self.card_blocks(),
                            wid="card"))

    def card_blocks(self) -> list[Block]:
        sc = self.app.session.scenario
        if not self.selected or self.selected not in sc.index["sources"]:
            return [Block("body", "No source card here yet. Cards are unlocked as events happen and as you act; "
                                  "compare how different perspectives read the same events.")]
        c = sc.source(self.selected)
        persp = sc.perspective(c.perspective) if c.perspective in sc.index["perspectives"] else None
        b = [Block("head", c.title), Block("soft", f"{c.author} — {day_words(c.date)}")]
        if persp:
            b += [Block("strong", f"Perspective: {persp.name}"), Block("small", persp.description)]
        b += [Block("gap", ""), Block("type", c.text.strip()), Block("gap", ""), Block("small", f"Reference: {c.reference}")]
        return b

    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        surf.fill(th.palette.desk)
        n = len(self.cards())
        surf.blit(render(th, f"Archive — {n} source card{'s' if n != 1 else ''}", "desk_head"), (th.px(12), th.px(12)))
        sheet(surf, th, self.list_rect, "paper")
        sheet(surf, th, self.card_rect, "telegram")
        self.draw_widgets(surf)
