"""Widgets: a rectangle that can be focused, hovered, activated, and may live in a scrolled panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..flow import Notice
from ..theme import Theme
from .clip import clipped
from .text import Block, Line, draw_lines, layout_blocks


class Scroller:
    """A viewport onto taller content: widgets inside it are offset and clipped."""

    def __init__(self, view: pygame.Rect, content_height: int = 0):
        self.view = pygame.Rect(view)
        self.content = content_height
        self.offset = 0

    @property
    def limit(self) -> int:
        return max(0, self.content - self.view.h)

    def scroll(self, dy: int) -> bool:
        new = max(0, min(self.limit, self.offset + dy))
        changed = new != self.offset
        self.offset = new
        return changed

    def ensure(self, rect: pygame.Rect) -> None:
        """Scroll so that a content rectangle is visible."""
        top = rect.top - self.view.top
        if top < self.offset:
            self.offset = max(0, top)
        elif top + rect.h > self.offset + self.view.h:
            self.offset = min(self.limit, top + rect.h - self.view.h)

    def draw_bar(self, surf: pygame.Surface, theme: Theme) -> None:
        if self.limit <= 0:
            return
        w = theme.px(5)
        track = pygame.Rect(self.view.right - w, self.view.top, w, self.view.h)
        pygame.draw.rect(surf, theme.palette.rule, track)
        h = max(theme.px(20), self.view.h * self.view.h // max(1, self.content))
        y = self.view.top + (self.view.h - h) * self.offset // max(1, self.limit)
        pygame.draw.rect(surf, theme.palette.ink_soft, (track.x, y, w, h))


class Widget:
    focusable = True

    def __init__(self, rect: pygame.Rect, *, wid: str = "", tooltip: str = "", scroller: Scroller | None = None):
        self.rect = pygame.Rect(rect)
        self.wid = wid
        self.tooltip = tooltip
        self.scroller = scroller
        self.key_code: int | None = None

    def screen_rect(self) -> pygame.Rect:
        return self.rect.move(0, -self.scroller.offset) if self.scroller else self.rect

    def hit(self, pos: tuple[int, int]) -> bool:
        if self.scroller and not self.scroller.view.collidepoint(pos):
            return False
        return self.screen_rect().collidepoint(pos)

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        pass

    def tip(self) -> str:
        return self.tooltip

    def tip_anchor(self) -> pygame.Rect:
        """Where the tooltip attaches."""
        return self.screen_rect()

    def view_state(self):
        """Anything besides layout, hover and focus that changes the widget's look (for the frame cache)."""
        return None

    def point(self, pos: tuple[int, int]) -> bool:
        """The mouse moved over the widget; return True if that changes its look."""
        return False

    def activate(self) -> Any:
        return None

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        return False, None

    def wheel(self, dy: int) -> bool:
        return False


def focus_ring(surf: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
    w = max(2, theme.px(3))
    pygame.draw.rect(surf, theme.palette.focus, rect.inflate(w * 2, w * 2), w, border_radius=theme.px(4))


class Control(Widget):
    """Something the player presses (a button, a tab, an option, a list entry): pressing it calls on_press, whose
    request goes back to the screen; a disabled control says why instead (its tooltip)."""

    def __init__(self, rect: pygame.Rect, label: str, on_press: Callable[[], Any] | None, *, key: int | None = None,
                 enabled: bool = True, tooltip: str = "", wid: str = "", scroller: Scroller | None = None):
        super().__init__(rect, wid=wid or label, tooltip=tooltip, scroller=scroller)
        self.label, self.on_press, self.enabled = label, on_press, enabled
        self.key_code = key

    def activate(self) -> Any:
        if not self.enabled:
            return Notice(self.tooltip or "Not available now.", "bad")
        return self.on_press() if self.on_press else None

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        with clipped(surf, self.scroller.view if self.scroller else None):
            self.paint(surf, theme, focused, hovered)

    def paint(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        """Draw the control (inside its panel's clip)."""
        raise NotImplementedError


class ScrollText(Widget):
    """A focusable block of styled text that scrolls with the wheel, arrows and Page keys."""

    def __init__(self, rect: pygame.Rect, theme: Theme, blocks: list[Block], *, wid: str = "text",
                 tooltip: str = "", style_bg: str | None = None):
        super().__init__(rect, wid=wid, tooltip=tooltip)
        self.lines: list[Line]
        self.lines, self.height = layout_blocks(theme, blocks, self.rect.w - theme.pad * 2 - theme.px(8))
        self.offset = 0
        self.bg = style_bg
        self.step = theme.line_height() * 2
        self.focusable = self.height > self.rect.h - theme.pad  # only if there is something to scroll

    @property
    def limit(self) -> int:
        return max(0, self.height - self.rect.h + 2 * 8)

    def scroll(self, dy: int) -> bool:
        new = max(0, min(self.limit, self.offset + dy))
        changed = new != self.offset
        self.offset = new
        return changed

    def wheel(self, dy: int) -> bool:
        return self.scroll(-dy * self.step)

    def view_state(self):
        return self.offset

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        page = self.rect.h - self.step
        moves = {pygame.K_UP: -self.step, pygame.K_DOWN: self.step, pygame.K_PAGEUP: -page,
                 pygame.K_PAGEDOWN: page, pygame.K_HOME: -10**9, pygame.K_END: 10**9}
        if event.key in moves:
            moved = self.scroll(moves[event.key])
            # at either end the arrows move on to the next control (Tab always does): no keyboard trap
            return moved or event.key not in (pygame.K_UP, pygame.K_DOWN), None
        return False, None

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        if self.bg:
            pygame.draw.rect(surf, getattr(theme.palette, self.bg), self.rect)
        with clipped(surf, self.rect.inflate(-2, -2)):
            draw_lines(surf, theme, self.lines, self.rect.x + theme.pad, self.rect.y + theme.pad - self.offset,
                       self.rect)
        if self.limit > 0:
            w = theme.px(5)
            track = pygame.Rect(self.rect.right - w - 2, self.rect.top + 2, w, self.rect.h - 4)
            pygame.draw.rect(surf, theme.palette.rule, track)
            h = max(theme.px(20), track.h * self.rect.h // max(1, self.height))
            y = track.y + (track.h - h) * self.offset // max(1, self.limit)
            pygame.draw.rect(surf, theme.palette.ink_soft, (track.x, y, w, h))
        if focused:
            focus_ring(surf, theme, self.rect)
