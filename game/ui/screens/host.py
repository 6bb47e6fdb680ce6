"""The host's window at the projector: the address teams open (and its QR code), each seat's join code, whether
it has joined and ended the week, the week's timer and its public news. Nothing of any seat's own view: the
teacher's console is behind F9 and the PIN."""

from __future__ import annotations

from typing import Any

import pygame

from ..exporting import export_debrief
from ..flow import Open, OpenConsole, Quit, ToTitle
from ..hosting import grouped
from ..layout import row
from ..theme import Theme
from ..widgets.buttons import Button
from ..widgets.caption import Caption
from ..widgets.core import ScrollText
from ..widgets.paper import sheet
from ..widgets.qr import QrCode
from ..widgets.text import Block, font_of, render
from ..wording import HOSTING
from .base import Screen

PUBLIC_NEWS = 6                                     # the week's latest public news shown
URL_STYLES = ("title", "head", "strong", "body")     # the address as large as it fits
CARD_STYLES = (("strong", "type_head", "body"), ("strong", "type", "soft"), ("strong_small", "type", "small"))


def clock_text(left: int) -> str:
    return f"{left // 60}:{left % 60:02d}"


class HostScreen(Screen):
    """The projector's view of a hosted game. A seat's code is shown only until its team has joined, so that nobody
    in the room can join as another team; a new code the teacher gave a seat is never shown here (only in the
    console), nor, unless the teacher shows them again from the console, the codes of seats that joined."""

    name = "host"
    keys = (("E", "export the debrief"), ("F9", "the teacher's console: every join code, a new code for a seat"))

    def __init__(self, app: Any):
        super().__init__(app)
        self.clock: tuple[int | None, bool] = (None, False)

    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        pad = theme.px(16)
        link, s = self.app.host, self.app.session
        self.clock = link.clock()
        bh = theme.line_height("bold") + theme.pad * 2
        head_h = theme.line_height("bold", 1.2) + theme.line_height() + 3 * theme.pad
        self.head = pygame.Rect(pad, pad, w - 2 * pad, head_h)
        inner = self.head.inflate(-2 * theme.pad, -2 * theme.pad)
        self.add(Caption(inner, theme, HOSTING["title"], "head", wid="host-title"))
        self.add(Caption(pygame.Rect(inner.x, inner.y + theme.line_height("bold", 1.2), inner.w, 0), theme,
                         self.subtitle(s), "soft", wid="host-sub"))
        body_top = self.head.bottom + pad
        body_h = h - body_top - 2 * pad - bh
        left_w = min(int(w * 0.36), body_h + theme.px(80))
        self.left = pygame.Rect(pad, body_top, left_w, body_h)
        self.right = pygame.Rect(self.left.right + pad, body_top, w - left_w - 3 * pad, body_h)
        self.layout_address(theme, self.left.inflate(-2 * theme.pad, -2 * theme.pad), link.url)
        self.layout_seats(theme, self.right.inflate(-2 * theme.pad, -2 * theme.pad))
        width = min(theme.px(300), (w - 2 * pad - 3 * theme.pad) // 4)
        self.add(Button(pygame.Rect(pad, h - pad - bh, width, bh), HOSTING["stop"], self.escape, key=pygame.K_ESCAPE,
                        wid="stop"))
        cells = row(pygame.Rect(pad, h - pad - bh, w - 2 * pad, bh), [width] * 2, theme.pad, align="right")
        over = s.game.over
        self.add(Button(cells[0], HOSTING["export"], lambda: export_debrief(self.app.session)[0], key=pygame.K_e,
                        wid="export", tooltip=HOSTING["export_tip"]))
        self.add(Button(cells[1], HOSTING["console"], lambda: OpenConsole(), key=pygame.K_F9, wid="console",
                        enabled=not over, tooltip=HOSTING["console_over"] if over else HOSTING["console_tip"]))

    def subtitle(self, s: Any) -> str:
        """The class, its code and the week (or how the game ended)."""
        week, cal = s.view.week(), s.scenario.calendar
        klass = s.game.options.name
        when = (HOSTING["ended"].format(title=ending_title(s)) if week.over
                else f"{cal.of_last(week.turn, week.last_turn)}: {cal.span(week.turn)}")
        return f"{'Class ' + klass + ' · ' if klass else ''}class code {week.seed} · {when}"

    def layout_address(self, theme: Theme, area: pygame.Rect, url: str) -> None:
        """What to open, the address as large as fits, its QR code, and a word for watchers."""
        lead = ScrollText(area, theme, [Block("body", HOSTING["open"])], wid="open", style_bg=None)
        lead.rect.h = min(area.h, lead.height + max(16, 2 * theme.pad))
        self.add(lead)
        style = next((st for st in URL_STYLES if font_of(theme, st).size(url)[0] <= area.w), URL_STYLES[-1])
        y = lead.rect.bottom
        self.add(Caption(pygame.Rect(area.x, y, area.w, 0), theme, url, style, wid="url"))
        y += font_of(theme, style).get_linesize() + theme.pad
        tail = ScrollText(pygame.Rect(area.x, y, area.w, area.h), theme, [Block("soft", HOSTING["watch"])],
                          wid="watch", style_bg=None)
        tail.rect.h = tail.height + max(16, 2 * theme.pad)
        tail.rect.bottom = area.bottom
        self.add(tail)
        self.add(QrCode(pygame.Rect(area.x, y, area.w, tail.rect.top - y - theme.pad), url))

    def layout_seats(self, theme: Theme, area: pygame.Rect) -> None:
        """A card a seat (its team, its code, joined or not, its week), in two columns if the seats are many; the
        week's public news under them in the room left."""
        seats = self.app.host.seats()
        cols = 2 if len(seats) > 3 and area.w >= theme.px(620) else 1
        rows = -(-len(seats) // cols)
        head_h = theme.line_height("bold", 1.2) + theme.pad
        self.add(Caption(area, theme, HOSTING["seats"], "head", wid="seats-head"))
        room = area.h - head_h
        styles = next((st for st in CARD_STYLES if rows * card_height(theme, st) <= room), CARD_STYLES[-1])
        card_h, card_w = card_height(theme, styles), (area.w - theme.pad * (cols - 1)) // cols
        for i, seat in enumerate(seats):
            c, r = i % cols, i // cols
            cell = pygame.Rect(area.x + c * (card_w + theme.pad), area.y + head_h + r * card_h, card_w, card_h)
            self.seat_card(theme, cell, seat, styles)
        top = area.y + head_h + rows * card_h + theme.pad
        public = self.public_blocks()
        if public and area.bottom - top > 3 * theme.line_height():
            self.add(ScrollText(pygame.Rect(area.x, top, area.w, area.bottom - top), theme, public, wid="public",
                                style_bg="paper_alt"))

    def seat_card(self, theme: Theme, cell: pygame.Rect, seat: Any, styles: tuple[str, str, str]) -> None:
        name, code, state = styles
        words, over = self.app.session.scenario.calendar.words, self.app.session.game.over
        lines = [(f"{seat.short} — {seat.team}" if seat.team else seat.short, name),
                 (code_on_projector(seat, self.app.host.show_codes), code),
                 (words(seat_state(seat, over)), "good" if seat.finished and not (seat.by_game or over) else state)]
        y = cell.y
        for n, (text, style) in enumerate(lines):
            self.add(Caption(pygame.Rect(cell.x, y, cell.w, 0), theme, text, style, wid=f"seat-{n}:{seat.power}"))
            y += font_of(theme, style).get_linesize()

    def public_blocks(self) -> list[Block]:
        """The public view, as a watcher's browser has it: the week's latest news (latest first), the gauges every
        power is shown, and the treaties signed."""
        public = self.app.host.public()
        turn = public["calendar"]["turn"]
        news = [n for n in public["news"] if n["turn"] == turn][-PUBLIC_NEWS:]
        cal = self.app.session.scenario.calendar
        b = [Block("strong", cal.words(HOSTING["news"]))] if news else []
        b += [Block("body", f"• {cal.day(n['date'], year=False)}: {n['title']}", 10) for n in reversed(news)]
        if public["gauges"]:
            b += [Block("gap", ""), Block("strong", HOSTING["gauges"])]
            b += [Block("body", f"• {g['name']}: {g['value']:.0f} (of {g['min']:g}–{g['max']:g})", 10)
                  for g in public["gauges"]]
        if public["treaties"]:
            b += [Block("gap", ""), Block("strong", HOSTING["treaties"])]
            b += [Block("body", f"• {t['name']}" + (f": {', '.join(t['clauses'])}" if t["clauses"] else ""), 10)
                  for t in public["treaties"]]
        return b

    def escape(self) -> Any:
        """Stop hosting, after a question: to the title (a game hosted from the class set-up) or out of the window
        (`main.py host`, whose server stops with it)."""
        link = self.app.host
        return Open("confirm", title=HOSTING["stop_title"], text=HOSTING["stop_text"].format(save=link.host.save_path),
                    yes=HOSTING["stop"], request=ToTitle() if link.owned else Quit())

    def view_key(self) -> tuple:
        return (*super().view_key(), self.app.host.clock())

    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        surf.fill(th.palette.desk)
        for rect in (self.head, self.left, self.right):
            sheet(surf, th, rect, "paper")
        self.draw_widgets(surf)
        self.clock = self.app.host.clock()
        left, paused = self.clock
        if left is None or self.app.session.game.over:
            return
        text = self.app.session.scenario.calendar.words(
            HOSTING["timer_paused" if paused else "timer"].format(left=clock_text(left)))
        label = render(th, text, "stamp" if left < 60 and not paused else "strong")
        box = self.head.inflate(-2 * th.pad, -2 * th.pad)
        surf.blit(label, label.get_rect(topright=box.topright))


def card_height(theme: Theme, styles: tuple[str, ...]) -> int:
    return sum(font_of(theme, st).get_linesize() for st in styles) + theme.pad


def code_on_projector(seat: Any, show_joined: bool) -> str:
    """What the projector shows of a seat's code: the code until its team has joined (or again, if the teacher chose
    so in the console); a new code the teacher gave, never: the teacher tells it to the team alone."""
    if seat.reissued:
        return HOSTING["hidden_code"] if seat.joined else HOSTING["new_code_card"]
    return grouped(seat.code) if show_joined or not seat.joined else HOSTING["hidden_code"]


def seat_state(seat: Any, over: bool = False) -> str:
    """Who plays the seat now and where its week stands, in a few words (none, once the game is over)."""
    if over:
        return HOSTING["game_over"]
    if seat.by_game:
        return HOSTING["by_game"]
    if seat.finished:
        return HOSTING["done"]
    if seat.reissued and not seat.joined:
        return HOSTING["new_code_state"]
    return HOSTING["playing" if seat.joined else "not_joined"]


def ending_title(s: Any) -> str:
    """How the game ended, in the scenario's words (the teacher's stop too), as the debrief and the pages say it."""
    from ...engine.debrief import ending

    return ending(s.game)["title"]
