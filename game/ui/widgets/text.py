"""Wrapping and drawing text, with a cache of rendered lines (redraws blit, they do not render)."""

from __future__ import annotations

import re
from typing import NamedTuple

import pygame

from ..theme import Theme

# style: (font kind, size relative to the base, palette colour)
STYLES = {
    "title": ("bold", 1.7, "ink"),
    "head": ("bold", 1.2, "ink"),
    "strong": ("bold", 1.0, "ink"),
    "strong_small": ("bold", 0.85, "ink"),   # a button's label where the usual size leaves no room for its key
    "body": ("sans", 1.0, "ink"),
    "soft": ("sans", 0.9, "ink_soft"),
    "small": ("sans", 0.8, "ink_soft"),
    "keycap": ("sans", 0.62, "ink_soft"),   # a key hint squeezed beside a label (large text, narrow button)
    "map_small": ("sans", 0.68, "ink"),     # a territory's name where the usual size finds no room
    "map_tiny": ("sans", 0.55, "ink"),      # ... and where that finds none either
    "italic": ("italic", 1.0, "ink_soft"),
    "type": ("type", 0.92, "ink"),
    "type_head": ("type", 1.1, "ink"),
    "type_big": ("type", 2.0, "ink"),         # a join code to read out (the teacher's console)
    "stamp": ("bold", 1.0, "stamp"),
    "good": ("bold", 1.0, "good"),
    "bad": ("bold", 1.0, "bad"),
    "desk": ("sans", 1.0, "on_desk"),
    "desk_head": ("bold", 1.3, "on_desk"),
    "desk_soft": ("sans", 0.85, "on_desk"),
}

_cache: dict[tuple, pygame.Surface] = {}


def font_of(theme: Theme, style: str) -> pygame.font.Font:
    """The font of a text style."""
    kind, rel, _ = STYLES[style]
    return theme.font(kind, rel)


# control characters (but tab and line feed) and lone surrogates: a font cannot draw them, and raises on some
_UNDRAWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str, lines: bool = False) -> str:
    """The text without what a font cannot draw: tabs (and line breaks, unless lines) become spaces; other
    control characters and lone surrogates are dropped. Every text drawn or measured here passes through it."""
    text = _UNDRAWABLE.sub("", text).replace("\t", " ")
    return text if lines else text.replace("\n", " ")


def render(theme: Theme, text: str, style: str = "body", color=None) -> pygame.Surface:
    kind, rel, cname = STYLES[style]
    font = theme.font(kind, rel)
    col = color or getattr(theme.palette, cname)
    key = (id(font), text, col)
    surf = _cache.get(key)
    if surf is None:
        if len(_cache) > 6000:
            _cache.clear()
        surf = font.render(printable(text), True, col)
        if pygame.display.get_surface() is not None:
            surf = surf.convert_alpha()   # the display's pixel format: faster blits
        _cache[key] = surf
    return surf


_wrapped: dict[tuple, list[str]] = {}


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break text into lines no wider than width; newlines start new lines (cached)."""
    key = (id(font), text, width)
    found = _wrapped.get(key)
    if found is None:
        if len(_wrapped) > 4000:
            _wrapped.clear()
        found = _wrapped[key] = _wrap(font, printable(text, lines=True), width)
    return found


# where a word too long for a line may break, best first: between a path's folders, else inside a file's name
SEPARATORS = (("/", "\\"), ("-", "_", "."))


def _wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    lines: list[str] = []
    width = max(20, width)
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while len(word) > 1:   # an over-long word (a path) is cut after a separator, else where it must be
                cut = max(1, fitting(font, word, width))
                if cut == len(word):
                    break
                cut = break_after_separator(word, cut)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def break_after_separator(word: str, cut: int) -> int:
    """Where to break a word whose first `cut` characters fit: after the last separator among them (of the best
    kind present), so that a path breaks between folders, never mid-name; else at cut."""
    for kind in SEPARATORS:
        at = max(word.rfind(sep, 0, cut) for sep in kind)
        if at > 0:
            return at + 1
    return cut


def fitting(font: pygame.font.Font, text: str, width: int, suffix: str = "") -> int:
    """How many of text's first characters, followed by suffix, fit in width (the suffix alone is taken to fit).

    Probes double in length until one is too wide, then a binary search finds the cut: each probe is at most
    twice the answer's length, so cutting a long text into lines costs time in proportion to its length."""
    def fits(n: int) -> bool:
        return font.size(text[:n] + suffix)[0] <= width

    good, bad = 0, None
    probe = 8
    while bad is None:
        if probe >= len(text):
            if fits(len(text)):
                return len(text)
            bad = len(text)
        elif fits(probe):
            good, probe = probe, probe * 2
        else:
            bad = probe
    while bad - good > 1:
        mid = (good + bad) // 2
        if fits(mid):
            good = mid
        else:
            bad = mid
    return good


