"""A new game for a class: which powers teams play (the scenario's AI plays the rest), the teams' names, the class
code (the seed: typing a code gives the same game), the class options, and where the game starts."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pygame

from ...engine.checkpoints import week_of
from ...engine.classroom import MAX_NAME, MAX_PIN, MAX_TIMER, ClassOptions
from ...scenario.calendar import day_words
from ..flow import HostGame, NewGame, Notice, Pop
from ..layout import column, equal_row, row
from ..theme import Theme
from ..widgets.buttons import Button, Option
from ..widgets.caption import Caption
from ..widgets.line import LineEdit
from ..widgets.paper import sheet
from ..widgets.reason import Counter
from ..wording import CLASS_FLAGS, HOSTING, JOIN_CHOICES
from .base import Screen

MAX_CODE_DIGITS = 9


def new_code() -> int:
    """A class code nobody chose: a number of up to six digits."""
    return random.randrange(1, 1_000_000)


class ClassSetupScreen(Screen):
    """Seats, team names, the class code and options, then Start. Every field keeps what was typed through a new
    layout (a resized window, a larger text)."""

    name = "class_setup"

    def __init__(self, app: Any, scenario: Any, scenario_path: Path, seed: int | None = None):
        super().__init__(app)
        self.scenario_path, self.scenario = scenario_path, scenario
        self.powers = [(p.id, p.short) for p in self.scenario.powers]
        self.seats = {self.scenario.player}
        self.flags = dict.fromkeys(CLASS_FLAGS, False)
        self.join = ""   # teams join from their own devices: "" (no), "local" or "network" (see JOIN_CHOICES)
        self.checkpoints = [(c.id, f"{day_words(c.date, year=False)}: {c.title}") for c in scenario.checkpoints]
        self.lesson: dict[str, str | None] = {"start": None, "stop": None}   # checkpoint ids (None: start, end)
        self.fields: dict[str, LineEdit] = {}
        self.timer: Counter | None = None
        code = str(seed if seed is not None and 0 < seed < 10**MAX_CODE_DIGITS else new_code())
        self.made = {"class": ("", MAX_NAME, None, False), "code": (code, MAX_CODE_DIGITS, str.isdigit, False),
                     "pin": ("", MAX_PIN, str.isdigit, True)}
        self.made.update({f"team:{p}": ("", MAX_NAME, None, False) for p, _name in self.powers})

    # ------------------------------------------------------------ fields
    def field(self, wid: str, rect: pygame.Rect, placeholder: str = "") -> LineEdit:
        """The field under wid, made the first time, moved to rect after."""
        if wid not in self.fields:
            text, limit, allowed, secret = self.made[wid]
            self.fields[wid] = LineEdit(rect, text, wid=wid, limit=limit, allowed=allowed, secret=secret,
                                        placeholder=placeholder)
        self.fields[wid].rect = pygame.Rect(rect)
        return self.add(self.fields[wid])

    def text(self, wid: str) -> str:
        return self.fields[wid].text if wid in self.fields else self.made[wid][0]

    # ------------------------------------------------------------ layout
    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        pad = theme.px(16)
        self.sheet = pygame.Rect(pad, pad, w - 2 * pad, h - 2 * pad)
        inner = self.sheet.inflate(-2 * pad, -2 * pad)
        bh = theme.line_height("bold") + theme.pad * 2
        head = theme.line_height("bold", 1.2) + theme.pad
        self.add(Caption(pygame.Rect(inner.x, inner.y, inner.w, 0), theme,
                         f"New class game — {self.scenario.title}", "head", wid="class-title"))
        body = pygame.Rect(inner.x, inner.y + head + theme.pad, inner.w, inner.h - head - bh - 2 * theme.pad)
        left, right = equal_row(body, 2, pad * 2)
        self.layout_seats(theme, left, bh)
        self.layout_options(theme, right, bh)
        back, start = row(pygame.Rect(inner.x, inner.bottom - bh, inner.w, bh), [theme.px(200), theme.px(260)],
                          theme.pad, align="right")
        self.add(Button(back, "Back", lambda: Pop(), key=pygame.K_ESCAPE))
        self.add(Button(start, HOSTING["start_host"] if self.join else HOSTING["start"], self.begin, wid="start",
                        tooltip=HOSTING["start_host_tip"] if self.join else HOSTING["start_tip"]))

    def row_height(self, theme: Theme, bh: int, area: pygame.Rect, rows: int) -> tuple[int, int]:
        """A row's height and the gap under it: as tall as a button if there is room, else shared out."""
        gap = theme.px(6)
        return min(bh, (area.h - gap * rows) // max(1, rows)), gap

    def layout_seats(self, theme: Theme, area: pygame.Rect, bh: int) -> None:
        """One row a power: whether a team plays it (the AI if not), and the team's name."""
        label_h = theme.line_height("bold") + theme.pad
        self.add(Caption(area, theme, "Who plays each power", "strong", wid="seats-label"))
        rows = pygame.Rect(area.x, area.y + label_h, area.w, area.h - label_h)
        rh, gap = self.row_height(theme, bh, rows, len(self.powers))
        for (power, name), cell in zip(self.powers, column(rows, [rh] * len(self.powers), gap), strict=True):
            toggle, team = equal_row(cell, 2, theme.pad)
            people = power in self.seats
            self.add(Option(toggle, f"{name}: {'a team' if people else 'AI'}", lambda p=power: self.flip(p),
                            selected=people, wid=f"seat:{power}",
                            tooltip="Played by a team of students (press to give it to the computer)" if people
                            else "Played by the scenario's AI (press to give it to a team)"))
            self.field(f"team:{power}", team, "team name" if people else "")

    def layout_options(self, theme: Theme, area: pygame.Rect, bh: int) -> None:
        """The class's name, its code, its PIN, the options, the timer and the starting point."""
        rows = 6 + len(CLASS_FLAGS) + (2 if self.checkpoints else 0)
        rh, gap = self.row_height(theme, bh, area, rows)
        cells = iter(column(area, [rh] * rows, gap))
        for wid, label, hint in (("class", "Class", "e.g. 7B History"), ("code", "Class code", "digits"),
                                 ("pin", "Teacher's PIN", "digits, for the console")):
            name, box = row(next(cells), [area.w * 2 // 5, area.w - area.w * 2 // 5 - theme.pad], theme.pad)
            self.add(Caption(name.move(0, (rh - theme.line_height()) // 2), theme, label, "body", wid=f"label:{wid}"))
            self.field(wid, box, hint)
        self.add(Button(next(cells), "New code", self.fresh_code, wid="new-code",
                        tooltip="A new class code: another game. The same code always gives the same game."))
        for flag, label in CLASS_FLAGS.items():
            on = self.flags[flag]
            self.add(Option(next(cells), f"{label}: {'yes' if on else 'no'}", lambda f=flag: self.toggle(f),
                            selected=on, wid=f"flag:{flag}"))
        self.add(Option(next(cells), f"{HOSTING['join_label']}: {JOIN_CHOICES[self.join]}", self.next_join,
                        selected=bool(self.join), wid="join", tooltip=HOSTING["join_tip"]))
        cell = next(cells)
        if self.timer is None:
            self.timer = Counter(cell, "Minutes per turn", wid="timer", most=MAX_TIMER, zero="no timer",
                                 tooltip="A timer for each team's turn: type the minutes, or + and -")
        self.timer.rect = cell
        self.add(self.timer)
        if self.checkpoints:
            titles = dict(self.checkpoints)
            for end, word, none in (("start", "Start", "the scenario's start"), ("stop", "Stop", "the end")):
                chosen = self.lesson[end]
                self.add(Option(next(cells), f"{word}: {titles[chosen] if chosen else none}",
                                lambda e=end: self.next_checkpoint(e), selected=chosen is not None,
                                wid=f"lesson:{end}", tooltip=f"Press for the next checkpoint to {word.lower()} at"))

    def first_focus(self) -> int:
        return next((i for i, w in enumerate(self.widgets) if w.wid == "seat:" + self.powers[0][0]), 0)

    # ------------------------------------------------------------ changes
    def flip(self, power: str) -> None:
        self.seats ^= {power}
        self.stale = True

    def toggle(self, flag: str) -> None:
        self.flags[flag] = not self.flags[flag]
        self.stale = True

    def next_join(self) -> None:
        """No devices, then this computer only, then the school network, then no again."""
        ways = list(JOIN_CHOICES)
        self.join = ways[(ways.index(self.join) + 1) % len(ways)]
        self.stale = True

    def next_checkpoint(self, end: str) -> None:
        """The lesson starts (or stops) at the next checkpoint, after the last one at the start (the end) again."""
        ids = [None, *(ident for ident, _title in self.checkpoints)]
        self.lesson[end] = ids[(ids.index(self.lesson[end]) + 1) % len(ids)]
        self.stale = True

    def fresh_code(self) -> Any:
        code = str(new_code())
        self.fields.pop("code", None)
        self.made["code"] = (code, *self.made["code"][1:])
        self.stale = True
        return Notice(f"New class code: {code}")

    # ------------------------------------------------------------ start
    def options(self) -> ClassOptions:
        seats = [p for p, _name in self.powers if p in self.seats]
        return ClassOptions.typed(self.text("class"), {p: self.text(f"team:{p}") for p in seats}, pin=self.text("pin"),
                                  turn_timer_minutes=self.timer.count if self.timer else 0, **self.lesson,
                                  **self.flags)

    def begin(self) -> Any:
        seats = tuple(p for p, _name in self.powers if p in self.seats)
        if not seats:
            return Notice("Choose at least one power for a team to play.", "bad")
        code = self.text("code")
        if not code:
            return Notice("Type a class code (digits), or press New code.", "bad")
        start, stop = self.lesson["start"], self.lesson["stop"]
        if start and stop and week_of(self.scenario, stop) <= week_of(self.scenario, start):
            return Notice("The lesson must stop at a checkpoint after the one it starts at.", "bad")
        if self.join:
            return HostGame(self.scenario_path, int(code), seats, self.options(), self.join)
        return NewGame(self.scenario_path, int(code), seats, self.options())

    def draw(self, surf: pygame.Surface) -> None:
        surf.fill(self.theme.palette.desk)
        sheet(surf, self.theme, self.sheet, "paper")
        self.draw_widgets(surf)
