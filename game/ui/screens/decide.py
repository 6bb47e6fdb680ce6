"""The decision dialog of a class game: what is decided, the team's reason and vote, then Confirm or Back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pygame

from ...engine.notes import clean_reason
from ..flow import Many, Pop, submitted, with_reason
from ..layout import equal_row, row
from ..theme import Theme
from ..widgets.buttons import Button
from ..widgets.caption import Caption
from ..widgets.core import ScrollText
from ..widgets.reason import Counter, ReasonBox
from ..widgets.text import Block, font_of, paragraphs
from .dialog import Dialog

VOTE_LABELS = ("for", "against", "abstain")
REASON_LINES = 4


class DecideDialog(Dialog):
    """Before a decision is sent: the reason box (required if the class says so) and an optional vote tally.
    Typing never presses a key of this dialog; Enter moves from the box to the next control."""

    name = "decide"
    width, height = 0.7, 0.86

    def __init__(self, app: Any, what: str, request: Any, irreversible: str = ""):
        self.what, self.request, self.irreversible = what, request, irreversible
        self.action = submitted(request)
        self.box: ReasonBox | None = None          # made once: what was typed survives a new layout
        self.votes: list[Counter] = []
        self.required = ""                         # why Confirm is not possible yet ("" if it is)
        title = "This cannot be taken back" if irreversible else "Your decision"
        super().__init__(app, title, [], [])

    def body_blocks(self) -> list[Block]:
        b = [Block("strong", self.what)]
        if self.irreversible:
            b += [Block("gap", ""), *paragraphs(self.irreversible)]
        return b

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        lh = theme.line_height()
        box_h = REASON_LINES * lh + theme.pad * 2
        vote_h = lh + theme.pad * 2
        label_h = theme.line_height("bold") + theme.pad // 2
        hint_h = font_of(theme, "small").get_linesize()
        below = label_h + box_h + theme.pad + vote_h + theme.pad + hint_h
        text = pygame.Rect(body.x, body.y, body.w, max(lh * 2, body.h - below - theme.pad))
        self.add(ScrollText(text, theme, self.body_blocks()))
        y = text.bottom + theme.pad
        self.add(Caption(pygame.Rect(body.x, y, body.w, 0), theme, self.reason_label(), "strong", wid="reason-label"))
        y += label_h
        box_rect = pygame.Rect(body.x, y, body.w, box_h)
        if self.box is None:
            self.box = ReasonBox(box_rect, on_change=self.typed)
        self.box.rect = box_rect
        self.add(self.box)
        y += box_h + theme.pad
        self.layout_votes(theme, pygame.Rect(body.x, y, body.w, vote_h))
        self.add(Caption(pygame.Rect(body.x, y + vote_h + theme.pad, body.w, 0), theme,
                         "A vote is optional. Shift+Enter: a new line. Enter: the next control. Ctrl+V: paste.",
                         "small",
                         wid="reason-hint"))
        self.required = self.refusal()

    def layout_votes(self, theme: Theme, area: pygame.Rect) -> None:
        """The team's vote, if it voted: a counter for each label across the dialog."""
        cells = equal_row(area, len(VOTE_LABELS), theme.pad)
        if not self.votes:
            self.votes = [Counter(cell, name) for cell, name in zip(cells, VOTE_LABELS, strict=True)]
        for counter, cell in zip(self.votes, cells, strict=True):
            counter.rect = cell
            self.add(counter)

    def reason_label(self) -> str:
        required = self.app.session.view.classroom().require_reason
        return "Your reason (required in this class):" if required else "Your reason (for the debrief):"

    def layout_buttons(self, theme: Theme, area: pygame.Rect) -> None:
        w = min(theme.px(260), (area.w - theme.pad) // 2)
        back, yes = row(area, [w, w], theme.pad, align="right")
        self.add(Button(back, "Back", lambda: Pop(), key=pygame.K_ESCAPE))
        self.add(Button(yes, "Confirm", self.confirm, enabled=not self.required, tooltip=self.required,
                        wid="confirm"))

    def first_focus(self) -> int:
        """The reason box: the team types first."""
        return next((i for i, w in enumerate(self.widgets) if w is self.box), super().first_focus())

    # ------------------------------------------------------------ state
    def typed(self, text: str) -> None:
        if bool(self.refusal()) != bool(self.required):
            self.stale = True   # Confirm becomes possible, or no longer is

    def reason(self) -> str:
        return clean_reason(self.box.text) if self.box else ""

    def tally(self) -> tuple[tuple[str, int], ...]:
        """The vote as given (none if every count is 0)."""
        votes = tuple((c.label, c.count) for c in self.votes)
        return votes if any(n for _label, n in votes) else ()

    def refusal(self) -> str:
        """Why the decision cannot be confirmed yet, as the engine says ("" if it can)."""
        if self.action is None:
            return ""
        return self.app.session.view.needs_reason(replace(self.action, why=self.reason()))

    def confirm(self) -> Any:
        return Many((Pop(), with_reason(self.request, self.reason(), self.tally())))
