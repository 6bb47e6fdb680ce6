"""A line chart of the meters over the game, drawn on a pygame surface (the HTML debrief draws SVG)."""

from __future__ import annotations

import pygame

from ..export.chart_svg import SERIES_COLORS, axis_share, axis_words, spread
from .theme import Theme
from .widgets.clip import clipped
from .widgets.text import fit_at_word, font_of, render


def draw_chart(surf: pygame.Surface, theme: Theme, rect: pygame.Rect, history: list[dict], weeks: list[int],
               meters: list, unit: str = "week") -> None:
    """The gauges over the game (weeks: the week each history row closes, see engine.debrief's history_weeks)."""
    p = theme.palette
    pygame.draw.rect(surf, p.paper, rect)
    pygame.draw.rect(surf, p.border, rect, 1)
    if not history or not meters:
        return
    style, label_w = legend_style(theme, [m.name for m in meters], rect.w * 9 // 20)
    lo = min(m.min for m in meters)
    hi = max(m.max for m in meters)
    span = (hi - lo) or 1
    ticks = [(frac, render(theme, f"{lo + span * frac:g}", "small")) for frac in (0, 0.25, 0.5, 0.75, 1)]
    left = max(theme.px(34), max(lab.get_width() for _f, lab in ticks) + theme.px(8))   # the numbers inside
    line = font_of(theme, "small").get_linesize()
    top, bottom = max(theme.px(10), line // 2 + 2), max(theme.px(24), line + 4)
    plot = pygame.Rect(rect.x + left, rect.y + top, rect.w - left - theme.px(10) - label_w, rect.h - top - bottom)
    for frac, lab in ticks:
        y = plot.bottom - int(plot.h * frac)
        pygame.draw.line(surf, p.rule, (plot.x, y), (plot.right, y))
        surf.blit(lab, (plot.x - lab.get_width() - 4, y - lab.get_height() // 2))
    week = render(theme, axis_words(weeks, unit), "small")
    surf.blit(week, (plot.centerx - week.get_width() // 2, plot.bottom + 2))
    with clipped(surf, rect.inflate(-2, -2)):
        ends: list[tuple[float, int]] = []
        for i, m in enumerate(meters):
            col = SERIES_COLORS[i % len(SERIES_COLORS)]
            pts = []
            for t, row in enumerate(history):
                v = row.get(m.id, m.start)
                x = plot.x + int(plot.w * axis_share(weeks, t))
                y = plot.bottom - int(plot.h * (v - lo) / span)
                pts.append((x, y))
            if len(pts) > 1:
                pygame.draw.lines(surf, col, False, pts, max(2, theme.px(2)))
            ends.append((pts[-1][1], i))
        lh = font_of(theme, style).get_linesize()
        for y, i in spread(ends, lh, rect.y + lh / 2 + 1, rect.bottom - lh / 2 - 1):   # no two labels overprint
            col = SERIES_COLORS[i % len(SERIES_COLORS)]
            lab = render(theme, fit_at_word(theme, meters[i].name, style, rect.right - plot.right - 10), style, col)
            surf.blit(lab, (plot.right + 6, int(y - lab.get_height() / 2)))


def legend_style(theme: Theme, names: list[str], most: int) -> tuple[str, int]:
    """The type of the lines' names beside the chart, the largest in which every name fits most pixels, and the
    room they take (in the smallest type, names still too long are cut at a word)."""
    for style in LEGEND_STYLES:
        need = max(font_of(theme, style).size(n)[0] for n in names) + theme.px(12)
        if need <= most:
            return style, need
    return LEGEND_STYLES[-1], most


LEGEND_STYLES = ("small", "map_small", "map_tiny")
