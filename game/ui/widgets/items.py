"""Entries of a list on paper: a title, an optional note at the right and a wrapped line under it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from ..theme import Theme
from .core import Control, Scroller, focus_ring
from .text import render, wrap


@dataclass
class Item:
    """What one list entry says and does."""

    label: str
    on_press: Callable[[], Any] | None = None
    sub: str = ""                     # the wrapped line(s) under the title
    note: str = ""                    # a short word at the right (a cost, a status, a date)
    enabled: bool = True
    tip: str = ""
    wid: str = ""                     # stays the same across layouts (focus follows it); the label if empty
    key: int | None = None
    selected: bool = False
    swatch: tuple[int, int, int] | None = None   # a power's colour before the title
    check: bool | None = None         # a check box before the title, ticked or not (None: no box)
    sub_lines: int = 0                # the most lines of `sub` shown, the last cut with "…" (0: all of them)
    reserve: str = ""                 # a text whose lines `sub` keeps: cut to them, padded to them (a list that holds)


class ListItem(Control):
    """One entry of a list, pressed like a button."""

    def __init__(self, rect: pygame.Rect, item: Item, scroller: Scroller | None = None):
        super().__init__(rect, item.label, item.on_press, key=item.key, enabled=item.enabled, tooltip=self.tip_of(item),
                         wid=item.wid, scroller=scroller)
        self.item = item

    @staticmethod
    def tip_of(item: Item) -> str:
        """The tooltip: the line under the title whole if it may be cut, and the item's tip, neither said twice."""
        sub = item.sub if item.sub_lines or item.reserve else ""
        if item.tip in sub or sub in item.tip:
            return max(sub, item.tip, key=len)
        return f"{sub} {item.tip}"

    @staticmethod
    def sub_room(theme: Theme, item: Item, width: int) -> int:
        """The most lines the line under the title may take (0: as many as it needs)."""
        caps = [item.sub_lines, len(wrap(theme.font("sans", 0.9), item.reserve, width)) if item.reserve else 0]
        return min((n for n in caps if n), default=0)

    @staticmethod
    def sub_wrapped(theme: Theme, item: Item, width: int) -> list[str]:
        """The line under the title, wrapped to width, cut to its room with "…" at the end."""
        font = theme.font("sans", 0.9)
        lines = wrap(font, item.sub, width)
        room = ListItem.sub_room(theme, item, width)
        if not room or len(lines) <= room:
            return lines
        last = lines[room - 1]
        while last and font.size(last + " …")[0] > width:
            last = last.rsplit(" ", 1)[0] if " " in last.strip() else last[:-1]   # at a word if there is one
        return [*lines[:room - 1], last.rstrip() + " …"]

    @staticmethod
    def height(theme: Theme, width: int, item: Item) -> int:
        """The height an entry width pixels wide needs for its wrapped title and line (or the lines it reserves)."""
        pad = theme.pad
        lead = theme.px(4) + (theme.px(18) if item.swatch else 0) + (theme.line_height("bold") if item.check is not None else 0)
        note_w = theme.font("sans", 0.9).size(item.note)[0] + pad if item.note else 0
        h = theme.line_height("bold") * len(wrap(theme.font("bold"), item.label, width - 2 * pad - note_w - lead))
        return h + theme.line_height("sans", 0.9) * ListItem.sub_count(theme, item, width - 2 * pad - lead) + 2 * pad

    @staticmethod
    def sub_count(theme: Theme, item: Item, width: int) -> int:
        """The lines the line under the title takes: as many as it needs, or those it reserves."""
        reserved = ListItem.sub_room(theme, item, width) if item.reserve else 0
        return max(reserved, len(ListItem.sub_wrapped(theme, item, width)) if item.sub else 0)

    def paint(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        p, it, r = theme.palette, self.item, self.screen_rect()
        pygame.draw.rect(surf, p.paper_alt if (hovered or it.selected) else p.paper, r)
        if it.selected:
            pygame.draw.rect(surf, p.accent, (r.x, r.y, theme.px(4), r.h))
        pygame.draw.line(surf, p.rule, r.bottomleft, r.bottomright)
        x = r.x + theme.pad + (theme.px(4) if it.selected else 0)
        x = self.paint_marks(surf, theme, x, r.y + theme.pad)
        self.paint_text(surf, theme, r, x)
        if focused:
            focus_ring(surf, theme, r.inflate(-theme.px(2), -theme.px(2)))

    def paint_marks(self, surf: pygame.Surface, theme: Theme, x: int, y: int) -> int:
        """The swatch and the check box before the title; return where the title starts."""
        p, it = theme.palette, self.item
        if it.swatch:
            sw = theme.px(12)
            pygame.draw.rect(surf, it.swatch, (x, y + theme.px(4), sw, sw))
            pygame.draw.rect(surf, p.border, (x, y + theme.px(4), sw, sw), 1)
            x += sw + theme.px(6)
        if it.check is not None:
            sw = theme.line_height("bold") - theme.px(8)
            self.paint_check(surf, theme, pygame.Rect(x, y + theme.px(4), sw, sw))
            x += sw + theme.px(8)
        return x

    def paint_check(self, surf: pygame.Surface, theme: Theme, box: pygame.Rect) -> None:
        """A check box drawn by hand (fonts lack the ballot-box glyphs)."""
        p, sw = theme.palette, box.w
        pygame.draw.rect(surf, p.paper, box)
        pygame.draw.rect(surf, p.ink if self.enabled else p.ink_faint, box, max(1, theme.px(2)))
        if self.item.check:
            tick = [(box.x + sw * 0.2, box.y + sw * 0.5), (box.x + sw * 0.42, box.bottom - sw * 0.2),
                    (box.right - sw * 0.15, box.y + sw * 0.15)]
            pygame.draw.lines(surf, p.good if self.enabled else p.ink_faint, False, tick, max(2, theme.px(3)))

    def paint_text(self, surf: pygame.Surface, theme: Theme, r: pygame.Rect, x: int) -> None:
        """The note at the right, the title, and the line under it, each wrapped to its room."""
        p, it, pad = theme.palette, self.item, theme.pad
        y = r.y + pad
        ink = None if self.enabled else p.ink_faint
        note_w = 0
        if it.note:
            note = render(theme, it.note, "soft" if self.enabled else "small")
            note_w = note.get_width() + pad
            surf.blit(note, (r.right - pad - note.get_width(), y))
        font = theme.font("bold")
        for line in wrap(font, it.label, r.right - pad - note_w - x):
            surf.blit(render(theme, line, "strong" if self.enabled else "soft", ink), (x, y))
            y += font.get_linesize()
        if it.sub:
            sfont = theme.font("sans", 0.9)
            for line in self.sub_wrapped(theme, it, r.w - 2 * pad - (x - r.x - pad)):
                surf.blit(render(theme, line, "soft", ink), (x, y))
                y += sfont.get_linesize()
