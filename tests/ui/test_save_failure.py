"""A save that fails is never silent: the player is told where and why, may save elsewhere, and Continue
never quietly loads an older game."""

from __future__ import annotations

import errno
import shutil

import pygame

from game.ui.screens.desk import DeskScreen
from game.ui.settings import Settings, autosave_path, saves_dir
from tests.ui.test_saves_settings import start


def shown_text(screen) -> str:
    screen.ensure_layout()
    return " ".join(line.text for w in screen.widgets for line in getattr(w, "lines", []))


def block_saves_folder() -> None:
    """Make the saves folder unusable the way a read-only or broken home does (root may write anywhere, so a
    file takes the folder's place)."""
    shutil.rmtree(saves_dir(), ignore_errors=True)
    saves_dir().parent.mkdir(parents=True, exist_ok=True)
    saves_dir().write_text("not a folder", encoding="utf-8")


def fill_disk(monkeypatch) -> None:
    """Every new file's data fails as on a full disk."""
    import game.files as files

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.tempfile, "mkstemp", full)


def test_ending_a_week_with_an_unwritable_saves_folder_says_so(app):
    from game.ui.screens.saving import SaveFailedDialog

    d = start(app)
    block_saves_folder()
    d.end_week()                       # End week
    assert isinstance(app.top, SaveFailedDialog)
    text = shown_text(app.top)
    assert str(saves_dir()) in text and "could not be saved" in app.top.title
    assert app.session.save_problem is not None


def test_a_failed_save_can_be_saved_elsewhere_and_is_listed(app, tmp_path):
    from game.ui.screens.pause import LoadScreen
    from game.ui.screens.saving import SaveElsewhere, SaveFailedDialog

    d = start(app)
    block_saves_folder()
    d.end_week()
    assert isinstance(app.top, SaveFailedDialog)
    d.press(lambda w: getattr(w, "label", "") == "Save elsewhere…")
    assert isinstance(app.top, SaveElsewhere)
    field = app.top.widgets[app.top.focus]
    for _ in range(len(field.text)):
        d.key(pygame.K_BACKSPACE)
    other = tmp_path / "stick"
    for ch in str(other):
        app.handle(pygame.event.Event(pygame.KEYDOWN, key=0, mod=0, unicode=ch, scancode=0))
    d.key(pygame.K_RETURN)
    copies = list(other.glob("*.json"))
    assert len(copies) == 1 and app.session.save_problem is None
    assert not isinstance(app.top, (SaveFailedDialog, SaveElsewhere))
    assert app.notice is not None and str(copies[0]) in app.notice.text
    assert str(other) in Settings.load().save_folders or str(other) in app.settings.save_folders
    while not isinstance(app.top, DeskScreen):
        d.answer() if app.top.__class__.__name__ == "EventDialog" else d.key(pygame.K_RETURN)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_l)
    assert isinstance(app.top, LoadScreen)
    assert str(copies[0]) in [w.wid for w in app.top.widgets]


def test_trying_again_after_space_is_freed_saves(app):
    from game.ui.screens.saving import SaveFailedDialog

    d = start(app)
    block_saves_folder()
    d.end_week()
    assert isinstance(app.top, SaveFailedDialog)
    saves_dir().unlink()                    # the player frees the folder
    d.press(lambda w: getattr(w, "label", "") == "Try again")
    assert not isinstance(app.top, SaveFailedDialog)
    assert autosave_path().is_file() and app.session.save_problem is None


def test_quitting_an_unsaved_game_asks_and_continue_warns_of_the_older_autosave(app, monkeypatch):
    from game.engine.saves import summary
    from game.ui.screens.saving import ContinueWarning, SaveFailedDialog

    d = start(app)
    d.end_week()                       # week 1 ends: saved
    saved_week = app.session.game.state.turn
    while not isinstance(app.top, DeskScreen):
        d.answer() if app.top.__class__.__name__ == "EventDialog" else d.key(pygame.K_RETURN)
    with monkeypatch.context() as full:
        fill_disk(full)
        d.end_week()                       # week 2 ends: the disk is full
        assert isinstance(app.top, SaveFailedDialog)
        assert "No space left on device" in shown_text(app.top)
        d.key(pygame.K_ESCAPE)                  # go on without saving
        while not isinstance(app.top, DeskScreen):
            d.answer() if app.top.__class__.__name__ == "EventDialog" else d.key(pygame.K_RETURN)
        d.key(pygame.K_ESCAPE)                  # menu
        d.key(pygame.K_q)                       # quit to title: the autosave fails again, and the player is asked
        assert isinstance(app.top, SaveFailedDialog) and app.session is not None
        d.key(pygame.K_ESCAPE)              # Esc goes back to the game, never out of it
        assert app.session is not None and app.top_is("pause")
        d.key(pygame.K_q)
        d.key(pygame.K_q)                   # quit without saving
        assert app.session is None
    assert summary(autosave_path()).week == saved_week
    d.key(pygame.K_c)                       # Continue: says that the autosave is older than the last game
    assert isinstance(app.top, ContinueWarning) and app.session is None
    assert f"week {saved_week}" in shown_text(app.top) and "No space left on device" in shown_text(app.top)
    d.press(lambda w: getattr(w, "label", "") == "Load the older autosave")
    assert app.session is not None and app.session.game.state.turn == saved_week


def test_closing_the_window_on_an_unsaved_game_asks_first(app):
    """The close button asks while the game is saved nowhere (SDL sends WINDOWCLOSE, then QUIT); a second close
    closes. A QUIT alone (SIGTERM, a session ending) always closes: the window is never deaf to it."""
    from game.ui.screens.saving import SaveFailedDialog

    def close_button():
        app.handle(pygame.event.Event(pygame.WINDOWCLOSE))
        app.handle(pygame.event.Event(pygame.QUIT))

    d = start(app)
    block_saves_folder()
    d.end_week()
    d.key(pygame.K_ESCAPE)                  # go on without saving
    close_button()
    assert app.running and isinstance(app.top, SaveFailedDialog)
    close_button()
    assert not app.running


def test_a_quit_signal_closes_even_an_unsaved_game(app):
    d = start(app)
    block_saves_folder()
    d.end_week()
    d.key(pygame.K_ESCAPE)
    app.handle(pygame.event.Event(pygame.QUIT))
    assert not app.running
