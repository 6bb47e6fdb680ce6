"""Colours, fonts and sizes: a 1939 diplomatic desk, and a high-contrast variant for projectors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FONT_FILES = {
    "sans": "NotoSans-Regular.ttf",
    "bold": "NotoSans-Bold.ttf",
    "italic": "NotoSans-Italic.ttf",
    "type": "FiraCode-Regular.ttf",  # the typewriter face for telegrams
}
TEXT_STEPS = (("Small", 0.85), ("Normal", 1.0), ("Large", 1.25), ("Projector", 1.6))

Color = tuple[int, int, int]
_FONTS: dict[tuple[str, int], pygame.font.Font] = {}


@dataclass(frozen=True)
class Palette:
    name: str
    desk: Color          # the wooden desk behind the papers
    desk_dark: Color
    paper: Color         # a sheet of paper
    paper_alt: Color     # a second sheet (lists, alternating rows)
    telegram: Color      # telegram forms
    ink: Color           # text on paper
    ink_soft: Color      # secondary text on paper
    ink_faint: Color     # disabled text
    rule: Color          # lines on paper
    on_desk: Color       # text printed directly on the desk
    accent: Color        # buttons
    accent_text: Color
    focus: Color         # keyboard focus ring
    hover: Color
    stamp: Color         # red rubber stamps
    good: Color
    bad: Color
    sea: Color
    land: Color          # land of states that are not powers
    border: Color


NORMAL = Palette(
    name="normal",
    desk=(74, 52, 38), desk_dark=(52, 36, 27),
    paper=(236, 226, 200), paper_alt=(226, 214, 184), telegram=(242, 232, 196),
    ink=(34, 30, 26), ink_soft=(86, 76, 64), ink_faint=(150, 138, 118), rule=(176, 160, 130),
    on_desk=(238, 226, 198),
    accent=(58, 72, 88), accent_text=(244, 238, 222), focus=(196, 120, 20), hover=(86, 104, 124),
    stamp=(168, 40, 36), good=(44, 110, 60), bad=(160, 44, 36),
    sea=(168, 184, 186), land=(214, 204, 178), border=(70, 60, 50),
)

HIGH_CONTRAST = Palette(
    name="high_contrast",
    desk=(0, 0, 0), desk_dark=(0, 0, 0),
    paper=(255, 255, 255), paper_alt=(232, 232, 232), telegram=(255, 255, 240),
    ink=(0, 0, 0), ink_soft=(0, 0, 0), ink_faint=(90, 90, 90), rule=(0, 0, 0),
    on_desk=(255, 255, 255),
    accent=(0, 0, 120), accent_text=(255, 255, 255), focus=(255, 160, 0), hover=(0, 0, 200),
    stamp=(190, 0, 0), good=(0, 110, 0), bad=(190, 0, 0),
    sea=(150, 200, 255), land=(255, 255, 255), border=(0, 0, 0),
)


def reset_caches() -> None:
    """Forget fonts and everything rendered with them (after pygame.font.quit, fonts are dead)."""
    from .widgets import paper, text

    _FONTS.clear()
    text._cache.clear()
    text._wrapped.clear()
    paper._stamps.clear()


def parse_color(text: str, fallback: Color = (128, 128, 128)) -> Color:
    try:
        c = pygame.Color(text)
        return (c.r, c.g, c.b)
    except (ValueError, TypeError):
        return fallback


class Theme:
    """Palette plus fonts scaled to the window and to the player's text size."""

    def __init__(self, size: tuple[int, int], text_step: int = 1, high_contrast: bool = False):
        self.palette = HIGH_CONTRAST if high_contrast else NORMAL
        self.text_step = max(0, min(len(TEXT_STEPS) - 1, text_step))
        self.resize(size)

    def resize(self, size: tuple[int, int]) -> None:
        w, h = size
        self.size = (w, h)
        # The window scale: 1.0 at 720 lines, growing with the window up to 4K.
        self.ui = max(0.75, min(3.0, min(w / 1280, h / 720)))
        self.text = TEXT_STEPS[self.text_step][1]
        self.base = max(11, round(17 * self.ui * self.text))
        self.pad = max(4, round(8 * self.ui))

    def px(self, value: float) -> int:
        """A length in layout units (designed at 1280x720) converted to pixels."""
        return max(1, round(value * self.ui))

    def font(self, kind: str = "sans", rel: float = 1.0) -> pygame.font.Font:
        size = max(9, round(self.base * rel))
        key = (kind, size)
        f = _FONTS.get(key)
        if f is None:  # fonts live as long as the process, so caches may key on them safely
            f = pygame.font.Font(str(FONT_DIR / FONT_FILES[kind]), size)
            _FONTS[key] = f
        return f

    def line_height(self, kind: str = "sans", rel: float = 1.0) -> int:
        return self.font(kind, rel).get_linesize()
