"""The hand-over between seats: nothing of any seat's view, only whose turn it is, the class code and the week's
public news (what every seat has seen), for the whole class at the projector."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine.facilitator import ConsoleView
from ...scenario.calendar import day_words
from ..flow import TakeSeat
from ..widgets.text import Block
from ..wording import HANDOVER_HIDE, HANDOVER_TAKE, PUBLIC_NEWS_HEAD, SEAT_STATUS, handover_title, team_words
from .base import ACTIVATE
from .dialog import Dialog

TAKE_KEY = pygame.K_t
PUBLIC_NEWS = 4     # the latest public news of the week, for the whole class at the projector


class HandoverScreen(Dialog):
    """Shown alone on an empty desk: it draws nothing of the last seat's view. Only its own key (T) or a click
    takes the seat; Enter, Space and Esc do nothing, so a key pressed for the last desk cannot open the next."""

    name = "handover"
    modal = False       # never drawn over another screen: the last seat's desk must not show around it
    focus_first = False
    width, height = 0.66, 0.86

    def __init__(self, app: Any, seat: str):
        self.seat = seat
        short = app.session.scenario.power(seat).short
        self.team = app.session.game.options.team(seat)
        super().__init__(app, handover_title(short, self.team), [],
                         [(HANDOVER_TAKE.format(short=short), lambda: TakeSeat(seat), TAKE_KEY)])

    def body_blocks(self) -> list[Block]:
        s = self.app.session
        sc, week = s.scenario, s.view.week()
        me = sc.power(self.seat)
        waiting = s.game.waiting_for()
        people = next(p.people for p in s.view.powers() if p.id == self.seat)   # in office now (appointments)
        b = [Block("head", me.name), Block("soft", " · ".join(name for name, _title in people[:2])), Block("gap", ""),
             Block("body", HANDOVER_HIDE.format(team=team_words(me.short, self.team), key="T")), Block("gap", ""),
             Block("body", f"{sc.calendar.of_last(week.turn, week.last_turn)}: {sc.calendar.span(week.turn)}. "
                           f"Class code {week.seed}.")]
        for p in s.seats:
            status = "next" if p == self.seat else ("waiting" if p in waiting else "done")
            b.append(Block("body", f"• {sc.power(p).short} {sc.calendar.words(SEAT_STATUS[status])}", 10))
        news = [e for e in ConsoleView(s.game).public() if e.turn == week.turn][-PUBLIC_NEWS:]
        if news:
            b += [Block("gap", ""), Block("soft", sc.calendar.words(PUBLIC_NEWS_HEAD))]
            b += [Block("body", f"• {day_words(e.date, year=False)}: {e.title}", 10) for e in news]
        return b

    def on_key(self, event: pygame.event.Event) -> tuple[bool, Any] | None:
        if event.key in ACTIVATE or event.key == pygame.K_ESCAPE:
            return False, None    # a stray Enter or Space, meant for the last desk, takes nothing
        return None

    def escape(self) -> Any:
        return None

    def draw(self, surf: pygame.Surface) -> None:
        surf.fill(self.theme.palette.desk)
        super().draw(surf)
