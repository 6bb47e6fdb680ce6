"""The desk's gauges: one meter as a bar, and trust both ways with one power."""

from __future__ import annotations

from typing import Any

import pygame

from ..theme import Theme, parse_color
from ..wording import trust_word
from .core import Widget, focus_ring
from .paper import gauge
from .text import fit, fit_styles, render


class MeterWidget(Widget):
    """One gauge; its tooltip explains the number."""

    def __init__(self, rect: pygame.Rect, meter: Any, value: float, tooltip: str):
        super().__init__(rect, wid=f"meter:{meter.id}", tooltip=tooltip)
        self.meter, self.value = meter, value

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        r = self.rect
        if hovered:
            pygame.draw.rect(surf, theme.palette.paper_alt, r)
        val = render(theme, f"{self.value:.0f}", "strong")
        words, style = fit_styles(theme, self.meter.name, ("soft", "small", "map_small"),
                                  r.w - val.get_width() - theme.px(10))
        name = render(theme, words, style, theme.palette.ink)
        surf.blit(name, (r.x + 2, r.y))
        surf.blit(val, (r.right - val.get_width() - 2, r.y))
        bar = pygame.Rect(r.x + 2, r.y + name.get_height() + 1, r.w - 4, max(6, theme.px(8)))
        gauge(surf, theme, bar, self.value, self.meter.min, self.meter.max, self.meter.standing,
              self.meter.start)
        if focused:
            focus_ring(surf, theme, r)


class TrustWidget(Widget):
    """Trust both ways with one power, as two small numbers beside its colour."""

    def __init__(self, rect: pygame.Rect, power: Any, theirs: float, mine: float, name: str | None = None):
        tip = (f"{power.short}'s trust in you: {theirs:.0f} ({trust_word(theirs)}); your trust in {power.short}: "
               f"{mine:.0f} ({trust_word(mine)}). 0–100; trust makes drafts likelier to be accepted.")
        super().__init__(rect, wid=f"trust:{power.id}", tooltip=tip)
        self.power, self.theirs, self.mine = power, theirs, mine
        self.text = self.label(name or power.short, theirs, mine)

    @staticmethod
    def label(name: str, theirs: float, mine: float) -> str:
        return f"{name} {theirs:.0f}/{mine:.0f}"

    @staticmethod
    def width(theme: Theme, text: str) -> int:
        """The room an entry needs: its colour, its text and a gap before the next."""
        return theme.px(10) + theme.px(8) + theme.font("sans", 0.9).size(text)[0] + theme.px(12)

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        p = theme.palette
        r = self.rect
        if hovered:
            pygame.draw.rect(surf, p.paper_alt, r)
        sw = theme.px(10)
        pygame.draw.rect(surf, parse_color(self.power.color), (r.x + 2, r.centery - sw // 2, sw, sw))
        pygame.draw.rect(surf, p.border, (r.x + 2, r.centery - sw // 2, sw, sw), 1)
        text = render(theme, fit(theme, self.text, "soft", r.w - sw - theme.px(8)), "soft", p.ink)
        surf.blit(text, (r.x + sw + theme.px(6), r.centery - text.get_height() // 2))
        if focused:
            focus_ring(surf, theme, r)
