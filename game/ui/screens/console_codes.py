"""The join codes of a hosted game, in the teacher's console (behind F9 and the PIN): every seat's code for the
teacher alone, a new code for a seat, and the new code shown here only, never on the projector."""

from __future__ import annotations

from typing import Any

import pygame

from ..flow import Open, Pop, Revoke, ShowCodes
from ..hosting import grouped
from ..layout import row
from ..theme import Theme
from ..widgets.buttons import Button
from ..widgets.caption import Caption
from ..widgets.core import ScrollText
from ..widgets.items import Item
from ..widgets.text import Block, font_of
from ..wording import HOSTING
from .dialog import Dialog


class CodesDialog(Dialog):
    """Every network seat with its join code; press one for a new code (after a question), which shuts out every
    device that joined with the old one."""

    name = "console_codes"
    width, height = 0.7, 0.92

    def __init__(self, app: Any):
        super().__init__(app, HOSTING["codes_title"], [], [])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        intro = ScrollText(body, theme, [Block("body", HOSTING["revoke_intro"])], wid="codes-intro", style_bg=None)
        intro.rect.h = min(body.h // 2, intro.height + max(16, 2 * theme.pad))
        self.add(intro)
        words = self.app.session.scenario.calendar.words
        items = [Item(HOSTING["revoke"].format(short=seat.short, code=grouped(seat.code)), self.asker(seat),
                      sub=words(", ".join(seat_words(seat))), wid=f"revoke:{seat.power}")
                 for seat in self.app.host.seats()]
        self.item_column(pygame.Rect(body.x, intro.rect.bottom, body.w, body.bottom - intro.rect.bottom), items)

    def asker(self, seat: Any) -> Any:
        """The question before a seat's new code."""
        what = HOSTING["revoke_what"].format(short=seat.short)
        why = HOSTING["revoke_why"].format(short=seat.short, code=grouped(seat.code))
        return lambda: Open("confirm", title=what, text=why, yes=HOSTING["revoke_yes"], request=Revoke(seat.power))

    def layout_buttons(self, theme: Theme, area: pygame.Rect) -> None:
        shown = self.app.host.show_codes
        w = min(theme.px(560), area.w - min(theme.px(200), area.w // 3) - theme.pad)
        toggle, back = row(area, [w, area.w - w - theme.pad], theme.pad)
        self.add(Button(toggle, HOSTING["hide_codes" if shown else "show_codes"], lambda: ShowCodes(),
                        key=pygame.K_c, wid="show-codes", tooltip=HOSTING["codes_tip"], selected=shown))
        self.add(Button(back, "Back", lambda: Pop(), key=pygame.K_ESCAPE))


def seat_words(seat: Any) -> list[str]:
    """A seat's code's state in a few words: joined or not, new, played by the game."""
    said = [HOSTING["joined" if seat.joined else "not_joined"]]
    if seat.reissued:
        said.append(HOSTING["code_new"])
    if seat.by_game:
        said.append(HOSTING["by_game"])
    return said


class NewCodeDialog(Dialog):
    """A seat's new join code, large, for the teacher to tell the team quietly: shown here, in the console, alone."""

    name = "console_code"
    width, height = 0.62, 0.7

    def __init__(self, app: Any, power: str, code: str):
        short = app.session.scenario.power(power).short
        self.code = code
        super().__init__(app, HOSTING["code_title"].format(short=short),
                         [Block("body", HOSTING["code_text"].format(short=short))],
                         [(HOSTING["code_done"], lambda: Pop(), pygame.K_ESCAPE)])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        style = next((st for st in ("type_big", "type_head") if font_of(theme, st).size(grouped(self.code))[0] <= body.w),
                     "type")
        code_h = font_of(theme, style).get_linesize() + theme.pad
        self.add(Caption(pygame.Rect(body.x, body.y, body.w, 0), theme, grouped(self.code), style, wid="new-code"))
        self.add(ScrollText(pygame.Rect(body.x, body.y + code_h, body.w, body.h - code_h), theme, self.body_blocks(),
                            style_bg=None))
