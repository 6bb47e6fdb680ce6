"""The reason box: several lines of real text input (any alphabet, an input method's composition, paste), and
the counters of a team's vote. While either has the focus, typing never presses a screen's key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ...engine.notes import MAX_REASON
from ..theme import Theme
from .clip import clipped
from .core import Widget, focus_ring
from .editing import TextEdit, copy_text, paste_text, wrap_spans
from .text import font_of, render

TEXT_EVENTS = (pygame.TEXTINPUT, pygame.TEXTEDITING)
# keys a text widget leaves to the screen: moving on (Tab, Enter), going back (Esc), and the window's F keys
PASSED = (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER, *range(pygame.K_F1, pygame.K_F12 + 1))


class TextWidget(Widget):
    """A widget that takes typed text: it gets the window's text events, and every key but those it passes."""

    takes_text = True

    def text_input(self, event: pygame.event.Event) -> bool:
        """A TEXTINPUT or TEXTEDITING event; True if the look changed."""
        return False

    @staticmethod
    def passed(event: pygame.event.Event) -> bool:
        """Whether the key goes on to the screen (Tab, Enter, Esc, F keys, and anything with Alt)."""
        return event.key in PASSED or bool(event.mod & pygame.KMOD_ALT)


class ShortcutEcho:
    """pygame sends a letter key's text after the key itself. A key pressed while no text widget had the focus
    was a shortcut, and may have opened a dialog with a text box: its text is dropped, never typed there."""

    def __init__(self) -> None:
        self.pending = ""   # the text of the last key pressed as a shortcut, until it arrives

    def swallowed(self, event: pygame.event.Event, focused: Any) -> bool:
        """Note a key (with what had the focus when it was pressed); True for the text of a shortcut's key."""
        if event.type == pygame.KEYDOWN:
            self.pending = "" if getattr(focused, "takes_text", False) else getattr(event, "unicode", "")
            return False
        if event.type == pygame.TEXTINPUT and self.pending and event.text == self.pending:
            self.pending = ""
            return True
        return False


