"""The teacher's console: what no seat may see (every seat's telegrams, the hidden gauges, how the game's powers
lean), and the teacher's steps: pause the timer, bring in an event, roll back to a week, hand a seat to the game
or back, end the game now. Behind F9 and the class's PIN; it covers the whole window."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import Action
from ...engine.teacher import TEACHER, TO_THE_TEAM
from ...scenario.calendar import Calendar
from ..flow import Many, Notice, Open, PauseTimer, Pop, Rewind, TeacherStep, confirmed
from ..layout import row
from ..theme import Theme
from ..widgets.buttons import Button, label_width
from ..widgets.caption import Caption
from ..widgets.core import ScrollText
from ..widgets.field import TextField
from ..widgets.items import Item
from ..widgets.paper import sheet
from ..widgets.reason import ReasonBox
from ..widgets.text import Block
from ..wording import CONSOLE, CONSOLE_HEADS, HOSTING, chance, seat_line
from .base import Screen
from .dialog import Dialog

SEAT_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6, pygame.K_7, pygame.K_8)


class ConsoleScreen(Screen):
    """The console over the whole window: the game as the teacher sees it on the left, the steps on the right."""

    name = "console"

    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        pad = theme.px(12)
        view, s = self.app.session.console, self.app.session
        turn, last = view.week()
        self.add(Caption(pygame.Rect(pad * 2, pad * 2, w - 4 * pad, 0), theme, CONSOLE["title"], "head",
                         wid="console-title"))
        week = s.view.week()
        klass = s.game.options.name
        sub = (f"{'Class ' + klass + ' · ' if klass else ''}class code {week.seed} · "
               f"{s.scenario.calendar.of_last(turn, last).lower()}: {s.scenario.calendar.span(turn)}")
        top = pad * 2 + theme.line_height("bold", 1.4) + theme.pad
        self.add(Caption(pygame.Rect(pad * 2, top, w - 4 * pad, 0), theme, sub, "soft", wid="console-sub"))
        top += theme.line_height() + pad
        self.head = pygame.Rect(pad, pad, w - 2 * pad, top - 2 * pad)
        top += pad
        steps = self.steps(view)
        bh = theme.line_height("bold") + theme.pad * 2
        widest = max(label_width(theme, label, key, "strong", "keycap") for label, _f, key, _e, _t in steps)
        right_w = max(theme.px(300), int(w * 0.3), widest + 2 * theme.px(6) + 2 * theme.pad)
        self.left = pygame.Rect(pad, top, w - 3 * pad - right_w, h - top - pad)
        self.right = pygame.Rect(self.left.right + pad, top, right_w, h - top - pad)
        self.add(ScrollText(self.left.inflate(-2 * theme.pad, -2 * theme.pad), theme,
                            reveal_blocks(view, s.scenario.calendar), wid="reveal"))
        self.button_column(self.right.inflate(-2 * theme.pad, -2 * theme.pad), steps, bh, theme.pad)

    def steps(self, view: Any) -> list[tuple]:
        """The console's buttons: (label, request, key, enabled, tooltip); a step on one seat is chosen in a list
        (as many seats as the scenario has fit at any window size)."""
        timer, link = self.app.timer, self.app.host
        timed = bool(self.app.session.game.options.turn_timer_minutes)
        paused = link.clock()[1] if link is not None else timer is not None and timer.paused
        pause = CONSOLE["resume"] if paused else CONSOLE["pause"]
        found = [(pause, lambda: PauseTimer(), pygame.K_p, timed, "" if timed else CONSOLE["no_timer"]),
                 (CONSOLE["inject"], lambda: Open("console_inject"), pygame.K_i, bool(view.events()),
                  "" if view.events() else CONSOLE["no_events"]),
                 (CONSOLE["rewind"], lambda: Open("console_rewind"), pygame.K_r, True, CONSOLE["rewind_tip"]),
                 (CONSOLE["seats"], lambda: Open("console_seats"), pygame.K_h, True, CONSOLE["seats_tip"])]
        if link is not None:
            found.append((HOSTING["revoke_list"], lambda: Open("console_codes"), pygame.K_n, True,
                          HOSTING["codes_list_tip"]))
        stop = Action("stop", TEACHER)
        found.append((CONSOLE["stop"], lambda: confirmed(CONSOLE["stop_why"], CONSOLE["stop_what"],
                                                         TeacherStep(stop)), pygame.K_s, True, CONSOLE["stop_tip"]))
        found.append((CONSOLE["close"], lambda: Pop(), pygame.K_ESCAPE, True, ""))
        words = self.app.session.scenario.calendar.words
        return [(words(label), request, key, enabled, words(tip)) for label, request, key, enabled, tip in found]

    def draw(self, surf: pygame.Surface) -> None:
        surf.fill(self.theme.palette.desk)
        for rect in (self.head, self.left, self.right):
            sheet(surf, self.theme, rect, "paper")
        self.draw_widgets(surf)


class PinDialog(Dialog):
    """The class's PIN before the console opens."""

    name = "console_pin"
    width, height = 0.46, 0.42

    def __init__(self, app: Any):
        self.field: PinField | None = None
        super().__init__(app, CONSOLE["pin_title"], [Block("body", CONSOLE["pin_text"])],
                         [("Back", lambda: Pop(), pygame.K_ESCAPE)])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        field_h = theme.line_height("type") + theme.pad * 2
        text = pygame.Rect(body.x, body.y, body.w, body.h - field_h - theme.pad)
        self.add(ScrollText(text, theme, self.body_blocks(), style_bg=None))
        rect = pygame.Rect(body.x, body.bottom - field_h, body.w, field_h)
        if self.field is None:
            self.field = PinField(rect, "", self.typed, wid="pin", limit=12)
        self.field.rect = rect
        self.add(self.field)

    def first_focus(self) -> int:
        return next(i for i, w in enumerate(self.widgets) if w is self.field)

    def typed(self, pin: str) -> Any:
        if self.app.session.console.unlocks(pin):
            return Many((Pop(), Open("console")))
        self.field.text, self.field.cursor = "", 0
        return Notice(CONSOLE["pin_wrong"], "bad")


