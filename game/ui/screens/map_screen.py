"""The map on the whole window: territories, owners and spheres as they stand now."""

from __future__ import annotations

import pygame

from ...scenario.calendar import day_words
from ...scenario.presentation import texts
from ..flow import Pop
from ..map_view import MapView
from ..theme import Theme
from ..widgets.buttons import Button
from ..widgets.paper import sheet
from ..widgets.text import fit_items, render
from .base import Screen

HELP = ["Colour: who holds it", "stripes: whose sphere of interest",
        "a click or Enter: the dossier of the power that holds it", "arrows: the next country that way"]


class MapScreen(Screen):
    keys = (("Arrows", "the next country that way"), ("Enter", "the dossier of the country chosen"), ("Esc", "back"))
    name = "map"

    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        pad = theme.px(12)
        bh = theme.line_height("bold") + theme.pad * 2
        self.add(Button(pygame.Rect(w - pad - theme.px(160), pad, theme.px(160), bh), "Back", lambda: Pop(),
                        key=pygame.K_ESCAPE))
        s = self.app.session
        top = max(pad * 2 + bh, self.header_height(theme) + pad // 2)
        self.map_rect = pygame.Rect(pad, top, w - 2 * pad, h - top - pad)
        self.add(MapView(self.map_rect, theme, s.scenario, s.view.territories(), wid="bigmap", view=s.view,
                              whole=True))

    @staticmethod
    def header_height(theme: Theme) -> int:
        """The height of the title and its line of help above the map."""
        return theme.px(14) + theme.line_height("bold", 1.3) + theme.line_height("sans", 0.85)

    def first_focus(self) -> int:
        return 1

    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        surf.fill(th.palette.desk)
        s = self.app.session
        week = s.view.week()
        when = day_words(week.end_date or week.today)
        surf.blit(render(th, f"{texts(s.scenario).map_title} — {when}", "desk_head"), (th.px(12), th.px(14)))
        room = self.map_rect.w - th.px(180)
        surf.blit(render(th, fit_items(th, HELP, "desk_soft", room), "desk_soft"),
                  (th.px(12), th.px(14) + th.line_height("bold", 1.3)))
        sheet(surf, th, self.map_rect.inflate(2, 2), "paper")
        self.draw_widgets(surf)
