"""Notices (toasts) never cover a dialog or the ending opened over the screen they are about; paths wrap whole."""

from __future__ import annotations

import pygame
import pytest

import game.ui.frame as frame
from game.engine import Action
from game.ui.flow import Notice
from game.ui.screens.desk import DeskScreen
from game.ui.screens.ending import EndingScreen
from game.ui.widgets.text import wrap
from tests.ui.test_turns import to_desk


@pytest.fixture
def drawn(monkeypatch):
    """The texts of the notices drawn, frame by frame."""
    seen: list[str] = []
    real = frame.draw_notice

    def spy(surf, theme, notice, avoid):
        seen.append(notice.text)
        return real(surf, theme, notice, avoid)

    monkeypatch.setattr(frame, "draw_notice", spy)
    return seen


def redraw(d) -> None:
    d.app.dirty = True
    d.frame()


def test_a_notice_waits_under_a_dialog_opened_over_its_screen(app, drawn):
    d = to_desk(app)
    d.key(pygame.K_1)
    d.key(pygame.K_RETURN)                       # an action: "Done: ..."
    assert app.notice is not None and app.notice.text.startswith("Done")
    d.key(pygame.K_b)                            # the briefing opens over the desk
    assert not isinstance(app.top, DeskScreen)
    drawn.clear()
    redraw(d)
    assert drawn == [], "the notice covers the briefing"
    d.key(pygame.K_ESCAPE)
    assert isinstance(app.top, DeskScreen)
    drawn.clear()
    redraw(d)
    assert drawn and drawn[-1].startswith("Done"), "the notice was lost, not deferred"


def test_a_dialog_shows_its_own_notice(app, drawn):
    d = to_desk(app)
    d.key(pygame.K_ESCAPE)                       # the menu
    menu = app.top
    app.apply(Notice("Not now.", "bad"))          # as a disabled button of the menu says why
    assert app.top is menu
    drawn.clear()
    redraw(d)
    assert drawn == ["Not now."]


def test_no_notice_over_the_ending(app, drawn):
    d = to_desk(app)
    s = app.session
    app.notify("Done: something on the desk.", "good")
    while not s.game.over:
        for e in s.game.pending_choices(s.power):
            s.game.submit(Action("choose", s.power, e.id, option=e.default_choice().id))
        if s.game.pending_choices(s.power) or s.game.over:
            continue
        if s.view.week().turn == s.view.week().last_turn:
            app.submit(Action("end_turn", s.power))   # the last week ends through the window: the ending opens
        else:
            s.game.submit(Action("end_turn", s.power))
    assert isinstance(app.top, EndingScreen)
    drawn.clear()
    redraw(d)
    assert drawn == []


def test_a_long_path_wraps_at_its_separators_never_mid_word(app):
    font = app.theme.font("bold")
    path = "/home/teacher/Documents/Moscow 1939/saves/class-9b-2026-12-07-1035-moscow_1939-week_12.json"
    text = f"Saved: {path}"
    lines = wrap(font, text, font.size("/home/teacher/Documents/Mosc")[0])
    assert len(lines) > 2
    at = 0
    for line in lines:
        assert text.startswith(line, at), (line, text[at:])
        at += len(line)
        if at < len(text) and text[at] == " ":
            at += 1                                   # broken at a space
        elif at < len(text):
            assert line[-1] in "/\\-_.", f"cut mid-word: {line!r}"
    assert at == len(text)


def test_a_notice_of_last_week_is_not_shown_in_the_next(app, drawn):
    """An action's "Done: ..." waits under the week's report; the report closed, the new week must not show it."""
    d = to_desk(app)
    d.key(pygame.K_1)
    d.key(pygame.K_RETURN)                       # an action: "Done: ..."
    assert app.notice is not None and app.notice.text.startswith("Done")
    d.end_week()
    assert app.session.game.state.turn == 2
    while not isinstance(app.top, DeskScreen):
        d.key(pygame.K_RETURN)
    drawn.clear()
    redraw(d)
    assert not any(text.startswith("Done") for text in drawn), drawn
