"""Modal dialogs on a sheet of paper: reading text, located errors, questions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..flow import Many, Pop
from ..layout import row
from ..theme import Theme
from ..widgets.buttons import Button
from ..widgets.caption import Caption
from ..widgets.core import Control, ScrollText
from ..widgets.paper import sheet, stamp
from ..widgets.text import Block, paragraphs
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
        bh = theme.line_height("bold") + theme.pad * 2
        body = pygame.Rect(self.rect.x + pad, self.rect.y + th + pad // 2, self.rect.w - 2 * pad,
                           self.rect.h - th - bh - 2 * pad)
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
        for cell, (label, fn, key) in zip(row(area, [w] * n, gap, align="right"), self.buttons, strict=True):
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
        if self.stamp_text:
            stamp(surf, th, self.stamp_text, (self.rect.right - th.px(110), self.rect.y + th.px(34)), -9, 0.9)
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


HELP = [
    Block("head", "How to play"),
    Block("body", "You run Soviet foreign policy, one week at a time. Each week you have a few action points. "
                  "On the desk: Actions (key 1) lists what you can do now, with its cost and known consequences, "
                  "and why the rest is not possible yet. Treaties (2) opens the negotiation table: tick the "
                  "clauses you want, read how likely each side is to accept, then propose; when a draft reaches "
                  "you, accept, reject or stall. Powers (3) holds a dossier on each government; Telegrams (4) "
                  "everything that reached you. When you are done, End week (E): the other powers act, drafts "
                  "travel, events happen. Questions that need your answer open by themselves."),
    Block("gap", ""),
    Block("body", "The gauges under the map have tooltips that explain every number; the map shows who holds "
                  "each territory (colour) and whose sphere of interest it is in (stripes). The game ends when a "
                  "treaty settles the question, or on 1 September 1939."),
    Block("gap", ""),
    Block("head", "Keys"),
    Block("body", "Tab / Shift+Tab or the arrow keys: move between controls. Enter or Space: press. Esc: back, "
                  "or the menu on the desk. The letter or number shown on a button presses it. PageUp/PageDown "
                  "and the mouse wheel scroll. F1: this help. F11: fullscreen. Ctrl+Plus / Ctrl+Minus: text size. "
                  "Ctrl+H: high contrast. F5: read the scenario file again (for scenario writers: the game goes on "
                  "with the new content, or a panel shows the file's errors). F9 in a class game: the teacher's console "
                  "(after the class's PIN)."),
    Block("gap", ""),
    Block("head", "Saving"),
    Block("body", "The game saves itself at the end of every week (Continue on the title screen). The menu (Esc) "
                  "saves a copy on demand and loads any save."),
]


class HelpDialog(Dialog):
    name = "help"

    def __init__(self, app: Any):
        super().__init__(app, "Help", HELP)


class ConfirmDialog(Dialog):
    """A question before a step: Back (Esc) and the step. An irreversible step (yes_default False) starts with the
    focus on Back and has no key of its own, so no run of Enter and number keys can take it unasked."""

    name = "confirm"
    width, height = 0.5, 0.42

    def __init__(self, app: Any, title: str, text: str, yes: str, request: Any, yes_default: bool = False):
        self.yes_default = yes_default
        super().__init__(app, title, paragraphs(text),
                         [("Back", lambda: Pop(), pygame.K_ESCAPE), (yes, lambda: Many((Pop(), request)), None)])

    def first_focus(self) -> int:
        buttons = [i for i, w in enumerate(self.widgets) if isinstance(w, Control)]
        return buttons[-1 if self.yes_default else 0]
