"""Widgets: a rectangle that can be focused, hovered, activated, and may live in a scrolled panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import pygame

from ..theme import Theme
from ..wording import SHORT_LABELS
from .clip import clipped
from .text import Block, Line, draw_lines, fit, font_of, layout_blocks, render, wrap


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
        return Face(fit(theme, label, "strong", room), None)
    for text in labels:
        for style in ("small", "keycap"):
            if label_width(theme, text, key, "strong", style) <= room:
                return Face(text, style)
    for text in labels:
        if label_width(theme, text, key, "strong_small", "keycap") <= room:
            return Face(text, "keycap", "strong_small")
    cut = fit(theme, labels[-1], "strong_small", room - label_width(theme, "", key, "strong_small", "keycap"))
    if len(cut.rstrip("…")) >= 3:
        return Face(cut, "keycap", "strong_small")
    return Face(fit(theme, labels[-1], "strong", room), None)


class Button(Widget):
    """A push button or a list item; activation calls on_press and returns its result to the screen."""

    def __init__(self, rect: pygame.Rect, label: str, on_press: Callable[[], Any] | None, *, key: int | None = None,
                 enabled: bool = True, tooltip: str = "", style: str = "button", selected: bool = False,
                 sub: str = "", note: str = "", wid: str = "", scroller: Scroller | None = None,
                 swatch: tuple[int, int, int] | None = None, check: bool | None = None):
        super().__init__(rect, wid=wid or label, tooltip=tooltip, scroller=scroller)
        self.label, self.on_press, self.enabled = label, on_press, enabled
        self.short = SHORT_LABELS.get(label, ())   # shorter wordings, for a narrow button
        self.key_code = key
        self.style, self.selected, self.sub, self.note, self.swatch = style, selected, sub, note, swatch
        self.check = check

    def activate(self) -> Any:
        if not self.enabled:
            from ..flow import Notice

            return Notice(self.tooltip or "Not available now.", "bad")
        return self.on_press() if self.on_press else None

    def face(self, theme: Theme) -> Face:
        """What a push button shows: its text and the style of its key cap (None: no key hint)."""
        return button_face(theme, self.label, self.short, self.key_code, self.rect.w - 2 * theme.px(6))

    @staticmethod
    def item_height(theme: Theme, width: int, label: str, sub: str = "", note: str = "", extra: int = 0) -> int:
        """The height of an "item" button; extra: room taken left of the text (swatch, check box)."""
        pad = theme.pad
        extra += theme.px(4)   # the bar of a selected item
        note_w = theme.font("sans", 0.9).size(note)[0] + pad if note else 0
        h = theme.line_height("bold") * len(wrap(theme.font("bold"), label, width - 2 * pad - note_w - extra))
        if sub:
            h += theme.line_height("sans", 0.9) * len(wrap(theme.font("sans", 0.9), sub, width - 2 * pad - extra))
        return h + 2 * pad

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        with clipped(surf, self.scroller.view if self.scroller else None):
            self.draw_clipped(surf, theme, focused, hovered)

    def draw_clipped(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        p = theme.palette
        r = self.screen_rect()
        rad = theme.px(4)
        if self.style in ("button", "tab", "option"):
            if self.style == "option":   # one of several choices on paper: the chosen one is filled
                bg = p.accent if self.selected else (p.paper if hovered else p.paper_alt)
                fg = p.accent_text if self.selected else p.ink
            elif self.style == "tab" and self.selected:
                bg, fg = p.paper, p.ink
            elif self.style == "tab":
                bg, fg = (p.hover if hovered else p.desk_dark), p.on_desk
            else:
                bg = p.hover if hovered and self.enabled else p.accent
                fg = p.accent_text
                if not self.enabled:
                    bg, fg = p.paper_alt, p.ink_faint
            pygame.draw.rect(surf, bg, r, border_radius=rad)
            if self.style in ("button", "option"):
                pygame.draw.rect(surf, p.border, r, 1, border_radius=rad)
            label, cap, style = self.face(theme)
            txt = render(theme, label, style, fg)
            hint = render(theme, key_label(self.key_code), cap, fg) if cap and self.key_code else None
            total = txt.get_width() + (hint.get_width() + theme.px(12) if hint else 0)
            x = r.centerx - total // 2
            surf.blit(txt, (x, r.centery - txt.get_height() // 2))
            if hint:
                hr = pygame.Rect(x + txt.get_width() + theme.px(6), 0, hint.get_width() + theme.px(6),
                                 hint.get_height())
                hr.centery = r.centery
                pygame.draw.rect(surf, fg, hr, 1, border_radius=theme.px(3))
                surf.blit(hint, (hr.x + theme.px(3), hr.y))
        else:  # "item": a paper list entry with a title, an optional note and a wrapped subtitle
            bg = p.paper_alt if (hovered or self.selected) else p.paper
            pygame.draw.rect(surf, bg, r)
            if self.selected:
                pygame.draw.rect(surf, p.accent, (r.x, r.y, theme.px(4), r.h))
            pygame.draw.line(surf, p.rule, r.bottomleft, r.bottomright)
            pad = theme.pad
            x = r.x + pad + (theme.px(4) if self.selected else 0)
            y = r.y + pad
            if self.swatch:
                sw = theme.px(12)
                pygame.draw.rect(surf, self.swatch, (x, y + theme.px(4), sw, sw))
                pygame.draw.rect(surf, p.border, (x, y + theme.px(4), sw, sw), 1)
                x += sw + theme.px(6)
            if self.check is not None:  # a check box drawn by hand (fonts lack the ballot-box glyphs)
                sw = theme.line_height("bold") - theme.px(8)
                box = pygame.Rect(x, y + theme.px(4), sw, sw)
                pygame.draw.rect(surf, p.paper, box)
                pygame.draw.rect(surf, p.ink if self.enabled else p.ink_faint, box, max(1, theme.px(2)))
                if self.check:
                    w = max(2, theme.px(3))
                    pygame.draw.lines(surf, p.good if self.enabled else p.ink_faint, False,
                                      [(box.x + sw * 0.2, box.y + sw * 0.5), (box.x + sw * 0.42, box.bottom - sw * 0.2),
                                       (box.right - sw * 0.15, box.y + sw * 0.15)], w)
                x += sw + theme.px(8)
            style = "strong" if self.enabled else "soft"
            note_w = 0
            if self.note:
                note = render(theme, self.note, "soft" if self.enabled else "small")
                note_w = note.get_width() + pad
                surf.blit(note, (r.right - pad - note.get_width(), y))
            font = theme.font("bold")
            for line in wrap(font, self.label, r.right - pad - note_w - x):
                surf.blit(render(theme, line, style, None if self.enabled else p.ink_faint), (x, y))
                y += font.get_linesize()
            if self.sub:
                sfont = theme.font("sans", 0.9)
                for line in wrap(sfont, self.sub, r.w - 2 * pad - (x - r.x - pad)):
                    surf.blit(render(theme, line, "soft", None if self.enabled else p.ink_faint), (x, y))
                    y += sfont.get_linesize()
        if focused:
            focus_ring(surf, theme, r.inflate(-theme.px(2), -theme.px(2)) if self.style == "item" else r)


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
