"""Where a tooltip goes: below its anchor or over it, beside a list rather than over its next entry, and off the
panels a screen keeps clear (a forecast, the gauges); and drawing it."""

from __future__ import annotations

import pygame

from .theme import Theme
from .widgets.text import render, wrap


def draw_tooltip(surf: pygame.Surface, th: Theme, text: str, anchor: pygame.Rect, listed: pygame.Rect | None,
                 lists: list[pygame.Rect], keep: list[pygame.Rect]) -> pygame.Rect:
    """Draw a tooltip for anchor: below it (above if no room); for an entry of a list (`listed`, the list's
    view), beside the list, so that it never covers the next entry's title; a tab's tooltip that would cover
    one of the screen's `lists` goes beside that list. Off the `keep` panels where there is room."""
    font = th.font("sans", 0.9)
    screen = surf.get_rect().inflate(-2 * th.pad, -2 * th.pad)
    width = min(th.px(420), screen.w)
    placed = tooltip_beside(th, font, text, anchor, listed, screen) if listed else None
    if placed is None:
        lines = wrap(font, text, width - 2 * th.pad)
        box = tooltip_box(th, font, lines)
        box.topleft = (min(max(screen.x, anchor.x), screen.right - box.w), anchor.bottom + th.px(4))
        if box.bottom > screen.bottom:
            box.y = max(screen.y, anchor.top - box.h - th.px(4))
        under = next((view for view in lists if listed is None and view.colliderect(box)), None)
        if under is not None:   # a tab's tooltip would cover a list's entries: beside the list instead
            box, lines = tooltip_beside(th, font, text, anchor, under, screen) or (box, lines)
    else:
        box, lines = placed
    box = clear_of_panels(th, box, anchor, listed, screen, keep)
    pygame.draw.rect(surf, th.palette.telegram, box)
    pygame.draw.rect(surf, th.palette.ink, box, 1)
    for i, line in enumerate(lines):
        surf.blit(render(th, line, "soft", th.palette.ink), (box.x + th.pad, box.y + th.pad + i * font.get_linesize()))
    return box


def clear_of_panels(th: Theme, box: pygame.Rect, anchor: pygame.Rect, listed: pygame.Rect | None,
                    screen: pygame.Rect, keep: list[pygame.Rect]) -> pygame.Rect:
    """The tooltip's box moved off the panels to keep clear, to the nearest place on the screen that covers
    neither its anchor nor (if it can) the rest of its list; as it was if there is none."""
    if box.collidelist(keep) < 0:
        return box
    gap = th.px(4)
    tries = [box.move(0, k.top - gap - box.bottom) for k in keep] + [box.move(0, k.bottom + gap - box.top) for k in keep]
    tries += [box.move(k.left - gap - box.right, 0) for k in keep] + [box.move(k.right + gap - box.left, 0) for k in keep]
    tries += [box.move(0, anchor.top - gap - box.bottom), box.move(0, anchor.bottom + gap - box.top)]
    tries = [t for t in tries if screen.contains(t) and t.collidelist(keep) < 0 and not t.colliderect(anchor)]
    for ok in ([t for t in tries if listed is None or not t.colliderect(listed)], tries):
        if ok:
            return min(ok, key=lambda t: (abs(t.centery - box.centery) + abs(t.centerx - box.centerx)))
    return box


def tooltip_box(th: Theme, font: pygame.font.Font, lines: list[str]) -> pygame.Rect:
    """An unplaced box that holds the lines with the theme's padding."""
    return pygame.Rect(0, 0, max(font.size(line)[0] for line in lines) + 2 * th.pad,
                       len(lines) * font.get_linesize() + 2 * th.pad)


def tooltip_beside(th: Theme, font: pygame.font.Font, text: str, anchor: pygame.Rect, listed: pygame.Rect,
                   screen: pygame.Rect) -> tuple[pygame.Rect, list[str]] | None:
    """A tooltip box beside the list (the wider side, level with the entry), else under or over the whole list;
    None if there is no such room."""
    gap = th.px(8)
    sides = sorted(((listed.left - gap - screen.x, "left"), (screen.right - listed.right - gap, "right")),
                   reverse=True)
    room, side = sides[0]
    if room >= th.px(200):
        lines = wrap(font, text, min(th.px(420), room) - 2 * th.pad)
        if len(lines) * font.get_linesize() > screen.h // 2:   # a long text: wider, so that it can keep clear
            lines = wrap(font, text, min(th.px(640), room) - 2 * th.pad)
        box = tooltip_box(th, font, lines)
        box.x = listed.left - gap - box.w if side == "left" else listed.right + gap
        box.y = min(max(screen.y, anchor.y), screen.bottom - box.h)
        return box, lines
    lines = wrap(font, text, min(th.px(420), screen.w) - 2 * th.pad)
    box = tooltip_box(th, font, lines)
    box.x = min(max(screen.x, anchor.x), screen.right - box.w)
    for y in (listed.bottom + gap, listed.top - gap - box.h):
        if screen.y <= y and y + box.h <= screen.bottom:
            box.y = y
            return box, lines
    return None
