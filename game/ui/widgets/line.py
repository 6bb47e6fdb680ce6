"""A one-line text field taking real text input (any alphabet, an input method, paste): a name, a code, a PIN."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..theme import Theme
from .clip import clipped
from .core import focus_ring
from .editing import TextEdit, copy_text, paste_text
from .reason import TextWidget
from .text import font_of, render


class LineEdit(TextWidget):
    """One line of text: the caret by character and word, Home and End, Backspace and Delete (with Ctrl: a
    word), Ctrl+V and Ctrl+C; `allowed` filters what may be typed (digits for a code), `secret` shows dots."""

    def __init__(self, rect: pygame.Rect, text: str = "", *, wid: str, limit: int = 60, placeholder: str = "",
                 tooltip: str = "", allowed: Callable[[str], bool] | None = None, secret: bool = False,
                 on_change: Callable[[str], Any] | None = None):
        super().__init__(rect, wid=wid, tooltip=tooltip)
        self.edit = TextEdit(text, limit, lines=False)
        self.placeholder, self.allowed, self.secret, self.on_change = placeholder, allowed, secret, on_change
        self.composing = ""

    @property
    def text(self) -> str:
        return self.edit.text

    def view_state(self):
        return self.edit.text, self.edit.caret, self.composing

    def put(self, typed: str) -> bool:
        """Insert what may be typed of it; tell the owner if the text changed."""
        if self.allowed is not None:
            typed = "".join(ch for ch in typed if self.allowed(ch))
        done = self.edit.insert(typed)
        return self.changed(done)

    def changed(self, did: bool) -> bool:
        if did and self.on_change is not None:
            self.on_change(self.edit.text)
        return did

    def text_input(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTEDITING:
            self.composing = "" if self.secret else event.text
            return True
        self.composing = ""
        return self.put(event.text)

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        k, ctrl, e = event.key, bool(event.mod & (pygame.KMOD_CTRL | pygame.KMOD_META)), self.edit
        if self.passed(event) or k in (pygame.K_UP, pygame.K_DOWN):
            return False, None
        if ctrl and k == pygame.K_v:
            self.put(paste_text())
        elif ctrl and k == pygame.K_c and not self.secret:
            copy_text(e.text)
        elif k == pygame.K_BACKSPACE:
            self.changed(e.backspace(ctrl))
        elif k == pygame.K_DELETE:
            self.changed(e.delete(ctrl))
        else:
            moves = {pygame.K_LEFT: e.word_start() if ctrl else e.caret - 1, pygame.K_HOME: 0,
                     pygame.K_RIGHT: e.word_end() if ctrl else e.caret + 1, pygame.K_END: len(e.text)}
            if k in moves:
                e.move(moves[k])
        return True, None   # any other key is typing (its character comes as TEXTINPUT), never a screen's key

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        p = theme.palette
        r = self.screen_rect()
        pygame.draw.rect(surf, p.paper, r)
        pygame.draw.rect(surf, p.ink if focused or hovered else p.border, r, max(1, theme.px(2)))
        inner = r.inflate(-2 * theme.pad, 0)
        font = font_of(theme, "body")
        shown = "•" * len(self.edit.text) if self.secret else self.edit.text
        before = font.size(shown[:self.edit.caret])[0]
        shift = max(0, before - inner.w + theme.px(4))   # keep the caret in view: the start scrolls away
        with clipped(surf, inner):
            y = r.centery - font.get_linesize() // 2
            if shown:
                surf.blit(render(theme, shown, "body"), (inner.x - shift, y))
            elif self.placeholder:
                surf.blit(render(theme, self.placeholder, "soft"), (inner.x, y))
            if focused:
                x = inner.x - shift + before
                if self.composing:
                    comp = render(theme, self.composing, "body")
                    surf.blit(comp, (x, y))
                    x += comp.get_width()
                pygame.draw.line(surf, p.ink, (x, y + 2), (x, y + font.get_linesize() - 2), max(1, theme.px(2)))
        if focused:
            focus_ring(surf, theme, r)
