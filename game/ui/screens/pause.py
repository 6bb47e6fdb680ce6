"""The pause menu (save, load, settings, quit to title), the settings sheet and the list of saves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from ...scenario.calendar import day_words
from ..exporting import export_debrief
from ..flow import LoadSave, Open, Pop, SaveGame, ToTitle
from ..layout import fits, row
from ..save_list import SaveInfo, save_infos
from ..settings import window_sizes
from ..theme import TEXT_STEPS, Theme
from ..widgets.buttons import Option, label_width
from ..widgets.core import ScrollText
from ..widgets.items import Item
from ..widgets.text import Block, render
from ..wording import PAUSE_MENU
from .dialog import Dialog


class PauseScreen(Dialog):
    keys = (("Esc", "resume"), ("S", "save the game"), ("L", "load a game"), ("O", "settings"), ("B", "the briefing"),
            ("A", "the archive of sources"), ("X", "export for grading"), ("Q", "quit to the title"))
    name = "pause"
    width, height = 0.4, 0.7

    def __init__(self, app: Any):
        code = f" · class code {app.session.code}" if app.session is not None else ""
        super().__init__(app, "Menu" + code, [], [])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        bh = theme.line_height("bold") + theme.pad * 2
        does = {"resume": (lambda: Pop(), pygame.K_ESCAPE), "save": (lambda: SaveGame(), pygame.K_s),
                "load": (lambda: Open("load"), pygame.K_l), "settings": (lambda: Open("settings"), pygame.K_o),
                "briefing": (lambda: Open("briefing"), pygame.K_b), "archive": (lambda: Open("archive"), pygame.K_a),
                "export": (lambda: export_debrief(self.app.session)[0], pygame.K_x),
                "title": (lambda: ToTitle(), pygame.K_q)}
        entries = [(label, *does[mid], True, tip) for mid, (label, tip) in PAUSE_MENU.items()]
        # this menu has no row of buttons at the bottom: its column may use that room too
        area = pygame.Rect(body.x, body.y, body.w, self.rect.bottom - theme.pad * 2 - body.y)
        self.button_column(area, entries, bh, theme.px(8))


class SettingsScreen(Dialog):
    keys = (("1 2 3 4", "text size: Small, Normal, Large, Projector"), ("H", "high contrast"), ("F", "fullscreen"),
            ("Esc", "done"))
    name = "settings"
    width, height = 0.66, 0.8

    def __init__(self, app: Any):
        super().__init__(app, "Settings", [], [("Done", lambda: Pop(), pygame.K_ESCAPE)])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        app = self.app
        s = app.settings
        bh = theme.line_height("bold") + theme.pad * 2
        gap = theme.px(8)
        label_h = theme.line_height("bold") + theme.px(4)
        self.labels: list[tuple[str, int]] = []
        y = body.y

        def option_row(title: str, options: list[tuple[str, Any, bool, str]], keys: list[int | None]) -> None:
            nonlocal y
            self.labels.append((title, y))
            y += label_h
            n = len(options)
            w = min(theme.px(200), (body.w - gap * (n - 1)) // max(1, n))
            # a button wider than the others if its label and key cap need it and the row has room
            widths = [max(w, label_width(theme, label, key) + theme.px(24))
                      for (label, *_), key in zip(options, keys, strict=False)]
            if not fits(widths, gap, body.w):
                widths = [w] * n
            cells = row(pygame.Rect(body.x, y, body.w, bh), widths, gap)
            for (label, fn, selected, tip), key, cell in zip(options, keys, cells, strict=True):
                self.add(Option(cell, label, fn, selected=selected, tooltip=tip, wid=f"{title}:{label}", key=key))
            y += bh + gap * 2

        option_row("Text size (Ctrl+Plus / Ctrl+Minus)",
            [(name, (lambda i=i: app.set_text_step(i)), s.text_step == i, f"{name} text ({int(scale * 100)}%)")
             for i, (name, scale) in enumerate(TEXT_STEPS)], [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4])
        option_row("Contrast (Ctrl+H)",
            [("Paper", lambda: app.set_contrast(False), not s.high_contrast, "Ink on paper, as on a desk of the period."),
             ("High contrast", lambda: app.set_contrast(True), s.high_contrast, "Black on white, for projectors.")],
            [None, pygame.K_h])
        option_row("Display (F11)",
            [("Window", lambda: app.set_fullscreen(False), not s.fullscreen, "A resizable window."),
             ("Fullscreen", lambda: app.set_fullscreen(True), s.fullscreen, "The whole screen.")],
            [None, pygame.K_f])
        sizes = window_sizes(screen_size() if app.window else None, tuple(s.window))   # no window: all
        option_row("Window size",
            [(f"{w}×{h}", (lambda w=w, h=h: app.resize((w, h), remember=True)), tuple(s.window) == (w, h),
              "Also: drag the window's edge.") for w, h in sizes], [None] * len(sizes))

    def draw(self, surf: pygame.Surface) -> None:
        super().draw(surf)   # (the widgets too: the row titles are beside them, not under them)
        for title, y in self.labels:
            surf.blit(render(self.theme, title, "strong"), (self.rect.x + self.theme.pad * 2, y))


def screen_size() -> tuple[int, int] | None:
    """The size of the screen the window is on (None if the display cannot say)."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return tuple(sizes[0]) if sizes else None


class LoadScreen(Dialog):
    name = "load"
    keys = (("Enter", "load the focused save"), ("Esc", "back"))

    def __init__(self, app: Any):
        super().__init__(app, "Load a game", [], [("Back", lambda: Pop(), pygame.K_ESCAPE)])
        self.saves = save_infos(Path(f) for f in app.settings.save_folders)

    @staticmethod
    def describe(info: SaveInfo) -> tuple[str, str, str]:
        """The label, the line under it and the note on the right of a save's entry."""
        label = "Autosave (written at the end of every turn)" if info.autosave else info.name
        if info.klass:
            label = f"Class {info.klass}: " + ("autosave" if info.autosave else "saved game")
        when = f"saved {info.saved.day} {info.saved.strftime('%b %Y, %H:%M')}" if info.saved else ""
        parts = [info.scenario] if info.scenario else []
        if info.teams:
            parts.append(f"teams: {info.teams}")
        if info.week is not None and info.ended:
            parts.append("the game is over")
        elif info.week is not None:
            week = f"{info.unit} {info.week}" + (f" of {info.weeks}" if info.weeks else "")
            if info.date:
                week += f", {day_words(info.date)}"
            parts.append(week)
        sub = " — ".join(parts)
        if info.problem:
            sub = (sub + ". " if sub else "") + f"Cannot be loaded: {info.problem.rstrip('.')}."
        return label, sub, when

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        if not self.saves:
            self.add(ScrollText(body, theme, [Block("body", "No saved games yet. The game saves itself every turn "
                                                            "(Continue on the title screen), and the menu saves on demand.")]))
            return
        items = []
        for info in self.saves:
            label, sub, when = self.describe(info)
            tip = f"File: {info.path}" + (f". Cannot be loaded: {info.problem}." if info.problem else "")
            items.append(Item(label, (lambda path=info.path: LoadSave(path)), sub=sub, note=when, tip=tip,
                              wid=str(info.path)))
        self.item_column(body, items, body.w - theme.px(8))
