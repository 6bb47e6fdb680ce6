"""Editing typed text: a caret in a string, words, a length limit, wrapping into lines, and the clipboard."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable

import pygame

_clipboard = ""   # what was last copied here, if the system's clipboard cannot be had


def _typable(ch: str, lines: bool) -> bool:
    if ch == "\n":
        return lines
    return unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn", "Cf") or ch in "\u200c\u200d"


class TextEdit:
    """A text and its caret; every change keeps the text within `limit` characters."""

    def __init__(self, text: str = "", limit: int = 1000, lines: bool = True):
        self.limit, self.lines = limit, lines
        self.text = self.clean(text)[:limit]
        self.caret = len(self.text)

    def clean(self, text: str) -> str:
        """What may be typed: line breaks (if the text has lines) and printable characters, in NFC."""
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
        return "".join(ch for ch in text if _typable(ch, self.lines))

    def insert(self, typed: str) -> bool:
        """Insert at the caret as much as the limit allows; False if nothing could be."""
        room = self.limit - len(self.text)
        typed = self.clean(typed)[:max(0, room)]
        if not typed:
            return False
        self.text = self.text[:self.caret] + typed + self.text[self.caret:]
        self.caret += len(typed)
        return True

    def word_start(self) -> int:
        """Where the word before the caret starts (skipping the spaces before it)."""
        i = self.caret
        while i > 0 and self.text[i - 1].isspace():
            i -= 1
        while i > 0 and not self.text[i - 1].isspace():
            i -= 1
        return i

    def word_end(self) -> int:
        """Where the word after the caret ends (skipping the spaces before it)."""
        i, n = self.caret, len(self.text)
        while i < n and self.text[i].isspace():
            i += 1
        while i < n and not self.text[i].isspace():
            i += 1
        return i

    def backspace(self, word: bool = False) -> bool:
        start = self.word_start() if word else max(0, self.caret - 1)
        if start == self.caret:
            return False
        self.text = self.text[:start] + self.text[self.caret:]
        self.caret = start
        return True

    def delete(self, word: bool = False) -> bool:
        end = self.word_end() if word else min(len(self.text), self.caret + 1)
        if end == self.caret:
            return False
        self.text = self.text[:self.caret] + self.text[end:]
        return True

    def move(self, to: int) -> bool:
        to = max(0, min(len(self.text), to))
        moved, self.caret = to != self.caret, to
        return moved


def wrap_spans(text: str, width: int, measure: Callable[[str], int]) -> list[tuple[int, int]]:
    """The text as lines no wider than width: (start, end) indexes of each, breaking at spaces (a word too long
    for a line at any character) and at line breaks. An empty text is one empty line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for para in text.split("\n"):
        end = start + len(para)
        spans += _wrap_para(text, start, end, width, measure)
        start = end + 1
    return spans


def _wrap_para(text: str, start: int, end: int, width: int, measure: Callable[[str], int]) -> list[tuple[int, int]]:
    spans = []
    while True:
        if measure(text[start:end]) <= width:
            spans.append((start, end))
            return spans
        cut = start + 1
        while cut < end and measure(text[start:cut + 1]) <= width:
            cut += 1
        space = text.rfind(" ", start, cut + 1)
        if space > start:
            cut = space + 1   # the space stays at the end of its line
        spans.append((start, cut))
        start = cut


def paste_text() -> str:
    """The clipboard's text: the system's if it can be had, else what was last copied in this window."""
    with contextlib.suppress(Exception):   # no clipboard on this system, or no window yet
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            found = pygame.scrap.get_text()
            if found:
                return found
    return _clipboard


def copy_text(text: str) -> None:
    """Put the text on the clipboard (the system's if it can be had, and this window's own)."""
    global _clipboard
    _clipboard = text
    with contextlib.suppress(Exception):
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            pygame.scrap.put_text(text)
