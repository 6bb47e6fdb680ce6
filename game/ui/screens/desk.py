"""The desk: calendar, map, gauges, and the panels of actions, treaties, dossiers and telegrams."""

from __future__ import annotations

from typing import Any

import pygame

from ...engine import Action
from ..flow import Open, Submit
from ..map_view import MapView
from ..theme import Theme, parse_color
from ..widgets.buttons import Button, Tab, label_width
from ..widgets.core import Widget, focus_ring
from ..widgets.items import Item
from ..widgets.paper import calendar_leaf, gauge, sheet
from ..widgets.text import Block, fit, paragraphs, render
from ..wording import STATUS, consequences, trust_word
from .base import Screen
from .event import source_blocks

TABS = (("actions", "Actions", pygame.K_1), ("treaties", "Treaties", pygame.K_2),
        ("powers", "Powers", pygame.K_3), ("telegrams", "Telegrams", pygame.K_4))


class MeterWidget(Widget):
    """One gauge; its tooltip explains the number."""

    def __init__(self, rect: pygame.Rect, meter: Any, value: float, tooltip: str):
        super().__init__(rect, wid=f"meter:{meter.id}", tooltip=tooltip)
        self.meter, self.value = meter, value

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        r = self.rect
        if hovered:
            pygame.draw.rect(surf, theme.palette.paper_alt, r)
        val = render(theme, f"{self.value:.0f}", "strong")
        name = render(theme, fit(theme, self.meter.name, "soft", r.w - val.get_width() - theme.px(10)), "soft",
                      theme.palette.ink)
        surf.blit(name, (r.x + 2, r.y))
        surf.blit(val, (r.right - val.get_width() - 2, r.y))
        bar = pygame.Rect(r.x + 2, r.y + name.get_height() + 1, r.w - 4, max(6, theme.px(8)))
        gauge(surf, theme, bar, self.value, self.meter.min, self.meter.max, self.meter.good, self.meter.start)
        if focused:
            focus_ring(surf, theme, r)


