"""Drawing the stack of screens, with a cache of the last frame and the transient notice.

The frame without hover, focus and tooltip is kept; while nothing in it changes, the next frame only repaints
where the overlay (hover, focus, tooltip, notice) was and now is, and tells the display just those rectangles.
"""

from __future__ import annotations

from typing import Any

import pygame

from .flow import Notice
from .theme import Theme
from .widgets.core import Control
from .widgets.text import render, wrap


class Frame:
    def __init__(self) -> None:
        self.cached: pygame.Surface | None = None   # the last frame without hover, focus and tooltip
        self.key: tuple | None = None
        self.overlay: list[pygame.Rect] = []        # where the last frame drew over the cached one

    def forget(self) -> None:
        """Something changed that the frame's key does not show: draw the next frame whole."""
        self.key = None
        self.overlay = []

    def draw(self, surf: pygame.Surface, stack: list[Any], theme: Theme, notice: Notice | None) -> list[pygame.Rect] | None:
        """Draw the frame; return the rectangles that changed, or None if the whole window did."""
        if not stack:
            surf.fill(theme.palette.desk)
            return None
        top = stack[-1]
        top.ensure_layout()
        key = (tuple(id(s) for s in stack), top.view_key(), surf.get_size(), id(theme))
        changed: list[pygame.Rect] | None
        if key != self.key or self.cached is None or self.cached.get_size() != surf.get_size():
            draw_stack(surf, stack)
            if self.cached is None or self.cached.get_size() != surf.get_size():
                self.cached = pygame.Surface(surf.get_size())
                if pygame.display.get_surface() is not None:
                    self.cached = self.cached.convert(surf)
            self.cached.blit(surf, (0, 0))
            self.key = key
            changed = None
        else:   # only what was drawn over the cached frame last time, and this time, needs repainting
            changed = list(self.overlay)
            for r in changed:
                surf.blit(self.cached, r, r)
        overlay = top.draw_overlay(surf)
        if notice:
            overlay.append(draw_notice(surf, theme, notice, controls(top)))
        bounds = surf.get_rect()
        self.overlay = [r.clip(bounds) for r in overlay]
        if changed is not None:
            changed += self.overlay
        return changed


def draw_stack(surf: pygame.Surface, stack: list[Any]) -> None:
    """Every visible screen, bottom to top, without hover, focus or tooltip; a shade under each modal one."""
    first = len(stack) - 1
    while first > 0 and stack[first].modal:
        first -= 1
    for i in range(first, len(stack)):
        screen = stack[i]
        screen.ensure_layout()
        if i > first:
            shade = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
            shade.fill((0, 0, 0, 120))
            surf.blit(shade, (0, 0))
        screen.overlay_only = True
        try:
            screen.draw(surf)
        finally:
            screen.overlay_only = False


def draw_notice(surf: pygame.Surface, theme: Theme, notice: Notice, avoid: list[pygame.Rect]) -> pygame.Rect:
    """The notice in a coloured box placed where it hides none of the rectangles in avoid; return where."""
    th = theme
    p = th.palette
    font = th.font("bold")
    width = min(th.px(700), surf.get_width() - 4 * th.pad)
    lines = wrap(font, notice.text, width - 2 * th.pad)
    h = len(lines) * font.get_linesize() + 2 * th.pad
    w = max(font.size(x)[0] for x in lines) + 2 * th.pad
    box = notice_place(th, pygame.Rect(0, 0, w, h), surf.get_size(), avoid)
    col = {"bad": p.stamp, "good": p.good}.get(notice.kind, p.accent)
    pygame.draw.rect(surf, col, box, border_radius=th.px(4))
    pygame.draw.rect(surf, p.ink, box, 1, border_radius=th.px(4))
    for i, line in enumerate(lines):
        surf.blit(render(th, line, "strong", p.accent_text), (box.x + th.pad, box.y + th.pad + i * font.get_linesize()))
    return box.inflate(2, 2)


def controls(screen: Any) -> list[pygame.Rect]:
    """Where a screen's controls are visible (in a scrolled list: the part inside its view)."""
    screen.ensure_layout()
    rects = []
    for w in screen.widgets:
        if isinstance(w, Control):
            r = w.screen_rect()
            if w.scroller:
                r = r.clip(w.scroller.view)
            if r.w > 0 and r.h > 0:
                rects.append(r)
    return rects


def notice_place(theme: Theme, box: pygame.Rect, size: tuple[int, int], avoid: list[pygame.Rect]) -> pygame.Rect:
    """Where a notice goes: low and centred if it hides no control; else as low as possible, centred,
    at the left or at the right, where it hides none; if there is no such place, at the bottom."""
    th = theme
    sw, sh = size
    margin = th.px(14)
    avoid = [r.inflate(th.px(4), th.px(4)) for r in avoid]
    xs = [(sw - box.w) // 2, margin, sw - margin - box.w]
    y = sh - margin - box.h
    while y >= margin:
        for x in xs:
            cand = pygame.Rect(x, y, box.w, box.h)
            if cand.collidelist(avoid) < 0:
                return cand
        y -= th.px(8)
    box.midbottom = (sw // 2, sh - margin)
    return box
