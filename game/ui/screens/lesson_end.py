"""The end of a lesson at its checkpoint: what happened so far (the news every team saw), where the game was saved
under the class's name and code, and buttons to export the debrief and to leave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from ...scenario.model import Checkpoint
from ..exporting import export_debrief
from ..flow import Quit, ToTitle
from ..layout import equal_row
from ..theme import Theme
from ..widgets.buttons import Button
from ..widgets.caption import Caption
from ..widgets.core import ScrollText
from ..widgets.paper import sheet
from ..widgets.text import Block, paragraphs
from ..wording import LESSON_END
from .base import Screen


class LessonEndScreen(Screen):
    name = "lesson_end"

    def __init__(self, app: Any, checkpoint: Checkpoint, saved: Path | None = None, problem: str = ""):
        super().__init__(app)
        self.checkpoint, self.saved, self.problem = checkpoint, saved, problem
        self.exported = ""

    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        pad = theme.px(12)
        bh = theme.line_height("bold") + theme.pad * 2
        half = (w - 3 * pad) // 2
        self.left = pygame.Rect(pad, pad, half, h - 3 * pad - bh)
        self.right = pygame.Rect(2 * pad + half, pad, w - 3 * pad - half, h - 3 * pad - bh)
        head = theme.line_height("bold", 1.4) + theme.pad * 2
        for rect, title, blocks, wid in ((self.left, LESSON_END["title"], self.story_blocks(), "story"),
                                         (self.right, LESSON_END["news"], self.news_blocks(), "news")):
            self.add(Caption(pygame.Rect(rect.x + theme.pad * 2, rect.y + theme.pad, rect.w - 4 * theme.pad, 0),
                             theme, title, "head", wid=f"{wid}-title"))
            self.add(ScrollText(pygame.Rect(rect.x + theme.pad * 2, rect.y + head, rect.w - 4 * theme.pad,
                                            rect.h - head - theme.pad), theme, blocks, wid=wid))
        does = ((LESSON_END["export"], self.export, pygame.K_x), (LESSON_END["title_screen"], ToTitle, pygame.K_t),
                (LESSON_END["quit"], Quit, pygame.K_q))
        cells = equal_row(pygame.Rect(pad, h - pad - bh, w - 2 * pad, bh), len(does), theme.px(8))
        for cell, (label, fn, key) in zip(cells, does, strict=True):
            self.add(Button(cell, label, fn, key=key))

    def story_blocks(self) -> list[Block]:
        s = self.app.session
        week = s.view.week()
        klass, cal = s.game.options.name, s.scenario.calendar
        b = [Block("strong", self.checkpoint.title),
             Block("soft", f"{'Class ' + klass + ' · ' if klass else ''}class code {week.seed} · "
                           f"{cal.of_last(week.turn, week.last_turn).lower()}, from {cal.day(week.start)}"), Block("gap", "")]
        if self.saved is not None:
            said = LESSON_END["saved_hosted" if self.app.host is not None else "saved"]
            b += [Block("body", said), Block("type", str(self.saved))]
        else:
            b.append(Block("strong", LESSON_END["not_saved"].format(problem=self.problem)))
        if self.exported:
            b += [Block("gap", ""), Block("body", LESSON_END["exported"]), Block("type", self.exported)]
        return [*b, Block("gap", ""), *paragraphs(self.checkpoint.note)]

    def news_blocks(self) -> list[Block]:
        b: list[Block] = [Block("soft", LESSON_END["news_who"])]
        turn, cal = 0, self.app.session.scenario.calendar
        for entry in self.app.session.console.public():
            if entry.turn != turn:
                turn = entry.turn
                b += [Block("gap", ""), Block("strong", cal.numbered(turn))]
            b.append(Block("body", f"• {cal.day(entry.date, year=False)}: {entry.title}", 10))
        return b if turn else [Block("soft", LESSON_END["no_news"])]

    def export(self) -> Any:
        notice, written = export_debrief(self.app.session)
        if written is not None:
            self.exported = str(written.grading)
            self.stale = True
        return notice

    def escape(self) -> Any:
        return None

    def draw(self, surf: pygame.Surface) -> None:
        surf.fill(self.theme.palette.desk)
        sheet(surf, self.theme, self.left, "telegram")
        sheet(surf, self.theme, self.right, "paper")
        self.draw_widgets(surf)
