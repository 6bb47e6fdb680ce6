"""Hot reload: F5 (or a change of the file on disk) reloads the scenario under a running game."""

from __future__ import annotations

import os

import pygame
import pytest

from game.engine import Action
from game.ui import reloading
from game.ui.screens.desk import DeskScreen
from tests.conftest import MINI
from tests.ui.driver import Driver


@pytest.fixture
def playing(app, tmp_path):
    """A game of a copy of the mini scenario, at the desk, with one action taken."""
    path = tmp_path / "mini.yaml"
    path.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    app.new_game(path, 1)
    drive = Driver(app)
    while not isinstance(app.top, DeskScreen):
        drive.close_dialog()
    app.submit(Action("act", "red", "speech"))
    assert len(app.session.game.record) == 1
    return drive, path


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _speech_title(app) -> str:
    _, entry = Driver(app).find(lambda w: w.wid == "act:speech")
    return entry.item.label


def test_f5_after_a_valid_edit_shows_the_new_text_and_keeps_the_game_where_it_was(playing):
    drive, path = playing
    app = drive.app
    week = app.session.view.week()
    _edit(path, "name: Give a speech", "name: Address the nation")
    drive.key(pygame.K_F5)
    assert isinstance(app.top, DeskScreen)
    assert _speech_title(app) == "Address the nation"
    assert [a.target for a in app.session.game.record] == ["speech"]
    assert app.session.view.week() == week
    assert app.notice is not None and f"Reloaded {path}:" in app.notice.text   # the full path it read


def test_f5_after_an_invalid_edit_shows_the_located_error_and_the_game_goes_on_untouched(playing):
    drive, path = playing
    app = drive.app
    game = app.session.game
    _edit(path, "start: 20, drift: -1", "start: high, drift: -1")
    drive.key(pygame.K_F5)
    assert app.top_is("error")
    lines = [b.text for b in app.top.blocks if b.style == "type"]
    text = MINI.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text, 1) if "start: 20, drift: -1" in t)
    col = text[line - 1].index("20") + 1
    assert any(t.startswith(f"{path}:{line}:{col}: error: ") for t in lines), lines
    assert app.session.game is game and len(game.record) == 1
    drive.key(pygame.K_ESCAPE)
    assert isinstance(app.top, DeskScreen) and _speech_title(app) == "Give a speech"


def test_a_replay_that_no_longer_fits_names_the_refused_action_and_keeps_the_game(playing):
    drive, path = playing
    app = drive.app
    game = app.session.game
    _edit(path, "requires: {meter: {id: security, max: 50}}", "requires: {meter: {id: security, max: 5}}")
    drive.key(pygame.K_F5)
    assert app.top_is("error")
    text = " ".join(b.text for b in app.top.blocks)
    assert "action 1 (act speech), in week 1, is refused" in text, text
    assert app.session.game is game


def test_saving_the_file_reloads_it_without_a_key_and_a_fix_closes_the_error_panel(playing, monkeypatch):
    drive, path = playing
    app = drive.app
    monkeypatch.setattr(reloading, "CHECK_EVERY", 0)
    app.step()   # the loop looks at the file once: nothing has changed
    assert isinstance(app.top, DeskScreen)
    good = path.read_text(encoding="utf-8")
    _edit(path, "format: 1", "format: [1")
    app.step()
    assert app.top_is("error")
    path.write_text(good.replace("name: Give a speech", "name: Address the nation"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))   # a later time even on a coarse clock
    app.step()
    assert isinstance(app.top, DeskScreen) and _speech_title(app) == "Address the nation"


def test_f5_on_the_title_does_nothing(app):
    Driver(app).key(pygame.K_F5)
    assert app.top_is("title") and app.session is None


def test_a_change_of_a_base_the_scenario_extends_reloads_it_too(app, tmp_path, monkeypatch):
    base = tmp_path / "base.yaml"
    base.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    variant = tmp_path / "variant.yaml"
    variant.write_text("extends: base.yaml\ntitle: A variant\n", encoding="utf-8")
    app.new_game(variant, 1)
    drive = Driver(app)
    while not isinstance(app.top, DeskScreen):
        drive.close_dialog()
    monkeypatch.setattr(reloading, "CHECK_EVERY", 0)
    app.step()
    _edit(base, "name: Give a speech", "name: Address the nation")
    stat = base.stat()
    os.utime(base, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    app.step()
    assert isinstance(app.top, DeskScreen) and _speech_title(app) == "Address the nation"
    assert app.session.scenario.title == "A variant"


def test_a_change_on_disk_waits_while_a_question_is_open(playing, monkeypatch):
    drive, path = playing
    app = drive.app
    monkeypatch.setattr(reloading, "CHECK_EVERY", 0)
    app.step()
    app.open("confirm", title="Sure?", text="A question.", yes="Yes", request=None)
    _edit(path, "name: Give a speech", "name: Address the nation")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    app.step()
    assert app.top_is("confirm")
    drive.key(pygame.K_ESCAPE)
    app.step()
    assert isinstance(app.top, DeskScreen) and _speech_title(app) == "Address the nation"
