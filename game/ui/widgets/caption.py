"""A line of text that keeps to its width: a name too long for it is cut with "…" and shown whole in a tooltip."""

from __future__ import annotations

import pygame

from ..theme import Theme
from .core import Widget, focus_ring
from .text import fit, font_of, printable, render


class Caption(Widget):
    """One line in a text style at rect's top left, no wider than rect; the tooltip holds the whole text when
    it had to be cut (and only then can the keyboard reach it, to read it)."""

    def __init__(self, rect: pygame.Rect, theme: Theme, text: str, style: str, *, color=None, wid: str = ""):
        whole = printable(text)
        super().__init__(rect, wid=wid or f"caption:{whole[:60]}")
        self.style, self.color = style, color
        self.text = fit(theme, whole, style, self.rect.w)
        self.rect.h = font_of(theme, style).get_linesize()
        self.rect.w = min(self.rect.w, font_of(theme, style).size(self.text)[0])
        self.tooltip = whole if self.text != whole else ""
        self.focusable = bool(self.tooltip)

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        surf.blit(render(theme, self.text, self.style, self.color), self.rect.topleft)
        if focused:
            focus_ring(surf, theme, self.rect)
