"""The desk: calendar, map, gauges, and the panels of actions, treaties, dossiers and telegrams."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pygame

from ...engine import Action
from ...scenario.calendar import day_words
from ...scenario.vocabulary import OfferStatus
from ..action_list import ActionList
from ..dossier import dossier
from ..flow import Open, Submit, Undo, decided
from ..layout import fits, row
from ..map_view import MapView
from ..theme import Theme, parse_color
from ..widgets.buttons import Button, Tab, label_width
from ..widgets.gauges import MeterWidget, TrustWidget
from ..widgets.items import Item
from ..widgets.paper import calendar_leaf, sheet
from ..widgets.text import Block, paragraphs, render
from ..wording import (
    DESK_BUTTONS,
    DESK_TABS,
    STANDING,
    STATUS,
    WATCHING_TIP,
    trust_word,
    unused_points,
)
from .base import Screen
from .event import source_blocks

TAB_KEYS = {"actions": pygame.K_1, "treaties": pygame.K_2, "powers": pygame.K_3, "telegrams": pygame.K_4}


class DeskScreen(Screen):
    name = "desk"
    keys = (("1 2 3 4", "the tabs: Actions, Treaties, Powers, Telegrams (the list keeps its place; "
                        "the key focuses an entry, Enter presses it)"),
            ("Up, Down, Home, End, PgUp, PgDn", "move over the entries that can be pressed, Down from the tab into "
                                                  "its list (a greyed entry says why not in its text; the list keeps "
                                                  "its places all week)"),
            ("E", "end the week (with action points left it asks once: Enter or E ends it, Esc goes back)"),
            ("U, Ctrl+Z", "undo the week's last step"), ("M", "the map"), ("B", "the briefing"),
            ("A", "the archive of sources"), ("Esc", "the menu"))
    step_keys = ("E", "U")
    tab = "actions"

    def __init__(self, app: Any):
        super().__init__(app)
        self.tab = "actions"
        self.places: dict[str, tuple[int, str]] = {}   # each tab's scroll offset and focused entry, kept across switches
        self.switched = False

    @property
    def s(self):
        return self.app.session

    def keep_clear(self) -> list[pygame.Rect]:
        return [self.meter_rect]

    def set_tab(self, tab: str) -> None:
        """Show another tab; the one left keeps its place (a click after coming back lands where it did before)."""
        if self.scrollers:
            focused = self.widgets[self.focus].wid if 0 <= self.focus < len(self.widgets) else ""
            self.places[self.tab] = (self.scrollers[0].offset, focused)
        self.tab = tab
        self.stale = True
        self.scrollers = []
        self.switched = True
        self.focus_panel = True   # the focus goes straight to an entry of the panel: Enter presses what shows focused

    def ensure_layout(self) -> None:
        relayout = self.stale
        super().ensure_layout()
        if relayout and self.switched:
            self.switched = False
            self.restore_place()

    def restore_place(self) -> None:
        """Back on a tab: its list scrolled as it was, the focus on its entry focused before (even one greyed since,
        as an action just taken), else on the first entry in view the keys may land on (a number key focuses, it
        never presses)."""
        offset, focused = self.places.get(self.tab, (0, ""))
        if self.scrollers:
            self.scrollers[0].offset = min(offset, self.scrollers[0].limit)
        if not getattr(self, "focus_panel", False):
            return
        self.focus_panel = False
        pick = self._entry_back(focused)
        if pick >= 0:
            self.focus = pick

    def _entry_back(self, focused: str) -> int:
        """The panel's entry to focus on coming back to a tab: the one focused before if it is in view, else the
        first in view the keys may land on, else the first in view, else the first (-1 if it has none)."""
        entries = [i for i, w in enumerate(self.widgets) if w.scroller is not None and w.focusable]
        in_view = [i for i in entries if self.widgets[i].scroller.view.contains(self.widgets[i].screen_rect())]
        again = [i for i in in_view if self.widgets[i].wid == focused]
        pressable = [i for i in in_view if self.lands(self.widgets[i])]
        return (again or pressable or in_view or entries or [-1])[0]

    def first_focus(self) -> int:
        """The panel's first entry (the week's first action): a stray Enter must not end the week."""
        entry = self._first_entry()
        return entry if entry >= 0 else super().first_focus()

    def rest_focus(self) -> int:
        """After a dialog: the selected tab, which Enter leaves as it is."""
        return next((i for i, w in enumerate(self.widgets) if w.wid == f"tab:{self.tab}"), -1)

    def _first_entry(self) -> int:
        """The index of the panel's first focusable entry (-1 if it has none)."""
        return next((i for i, w in enumerate(self.widgets) if w.scroller is not None and w.focusable), -1)

    def end_week(self) -> Any:
        """End the week; with points left that could still buy an action, ask once first."""
        end = Submit(Action("end_turn", self.s.power))
        left = self.s.view.week().points_left
        if left and any(a.kind == "act" for a in self.s.view.legal_actions()):
            words = self.s.scenario.calendar.words
            return Open("confirm", title=words("End the week?"), text=words(unused_points(left)), yes=words("End the week"),
                        request=end, yes_key=pygame.K_e, yes_default=True)
        return end

    # --------------------------------------------------------------- layout
    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        pad = theme.px(10)
        s = self.s
        bh = theme.line_height("bold") + theme.pad * 2
        top = pygame.Rect(pad, pad, w - 2 * pad, max(theme.px(66), bh * 2 + theme.px(6)))
        self.leaf = pygame.Rect(pad, pad, max(theme.px(92), render(theme, f"SEPTEMBER {s.scenario.calendar.end.year}", "small").get_width()
                                              + theme.px(12)), top.h)
        self.top_text_right = self.layout_top_buttons(theme, top, bh)
        body = pygame.Rect(pad, top.bottom + pad, w - 2 * pad, h - top.bottom - 2 * pad)
        left_w = int((w - 3 * pad) * 0.56)
        map_h = body.h - self.meter_area_height(theme, body.h, left_w)
        self.map_rect = pygame.Rect(body.x, body.y, left_w, map_h)
        self.add(MapView(self.map_rect, theme, s.scenario, s.view.territories(), view=s.view))
        self.meter_rect = pygame.Rect(body.x, body.y + map_h + pad, left_w, body.h - map_h - pad)
        self.layout_meters(theme, self.meter_rect.inflate(-2 * theme.pad, -2 * theme.pad))
        right = pygame.Rect(body.x + left_w + pad, body.y, body.right - left_w - 2 * pad, body.h)
        self.layout_tabs(theme, pygame.Rect(right.x, right.y, right.w, bh))
        self.panel = pygame.Rect(right.x, right.y + bh, right.w, right.h - bh)
        getattr(self, f"panel_{self.tab}")(theme, self.panel.inflate(-2 * theme.pad, -2 * theme.pad))

    def top_buttons(self) -> list[tuple[str, Any, int, str]]:
        """The buttons at the top right, from the right: (label, what it does, key, tooltip)."""
        does = {"end_week": self.end_week, "pause": lambda: Open("pause"), "archive": lambda: Open("archive"),
                "briefing": lambda: Open("briefing"), "map": lambda: Open("map"), "undo": lambda: Undo()}
        keys = {"end_week": pygame.K_e, "pause": pygame.K_ESCAPE, "archive": pygame.K_a, "briefing": pygame.K_b,
                "map": pygame.K_m, "undo": pygame.K_u}
        words = self.s.scenario.calendar.words
        return [(words(label), does[bid], keys[bid], words(tip)) for bid, (label, tip) in DESK_BUTTONS.items()]

    def layout_top_buttons(self, theme: Theme, top: pygame.Rect, bh: int) -> int:
        """The buttons right of the week's text, on one row or two; return where the free room left of them ends."""
        buttons = self.top_buttons()
        cal = self.s.scenario.calendar
        text_right = self.leaf.right + theme.px(14) + max(
            render(theme, cal.of_last(cal.last_turn, cal.last_turn), "desk_head").get_width(),
            max(render(theme, cal.span(turn), "desk").get_width() for turn in range(1, cal.last_turn + 1)),
            render(theme, "Action points left: 2 of 2", "desk").get_width()) + theme.px(10)
        gap = theme.px(8)
        widths, rows = self.top_rows(theme, buttons, top.right - text_right, gap)
        band = (top.h - bh * len(rows) - theme.px(6) * (len(rows) - 1)) // 2
        left = top.right
        for r, ids in enumerate(rows):
            line = pygame.Rect(top.x, top.y + band + r * (bh + theme.px(6)), top.w, bh)
            cells = row(line, [widths[i] for i in reversed(ids)], gap, align="right")
            for i, cell in zip(reversed(ids), cells, strict=True):
                label, fn, key, tip = buttons[i]
                enabled = key != pygame.K_u or self.s.can_undo()
                self.add(Button(cell, label, fn, key=key, tooltip=tip if enabled else cal.words("Nothing to undo this week."),
                                enabled=enabled))
            left = min(left, cells[0].x - gap)
        return left

    @staticmethod
    def top_rows(theme: Theme, buttons: list[tuple], room: int, gap: int) -> tuple[list[int], list[list[int]]]:
        """The buttons' widths, and which go on which row: all on one row of wide buttons if they fit; with large
        text on a small window each as wide as its label and key cap, on two rows if need be (the top band is two
        buttons high), so that no label or key hint is lost; still too wide, a row's buttons share its room."""
        widths = [max(theme.px(150), render(theme, label, "strong").get_width() + theme.px(60))
                  for label, *_ in buttons]
        if fits(widths, gap, room):
            return widths, [list(range(len(buttons)))]
        widths = [label_width(theme, label, key) + 2 * theme.px(10) for label, _fn, key, _tip in buttons]
        if fits(widths, gap, room):
            return widths, [list(range(len(buttons)))]
        rows = [[0, 1], list(range(2, len(buttons)))]
        for ids in rows:
            if not fits([widths[i] for i in ids], gap, room):
                share = max(theme.px(40), (room - gap * (len(ids) - 1)) // len(ids))
                for i in ids:
                    widths[i] = share
        return widths, rows

    def layout_tabs(self, theme: Theme, strip: pygame.Rect) -> None:
        drafts = bool(self.s.view.drafts())
        labels = {tid: label + (" •" if tid == "treaties" and drafts else "") for tid, (label, _tip) in DESK_TABS.items()}
        gap = theme.px(4)
        widths = self.tab_widths(theme, [(labels[tid], TAB_KEYS[tid]) for tid in DESK_TABS], strip.w - 3 * gap)
        for (tid, (_label, tip)), cell in zip(DESK_TABS.items(), row(strip, widths, gap), strict=True):
            self.add(Tab(cell, labels[tid], (lambda t=tid: self.set_tab(t)), key=TAB_KEYS[tid],
                         selected=self.tab == tid, tooltip=self.s.scenario.calendar.words(tip), wid=f"tab:{tid}"))

    @staticmethod
    def tab_widths(theme: Theme, tabs: list[tuple[str, int]], avail: int) -> list[int]:
        """The tabs' widths, filling avail: the whole labels with their key caps (the smaller caps, then the smaller
        type, if need be); equal tabs if they all fit so, else each as wide as its label needs; too narrow even
        so, only the widest tabs give way (their labels are cut)."""
        n = len(tabs)
        for style, cap_style in (("strong", "small"), ("strong", "keycap"), ("strong_small", "keycap")):
            needs = [label_width(theme, label, key, style, cap_style) + 2 * theme.px(6) + 2 for label, key in tabs]
            if sum(needs) <= avail:
                break
        if sum(needs) <= avail:
            widths = [avail // n] * n if max(needs) * n <= avail else [w + (avail - sum(needs)) // n for w in needs]
        else:
            level = max(needs)
            while level > 1 and sum(min(w, level) for w in needs) > avail:
                level -= 1
            widths = [min(w, level) for w in needs]
        widths[-1] = avail - sum(widths[:-1])   # the last tab ends at the panel's edge
        return widths

    def layout_meters(self, theme: Theme, box: pygame.Rect) -> None:
        sc = self.s.scenario
        visible = self.s.view.gauges()
        cols = 2
        rows = self.meter_rows()
        cw = (box.w - theme.pad) // cols
        trust = self.trust_layout(theme, box, rows)
        rh = min(theme.line_height("sans", 0.9) + theme.px(14), (box.h - trust["height"]) // rows)
        for i, m in enumerate(visible):
            value = m.value
            owner = f" Gauge of {sc.power(m.power).short}." if m.power in sc.index["powers"] else " A world gauge."
            drift = f" Changes by {m.drift:+g} every {sc.calendar.unit} on its own." if m.drift else ""
            tip = (f"{m.name}: {value:.1f} (range {m.min:g}–{m.max:g}; started at {m.start:g}, marked by the line; "
                   f"{m.better}).{STANDING[m.standing]}{owner}{drift} {m.description}")
            r = pygame.Rect(box.x + (i % cols) * (cw + theme.pad), box.y + (i // cols) * rh, cw, rh - theme.px(4))
            self.add(MeterWidget(r, m, value, tip))
        # trust with every other power: theirs in you / yours in them, in columns as wide as the widest entry
        y = box.y + rows * rh + theme.px(4)
        self.trust_label_y = y if trust["label"] else -1
        y += theme.line_height("sans", 0.8) if trust["label"] else 0
        lh = theme.line_height("sans", 0.9) + theme.px(4)
        per_row, tw = trust["per_row"], trust["col"]
        for i, (p, name, theirs, mine) in enumerate(trust["entries"]):
            r = pygame.Rect(box.x + (i % per_row) * tw, y + (i // per_row) * lh, tw - theme.px(4), lh)
            if r.bottom > box.bottom:
                break
            self.add(TrustWidget(r, p, theirs, mine, name))

    @staticmethod
    def meter_min(theme: Theme) -> int:
        """The least height of a row of gauges: a name over its bar, and a small gap."""
        return theme.font("sans", 0.9).get_height() + 1 + max(6, theme.px(8)) + theme.px(4)

    def meter_rows(self) -> int:
        return max(1, (len(self.s.view.gauges()) + 1) // 2)

    def meter_area_height(self, theme: Theme, body_h: int, width: int) -> int:
        """The gauges take 40% of the left column; with large text on a small window, up to 55% (the map
        shrinks) so that every trust number still shows."""
        pad = theme.pad
        usual = body_h - int(body_h * 0.6)
        most = body_h - int(body_h * 0.45)
        rows = self.meter_rows()
        needs = [2 * pad + rows * self.meter_min(theme) + v["height"]
                 for v in self.trust_variants(theme, width - 2 * pad)]
        if any(n <= usual - pad for n in needs):
            return usual
        return min(most, min(needs) + pad)

    def trust_variants(self, theme: Theme, width: int) -> list[dict]:
        """The ways the trust entries may sit under the gauges, best first: the whole names with a caption;
        without the caption (the tooltips say it); with the names cut to three letters. Numbers are never cut."""
        others = [(p, p.theirs, p.mine) for p in self.s.view.powers() if p.id != self.s.power]
        lh = theme.line_height("sans", 0.9) + theme.px(4)

        def abbreviated(name: str) -> str:
            return name if len(name) <= 4 else name[:3] + "."

        variants = []
        for label, shorten in ((True, False), (False, False), (False, True)):
            entries = [(p, abbreviated(p.short) if shorten else p.short, theirs, mine) for p, theirs, mine in others]
            col = max((TrustWidget.width(theme, TrustWidget.label(n, t, m)) for _p, n, t, m in entries), default=1)
            per_row = max(1, min(len(entries), width // col))
            col = width // per_row if per_row > 1 else max(col, width)
            n_rows = -(-len(entries) // per_row)
            height = theme.px(4) + (theme.line_height("sans", 0.8) if label else 0) + n_rows * lh
            variants.append({"label": label, "entries": entries, "per_row": per_row, "col": col, "height": height})
        return variants

    def trust_layout(self, theme: Theme, box: pygame.Rect, meter_rows: int) -> dict:
        variants = self.trust_variants(theme, box.w)
        fits = [v for v in variants if box.h - v["height"] >= meter_rows * self.meter_min(theme)]
        return fits[0] if fits else min(variants, key=lambda v: v["height"])

    def panel_actions(self, theme: Theme, box: pygame.Rect) -> None:
        items = ActionList(self.s, self.take).items()
        self.item_column(box, items, least=4)   # four whole entries even with projector text on 1280×720

    def take(self, action_id: str, name: str) -> Any:
        """Take the action; one that cannot be taken back asks first."""
        action = Action("act", self.s.power, action_id)
        return decided(self.s.asks_reasons, self.s.view.irreversible(action), name, Submit(action))

    def panel_treaties(self, theme: Theme, box: pygame.Rect) -> None:
        s = self.s
        view, sc = s.view, s.scenario
        items = []
        for offer in view.offers() + view.watched():
            status = "awaits your answer" if offer.awaits_me else STATUS[offer.status]
            names = {c.id: c.name for c in view.clauses(offer.id)}
            clauses = ", ".join(names[c] for c in offer.clauses)
            others = ", ".join(sc.power(p).short for p in offer.parties if p != s.power)
            with_whom = f"Between {others}; you are watching. " if offer.watching else f"With {others}. "
            sub = with_whom + (f"On the table: {clauses}." if clauses and offer.status != OfferStatus.CLOSED else
                               offer.description.strip())
            items.append(Item(offer.name, (lambda o=offer.id: Open("negotiation", offer_id=o)),
                              note=f"watching: {status}" if offer.watching else status, sub=sub,
                              wid=f"offer:{offer.id}", tip=WATCHING_TIP if offer.watching else
                              "Open the negotiation table."))
        if not items:
            items.append(Item("No treaties concern you.", enabled=False))
        self.item_column(box, items)

    def dossier(self, pid: str) -> Any:
        return dossier(self.s.view, pid)

    def panel_powers(self, theme: Theme, box: pygame.Rect) -> None:
        s = self.s
        view = s.view
        offers, inbox = view.offers(), view.inbox()
        items = []
        for p in view.powers():
            if p.id == s.power:
                continue
            mine, theirs = p.mine, p.theirs
            people = "; ".join(name for name, _title in p.people)
            on_table = [o.name for o in offers if p.id in o.parties and o.editable]
            last = next((e for e in reversed(inbox) if e.power == p.id), None)
            sub = f"You trust them {mine:.0f} ({trust_word(mine)}); they trust you {theirs:.0f} ({trust_word(theirs)}). {people}."
            if on_table:
                sub += " On the table: " + ", ".join(on_table) + "."
            if last:
                sub += f" Last: {last.title} ({day_words(last.date, year=False)})."
            items.append(Item(p.name, (lambda pid=p.id: self.dossier(pid)), note=f"{theirs:.0f} / {mine:.0f}", sub=sub,
                              swatch=parse_color(p.color), wid=f"power:{p.id}",
                              tip="Their trust in you / your trust in them (0–100). Press for the dossier."))
        self.item_column(box, items)

    def panel_telegrams(self, theme: Theme, box: pygame.Rect) -> None:
        s = self.s
        sc = s.scenario
        entries = list(reversed(s.view.inbox()))[:80]
        items = []
        for i, e in enumerate(entries):
            text = " ".join(e.text.split())
            short = text if len(text) < 160 else text[:157] + "…"

            def read(e=e):
                b = [Block("soft", f"{day_words(e.date)} — {sc.calendar.numbered(e.turn).lower()}")]
                b += paragraphs(e.text, "type")
                b += source_blocks(sc, e.sources)
                return Open("dialog", title=e.title, blocks=b, paper="telegram")

            items.append(Item(e.title, read, note=day_words(e.date, year=False), sub=short, wid=f"log:{len(entries) - i}"))
        if not items:
            items.append(Item("No telegrams yet.", enabled=False))
        self.item_column(box, items)

    # ----------------------------------------------------------------- draw
    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        s = self.s
        sc, view = s.scenario, s.view
        week = view.week()
        surf.fill(p.desk)
        calendar_leaf(surf, th, self.leaf, dt.date.fromisoformat(week.today))   # never before the news shown
        x = self.leaf.right + th.px(14)
        y = self.leaf.y
        surf.blit(render(th, sc.calendar.of_last(week.turn, week.last_turn), "desk_head"), (x, y))
        y += th.line_height("bold", 1.3)
        surf.blit(render(th, sc.calendar.span(week.turn), "desk"), (x, y))
        y += th.line_height("sans")
        ap = render(th, f"Action points left: {week.points_left} of {week.points_per_week}", "desk")
        surf.blit(ap, (x, y))
        drafts = view.drafts()
        if drafts:
            note = render(th, f"A draft awaits your answer: {sc.offer(drafts[0]).name} (key 2)", "desk_soft")
            if x + ap.get_width() + th.px(20) + note.get_width() < self.top_text_right:
                surf.blit(note, (x + ap.get_width() + th.px(20), y + th.px(2)))
        sheet(surf, th, self.map_rect.inflate(2, 2), "paper")
        sheet(surf, th, self.meter_rect, "paper")
        sheet(surf, th, self.panel, "paper")
        if self.trust_label_y >= 0:
            surf.blit(render(th, "Trust: theirs in you / yours in them", "small"),
                      (self.meter_rect.x + th.pad, self.trust_label_y))
        self.draw_widgets(surf)

    def on_key(self, event: pygame.event.Event) -> tuple[bool, Any] | None:
        if event.key == pygame.K_z and event.mod & pygame.KMOD_CTRL:
            return True, Undo()
        if event.key in (pygame.K_UP, pygame.K_DOWN):
            return self.between_tab_and_list(event.key == pygame.K_DOWN)
        return None

    def between_tab_and_list(self, down: bool) -> tuple[bool, Any] | None:
        """Down on the selected tab goes into its list (the first entry in view that can be pressed), Up on the
        list's first such entry back to the tab; other arrows move as on every screen."""
        entries = [i for i, w in enumerate(self.widgets) if w.scroller is not None and self.lands(w)]
        tab = self.rest_focus()
        if down and self.focus == tab and entries:
            in_view = [i for i in entries if self.widgets[i].scroller.view.contains(self.widgets[i].screen_rect())]
            self.focus_on((in_view or entries)[0])
            return True, None
        if not down and entries and self.focus == entries[0] and tab >= 0:
            self.focus = tab
            return True, None
        return None

    def escape(self) -> Any:
        return Open("pause")