class ReasonBox(TextWidget):
    """A reason typed over several lines: the caret moves by character, word and line; Backspace and Delete (with
    Ctrl: a word), Home and End, Shift+Enter for a new line, Ctrl+V to paste, Ctrl+C to copy it all."""

    def __init__(self, rect: pygame.Rect, text: str = "", *, wid: str = "reason", tooltip: str = "",
                 placeholder: str = "Why? Type the reason for this decision.", limit: int = MAX_REASON,
                 on_change: Callable[[str], Any] | None = None):
        super().__init__(rect, wid=wid, tooltip=tooltip)
        self.edit = TextEdit(text, limit)
        self.placeholder, self.on_change = placeholder, on_change
        self.composing = ""        # what an input method is composing at the caret, not yet typed
        self.top = 0               # the first line shown
        self.width, self.measure = 10**9, len   # how lines were last wrapped (before a drawing: by line breaks)

    @property
    def text(self) -> str:
        return self.edit.text

    def view_state(self):
        return self.edit.text, self.edit.caret, self.composing

    # ------------------------------------------------------------ typing
    def text_input(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.TEXTEDITING:
            self.composing = event.text
            return True
        self.composing = ""
        return self.changed(self.edit.insert(event.text))

    def changed(self, did: bool) -> bool:
        if did and self.on_change is not None:
            self.on_change(self.edit.text)
        return did

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        k, ctrl, e = event.key, bool(event.mod & (pygame.KMOD_CTRL | pygame.KMOD_META)), self.edit
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER) and event.mod & pygame.KMOD_SHIFT:
            self.changed(e.insert("\n"))
            return True, None
        if self.passed(event):
            return False, None
        if ctrl and k == pygame.K_v:
            self.changed(e.insert(paste_text()))
        elif ctrl and k in (pygame.K_c, pygame.K_x):
            copy_text(e.text)
            if k == pygame.K_x and e.text:
                self.edit = TextEdit("", e.limit)
                self.changed(True)
        elif k == pygame.K_BACKSPACE:
            self.changed(e.backspace(ctrl))
        elif k == pygame.K_DELETE:
            self.changed(e.delete(ctrl))
        elif k in (pygame.K_UP, pygame.K_DOWN):
            return self.line_move(-1 if k == pygame.K_UP else 1), None
        else:
            self.caret_key(k, ctrl)
        return True, None   # any other key is typing (its character comes as TEXTINPUT), never a screen's key

    @property
    def spans(self) -> list[tuple[int, int]]:
        """The text's lines as last wrapped: (start, end) of each."""
        return wrap_spans(self.edit.text, self.width, self.measure)

    def caret_key(self, k: int, ctrl: bool) -> None:
        """Left and Right (with Ctrl: by word), Home and End (of the line; with Ctrl: of the text)."""
        e = self.edit
        spans = self.spans
        start, end = spans[self.line_of(e.caret, spans)]
        moves = {pygame.K_LEFT: e.word_start() if ctrl else e.caret - 1,
                 pygame.K_RIGHT: e.word_end() if ctrl else e.caret + 1,
                 pygame.K_HOME: 0 if ctrl else start,
                 pygame.K_END: len(e.text) if ctrl else (end if end == len(e.text) or e.text[end - 1:end] == "\n"
                                                         else end - (e.text[end - 1:end] == " "))}
        if k in moves:
            e.move(moves[k])

    def line_of(self, index: int, spans: list[tuple[int, int]] | None = None) -> int:
        """The wrapped line the caret at index is on (at a line's end, the line it ends)."""
        spans = spans or self.spans
        for i, (start, end) in enumerate(spans):
            if start <= index <= end and (index < end or i == len(spans) - 1 or spans[i + 1][0] > end):
                return i
        return len(spans) - 1

    def line_move(self, step: int) -> bool:
        """Up or Down a line, keeping the caret's column; at the first or last line the key moves the focus on."""
        spans = self.spans
        line = self.line_of(self.edit.caret, spans)
        if not 0 <= line + step < len(spans):
            return False
        column = self.edit.caret - spans[line][0]
        start, end = spans[line + step]
        self.edit.move(min(start + column, end))
        return True

    # ------------------------------------------------------------ drawing
    def reflow(self, theme: Theme) -> pygame.font.Font:
        """Wrap the lines as the box is wide in this theme; return its font."""
        font = font_of(theme, "body")
        self.width, self.measure = self.rect.w - 2 * theme.pad - theme.px(6), lambda s: font.size(s)[0]
        return font

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        p = theme.palette
        r = self.screen_rect()
        pygame.draw.rect(surf, p.paper, r)
        pygame.draw.rect(surf, p.ink if focused else p.border, r, max(1, theme.px(2)))
        font = self.reflow(theme)
        lh = font.get_linesize()
        inner = r.inflate(-2 * theme.pad, -theme.pad)
        rows = max(1, inner.h // lh)
        spans = self.spans
        line = self.line_of(self.edit.caret, spans)
        self.top = min(max(self.top, line - rows + 1), line, max(0, len(spans) - rows))
        with clipped(surf, inner):
            if not self.edit.text and not self.composing:
                surf.blit(render(theme, self.placeholder, "soft"), inner.topleft)
            for i in range(self.top, min(len(spans), self.top + rows)):
                start, end = spans[i]
                text = self.edit.text[start:end].rstrip("\n")
                y = inner.y + (i - self.top) * lh
                if text:
                    surf.blit(render(theme, text, "body"), (inner.x, y))
                if i == line and focused:
                    self.draw_caret(surf, theme, font, (inner.x + font.size(self.edit.text[start:self.edit.caret])[0], y))
        self.draw_count(surf, theme, r)
        if focused:
            focus_ring(surf, theme, r)

    def draw_caret(self, surf: pygame.Surface, theme: Theme, font: pygame.font.Font, at: tuple[int, int]) -> None:
        """The caret, after what an input method is composing (underlined); the method's window is put beside it."""
        x, y = at
        lh = font.get_linesize()
        if self.composing:
            shown = render(theme, self.composing, "body")
            surf.blit(shown, (x, y))
            pygame.draw.line(surf, theme.palette.ink, (x, y + lh - 2), (x + shown.get_width(), y + lh - 2))
            x += shown.get_width()
        pygame.draw.line(surf, theme.palette.ink, (x, y + 2), (x, y + lh - 2), max(1, theme.px(2)))
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            pygame.key.set_text_input_rect(pygame.Rect(x, y, 1, lh))

    def draw_count(self, surf: pygame.Surface, theme: Theme, r: pygame.Rect) -> None:
        """How many characters are left, once fewer than a tenth remain."""
        left = self.edit.limit - len(self.edit.text)
        if left < self.edit.limit // 10:
            label = render(theme, f"{left} characters left", "small")
            surf.blit(label, (r.right - label.get_width() - theme.pad, r.bottom - label.get_height() - 2))


class Counter(TextWidget):
    """A count under a label (votes, minutes): digits typed, Backspace, + and -; a click on − or + at either end."""

    def __init__(self, rect: pygame.Rect, label: str, count: int = 0, *, wid: str = "", most: int = 999,
                 on_change: Callable[[], Any] | None = None, tooltip: str = "", zero: str = ""):
        super().__init__(rect, wid=wid or f"vote-{label}", tooltip=tooltip or f"Votes {label}: type a number, or + and -")
        self.label, self.count, self.most, self.on_change = label, count, most, on_change
        self.zero = zero   # what a count of 0 reads as ("": 0)
        self.mouse_x = -1

    def view_state(self):
        return self.count

    def set(self, count: int) -> bool:
        count = max(0, min(self.most, count))
        if count == self.count:
            return False
        self.count = count
        if self.on_change is not None:
            self.on_change()
        return True

    def text_input(self, event: pygame.event.Event) -> bool:
        if event.type != pygame.TEXTINPUT:
            return False
        if event.text in "+-":
            return self.set(self.count + (1 if event.text == "+" else -1))
        digits = "".join(ch for ch in event.text if ch.isascii() and ch.isdigit())
        return bool(digits) and self.set(int(str(self.count) + digits) if self.count else int(digits))

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        if self.passed(event) or event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            return False, None
        if event.key == pygame.K_BACKSPACE:
            self.set(self.count // 10)
        return True, None

    def point(self, pos: tuple[int, int]) -> bool:
        self.mouse_x = pos[0]
        return False

    def activate(self) -> Any:
        """A click: on the − at the left, one fewer; on the + at the right (or anywhere else), one more."""
        r = self.screen_rect()
        self.set(self.count - 1 if 0 <= self.mouse_x < r.x + self.end(r) else self.count + 1)
        return None

    @staticmethod
    def end(r: pygame.Rect) -> int:
        """How wide the − and the + at either end are."""
        return r.h * 3 // 4

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        p = theme.palette
        r = self.screen_rect()
        pygame.draw.rect(surf, p.paper, r)
        pygame.draw.rect(surf, p.ink if focused or hovered else p.border, r, max(1, theme.px(2)))
        minus, plus, end = render(theme, "−", "strong"), render(theme, "+", "strong"), self.end(r)
        surf.blit(minus, (r.x + (end - minus.get_width()) // 2, r.centery - minus.get_height() // 2))
        surf.blit(plus, (r.right - (end + plus.get_width()) // 2, r.centery - plus.get_height() // 2))
        text = render(theme, f"{self.label}: {self.count or self.zero or 0}", "body")
        with clipped(surf, r.inflate(-2 * end, 0)):
            surf.blit(text, (r.centerx - text.get_width() // 2, r.centery - text.get_height() // 2))
        if focused:
            focus_ring(surf, theme, r)
