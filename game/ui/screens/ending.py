"""The ending: outcome, epilogue, scores, a chart of the gauges, decisions beside history, questions, export."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import debrief
from ...engine.debrief import history_weeks, sides
from ...engine.report import better
from ...engine.signing import long_day
from ..chart import draw_chart
from ..exporting import export_debrief
from ..flow import Open, ToTitle
from ..layout import equal_row
from ..settings import cache_dir
from ..theme import Theme
from ..widgets.buttons import Button
from ..widgets.caption import Caption
from ..widgets.core import Control, ScrollText
from ..widgets.paper import sheet, stamp, stamp_image, stamp_place
from ..widgets.text import Block, font_of, paragraphs, render
from ..wording import DECISIVE_HEAD, DECISIVE_NOTE, ENDING_BUTTONS, VERDICT_HEAD, VERDICT_NOTE, decisive_line
from .base import Screen


class EndingScreen(Screen):
    name = "ending"
    quiet = True   # no notice about the desk covers the ending
    keys = (("X", "export the debrief"), ("A", "the archive of sources"), ("M", "the map"), ("T", "to the title"))

    def __init__(self, app: Any):
        super().__init__(app)
        s = app.session
        try:
            self.data = debrief(s.game, s.power, cache_dir())
            if len(s.game.seats) > 1:   # every seat's verdict and decisive decisions, not only this one's
                self.data["sides"] = sides(s.game, s.game.seats, cache_dir())
        except Exception as exc:  # the ending must show even if the comparison cannot be computed
            self.data = {"title": s.view.week().outcome or "", "summary": f"(debrief unavailable: {exc})",
                         "history": s.view.history(), "history_weeks": history_weeks(s.game), "decisions": [], "historical_decisions": [],
                         "scores": [], "verdict": [], "questions": [], "epilogue": "", "comparison": "", "sources": []}
        self.exported = ""

    def export(self) -> Any:
        notice, written = export_debrief(self.app.session)
        if written is not None:
            self.exported = str(written.grading)
            self.stale = True
        return notice

    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        pad = theme.px(12)
        bh = theme.line_height("bold") + theme.pad * 2
        left_w = int((w - 3 * pad) * 0.5)
        self.left = pygame.Rect(pad, pad, left_w, h - 3 * pad - bh)
        self.right = pygame.Rect(2 * pad + left_w, pad, w - 3 * pad - left_w, h - 3 * pad - bh)
        head = self.head_height(theme)
        self.add(ScrollText(pygame.Rect(self.left.x + theme.pad, self.left.y + head, self.left.w - 2 * theme.pad,
                                        self.left.h - head - theme.pad), theme, self.story_blocks(), wid="story"))
        self.chart_rect = pygame.Rect(self.right.x + theme.pad, self.right.y + theme.pad + theme.line_height("bold"),
                                      self.right.w - 2 * theme.pad, int(self.right.h * 0.38))
        y = self.chart_rect.bottom + theme.pad
        self.add(ScrollText(pygame.Rect(self.right.x + theme.pad, y, self.right.w - 2 * theme.pad,
                                        self.right.bottom - y - theme.pad), theme, self.table_blocks(), wid="table"))
        does = {"export": (self.export, pygame.K_x), "archive": (lambda: Open("archive"), pygame.K_a),
                "map": (lambda: Open("map"), pygame.K_m), "title": (lambda: ToTitle(), pygame.K_t)}
        buttons = [(label, *does[bid], tip) for bid, (label, tip) in ENDING_BUTTONS.items()]
        cells = equal_row(pygame.Rect(pad, h - pad - bh, w - 2 * pad, bh), len(buttons), theme.px(8))
        for cell, (label, fn, key, tip) in zip(cells, buttons, strict=True):
            self.add(Button(cell, label, fn, key=key, tooltip=tip))
        x = self.left.x + theme.pad * 2
        self.add(Caption(pygame.Rect(x, self.left.y + theme.pad + theme.line_height("sans", 0.9),
                                     self.left.right - theme.pad * 2 - x, 0),
                         theme, self.data.get("title", ""), "title", wid="outcome-title"))
        self.stamp_at = self.place_stamp(theme, self.widgets[-1].rect)

    def head_height(self, theme: Theme) -> int:
        """The room above the story: the line of the end's date, the title and, under the title if it leaves no
        room beside it, the stamp."""
        title = font_of(theme, "title").size(self.data.get("title", ""))[0]
        ink = stamp_image(theme, self.stamp_text(), -7, 0.7).get_bounding_rect()
        beside = title + theme.px(16) + ink.w <= self.left.w - 4 * theme.pad
        lines = theme.line_height("sans", 0.9) + theme.line_height("bold", 1.7) + theme.px(10)
        return max(theme.line_height("bold", 1.7) * 2 + theme.px(10), lines + (0 if beside else ink.h + theme.px(4)))

    def stamp_text(self) -> str:
        d = self.data
        return "Stopped by the teacher" if d.get("stopped") else \
            "Historical outcome" if d.get("historical") else "Alternative history"

    def place_stamp(self, theme: Theme, title: pygame.Rect) -> tuple[float, pygame.Rect] | None:
        """Where the stamp goes: the left sheet's top right, clear of the line above the title and of the title
        (None: no room for it)."""
        story = next(w.rect for w in self.widgets if w.wid == "story")
        box = pygame.Rect(self.left.x, self.left.y, self.left.w, story.top - self.left.y).inflate(
            -2 * theme.pad, -theme.px(4))
        head = render(theme, self.head_line(), "soft").get_bounding_rect().move(self.left.x + theme.pad * 2,
                                                                            self.left.y + theme.pad)
        return stamp_place(theme, self.stamp_text(), box, [head, title], -7, (0.85, 0.7))

    def head_line(self) -> str:
        end = self.data.get("end_date")
        return "THE END — " + (long_day(end) if end else "")

    def first_focus(self) -> int:
        return next(i for i, wd in enumerate(self.widgets) if isinstance(wd, Control))

    def story_blocks(self) -> list[Block]:
        d = self.data
        signed = self.app.session.view.signing()
        b = [Block("strong", signed.compared), Block("gap", "")] if signed else []
        b += paragraphs(d.get("summary") or "", "type")
        for short, found in self.each_side("decisive"):
            b += [Block("gap", ""), Block("head", f"{short}: {DECISIVE_HEAD.lower()}" if short else DECISIVE_HEAD)]
            b += [Block("body", f"{i}. " + decisive_line(x), 10) for i, x in enumerate(found, 1)]
            b.append(Block("small", DECISIVE_NOTE))
        if d.get("epilogue"):
            b += [Block("gap", ""), Block("head", "Epilogue")]
            b += paragraphs(d["epilogue"])
        if d.get("comparison"):
            b += [Block("gap", ""), Block("head", "Compared with history")]
            b += paragraphs(d["comparison"])
        if d.get("questions"):
            b += [Block("gap", ""), Block("head", "Questions for discussion")]
            b += [Block("body", f"{i}. {q}", 10) for i, q in enumerate(d["questions"], 1)]
        if self.exported:
            b += [Block("gap", ""), Block("small", f"Debrief exported to {self.exported}")]
        return b

    def each_side(self, key: str) -> list[tuple[str, list]]:
        """(the seat's short name, or "" in a game of one seat; its `key` list) for each seat that has one."""
        d = self.data
        if d.get("sides"):
            return [(side["short"], side[key]) for side in d["sides"] if side[key]]
        return [("", d[key])] if d.get(key) else []

    def table_blocks(self) -> list[Block]:
        d = self.data
        b: list[Block] = []
        for short, found in self.each_side("verdict"):
            b += [Block("head", f"{short}: {VERDICT_HEAD.lower()}" if short else VERDICT_HEAD)]
            b += [Block("body", f"{v['text']}.", 10) for v in found]
            b += [Block("small", VERDICT_NOTE.format(games=found[0]["games"])), Block("gap", "")]
        b.append(Block("head", "Scores (no single right answer)"))
        for s in d.get("scores", []):
            arrow = better(s["good_when"], s["interest"])
            b.append(Block("body", f"{s['name']}: from {s['start']:g} to {s['value']:.0f}  ({arrow})", 10))
        b += [Block("gap", ""), Block("head", "Your decisions beside the historical ones")]
        mine, hist = d.get("decisions", []), d.get("historical_decisions", [])
        weeks = sorted({x["turn"] for x in mine} | {x["turn"] for x in hist})
        if not weeks:
            b.append(Block("soft", "No decisions recorded."))
        for wk in weeks:
            b.append(Block("strong", self.app.session.scenario.calendar.numbered(wk)))
            for x in mine:
                if x["turn"] == wk:
                    b.append(Block("body", f"You: {x['title']}", 10))
            for x in hist:
                if x["turn"] == wk:
                    b.append(Block("italic", f"History: {x['title']}", 10))
        return b

    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        surf.fill(p.desk)
        sheet(surf, th, self.left, "telegram")
        sheet(surf, th, self.right, "paper")
        x, y = self.left.x + th.pad * 2, self.left.y + th.pad
        surf.blit(render(th, self.head_line(), "soft"), (x, y))
        if self.stamp_at is not None:
            stamp(surf, th, self.stamp_text(), self.stamp_at[1].center, -7, self.stamp_at[0])
        s = self.app.session
        unit = s.scenario.calendar.unit
        surf.blit(render(th, f"The gauges {unit} by {unit}", "strong"), (self.right.x + th.pad, self.right.y + th.pad))
        meters = [m for m in s.scenario.meters if m.shown(s.power)]
        draw_chart(surf, th, self.chart_rect, self.data.get("history", []), self.data.get("history_weeks", []),
                   meters, unit)
        self.draw_widgets(surf)

    def escape(self) -> Any:
        return None
