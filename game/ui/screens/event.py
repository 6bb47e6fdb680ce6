"""Telegrams: an event waiting for the player's choice, and the report of the week just resolved."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import Action
from ...scenario.calendar import day_words
from ..flow import Many, Open, Pop, Submit, decided
from ..theme import Theme
from ..widgets.core import ScrollText
from ..widgets.items import Item, ListItem
from ..widgets.text import Block, paragraphs
from ..wording import CHANGE_WORD, CHANGES_HEAD, REPLIES_HEAD, known_consequences
from .dialog import Dialog


def source_blocks(sc: Any, ids: list[str] | tuple[str, ...]) -> list[Block]:
    out: list[Block] = []
    for sid in ids:
        if sid not in sc.index["sources"]:
            continue
        src = sc.source(sid)
        persp = sc.perspective(src.perspective).name if src.perspective in sc.index["perspectives"] else ""
        out += [Block("gap", ""), Block("strong", f"Source card: {src.title}"),
                Block("soft", f"{src.author}, {day_words(src.date)}" + (f" — perspective: {persp}" if persp else "")),
                Block("italic", src.text.strip(), 10), Block("small", src.reference, 10)]
    return out


class EventDialog(Dialog):
    keys = (("1 2 3 ...", "focus an answer (it is never chosen by its number alone)"),
            ("Enter", "choose the focused answer (a step that cannot be taken back asks first)"))
    """An event that asks the player to choose; each choice shows its known consequences."""

    name = "event"
    paper = "telegram"
    width, height = 0.74, 0.94
    stamp_text = "Urgent"
    button_row = False   # the options are the answers
    LARGE = 2      # from this text step on (Large, Projector) the telegram takes nearly all the window

    def __init__(self, app: Any, event: Any):
        self.event = event
        date = ""
        for q in app.session.view.questions():
            if q.event == event.id:
                date = q.date
        super().__init__(app, f"TELEGRAM — {day_words(date).upper()}" if date else "TELEGRAM", [], [])

    def panel(self, size: tuple[int, int]) -> pygame.Rect:
        if self.theme.text_step < self.LARGE:   # the desk's map stays in sight beside it
            return super().panel(size)
        r = pygame.Rect(0, 0, size[0] - 2 * self.theme.px(8), size[1] - 2 * self.theme.px(8))
        r.center = (size[0] // 2, size[1] // 2)
        return r

    def body_blocks(self) -> list[Block]:
        """The question's title (whole, on as many lines as it takes), then the telegram and its sources."""
        sc = self.app.session.scenario
        b = [Block("type_head", self.event.title.upper())]
        b += paragraphs(self.app.session.view.question(self.event.id).text, "type")
        b += source_blocks(sc, self.event.sources)
        return b

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        power = self.app.session.power
        known = self.known_consequences()
        said = dict(zip((c.id for c in self.event.choices), self.app.session.view.question(self.event.id).choices,
                        strict=True))
        keys = [pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6, pygame.K_7, pygame.K_8]
        items = []
        for i, c in enumerate(self.event.choices):
            action = Action("choose", power, self.event.id, option=c.id)
            items.append(Item(f"{i + 1}. {said[c.id]}", (lambda a=action, t=said[c.id]: self.choose(a, t)),
                              sub=known_consequences(known.get(c.id, ())) or "No consequences known in advance.",
                              key=keys[i] if i < len(keys) else None, wid=c.id))
        width = body.w - theme.px(8)
        # the telegram keeps its title and six lines (it scrolls), or three if the options need the room to show
        # their consequences whole; only then are these cut. Every option shows, without scrolling.
        line, whole = theme.line_height("type"), sum(ListItem.height(theme, width, it) for it in items)
        room = body.h - 3 * theme.pad - line * (7 if whole <= body.h - 3 * theme.pad - line * 7 else 4)
        self.shorten(room, items, width, len(items))
        choices_h = min(sum(ListItem.height(theme, width, it) for it in items), room)
        text_rect = pygame.Rect(body.x, body.y, body.w, body.h - choices_h - theme.pad)
        self.add(ScrollText(text_rect, theme, self.body_blocks()))
        y = text_rect.bottom + theme.pad
        self.item_column(pygame.Rect(body.x, y, body.w, body.bottom - y), items, width)

    def known_consequences(self) -> dict[str, tuple[str, ...]]:
        """Each option's known consequences, as the engine's view words them (none if the class hides them)."""
        q = self.app.session.view.question(self.event.id)
        return dict(zip(q.options, q.consequences, strict=True))

    def choose(self, action: Action, text: str) -> Any:
        """Answer with this option; one that cannot be taken back asks first."""
        s = self.app.session
        return decided(s.asks_reasons, s.view.irreversible(action), text, Many((Pop(), Submit(action))))

    def first_focus(self) -> int:
        """Nothing: an answer takes a deliberate act (Tab or its number to pick it, then Enter)."""
        return -1

    def escape(self) -> Any:
        """A question must be answered, but the menu (save, settings, quit) stays reachable."""
        return Open("pause")


class WeekReport(Dialog):
    keys = (("Enter", "continue to the desk"),)
    """What arrived on the desk while the week was resolved."""

    name = "week_report"
    paper = "telegram"
    width, height = 0.7, 0.86
    stamp_text = "Received"

    def __init__(self, app: Any, entries: list, later: bool = False, changes: list | tuple = ()):
        self.entries, self.changes = entries, list(changes)
        week, cal = app.session.view.week(), app.session.scenario.calendar
        if later:   # what arrived after the player's answer, later in the same week
            title = cal.words(f"TELEGRAMS — WEEK {week.turn}, LATER THAT WEEK")
        else:
            title = cal.words(f"TELEGRAMS — WEEK {week.turn}, FROM {day_words(week.start)}".upper())
        super().__init__(app, title, [], [("Continue", lambda: Pop(), pygame.K_RETURN)])

    def body_blocks(self) -> list[Block]:
        sc, view = self.app.session.scenario, self.app.session.view
        replies = [line for line in map(view.reply, self.entries) if line]
        b = [Block("type_head", REPLIES_HEAD), *(Block("strong", line, 10) for line in replies), Block("gap", "")]
        b = (b if replies else []) + change_blocks(self.changes)
        if not self.entries:
            return [*b, Block("type", sc.calendar.words("Nothing new arrived this week."))]
        for e in self.entries:
            b += [Block("type_head", f"{day_words(e.date).upper()} — {e.title.upper()}")]
            if e.text:
                b += paragraphs(e.text, "type")
            if e.sources:
                names = [sc.source(s).title for s in e.sources if s in sc.index["sources"]]
                if names:
                    b.append(Block("small", "Sources in the archive: " + "; ".join(names)))
            b.append(Block("gap", ""))
        return b

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        self.add(ScrollText(body, theme, self.body_blocks()))


def change_blocks(changes: list) -> list[Block]:
    """What changed, and why: one line per change of a gauge or of trust (the engine's ChangeView), in the order
    they happened, coloured and worded as better or worse for the player."""
    if not changes:
        return []
    b = [Block("type_head", CHANGES_HEAD)]
    for c in changes:
        b.append(Block(c.good or "body", f"{CHANGE_WORD[c.good]}{c.text}.", 10))
    return [*b, Block("gap", "")]
