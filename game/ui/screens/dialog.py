"""Modal dialogs on a sheet of paper: reading text, located errors, questions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ...scenario.model import Scenario
from ...scenario.presentation import texts
from ..flow import Many, Pop
from ..layout import row
from ..theme import Theme
from ..widgets.buttons import Button, key_label, label_width
from ..widgets.caption import Caption
from ..widgets.core import Control, ScrollText
from ..widgets.paper import sheet, stamp, stamp_place
from ..widgets.text import Block, paragraphs
from ..wording import help_paragraphs
from .base import Screen


class Dialog(Screen):
    """A centred sheet with a title, a scrolling text and a row of buttons."""

    name = "dialog"
    modal = True
    paper = "paper"
    width = 0.62
    height = 0.8
    focus_first = True
    stamp_text = ""
    button_row = True   # the row the buttons take at the bottom (a dialog whose choices are its body has none)

    def __init__(self, app: Any, title: str = "", blocks: list[Block] | None = None,
                 buttons: list[tuple[str, Callable[[], Any], int | None]] | None = None, paper: str = ""):
        super().__init__(app)
        self.title = title
        self.paper = paper or self.paper
        self.blocks = blocks or []
        self.buttons = buttons if buttons is not None else [("Close", lambda: Pop(), pygame.K_ESCAPE)]

    def panel(self, size: tuple[int, int]) -> pygame.Rect:
        w, h = size
        r = pygame.Rect(0, 0, int(w * self.width), int(h * self.height))
        r.center = (w // 2, h // 2)
        return r

    def body_blocks(self) -> list[Block]:
        return self.blocks

    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        self.rect = self.panel(size)
        pad = theme.pad * 2
        th = theme.line_height("bold", 1.4) + pad
        bh = theme.line_height("bold") + theme.pad * 2 if self.button_row else 0
        body = pygame.Rect(self.rect.x + pad, self.rect.y + th + pad // 2, self.rect.w - 2 * pad,
                           self.rect.h - th - bh - (2 if self.button_row else 1) * pad)
        self.layout_body(theme, body)
        self.layout_buttons(theme, pygame.Rect(self.rect.x + pad, self.rect.bottom - bh - pad, self.rect.w - 2 * pad, bh))
        self.add(Caption(pygame.Rect(self.rect.x + pad, self.rect.y + pad, self.rect.w - 2 * pad, 0), theme, self.title,
                         "head" if self.paper != "telegram" else "type_head", wid="dialog-title"))

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        self.add(ScrollText(body, theme, self.body_blocks(), style_bg=None))

    def layout_buttons(self, theme: Theme, area: pygame.Rect) -> None:
        n = len(self.buttons)
        if not n:
            return
        gap = theme.pad
        w = min(theme.px(260), (area.w - gap * (n - 1)) // n)
        widths = [max(w, label_width(theme, label, key) + 2 * theme.px(6) + 2) for label, _fn, key in self.buttons]
        if sum(widths) + gap * (n - 1) > area.w:   # as wide as their labels need, if that fits; else equal
            widths = [(area.w - gap * (n - 1)) // n] * n
        for cell, (label, fn, key) in zip(row(area, widths, gap, align="right"), self.buttons, strict=True):
            self.add(Button(cell, label, fn, key=key))

    def first_focus(self) -> int:
        buttons = [i for i, w in enumerate(self.widgets) if isinstance(w, Control)]
        return buttons[0] if buttons else super().first_focus()

    def rest_focus(self) -> int:
        """After a dialog over this one: where the dialog started."""
        return self.first_focus()

    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        sheet(surf, th, self.rect, self.paper)
        pad = th.pad * 2
        y = self.rect.y + pad + th.line_height("bold", 1.4)
        pygame.draw.line(surf, th.palette.rule, (self.rect.x + pad, y), (self.rect.right - pad, y))
        if self.stamp_text:   # in the top right, clear of the title and the text; left out if there is no room
            top = min((w.rect.top for w in self.widgets if w.rect.top > y), default=y + pad)
            box = pygame.Rect(self.rect.x + pad, self.rect.y + th.px(4), self.rect.w - 2 * pad, top - self.rect.y - th.px(6))
            title = [w.rect for w in self.widgets if w.wid == "dialog-title"]
            place = stamp_place(th, self.stamp_text, box, title, -9, (0.9, 0.75, 0.6))
            if place is not None:
                stamp(surf, th, self.stamp_text, place[1].center, -9, place[0])
        self.draw_widgets(surf)


class ErrorDialog(Dialog):
    """Located errors (PATH:LINE:COL: error: message), one a line, in the typewriter face."""

    name = "error"
    stamp_text = "refused"

    def __init__(self, app: Any, title: str, lines: list[str], intro: str = ""):
        blocks = [Block("body", intro), Block("gap", "")] if intro else []
        blocks += [Block("type", line) for line in lines[:200]]
        if len(lines) > 200:
            blocks.append(Block("soft", f"... and {len(lines) - 200} more"))
        super().__init__(app, title, blocks)


def error_lines(exc: BaseException) -> list[str]:
    diags = getattr(exc, "diagnostics", None)
    if diags:
        return [str(d) for d in diags]
    return [f"{type(exc).__name__}: {exc}"]


def help_blocks(sc: Scenario | None) -> list[Block]:
    """The F1 help, in the scenario's words where it has them (whom the player plays, how the game ends)."""
    said = texts(sc) if sc is not None else None
    play, board, keys, saving = help_paragraphs(
        said.role if said else "You run the foreign policy of one power.",
        said.ends if said else "The game ends when one of the scenario's outcomes comes about, or on its last day.",
        sc.calendar.unit if sc is not None else "turn")
    return [Block("head", "How to play"), Block("body", play), Block("gap", ""), Block("body", board),
            Block("gap", ""), Block("head", "Keys"), Block("body", keys), Block("gap", ""),
            Block("head", "Saving"), Block("body", saving)]


