"""Push buttons, tabs and options: a label with its key cap, centred on a face whose colours say its state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import pygame

from ..theme import Palette, Theme
from ..wording import SHORT_LABELS
from .core import Control, focus_ring
from .text import fit_at_word, font_of, render

KEY_NAMES = {pygame.K_ESCAPE: "Esc", pygame.K_RETURN: "Enter", pygame.K_SPACE: "Space", pygame.K_F1: "F1",
             pygame.K_F2: "F2", pygame.K_F3: "F3", pygame.K_F5: "F5", pygame.K_F9: "F9"}


def key_label(key: int) -> str:
    return KEY_NAMES.get(key) or pygame.key.name(key).upper()


class Face(NamedTuple):
    """What a push button shows: its text and style, and its key cap's style (None: no key hint)."""

    text: str
    cap: str | None
    style: str = "strong"


def label_width(theme: Theme, label: str, key: int | None, style: str = "strong", cap_style: str = "small") -> int:
    """The width a button's label and its key cap (with the gap between them) need, without the button's padding."""
    width = font_of(theme, style).size(label)[0]
    return width + font_of(theme, cap_style).size(key_label(key))[0] + theme.px(12) if key is not None else width


def button_face(theme: Theme, label: str, short: tuple[str, ...], key: int | None, room: int) -> Face:
    """How a button room pixels wide shows its label and its key hint.

    The key hint goes last: first a smaller cap, then the shorter labels, then the label in a smaller
    type, then the shortest label cut with an ellipsis beside the small cap; only when not even three
    letters would remain does the hint go."""
    labels = [label] + [t for t in short if t and t != label]
    if key is None:
        return Face(fit_at_word(theme, label, "strong", room), None)
    for text in labels:
        for style in ("small", "keycap"):
            if label_width(theme, text, key, "strong", style) <= room:
                return Face(text, style)
    for text in labels:
        if label_width(theme, text, key, "strong_small", "keycap") <= room:
            return Face(text, "keycap", "strong_small")
    cut = fit_at_word(theme, labels[-1], "strong_small", room - label_width(theme, "", key, "strong_small", "keycap"))
    if len(cut.rstrip("…")) >= 3:
        return Face(cut, "keycap", "strong_small")
    return Face(fit_at_word(theme, labels[-1], "strong", room), None)


class Button(Control):
    """A push button: filled, framed, its label and key cap centred; greyed when it cannot be pressed."""

    framed = True

    def __init__(self, rect: pygame.Rect, label: str, on_press: Callable[[], Any] | None, *, key: int | None = None,
                 enabled: bool = True, tooltip: str = "", wid: str = "", selected: bool = False):
        super().__init__(rect, label, on_press, key=key, enabled=enabled, tooltip=tooltip, wid=wid)
        self.selected = selected
        self.short = SHORT_LABELS.get(label, ())   # shorter wordings, for a narrow button

    def face(self, theme: Theme) -> Face:
        """What the button shows: its text and the style of its key cap (None: no key hint)."""
        return button_face(theme, self.label, self.short, self.key_code, self.rect.w - 2 * theme.px(6))

    def colours(self, p: Palette, hovered: bool) -> tuple[Any, Any]:
        """The face's fill and the label's colour."""
        if not self.enabled:
            return p.paper_alt, p.ink_faint
        return (p.hover if hovered else p.accent), p.accent_text

    def paint(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        r = self.screen_rect()
        bg, fg = self.colours(theme.palette, hovered)
        pygame.draw.rect(surf, bg, r, border_radius=theme.px(4))
        if self.framed:
            pygame.draw.rect(surf, theme.palette.border, r, 1, border_radius=theme.px(4))
        self.paint_label(surf, theme, r, fg)
        if focused:
            focus_ring(surf, theme, r)

    def paint_label(self, surf: pygame.Surface, theme: Theme, r: pygame.Rect, fg: Any) -> None:
        """The label, and its key in a small frame after it, centred together."""
        label, cap, style = self.face(theme)
        txt = render(theme, label, style, fg)
        hint = render(theme, key_label(self.key_code), cap, fg) if cap and self.key_code else None
        total = txt.get_width() + (hint.get_width() + theme.px(12) if hint else 0)
        x = r.centerx - total // 2
        surf.blit(txt, (x, r.centery - txt.get_height() // 2))
        if hint:
            hr = pygame.Rect(x + txt.get_width() + theme.px(6), 0, hint.get_width() + theme.px(6), hint.get_height())
            hr.centery = r.centery
            pygame.draw.rect(surf, fg, hr, 1, border_radius=theme.px(3))
            surf.blit(hint, (hr.x + theme.px(3), hr.y))


class Tab(Button):
    """A tab on the desk's wood: the selected one is paper, joined to the panel under it."""

    framed = False

    def colours(self, p: Palette, hovered: bool) -> tuple[Any, Any]:
        if self.selected:
            return p.paper, p.ink
        return (p.hover if hovered else p.desk_dark), p.on_desk


class Option(Button):
    """One of several choices on paper: the chosen one is filled."""

    def colours(self, p: Palette, hovered: bool) -> tuple[Any, Any]:
        if self.selected:
            return p.accent, p.accent_text
        return (p.paper if hovered else p.paper_alt), p.ink
