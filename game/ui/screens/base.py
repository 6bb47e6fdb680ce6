"""The base screen: widget focus, hover, tooltips, shortcuts, scrolling; subclasses lay out and draw."""

from __future__ import annotations

from typing import Any

import pygame

from ..flow import Pop
from ..layout import column
from ..theme import Theme
from ..tooltips import draw_tooltip
from ..widgets.buttons import Button
from ..widgets.core import Scroller, Widget
from ..widgets.items import Item, ListItem

NAV_NEXT = (pygame.K_DOWN, pygame.K_RIGHT)
NAV_PREV = (pygame.K_UP, pygame.K_LEFT)
ACTIVATE = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
DIGITS = tuple(range(pygame.K_0, pygame.K_9 + 1))
PAGING = (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END)


class Screen:
    name = ""          # the key it is registered under (screens/__init__.py)
    modal = False      # drawn over the screen below it
    quiet = False      # shows no notice about another screen (the ending)
    keys: tuple[tuple[str, str], ...] = ()   # this screen's keys and what they do: F1 and README list them
    step_keys: tuple[str, ...] = ()   # those of its keys that take a step in the game: no other screen uses them
    title = ""
    focus_first = False   # a control has the focus from the start, however the screen was opened (dialogs)

    def __init__(self, app: Any):
        self.app = app
        self.widgets: list[Widget] = []
        self.scrollers: list[Scroller] = []
        self.focus = -1
        self.hover = -1
        self.keyboard_used = False   # a key was pressed here since the mouse last moved: focus shows, with its tooltip
        self.stale = True
        self.generation = 0
        self.overlay_only = False   # set by the app while it renders the cached, state-free frame
        self.resting = False        # a dialog over it closed: the focus goes to something harmless

    # --------------------------------------------------------------- layout
    @property
    def theme(self) -> Theme:
        return self.app.theme

    def ensure_layout(self) -> None:
        if not self.stale:
            return
        focused = self.widgets[self.focus].wid if 0 <= self.focus < len(self.widgets) else None
        offsets = [s.offset for s in self.scrollers]
        self.widgets, self.scrollers = [], []
        self.layout(self.theme, self.app.size)
        for s, off in zip(self.scrollers, offsets, strict=False):
            s.offset = min(off, s.limit)
        self.focus = -1
        if focused is not None:
            self.focus = next((i for i, w in enumerate(self.widgets) if w.wid == focused and w.focusable), -1)
        if self.focus < 0 and (self.keyboard_used or self.focus_first):
            self.focus = self.first_focus()
        if self.resting:
            self.resting = False
            self.focus = self.rest_focus()
        self.hover = -1
        self.stale = False
        self.generation += 1

    def first_focus(self) -> int:
        return next((i for i, w in enumerate(self.widgets) if w.focusable), -1)

    def rest(self) -> None:
        """A dialog over this screen closed: move the focus off whatever opened it (a second Enter must not
        press End week again) onto something harmless (`rest_focus`)."""
        self.resting = True
        self.stale = True

    def rest_focus(self) -> int:
        """Where the focus goes after a dialog closes: nowhere, unless the screen names something harmless."""
        return -1

    def layout(self, theme: Theme, size: tuple[int, int]) -> None:
        """Build self.widgets (and self.scrollers) for the current state and window size."""

    def add(self, widget: Widget) -> Widget:
        self.widgets.append(widget)
        return widget

    def button_column(self, area: pygame.Rect, entries: list[tuple], bh: int, gap: int) -> None:
        """Menu buttons (label, fn, key, enabled, tooltip) stacked in area: the gaps shrink, then a second column
        opens, so that no entry is left out on a small window with large text."""
        n = len(entries)
        if not n:
            return
        cols = 1
        if n * bh + (n - 1) * gap > area.h:
            gap = max(2, min(gap, (area.h - n * bh) // max(1, n - 1)))
            if n * bh + (n - 1) * gap > area.h:
                cols, gap = 2, max(2, gap)
        rows = -(-n // cols)
        w = (area.w - gap * (cols - 1)) // cols
        for i, (label, fn, key, enabled, tip) in enumerate(entries):
            c, r = divmod(i, rows)
            self.add(Button(pygame.Rect(area.x + c * (w + gap), area.y + r * (bh + gap), w, bh), label, fn, key=key,
                            enabled=enabled, tooltip=tip))

    def item_column(self, box: pygame.Rect, items: list[Item], width: int | None = None, least: int = 0) -> None:
        """List entries stacked from the top of box, each as tall as its text needs, scrolling if they overflow;
        width: the entries' (default: room for the scroll bar at the right); least: so many entries show whole at
        any scroll place (their lines under the title are cut short if need be; the tooltips hold them whole)."""
        width = box.w - self.theme.px(10) if width is None else width
        if least:
            self.shorten(box.h, items, width, least)
        heights = [ListItem.height(self.theme, width, it) for it in items]
        scroll = self.scroller(box, sum(heights))
        for it, cell in zip(items, column(pygame.Rect(box.x, box.y, width, box.h), heights), strict=True):
            self.add(ListItem(cell, it, scroll))

    def shorten(self, room: int, items: list[Item], width: int, least: int) -> None:
        """Cut the entries' lines under their titles, fewest cuts first, until the `least` tallest fit in room."""
        def fit() -> bool:
            heights = sorted((ListItem.height(self.theme, width, it) for it in items), reverse=True)
            return sum(heights[:least]) <= room

        longest = max((ListItem.sub_count(self.theme, it, width) for it in items if it.sub), default=0)
        for lines in range(longest, 0, -1):
            if fit():
                return
            for it in items:
                it.sub_lines = lines if it.sub else 0

    def scroller(self, view: pygame.Rect, content: int) -> Scroller:
        s = Scroller(view, content)
        self.scrollers.append(s)
        return s

    # ---------------------------------------------------------------- draw
    def draw(self, surf: pygame.Surface) -> None:
        self.draw_background(surf)
        self.draw_widgets(surf)

    def draw_background(self, surf: pygame.Surface) -> None:
        surf.fill(self.theme.palette.desk)

    def view_key(self) -> tuple:
        """Changes whenever the picture without hover, focus and tooltip changes."""
        return (self.generation, tuple(s.offset for s in self.scrollers),
                tuple(w.view_state() for w in self.widgets))

    def draw_overlay(self, surf: pygame.Surface) -> list[pygame.Rect]:
        """Over the cached frame: the hovered and focused widgets, and the tooltip; return where it drew."""
        drawn: list[pygame.Rect] = []
        ring = self.theme.px(4) * 2 + 4
        for i in {self.hover, self.focus}:
            if 0 <= i < len(self.widgets):
                w = self.widgets[i]
                if w.scroller:
                    sr = w.screen_rect()
                    if sr.bottom < w.scroller.view.top or sr.top > w.scroller.view.bottom:
                        continue
                w.draw(surf, self.theme, i == self.focus, i == self.hover)
                drawn.append(w.screen_rect().inflate(ring, ring))
        tip = self.current_tooltip()
        if tip:
            drawn.append(self.draw_tooltip(surf, *tip))
        return drawn

    def draw_widgets(self, surf: pygame.Surface) -> None:
        if self.overlay_only:
            for w in self.widgets:
                if w.scroller:
                    sr = w.screen_rect()
                    if sr.bottom < w.scroller.view.top or sr.top > w.scroller.view.bottom:
                        continue
                w.draw(surf, self.theme, False, False)
            for s in self.scrollers:
                s.draw_bar(surf, self.theme)
            return
        for i, w in enumerate(self.widgets):
            if w.scroller:
                sr = w.screen_rect()
                if sr.bottom < w.scroller.view.top or sr.top > w.scroller.view.bottom:
                    continue
            w.draw(surf, self.theme, i == self.focus, i == self.hover)
        for s in self.scrollers:
            s.draw_bar(surf, self.theme)
        tip = self.current_tooltip()
        if tip:
            self.draw_tooltip(surf, *tip)

    def current_tooltip(self) -> tuple[str, pygame.Rect, pygame.Rect | None] | None:
        """The tooltip to show: its text, the rectangle it belongs to, and the list that rectangle is an entry of
        (None if none), whose other entries it must not cover."""
        for idx in (self.hover, self.focus if self.keyboard_used else -1):
            if 0 <= idx < len(self.widgets) and self.widgets[idx].tip() and self.shown(self.widgets[idx]):
                w = self.widgets[idx]
                return w.tip(), w.tip_anchor(), w.scroller.view if w.scroller else None
        return None

    @staticmethod
    def shown(w: Widget) -> bool:
        """False for a widget scrolled wholly out of its panel (it has no tooltip to show)."""
        if not w.scroller:
            return True
        return w.screen_rect().colliderect(w.scroller.view)

    def draw_tooltip(self, surf: pygame.Surface, text: str, anchor: pygame.Rect,
                     listed: pygame.Rect | None = None) -> pygame.Rect:
        """Draw a tooltip for anchor (see ui.tooltips), clear of this screen's lists and kept-clear panels."""
        return draw_tooltip(surf, self.theme, text, anchor, listed, [sc.view for sc in self.scrollers],
                            self.keep_clear())

    def keep_clear(self) -> list[pygame.Rect]:
        """The panels a tooltip should not cover (a forecast, the gauges), where it has room elsewhere."""
        return []

    # -------------------------------------------------------------- events
    def handle(self, event: pygame.event.Event) -> tuple[bool, Any]:
        """Handle one event; return (needs redraw, the request for the app or None)."""
        self.ensure_layout()
        if event.type == pygame.MOUSEMOTION:
            return self.mouse_moved(event.pos)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self.clicked(event.pos)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 3:
            return True, self.escape()
        if event.type == pygame.MOUSEWHEEL:
            return self.wheeled(pygame.mouse.get_pos(), event.y), None
        if event.type == pygame.KEYDOWN:
            return self.key(event)
        if event.type in (pygame.TEXTINPUT, pygame.TEXTEDITING):
            focused = self.focused()
            return bool(getattr(focused, "takes_text", False) and focused.text_input(event)), None
        return False, None

    def focused(self) -> Widget | None:
        return self.widgets[self.focus] if 0 <= self.focus < len(self.widgets) else None

    def widget_at(self, pos: tuple[int, int]) -> int:
        """The index of the widget under pos (-1: none)."""
        return next((i for i, w in enumerate(self.widgets) if w.hit(pos)), -1)

    def mouse_moved(self, pos: tuple[int, int]) -> tuple[bool, Any]:
        self.keyboard_used = False
        idx = self.widget_at(pos)
        changed = idx >= 0 and self.widgets[idx].point(pos)
        if idx != self.hover or changed:
            self.hover = idx
            return True, None
        return False, None

    def clicked(self, pos: tuple[int, int]) -> tuple[bool, Any]:
        idx = self.widget_at(pos)
        if idx < 0:
            return self.click_empty(pos)
        self.focus = idx if self.widgets[idx].focusable else self.focus
        return True, self.widgets[idx].activate()

    def wheeled(self, pos: tuple[int, int], dy: int) -> bool:
        """The wheel turned over pos: a widget that scrolls itself, else the panel under the mouse, scrolls."""
        if any(not w.scroller and w.hit(pos) and w.wheel(dy) for w in self.widgets):
            return True
        for s in self.scrollers:
            if s.view.collidepoint(pos) and s.scroll(-dy * self.theme.line_height() * 2):
                # the content moved under the mouse: hover (and its tooltip) follow what is there now
                self.hover = self.widget_at(pos)
                return True
        return False

    def click_empty(self, pos: tuple[int, int]) -> tuple[bool, Any]:
        return False, None

    def on_key(self, event: pygame.event.Event) -> tuple[bool, Any] | None:
        """Screen-specific keys, tried before the generic ones; None: not handled."""
        return None

    def escape(self) -> Any:
        return Pop()

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        """A key: the screen's own keys first, then the focused widget's, then moving the focus, pressing it,
        scrolling, and the letters shown on the buttons. A focused widget that takes text (the reason box) has
        every key first but Tab, Enter, Esc and the F keys: typing there never presses the screen's keys, and
        Enter moves on to the next control."""
        self.keyboard_used = True
        typing = self.focused()
        if getattr(typing, "takes_text", False):
            handled, result = typing.key(event)
            if handled:
                return True, result
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.move_focus(1)
                return True, None
        custom = self.on_key(event)
        if custom is not None:
            return custom
        focused = self.widgets[self.focus] if 0 <= self.focus < len(self.widgets) else None
        if focused is not None:
            handled, result = focused.key(event)
            if handled:
                return True, result
        return self.common_key(event, focused)

    def common_key(self, event: pygame.event.Event, focused: Widget | None) -> tuple[bool, Any]:
        """The keys every screen shares."""
        if event.key == pygame.K_ESCAPE:
            return True, self.escape()
        used = self._focus_key(event, focused) or self._page_key(event.key, focused)
        return used if used is not None else (True, self.shortcut(event))

    def _focus_key(self, event: pygame.event.Event, focused: Widget | None) -> tuple[bool, Any] | None:
        """Tab and the arrows move the focus; Enter and Space press the focused control (or focus the first one);
        None for any other key."""
        k = event.key
        if k == pygame.K_TAB or k in NAV_NEXT or k in NAV_PREV:
            back = k in NAV_PREV or (k == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
            self.move_focus(-1 if back else 1, wrap=k == pygame.K_TAB)
            return True, None
        if k in ACTIVATE:
            if focused is not None:
                return True, focused.activate()
            self.focus = self.first_focus()
            return True, None
        return None

    def _page_key(self, k: int, focused: Widget | None) -> tuple[bool, Any] | None:
        """Home, End, Page Up and Page Down move the focus along its list (see list_key); else Page Up and Page
        Down scroll the screen's first list (handled if it moved); None for any other key."""
        if k in PAGING and focused is not None and focused.scroller is not None and self.list_key(k, focused):
            return True, None
        if k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) and self.scrollers:
            s = self.scrollers[0]
            return s.scroll((s.view.h - self.theme.base * 2) * (1 if k == pygame.K_PAGEDOWN else -1)), None
        return None

    def shortcut(self, event: pygame.event.Event) -> Any:
        """The control whose key hint is this key, without Ctrl, Alt or Meta, is pressed."""
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return None
        for i, w in enumerate(self.widgets):
            if w.key_code == event.key:
                if isinstance(w, ListItem) and event.key in DIGITS:   # a number picks an entry; Enter presses it
                    self.focus = i if w.focusable else self.focus
                    if w.scroller:
                        w.scroller.ensure(w.rect)
                    return None
                result = w.activate()   # first: what it does may look at the focus it had (a tab keeps its place)
                self.focus = i if w.focusable else self.focus
                return result
        return None

    def move_focus(self, step: int, wrap: bool = True) -> None:
        """The next (step 1) or previous (-1) control the keys may land on: a greyed entry of a list is passed over
        (its reason is in its text, and the mouse shows its tooltip). Without wrap (the arrows), the focus stops at
        the last and the first control: Down on a list's last entry must not land on the window's first button."""
        n = len(self.widgets)
        if not n:
            return
        i = self.focus
        if i < 0 and step > 0:   # nothing focused yet: Tab starts where the screen says to start
            i = max(-1, self.first_focus() - 1)
        for _ in range(n):
            if i >= 0 and not wrap and not 0 <= i + step < n:
                return
            i = (i + step) % n if i >= 0 else (0 if step > 0 else n - 1)
            if self.lands(self.widgets[i]):
                self.focus_on(i)
                return

    @staticmethod
    def lands(w: Widget) -> bool:
        """Whether the focus keys may land on the widget: focusable, and not a greyed entry of a list."""
        return w.focusable and not (w.scroller is not None and not getattr(w, "enabled", True))

    def focus_on(self, i: int) -> None:
        """Focus widget i, scrolling its list to show it."""
        self.focus = i
        w = self.widgets[i]
        if w.scroller:
            w.scroller.ensure(w.rect)

    def list_key(self, k: int, focused: Widget) -> bool:
        """Home, End, Page Up and Page Down on an entry of a list: the focus goes to the first or last entry it may
        land on, or about a page up or down; return whether the focus moved."""
        scroll = focused.scroller
        entries = [i for i, w in enumerate(self.widgets) if w.scroller is scroll and self.lands(w)]
        if not entries:
            return False
        if k in (pygame.K_HOME, pygame.K_END):
            pick = entries[0] if k == pygame.K_HOME else entries[-1]
        else:
            pick = self._page_pick(entries, focused, scroll.view.h * (1 if k == pygame.K_PAGEDOWN else -1))
            if pick is None:
                return False
        self.focus_on(pick)
        return True

    def _page_pick(self, entries: list[int], focused: Widget, page: int) -> int | None:
        """The entry about a page down (page > 0) or up from the focused one: the farthest within the page, else
        the nearest beyond it; None when there is none that way."""
        aim = focused.rect.y + page
        ahead = [i for i in entries if (self.widgets[i].rect.y - aim) * page <= 0
                 and (self.widgets[i].rect.y - focused.rect.y) * page > 0]
        beyond = [i for i in entries if (self.widgets[i].rect.y - focused.rect.y) * page > 0]
        if not beyond:
            return None
        return (ahead[-1] if page > 0 else ahead[0]) if ahead else (beyond[0] if page > 0 else beyond[-1])
