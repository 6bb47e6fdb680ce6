"""What the desk's entries say: the reason an action is not possible now, the tooltips by the entry's state."""

from __future__ import annotations

import pygame

from game.ui.screens.desk import DeskScreen
from game.ui.screens.event import EventDialog
from tests.ui.driver import Driver
from tests.ui.test_turns import to_desk, to_question


def test_replace_litvinov_on_the_desk_says_he_is_no_longer_in_office(app):
    to_desk(app)
    to_question(app, "litvinov_question")
    d = Driver(app, "keys")
    d.answer(1)                                   # dismiss Litvinov in the question (confirmed)
    for week in range(3):
        back_to_desk(d)
        _, entry = d.find(d.wid("act:replace_litvinov"))
        if entry is not None:                     # only the week it was decided, where that week found it
            words = f"{entry.item.sub} {entry.tip()}"
            assert week == 0 and "no longer in office" in words and "still in office" not in words
        d.end_week()


def back_to_desk(d: Driver) -> None:
    """Close what the week shows (questions answered with their first option) until the desk is on top."""
    for _ in range(30):
        if isinstance(d.app.top, DeskScreen):
            return
        d.answer(1) if isinstance(d.app.top, EventDialog) else d.key(pygame.K_RETURN)
    raise AssertionError(f"the desk never came back: {d.app.top!r}")


def list_entries(screen):
    screen.ensure_layout()
    return [w for w in screen.widgets if w.scroller is not None and w.focusable]


def title_band(theme, w) -> pygame.Rect:
    """Where an entry's title is drawn: its first line."""
    r = w.screen_rect()
    return pygame.Rect(r.x, r.y, r.w, theme.pad + theme.line_height("bold"))


def assert_tip_covers_no_title(app, d: Driver) -> int:
    """The tooltip of each entry in view, by keyboard focus, covers the title of no other entry of the list."""
    screen = app.top
    checked = 0
    for w in list_entries(screen):
        if not w.scroller.view.contains(w.screen_rect()):
            continue
        screen.focus, screen.keyboard_used = screen.widgets.index(w), True
        d.surf.fill((0, 0, 0))
        tip = screen.current_tooltip()
        assert tip is not None
        box = screen.draw_tooltip(d.surf, *tip)
        for other in list_entries(screen):
            if other is not w and other.scroller.view.colliderect(other.screen_rect()):
                band = title_band(app.theme, other).clip(other.scroller.view)
                assert not box.colliderect(band), f"the tooltip of {w.wid} covers the title of {other.wid}"
        checked += 1
    return checked


def test_a_focused_tab_tooltip_covers_no_entry_title(app):
    d = to_desk(app)
    desk = app.top
    for tab in ("actions", "treaties", "powers", "telegrams"):
        desk.ensure_layout()
        desk.focus, desk.keyboard_used = next(i for i, w in enumerate(desk.widgets) if w.wid == f"tab:{tab}"), True
        box = desk.draw_tooltip(d.surf, *desk.current_tooltip())
        for other in list_entries(desk):
            band = title_band(app.theme, other).clip(other.scroller.view)
            assert not box.colliderect(band), f"the tooltip of tab {tab} covers the title of {other.wid}"


def test_a_focused_entry_tooltip_covers_no_other_entry_title(app):
    d = to_desk(app)
    assert assert_tip_covers_no_title(app, d) >= 3
    d.tab("treaties")
    assert_tip_covers_no_title(app, d)


def test_the_same_at_1280x720_with_projector_text_and_at_1920x1080(app):
    app.settings.text_step = 3
    app.restyle()
    d = to_desk(app)
    assert assert_tip_covers_no_title(app, d) >= 1
    app.settings.text_step = 1
    app.resize((1920, 1080))
    d.frame()
    assert assert_tip_covers_no_title(app, d) >= 3


def test_an_entry_tooltip_is_worded_by_its_state(app):
    """Possible: press to take it; taken: done; impossible: why not. Never 'press' on what cannot be pressed."""
    d = to_desk(app)
    d.key(pygame.K_1)
    d.key(pygame.K_RETURN)                        # take the first action (not one that asks first)
    desk = app.top
    entries = list_entries(desk)
    assert any(not w.enabled for w in entries) and any(w.enabled for w in entries)
    for w in entries:
        if w.wid.startswith("act:"):
            action = next(a for a in app.session.view.actions() if a.id == w.wid[4:])
            state = w.item.tip                    # after the entry's text, whole, when the list cuts it
            assert state in w.tip() and state.startswith("Press") == w.enabled, (w.wid, w.tip())
            if action.done_this_week:
                assert state.startswith("Done"), w.tip()