class TrustWidget(Widget):
    """Trust both ways with one power, as two small numbers beside its colour."""

    def __init__(self, rect: pygame.Rect, power: Any, theirs: float, mine: float, name: str | None = None):
        tip = (f"{power.short}'s trust in you: {theirs:.0f} ({trust_word(theirs)}); your trust in {power.short}: "
               f"{mine:.0f} ({trust_word(mine)}). 0–100; trust makes drafts likelier to be accepted.")
        super().__init__(rect, wid=f"trust:{power.id}", tooltip=tip)
        self.power, self.theirs, self.mine = power, theirs, mine
        self.text = self.label(name or power.short, theirs, mine)

    @staticmethod
    def label(name: str, theirs: float, mine: float) -> str:
        return f"{name} {theirs:.0f}/{mine:.0f}"

    @staticmethod
    def width(theme: Theme, text: str) -> int:
        """The room an entry needs: its colour, its text and a gap before the next."""
        return theme.px(10) + theme.px(8) + theme.font("sans", 0.9).size(text)[0] + theme.px(12)

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        p = theme.palette
        r = self.rect
        if hovered:
            pygame.draw.rect(surf, p.paper_alt, r)
        sw = theme.px(10)
        pygame.draw.rect(surf, parse_color(self.power.color), (r.x + 2, r.centery - sw // 2, sw, sw))
        pygame.draw.rect(surf, p.border, (r.x + 2, r.centery - sw // 2, sw, sw), 1)
        text = render(theme, fit(theme, self.text, "soft", r.w - sw - theme.px(8)), "soft", p.ink)
        surf.blit(text, (r.x + sw + theme.px(6), r.centery - text.get_height() // 2))
        if focused:
            focus_ring(surf, theme, r)


class DeskScreen(Screen):
    name = "desk"
    tab = "actions"

    def __init__(self, app: Any):
        super().__init__(app)
        self.tab = "actions"

    @property
    def s(self):
        return self.app.session

    def set_tab(self, tab: str) -> None:
        self.tab = tab
        self.stale = True
        self.scrollers = []
        self.focus_panel = self.keyboard_used   # by keyboard: go straight to the panel's first entry

    def ensure_layout(self) -> None:
        relayout = self.stale
        super().ensure_layout()
        if relayout and getattr(self, "focus_panel", False):
            self.focus_panel = False
            entry = self._first_entry()
            if entry >= 0:
                self.focus = entry

    def first_focus(self) -> int:
        """The panel's first entry (the week's first action): a stray Enter must not end the week."""
        entry = self._first_entry()
        return entry if entry >= 0 else super().first_focus()

    def _first_entry(self) -> int:
        """The index of the panel's first focusable entry (-1 if it has none)."""
        return next((i for i, w in enumerate(self.widgets) if w.scroller is not None and w.focusable), -1)

    def end_week(self) -> Any:
        return Submit(Action("end_turn", self.s.power))

    # --------------------------------------------------------------- layout
    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        w, h = size
        pad = theme.px(10)
        s = self.s
        game, sc = s.game, s.scenario
        bh = theme.line_height("bold") + theme.pad * 2
        top_h = max(theme.px(66), bh * 2 + theme.px(6))
        self.leaf = pygame.Rect(pad, pad, max(theme.px(92), render(theme, "SEPTEMBER 1939", "small").get_width() + theme.px(12)),
                                top_h)
        # top-right buttons
        labels = [("End week", self.end_week, pygame.K_e,
                   "Resolve the week: the other powers act, drafts travel and are answered, events fire. "
                   "Unused action points are lost."),
                  ("Menu", lambda: Open("pause"), pygame.K_ESCAPE, "Save, load, settings, quit."),
                  ("Archive", lambda: Open("archive"), pygame.K_a, "Source cards unlocked so far."),
                  ("Briefing", lambda: Open("briefing"), pygame.K_b, "Your situation and objectives."),
                  ("Map", lambda: Open("map"), pygame.K_m, "The map on the whole window.")]
        bw = theme.px(150)
        x = w - pad
        cal = self.s.scenario.calendar
        text_right = self.leaf.right + theme.px(14) + max(
            render(theme, "Week 20 of 20", "desk_head").get_width(),
            render(theme, f"{cal.start:%d %B} – {cal.end:%d %B %Y}", "desk").get_width(),
            render(theme, "Action points left: 2 of 2", "desk").get_width()) + theme.px(10)
        gap = theme.px(8)
        widths = [max(bw, render(theme, label, "strong").get_width() + theme.px(60)) for label, *_ in labels]
        room = w - pad - text_right
        rows: list[list[int]] = [list(range(len(labels)))]
        if sum(widths) + gap * (len(labels) - 1) > room:
            # large text on a small window: each button as wide as its label and key cap, on two rows if need be
            # (the top band is two buttons high), so that no label or key hint is lost
            widths = [label_width(theme, label, key) + 2 * theme.px(10) for label, _fn, key, _tip in labels]
            if sum(widths) + gap * (len(labels) - 1) > room:
                rows = [[0, 1], list(range(2, len(labels)))]
                for row in rows:   # still too wide: the row's buttons share its room
                    if sum(widths[i] for i in row) + gap * (len(row) - 1) > room:
                        share = max(theme.px(40), (room - gap * (len(row) - 1)) // len(row))
                        for i in row:
                            widths[i] = share
        band = (top_h - bh * len(rows) - theme.px(6) * (len(rows) - 1)) // 2
        left = w - pad
        for r, row in enumerate(rows):
            x = w - pad
            y = pad + band + r * (bh + theme.px(6))
            for i in row:
                label, fn, key, tip = labels[i]
                x -= widths[i]
                self.add(Button(pygame.Rect(x, y, widths[i], bh), label, fn, key=key, tooltip=tip))
                x -= gap
            left = min(left, x)
        x = left
        self.top_text_right = x
        body_y = pad + top_h + pad
        body_h = h - body_y - pad
        left_w = int((w - 3 * pad) * 0.56)
        map_h = body_h - self.meter_area_height(theme, body_h, left_w)
        self.map_rect = pygame.Rect(pad, body_y, left_w, map_h)
        self.add(MapView(self.map_rect, theme, sc, game.state.territories))
        self.meter_rect = pygame.Rect(pad, body_y + map_h + pad, left_w, body_h - map_h - pad)
        self.layout_meters(theme, self.meter_rect.inflate(-2 * theme.pad, -2 * theme.pad))
        # right: tabs and the panel
        rx = pad * 2 + left_w
        rw = w - rx - pad
        drafts = game.drafts_for(s.power)
        avail = rw - 3 * theme.px(4)
        # the whole labels with their key caps; the smaller caps, then the smaller type, if need be
        for style, cap_style in (("strong", "small"), ("strong", "keycap"), ("strong_small", "keycap")):
            needs = [label_width(theme, label + (" •" if tid == "treaties" and drafts else ""), key, style, cap_style)
                     + 2 * theme.px(6) + 2 for tid, label, key in TABS]
            if sum(needs) <= avail:
                break
        if sum(needs) <= avail:   # equal tabs if they all fit so; else each as wide as its label needs
            tws = [avail // 4] * 4 if max(needs) * 4 <= avail else [n + (avail - sum(needs)) // 4 for n in needs]
        else:                     # too narrow even so: only the widest tabs give way (their labels are cut)
            level = max(needs)
            while level > 1 and sum(min(n, level) for n in needs) > avail:
                level -= 1
            tws = [min(n, level) for n in needs]
        tx = rx
        tws[-1] = avail - sum(tws[:-1])   # the last tab ends at the panel's edge
        for i, (tid, label, key) in enumerate(TABS):
            tw = tws[i]
            tip = {"actions": "What you can do this week, and why some things are not possible yet.",
                   "treaties": "The treaties you are party to: open one to negotiate.",
                   "powers": "A dossier on each power: trust both ways, its people, its treaties.",
                   "telegrams": "Everything that reached your desk, newest first."}[tid]
            if tid == "treaties" and drafts:
                label += " •"
            self.add(Tab(pygame.Rect(tx, body_y, tw, bh), label, (lambda t=tid: self.set_tab(t)), key=key,
                         selected=self.tab == tid, tooltip=tip, wid=f"tab:{tid}"))
            tx += tw + theme.px(4)
        self.panel = pygame.Rect(rx, body_y + bh, rw, body_h - bh)
        inner = self.panel.inflate(-2 * theme.pad, -2 * theme.pad)
        getattr(self, f"panel_{self.tab}")(theme, inner)

    def layout_meters(self, theme: Theme, box: pygame.Rect) -> None:
        sc, st = self.s.scenario, self.s.game.state
        visible = [m for m in sc.meters if not m.hidden]
        cols = 2
        rows = self.meter_rows()
        cw = (box.w - theme.pad) // cols
        trust = self.trust_layout(theme, box, rows)
        rh = min(theme.line_height("sans", 0.9) + theme.px(14), (box.h - trust["height"]) // rows)
        for i, m in enumerate(visible):
            value = st.meters[m.id]
            owner = f" Gauge of {sc.power(m.power).short}." if m.power in sc.index["powers"] else " A world gauge."
            drift = f" Changes by {m.drift:+g} every week on its own." if m.drift else ""
            tip = (f"{m.name}: {value:.1f} (range {m.min:g}–{m.max:g}; started at {m.start:g}, marked by the line; "
                   f"{'higher' if m.good == 'high' else 'lower'} is better).{owner}{drift} {m.description}")
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
        return max(1, (sum(1 for m in self.s.scenario.meters if not m.hidden) + 1) // 2)

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
        sc, st, me = self.s.scenario, self.s.game.state, self.s.power
        others = [(p, st.trust[p.id].get(me, 50), st.trust[me].get(p.id, 50)) for p in sc.powers if p.id != me]
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
        s = self.s
        game, sc = s.game, s.scenario
        items = []
        for oid in game.drafts_for(s.power):
            offer = sc.offer(oid)
            items.append(Item(f"Answer the draft of the {offer.name}", (lambda o=oid: Open("negotiation", offer_id=o)),
                              note="waiting", wid=f"answer:{oid}",
                              sub="A draft has reached you: accept it, reject it, stall, or send a counter-draft "
                                  "(free of charge)."))
        legal = {a.target for a in game.legal_actions(s.power) if a.kind == "act"}
        reasons = {d.id: r for d, r in game.unavailable(s.power)}
        def text_of(d) -> str:
            return f"{d.text.strip()} {consequences(d.effects, sc, s.power)}"

        for d in sc.actions_of(s.power):
            cost = f"{d.cost} pt" + ("s" if d.cost != 1 else "")
            if d.id in legal:
                items.append(Item(d.name, (lambda did=d.id: Submit(Action("act", self.s.power, did))), note=cost,
                                  sub=text_of(d).strip(), wid=f"act:{d.id}", tip="Press to take this action now."))
            else:
                reason = reasons.get(d.id, "Not possible now.")
                items.append(Item(d.name, note=cost, sub=f"Not now: {reason}", enabled=False,
                                  tip=f"Not possible now: {reason}", wid=f"act:{d.id}"))
        items.sort(key=lambda it: not it.enabled)   # what can be done first ...
        week, order = s.action_order
        if week != game.state.turn:
            s.action_order = (game.state.turn, {it.wid: i for i, it in enumerate(items) if it.enabled})
        else:  # ... as it stood when the week began: taking an action must not move the others under the mouse
            items.sort(key=lambda it: order.get(it.wid, len(order)))
            for it in items:
                if it.wid in order and not it.enabled and it.wid.startswith("act:"):
                    d = sc.action(it.wid[4:])   # keep its text (and height) and say why in the note
                    it.note = "done" if game.state.taken.get(d.id) == game.state.turn else "not now"
                    it.sub = text_of(d).strip()
        if not items:
            items.append(Item("No actions in this scenario.", enabled=False))
        self.item_column(box, items)

    def panel_treaties(self, theme: Theme, box: pygame.Rect) -> None:
        s = self.s
        game, sc = s.game, s.scenario
        drafts = set(game.drafts_for(s.power))
        items = []
        for offer in sc.offers:
            if s.power not in offer.parties:
                continue
            os_ = game.state.offers[offer.id]
            status = STATUS.get(os_.status, os_.status)
            if offer.id in drafts:
                status = "awaits your answer"
            visible = [offer.clause(c) for c in os_.clauses]
            clauses = ", ".join(c.name for c in visible)
            others = ", ".join(sc.power(p).short for p in offer.parties if p != s.power)
            sub = f"With {others}. " + (f"On the table: {clauses}." if clauses and os_.status != "closed" else
                                        offer.description.strip())
            items.append(Item(offer.name, (lambda o=offer.id: Open("negotiation", offer_id=o)), note=status, sub=sub,
                              wid=f"offer:{offer.id}", tip="Open the negotiation table."))
        if not items:
            items.append(Item("No treaties concern you.", enabled=False))
        self.item_column(box, items)

    def dossier(self, pid: str) -> Any:
        s = self.s
        sc, st = s.scenario, s.game.state
        p = sc.power(pid)
        mine, theirs = st.trust[s.power].get(pid, 50), st.trust[pid].get(s.power, 50)
        b = [Block("soft", p.name),
             Block("body", f"Your trust in {p.short}: {mine:.0f} ({trust_word(mine)}). "
                           f"{p.short}'s trust in you: {theirs:.0f} ({trust_word(theirs)})."),
             Block("body", f"Replies to drafts after {st.reply_weeks.get(pid, p.reply_weeks)} week(s)."),
             Block("gap", ""), Block("head", "People")]
        for v in st.people.get(pid, {}).values():
            b.append(Block("body", f"{v[0]} — {v[1]}", 10))
        b += [Block("gap", ""), Block("head", "Treaties")]
        for offer in sc.offers:
            if pid in offer.parties and s.power in offer.parties:
                b.append(Block("body", f"{offer.name}: {STATUS.get(st.offers[offer.id].status)}", 10))
        if p.objectives:
            b += [Block("gap", ""), Block("head", "Known aims")]
            b += [Block("body", f"• {o}", 10) for o in p.objectives]
        recent = [e for e in s.game.inbox(s.power) if e.power == pid][-6:]
        if recent:
            b += [Block("gap", ""), Block("head", "Recent messages")]
            for e in reversed(recent):
                b.append(Block("body", f"{e.date}: {e.title}", 10))
        return Open("dialog", title=f"Dossier: {p.short}", blocks=b)

    def panel_powers(self, theme: Theme, box: pygame.Rect) -> None:
        s = self.s
        sc, st = s.scenario, s.game.state
        items = []
        for p in sc.powers:
            if p.id == s.power:
                continue
            mine, theirs = st.trust[s.power].get(p.id, 50), st.trust[p.id].get(s.power, 50)
            people = "; ".join(v[0] for v in st.people.get(p.id, {}).values() if v)
            on_table = [o.name for o in sc.offers if p.id in o.parties and s.power in o.parties
                        and st.offers[o.id].status in ("open", "proposed")]
            last = next((e for e in reversed(s.game.inbox(s.power)) if e.power == p.id), None)
            sub = f"You trust them {mine:.0f} ({trust_word(mine)}); they trust you {theirs:.0f} ({trust_word(theirs)}). {people}."
            if on_table:
                sub += " On the table: " + ", ".join(on_table) + "."
            if last:
                sub += f" Last: {last.title} ({last.date})."
            items.append(Item(p.name, (lambda pid=p.id: self.dossier(pid)), note=f"{theirs:.0f} / {mine:.0f}", sub=sub,
                              swatch=parse_color(p.color), wid=f"power:{p.id}",
                              tip="Their trust in you / your trust in them (0–100). Press for the dossier."))
        self.item_column(box, items)

    def panel_telegrams(self, theme: Theme, box: pygame.Rect) -> None:
        s = self.s
        sc = s.scenario
        entries = list(reversed(s.game.inbox(s.power)))[:80]
        items = []
        for i, e in enumerate(entries):
            text = " ".join(e.text.split())
            short = text if len(text) < 160 else text[:157] + "…"

            def read(e=e):
                b = [Block("soft", f"{e.date} — week {e.turn}")]
                b += paragraphs(e.text, "type")
                b += source_blocks(sc, e.sources)
                return Open("dialog", title=e.title, blocks=b, paper="telegram")

            items.append(Item(e.title, read, note=e.date, sub=short, wid=f"log:{len(entries) - i}"))
        if not items:
            items.append(Item("No telegrams yet.", enabled=False))
        self.item_column(box, items)

    # ----------------------------------------------------------------- draw
    def draw(self, surf: pygame.Surface) -> None:
        th = self.theme
        p = th.palette
        s = self.s
        game, sc = s.game, s.scenario
        surf.fill(p.desk)
        calendar_leaf(surf, th, self.leaf, game.date)
        x = self.leaf.right + th.px(14)
        y = self.leaf.y
        last = sc.calendar.last_turn
        end = sc.calendar.turn_end(game.state.turn)
        surf.blit(render(th, f"Week {game.state.turn} of {last}", "desk_head"), (x, y))
        y += th.line_height("bold", 1.3)
        surf.blit(render(th, f"{game.date:%d %B} – {end:%d %B %Y}", "desk"), (x, y))
        y += th.line_height("sans")
        left = game.state.budget.get(s.power, 0)
        total = sc.power(s.power).actions_per_turn
        ap = render(th, f"Action points left: {left} of {total}", "desk")
        surf.blit(ap, (x, y))
        drafts = game.drafts_for(s.power)
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

    def escape(self) -> Any:
        return Open("pause")
