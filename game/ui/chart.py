"""A line chart of the meters over the game, drawn on a pygame surface (the HTML debrief draws SVG)."""

from __future__ import annotations

import pygame

from .theme import Theme
from .widgets.text import fit, render

SERIES_COLORS = [(44, 84, 140), (170, 60, 40), (40, 120, 70), (130, 80, 150), (190, 130, 20), (60, 60, 60),
                 (20, 140, 150), (150, 40, 100)]


def draw_chart(surf: pygame.Surface, theme: Theme, rect: pygame.Rect, history: list[dict], meters: list) -> None:
    p = theme.palette
    pygame.draw.rect(surf, p.paper, rect)
    pygame.draw.rect(surf, p.border, rect, 1)
    if not history or not meters:
        return
    label_w = min(rect.w // 3, max(render(theme, m.name, "small").get_width() for m in meters) + theme.px(12))
    plot = pygame.Rect(rect.x + theme.px(34), rect.y + theme.px(10), rect.w - theme.px(44) - label_w,
                       rect.h - theme.px(34))
    lo = min(m.min for m in meters)
    hi = max(m.max for m in meters)
    span = (hi - lo) or 1
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y = plot.bottom - int(plot.h * frac)
        pygame.draw.line(surf, p.rule, (plot.x, y), (plot.right, y))
        lab = render(theme, f"{lo + span * frac:g}", "small")
        surf.blit(lab, (plot.x - lab.get_width() - 4, y - lab.get_height() // 2))
    n = len(history)
    week = render(theme, f"weeks 0–{n - 1}", "small")
    surf.blit(week, (plot.centerx - week.get_width() // 2, plot.bottom + 2))
    used: list[int] = []
    clip = surf.get_clip()
    surf.set_clip(rect.inflate(-2, -2).clip(clip) if clip else rect.inflate(-2, -2))
    for i, m in enumerate(meters):
        col = SERIES_COLORS[i % len(SERIES_COLORS)]
        pts = []
        for t, row in enumerate(history):
            v = row.get(m.id, m.start)
            x = plot.x + (plot.w * t // max(1, n - 1))
            y = plot.bottom - int(plot.h * (v - lo) / span)
            pts.append((x, y))
        if len(pts) > 1:
            pygame.draw.lines(surf, col, False, pts, max(2, theme.px(2)))
        lab = render(theme, fit(theme, m.name, "small", rect.right - plot.right - 10), "small", col)
        ly = pts[-1][1] - lab.get_height() // 2
        for u in sorted(used):
            if abs(ly - u) < lab.get_height():
                ly = u + lab.get_height()
        ly = max(rect.y, min(rect.bottom - lab.get_height(), ly))
        used.append(ly)
        surf.blit(lab, (plot.right + 6, ly))
    surf.set_clip(clip)