class PinField(TextField):
    """A field whose digits are shown as dots (the class is watching the projector)."""

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        typed, self.text = self.text, "•" * len(self.text)
        try:
            super().draw(surf, theme, focused, hovered)
        finally:
            self.text = typed


class InjectDialog(Dialog):
    """Choose an event the scenario lets a teacher bring in, write why, and bring it into the week."""

    name = "console_inject"
    width, height = 0.76, 0.9

    def __init__(self, app: Any):
        self.chosen = ""
        self.box: ReasonBox | None = None
        super().__init__(app, app.session.scenario.calendar.words(CONSOLE["inject_title"]), [], [])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        box_h = 3 * theme.line_height() + theme.pad * 2
        label_h = theme.line_height("bold") + theme.pad // 2
        items = [Item(e.title, (lambda i=e.id: self.choose(i)), sub=e.refusal or _first_sentence(e.text),
                      enabled=not e.refusal, selected=e.id == self.chosen, wid=f"event:{e.id}")
                 for e in self.app.session.console.events()]
        self.item_column(pygame.Rect(body.x, body.y, body.w, body.h - box_h - label_h - theme.pad), items)
        y = body.bottom - box_h - label_h
        self.add(Caption(pygame.Rect(body.x, y, body.w, 0), theme, CONSOLE["note_label"], "strong", wid="note-label"))
        rect = pygame.Rect(body.x, y + label_h, body.w, box_h)
        if self.box is None:
            self.box = ReasonBox(rect, placeholder=CONSOLE["note_placeholder"], wid="note")
        self.box.rect = rect
        self.add(self.box)

    def layout_buttons(self, theme: Theme, area: pygame.Rect) -> None:
        w = min(theme.px(260), (area.w - theme.pad) // 2)
        back, yes = row(area, [w, w], theme.pad, align="right")
        self.add(Button(back, "Back", lambda: Pop(), key=pygame.K_ESCAPE))
        self.add(Button(yes, CONSOLE["inject_yes"], self.bring_in, enabled=bool(self.chosen), wid="bring-in",
                        tooltip="" if self.chosen else CONSOLE["inject_first"]))

    def choose(self, event_id: str) -> Any:
        self.chosen = event_id
        self.stale = True
        return None

    def bring_in(self) -> Any:
        from ...engine.notes import clean_reason

        note = clean_reason(self.box.text) if self.box else ""
        return TeacherStep(Action("inject", TEACHER, self.chosen, why=note))


class RewindDialog(Dialog):
    """Choose the week to roll back to the start of; a question before everything after it is undone."""

    name = "console_rewind"
    width, height = 0.6, 0.86

    def __init__(self, app: Any):
        super().__init__(app, app.session.scenario.calendar.words(CONSOLE["rewind_title"]), [],
                         [("Back", lambda: Pop(), pygame.K_ESCAPE)])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        s = self.app.session
        cal, turn = s.scenario.calendar, s.view.week().turn
        items = []
        for week in reversed(s.console.weeks()):
            what = cal.words(CONSOLE["rewind_what"].format(week=week))
            items.append(Item(f"{cal.numbered(week)}: {cal.span(week)}",
                              lambda w=week, t=what: confirmed(cal.words(CONSOLE["rewind_why"]), t, Rewind(w)),
                              note=cal.words("this week") if week == turn else "", wid=f"week:{week}"))
        self.item_column(body, items)


class SeatsDialog(Dialog):
    """Choose a seat to hand to the game, or to give back to its team: one entry a seat, with its number key."""

    name = "console_seats"
    width, height = 0.7, 0.92

    def __init__(self, app: Any):
        super().__init__(app, CONSOLE["seats_title"], [], [("Back", lambda: Pop(), pygame.K_ESCAPE)])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        intro = ScrollText(body, theme, [Block("body", CONSOLE["seats_intro"])], wid="seats-intro", style_bg=None)
        intro.rect.h = min(body.h // 2, intro.height + max(16, 2 * theme.pad))
        self.add(intro)
        view, words = self.app.session.console, self.app.session.scenario.calendar.words
        items = []
        for n, (seat, key) in enumerate(zip(view.seats(), SEAT_KEYS, strict=False), 1):
            policy = "ai" if seat.policy == TO_THE_TEAM else TO_THE_TEAM
            action = Action("seat", TEACHER, seat.power, option=policy)
            refusal = view.refusal(action)
            label = (CONSOLE["hand"] if policy == "ai" else CONSOLE["give_back"]).format(short=seat.short)
            items.append(Item(f"{n}. {label}", (lambda a=action: Many((Pop(), TeacherStep(a)))), key=key,
                              sub=words(refusal or seat_line(seat.team or seat.short, "", seat.policy, seat.waiting)),
                              enabled=not refusal, wid=f"seat:{seat.power}"))
        self.item_column(pygame.Rect(body.x, intro.rect.bottom, body.w, body.bottom - intro.rect.bottom), items)


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def reveal_blocks(view: Any, cal: Calendar) -> list[Block]:
    """What the console shows of the game: seats, every gauge, the AI's leanings, every seat's telegrams,
    checkpoints and the teacher's steps, in the calendar's words (its turns, its days)."""
    words = cal.words
    b = [Block("head", CONSOLE_HEADS["seats"])]
    b += [Block("body", "• " + words(seat_line(s.short, s.team, s.policy, s.waiting)), 10) for s in view.seats()]
    b += [Block("gap", ""), Block("head", CONSOLE_HEADS["gauges"])]
    b += [Block("strong" if g.hidden else "body", f"• {g.name}: {g.value:.0f} (of {g.min:g}–{g.max:g})"
                + (" — hidden from the teams" if g.hidden else ""), 10) for g in view.gauges()]
    b += [Block("gap", ""), Block("head", CONSOLE_HEADS["leanings"])]
    if not view.leanings():
        b.append(Block("soft", CONSOLE["no_leanings"], 10))
    for lean in view.leanings():
        b.append(Block("strong", f"{lean.offer_name}: {lean.short}, {chance(lean.low, lean.high)} to accept", 10))
        b += [Block("soft", f"– {word}", 24) for word in lean.words]
    b += [Block("gap", ""), Block("head", CONSOLE_HEADS["inboxes"])]
    for seat in view.seats():
        b.append(Block("strong", seat.short))
        for entry in reversed(view.inbox(seat.power)[-6:]):
            b.append(Block("body", f"• {cal.day(entry.date, year=False)}: {entry.title}", 10))
            if entry.why:
                b.append(Block("soft", f"“{entry.why}”", 24))
    b += [Block("gap", ""), Block("head", CONSOLE_HEADS["checkpoints"])]
    for point in view.checkpoints():
        b += [Block("strong", f"{words('Week')} {point.week}: {point.title}", 10), Block("soft", point.note, 24)]
    steps = view.steps()
    if steps:
        b += [Block("gap", ""), Block("head", CONSOLE_HEADS["steps"])]
        b += [Block("body", f"• {words('Week')} {e.turn}: {e.title}" + (f" — “{e.why}”" if e.why else ""), 10)
              for e in steps]
    return b
