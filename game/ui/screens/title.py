"""The title screen: new game, continue, load, scenario choice, settings, sources and credits, quit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from ...paths import DEFAULT_SCENARIO
from ...scenario.calendar import day_words
from ...scenario.model import Texts
from ...scenario.presentation import texts
from .. import catalog
from ..flow import LoadSave, NewGame, Open, Pop, Quit
from ..settings import autosave_path
from ..theme import Theme
from ..widgets.core import ScrollText
from ..widgets.items import Item
from ..widgets.paper import sheet, stamp, stamp_place
from ..widgets.text import Block, fit, render
from ..wording import NO_AUTOSAVE, TITLE_MENU
from .base import Screen
from .dialog import Dialog, error_lines

CREDITS = [
    Block("head", "Moscow 1939"),
    Block("body", "A turn-based diplomacy game of the spring and summer of 1939. Free software under the GNU "
                  "General Public License, version 3 or later."),
    Block("gap", ""),
    Block("head", "Map"),
    Block("body", "Borders derived from Ourednik, A., historical-basemaps (GPL-3.0), adjusted to the scenario's date."),
    Block("gap", ""),
    Block("head", "Fonts"),
    Block("body", "Noto Sans (The Noto Project Authors) and Fira Code (The Fira Code Project Authors), both "
                  "under the SIL Open Font License 1.1; the licence texts ship in assets/fonts."),
    Block("gap", ""),
    Block("head", "Keys"),
    Block("body", "Tab / Shift+Tab or the arrow keys move between controls; Enter or Space presses; Esc goes "
                  "back or opens the menu. The letter shown on a button presses it. F11: fullscreen. "
                  "Ctrl+Plus / Ctrl+Minus: text size. Ctrl+H: high contrast."),
]


class TitleScreen(Screen):
    keys = (("N", "new game"), ("G", "new class game"), ("C", "continue the autosaved game"), ("L", "load a game"),
            ("S", "choose the scenario"), ("O", "settings"), ("H", "handouts"), ("I", "sources and credits"),
            ("Q", "quit"))
    name = "title"

    def __init__(self, app: Any, seed: int | None = None):
        super().__init__(app)
        self.seed = seed
        # given on the command line: used as is (errors are shown); else the one remembered from last time
        self.remembered = not app.scenario_path and bool(app.settings.scenario)
        if app.scenario_path:
            self.scenario_path = Path(app.scenario_path)
        else:
            self.scenario_path = Path(app.settings.scenario) if self.remembered else DEFAULT_SCENARIO
        self.summary = ""
        self.scenario_title = self.scenario_path.stem
        self.cover_texts = Texts()   # the scenario's title, subtitle, tagline and stamp, once read
        self.sources: list = []
        app.tasks.append(self.load_meta)   # after the first frame, so that it appears at once

    def load_meta(self) -> None:
        from ..scenario_lookup import read_scenario

        try:
            sc = read_scenario(self.scenario_path)
            self.scenario_title, self.summary = sc.title, sc.summary
            self.cover_texts = texts(sc)
            self.sources = list(sc.sources)
        except Exception as exc:
            if self.remembered:
                self.forget(error_lines(exc)[0])
                return
            self.scenario_title = f"{self.scenario_path.name} (has errors)"
            self.summary = error_lines(exc)[0]
        self.stale = True

    def forget(self, why: str) -> None:
        """The remembered scenario no longer loads: forget it, say so, and offer the shipped one."""
        self.app.notify(f"The scenario chosen last time cannot be read any more, so the game is back to its "
                        f"own. {why}", "bad", 12.0)
        self.app.settings.scenario = ""
        self.app.settings.save()
        self.remembered = False
        self.scenario_path = DEFAULT_SCENARIO
        self.load_meta()

    # -------------------------------------------------------------- actions
    def new_game(self) -> Any:
        return NewGame(self.scenario_path, self.seed)

    def class_game(self) -> Any:
        """The new-game screen for a class, for the chosen scenario (its errors, if it has any)."""
        from ..scenario_lookup import read_scenario

        try:
            sc = read_scenario(self.scenario_path)
        except Exception as exc:
            return Open("error", title="This scenario cannot be played", lines=error_lines(exc))
        return Open("class_setup", scenario=sc, scenario_path=self.scenario_path, seed=self.seed)

    def handouts(self) -> Any:
        return Open("handouts", scenario_path=self.scenario_path)

    def continue_game(self) -> Any:
        from ..save_list import save_info
        from ..session import autosave_failure

        failure = autosave_failure()
        if failure is not None:   # the newest game could not be autosaved: never load an older one unasked
            return Open("continue_warning", failure=failure)
        info = save_info(autosave_path())
        if info.ended:   # nothing to continue: say so, and offer its ending
            return Open("last_game_ended", info=info, new_game=self.new_game)
        return LoadSave(autosave_path())

    def credits(self) -> Any:
        blocks = list(CREDITS)
        if self.sources:
            blocks += [Block("gap", ""), Block("head", f"Sources of the scenario ({len(self.sources)})"),
                       Block("small", "Quotations are short and attributed; all other prose is the project's own. "
                                       "In the game, cards are unlocked in the Archive as events happen.")]
            for s in self.sources:
                blocks.append(Block("body", f"{s.title} — {s.author}, {day_words(s.date)}. {s.reference}", 10))
        return Open("dialog", title="Sources and credits", blocks=blocks)

    def choose_scenario(self) -> Any:
        return Open("scenarios", title_screen=self)

    def set_scenario(self, path: Path) -> None:
        self.scenario_path = path
        self.remembered = True
        self.app.settings.scenario = str(path)
        self.app.settings.save()
        self.load_meta()

    # --------------------------------------------------------------- layout
    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        self.cover = pygame.Rect(0, 0, min(w - 2 * theme.px(20), theme.px(980)), h - 2 * theme.px(24))
        self.cover.center = (w // 2, h // 2)
        col_w = min(theme.px(330), self.cover.w // 2 - theme.px(30))
        bh = theme.line_height("bold") + theme.pad * 2
        x = self.cover.x + theme.px(40)
        y = self.cover.y + theme.line_height("bold", 2.4) + theme.line_height("sans") * 2 + theme.px(50)
        self.menu_top = y
        has_auto = autosave_path().is_file() or autosave_path().with_name("autosave.failed").is_file()
        does = {"new": (self.new_game, pygame.K_n), "class": (self.class_game, pygame.K_g),
                "handouts": (self.handouts, pygame.K_h), "continue": (self.continue_game, pygame.K_c),
                "load": (lambda: Open("load"), pygame.K_l), "scenario": (self.choose_scenario, pygame.K_s),
                "settings": (lambda: Open("settings"), pygame.K_o), "credits": (self.credits, pygame.K_i),
                "quit": (lambda: Quit(), pygame.K_q)}
        entries = []
        for mid, (label, tip) in TITLE_MENU.items():
            enabled = has_auto or mid != "continue"
            entries.append((label, *does[mid], enabled, tip if enabled else NO_AUTOSAVE))
        foot_h = theme.line_height("sans", 0.8)
        self.foot_y = self.cover.bottom - foot_h - theme.px(10)
        bottom = self.foot_y - theme.px(8)
        self.button_column(pygame.Rect(x, y, col_w, bottom - y), entries, bh, theme.px(8))
        self.text_x = x + col_w + theme.px(40)
        # the chosen scenario, right of the menu: scrolls rather than running into the footer
        tw = self.cover.right - theme.px(30) - self.text_x
        if tw > theme.px(120):
            blocks = [Block("soft", "Scenario"), Block("head", self.scenario_title),
                      Block("body", self.summary or "Reading the scenario…")]
            self.add(ScrollText(pygame.Rect(self.text_x - theme.pad, y - theme.pad, tw + theme.pad, bottom - y + theme.pad),
                                theme, blocks, wid="scenario-summary"))

    def first_focus(self) -> int:
        return 0

    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        surf.fill(p.desk)
        sheet(surf, th, self.cover, "paper")
        x = self.cover.x + th.px(40)
        y = self.cover.y + th.px(30)
        cover, room = self.cover_texts, self.cover.right - th.px(40) - x
        lines = []
        for text, style, step in ((cover.title, "title", th.line_height("bold", 1.7) + th.px(4)),
                                  (cover.subtitle, "italic", th.line_height("italic")), (cover.tagline, "soft", 0)):
            img = render(th, fit(th, text, style, room), style)
            surf.blit(img, (x, y))
            lines.append(img.get_bounding_rect().move(x, y))
            y += step
        if cover.stamp:   # in the cover's top right, clear of its lines; left out if there is no room
            box = pygame.Rect(self.cover.x, self.cover.y, self.cover.w, self.menu_top - self.cover.y).inflate(
                -2 * th.px(12), -2 * th.px(8))
            place = stamp_place(th, cover.stamp, box, lines, -10, (0.95, 0.8, 0.65, 0.5))
            if place is not None:
                stamp(surf, th, cover.stamp, place[1].center, -10, place[0])
        foot = render(th, "Tab / arrows: move · Enter: choose · letters: shortcuts · F1: help · F11: fullscreen", "small")
        surf.blit(foot, (x, self.foot_y))
        self.draw_widgets(surf)

    def escape(self) -> Any:
        return None


class ScenarioChooser(Dialog):
    """Every scenario file with its title, or its errors."""

    name = "scenarios"

    def __init__(self, app: Any, title_screen: TitleScreen):
        super().__init__(app, "Choose a scenario", [], [("Back", lambda: Pop(), pygame.K_ESCAPE)])
        from ..scenario_lookup import scenario_files

        self.owner = title_screen
        self.paths = scenario_files()
        current = title_screen.scenario_path    # played from its own path: listed too, last
        if current.is_file() and current.resolve() not in {p.resolve() for p in self.paths}:
            self.paths.append(current)
        catalog.request(self.paths)
        self.read = sum(catalog.known(p) is not None for p in self.paths)
        if self.read < len(self.paths):
            app.tasks.append(self.poll)

    def poll(self) -> None:
        """Show the files read since the last look; look again next frame while some are still being read."""
        read = sum(catalog.known(p) is not None for p in self.paths)
        if read != self.read:
            self.read, self.stale = read, True
        if read < len(self.paths) and self in self.app.stack:
            self.app.tasks.append(self.poll)

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        items = []
        for path in self.paths:
            known = catalog.known(path)
            entry = known or catalog.Entry(path.name, "Reading the file…", ())
            errors = list(entry.errors)
            sub = entry.summary if not errors else "Cannot be played: " + "; ".join(errors[:3])
            if len(sub) > 300:   # a long summary is cut at a word, visibly
                sub = sub[:300].rsplit(" ", 1)[0].rstrip(",;:.") + "…"

            def pick(path=path, errors=errors, title=entry.title):
                if errors:
                    return Open("error", title=f"{title}: errors", lines=errors)
                self.owner.set_scenario(path)
                return Pop()

            ready = known is not None
            items.append(Item(entry.title, pick, sub=sub, note="errors" if errors else path.parent.name, wid=str(path),
                              enabled=ready, tip="" if ready else "The file is still being read."))
        self.item_column(body, items, body.w - theme.px(8))   # every file stays reachable, however many
