"""A one-line text field: typed characters, Backspace and Delete, the arrows, Home and End; Enter submits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..theme import Theme
from .clip import clipped
from .core import Widget, focus_ring
from .text import font_of, render


class TextField(Widget):
    def __init__(self, rect: pygame.Rect, text: str, on_enter: Callable[[str], Any], *, wid: str = "field",
                 tooltip: str = "", limit: int = 1024):
        super().__init__(rect, wid=wid, tooltip=tooltip)
        self.text, self.cursor, self.limit = text[:limit], min(len(text), limit), limit
        self.on_enter = on_enter

    def view_state(self):
        return self.text, self.cursor

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        k, ch = event.key, getattr(event, "unicode", "")
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return True, self.on_enter(self.text)
        if k == pygame.K_BACKSPACE and self.cursor:
            self.text = self.text[:self.cursor - 1] + self.text[self.cursor:]
            self.cursor -= 1
        elif k == pygame.K_DELETE:
            self.text = self.text[:self.cursor] + self.text[self.cursor + 1:]
        elif k in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_HOME, pygame.K_END):
            moves = {pygame.K_LEFT: self.cursor - 1, pygame.K_RIGHT: self.cursor + 1, pygame.K_HOME: 0,
                     pygame.K_END: len(self.text)}
            self.cursor = max(0, min(len(self.text), moves[k]))
        elif ch and ch.isprintable() and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_META):
            if len(self.text) + len(ch) > self.limit:
                return True, None
            self.text = self.text[:self.cursor] + ch + self.text[self.cursor:]
            self.cursor += len(ch)
        elif k != pygame.K_BACKSPACE:
            return False, None
        return True, None

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        p = theme.palette
        r = self.screen_rect()
        pygame.draw.rect(surf, p.paper, r)
        pygame.draw.rect(surf, p.ink if focused else p.border, r, max(1, theme.px(2)))
        inner = r.inflate(-2 * theme.pad, 0)
        font = font_of(theme, "type")
        before = font.size(self.text[:self.cursor])[0]
        shift = max(0, before - inner.w + theme.px(4))   # keep the cursor in view: the start scrolls away
        with clipped(surf, inner):
            text = render(theme, self.text, "type")
            y = r.centery - text.get_height() // 2
            surf.blit(text, (inner.x - shift, y))
            if focused:
                x = inner.x - shift + before
                pygame.draw.line(surf, p.ink, (x, y), (x, y + text.get_height()), max(1, theme.px(2)))
        if focused:
            focus_ring(surf, theme, r)