def keys_here(about: Screen | None) -> list[Block]:
    """The keys of the screen F1 was pressed on: those it declares (`Screen.keys`), else those on its buttons."""
    if about is None:
        return []
    keys = about.keys
    if not keys:
        about.ensure_layout()
        keys = tuple((key_label(w.key_code), getattr(w, "label", w.wid)) for w in about.widgets if w.key_code)
    if not keys:
        return []
    where = about.title or about.name.replace("_", " ")
    return [Block("head", f"Keys here ({where})"), *(Block("body", f"{key}: {does}.", 10) for key, does in keys),
            Block("gap", "")]


class HelpDialog(Dialog):
    """F1: the keys of the screen it was opened over first, then how to play and the keys of every screen."""

    name = "help"

    def __init__(self, app: Any, about: Screen | None = None):
        session = app.session
        super().__init__(app, "Help", keys_here(about) + help_blocks(session.scenario if session else None))


class ConfirmDialog(Dialog):
    """A question before a step: Back (Esc) and the step. An irreversible step starts with the focus on Back and has
    no key of its own, so no run of Enter and number keys can take it unasked. A step the player has just asked
    for and can take back (End week with points left: `yes_default`, and E again) starts on the step."""

    name = "confirm"
    width, height = 0.5, 0.42

    def __init__(self, app: Any, title: str, text: str, yes: str, request: Any, yes_key: int | None = None,
                 yes_default: bool = False):
        self.yes_default = yes_default
        super().__init__(app, title, paragraphs(text),
                         [("Back", lambda: Pop(), pygame.K_ESCAPE), (yes, lambda: Many((Pop(), request)), yes_key)])

    def first_focus(self) -> int:
        buttons = [i for i, w in enumerate(self.widgets) if isinstance(w, Control)]
        return buttons[-1 if self.yes_default else 0]