class Block(NamedTuple):
    style: str
    text: str
    indent: int = 0


class Line(NamedTuple):
    style: str
    text: str
    x: int
    y: int


def layout_blocks(theme: Theme, blocks: list[Block], width: int) -> tuple[list[Line], int]:
    """Wrap blocks of styled text into positioned lines; return them and the total height."""
    out: list[Line] = []
    y = 0
    for block in blocks:
        if block.style == "gap":
            y += theme.line_height() // 2
            continue
        kind, rel, _ = STYLES[block.style]
        font = theme.font(kind, rel)
        lh = font.get_linesize()
        indent = theme.px(block.indent)
        for text in wrap(font, block.text, width - indent):
            out.append(Line(block.style, text, indent, y))
            y += lh
        if block.style in ("title", "head", "type_head"):
            y += lh // 5
    return out, y


def draw_lines(surf: pygame.Surface, theme: Theme, lines: list[Line], x: int, y: int,
               clip: pygame.Rect | None = None) -> None:
    top = clip.top if clip else -10**9
    bottom = clip.bottom if clip else 10**9
    for line in lines:
        ly = y + line.y
        if ly > bottom:
            break
        if ly + theme.base * 3 < top or not line.text:
            continue
        surf.blit(render(theme, line.text, line.style), (x + line.x, ly))


def fit(theme: Theme, text: str, style: str, width: int) -> str:
    """The text, shortened with an ellipsis if it is wider than width."""
    font = font_of(theme, style)
    text = printable(text)
    if font.size(text)[0] <= width:
        return text
    if font.size("…")[0] > width:
        return "…"
    return text[:fitting(font, text, width, "…")] + "…"


def fit_at_word(theme: Theme, text: str, style: str, width: int) -> str:
    """The text, shortened if it is wider than width after its last whole word that fits, with an ellipsis
    (a single word too wide is cut where it must be)."""
    cut = fit(theme, text, style, width)
    if not cut.endswith("…") or cut == printable(text):
        return cut
    head = cut[:-1]
    whole = printable(text)
    if len(head) < len(whole) and whole[len(head)].isalnum() and head[-1:].isalnum() and " " in head.strip():
        head = head[:head.rstrip().rfind(" ")]
    return head.rstrip(" ,;:·—-") + "…"


def fit_items(theme: Theme, items: list[str], style: str, width: int, sep: str = " · ") -> str:
    """As many of the items, from the first, as fit width whole when joined by sep (the first cut at a word if
    even it alone does not fit)."""
    font = font_of(theme, style)
    text = ""
    for item in items:
        trial = f"{text}{sep}{item}" if text else item
        if font.size(printable(trial))[0] > width:
            break
        text = trial
    return printable(text) if text else fit_at_word(theme, items[0], style, width) if items else ""


def fit_styles(theme: Theme, text: str, styles: tuple[str, ...], width: int) -> tuple[str, str]:
    """The text and the first of styles in which it fits width whole; else cut at a word in the last style."""
    for style in styles:
        if font_of(theme, style).size(printable(text))[0] <= width:
            return printable(text), style
    return fit_at_word(theme, text, styles[-1], width), styles[-1]


def paragraphs(text: str, style: str = "body", indent: int = 0) -> list[Block]:
    """Blocks for a multi-paragraph text (blank lines separate paragraphs), with a small gap between them."""
    out: list[Block] = []
    for para in (text or "").strip().split("\n\n"):
        para = " ".join(para.split())
        if para:
            if out:
                out.append(Block("gap", ""))
            out.append(Block(style, para, indent))
    return out
