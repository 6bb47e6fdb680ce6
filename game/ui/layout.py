"""Rows and columns of rectangles: the arithmetic the screens' layouts share."""

from __future__ import annotations

import pygame


def row(area: pygame.Rect, widths: list[int], gap: int, align: str = "left") -> list[pygame.Rect]:
    """Cells of these widths side by side, gap apart, as tall as area: from its left edge, or ending at its right
    edge (align "right")."""
    x = area.x if align == "left" else area.right - sum(widths) - gap * (len(widths) - 1)
    cells = []
    for w in widths:
        cells.append(pygame.Rect(x, area.y, w, area.h))
        x += w + gap
    return cells


def equal_row(area: pygame.Rect, n: int, gap: int) -> list[pygame.Rect]:
    """n cells of one width across area, gap apart (what the division leaves over stays at the right)."""
    w = (area.w - gap * (n - 1)) // max(1, n)
    return row(area, [w] * n, gap)


def column(area: pygame.Rect, heights: list[int], gap: int = 0) -> list[pygame.Rect]:
    """Cells of these heights one under another from the top of area, gap apart, as wide as area."""
    y = area.y
    cells = []
    for h in heights:
        cells.append(pygame.Rect(area.x, y, area.w, h))
        y += h + gap
    return cells


def fits(widths: list[int], gap: int, room: int) -> bool:
    """Whether cells of these widths, gap apart, fit in room."""
    return sum(widths) + gap * (len(widths) - 1) <= room
