"""Saves, autosaves, bad files and remembered settings, through the screens."""

from __future__ import annotations

import pygame

from game.ui.screens.desk import DeskScreen
from game.ui.screens.dialog import ErrorDialog
from game.ui.settings import Settings, autosave_path, saves_dir
from game.ui.widgets.items import ListItem
from tests.ui.driver import Driver


def start(app) -> Driver:
    d = Driver(app, "keys")
    d.key(pygame.K_n)            # New game
    d.key(pygame.K_RETURN)       # close the briefing
    d.key(pygame.K_RETURN)       # and the first week's telegrams
    while app.top.__class__.__name__ == "EventDialog":
        d.answer(1)
    assert isinstance(app.top, DeskScreen)
    return d


def test_autosave_every_week_and_continue(app):
    d = start(app)
    d.end_week()
    assert autosave_path().is_file()
    week = app.session.game.state.turn
    d.key(pygame.K_ESCAPE)        # close the telegrams of the week (or the question)
    while not isinstance(app.top, DeskScreen):
        d.answer() if app.top.__class__.__name__ == "EventDialog" else d.key(pygame.K_RETURN)
    d.key(pygame.K_ESCAPE)        # menu
    d.key(pygame.K_q)             # quit to title
    assert app.session is None
    d.key(pygame.K_c)             # continue
    assert isinstance(app.top, DeskScreen) or app.top.__class__.__name__ == "EventDialog"
    assert app.session.game.state.turn == week


def test_save_and_load_midway(app):
    d = start(app)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_s)            # save
    files = [p for p in saves_dir().glob("*.json") if p.name != "autosave.json"]
    assert len(files) == 1
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_l)            # load screen
    d.press(lambda w: w.wid == str(files[0]))
    assert app.session.last_save == files[0]


def test_every_note_about_a_loaded_save_is_shown(app):
    """A save from before the dice changed, whose scenario has changed since: both notes reach the player."""
    import json

    d = start(app)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_s)            # save
    path = next(p for p in saves_dir().glob("*.json") if p.name != "autosave.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["version"], doc["scenario"]["sha256"] = 1, "0" * 64
    path.write_text(json.dumps(doc), encoding="utf-8")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_l)            # load screen
    d.press(lambda w: w.wid == str(path))
    text = app.notice.text
    assert text.startswith("The scenario has changed") and "It was saved by an earlier version" in text


def test_bad_save_shows_located_error(app):
    saves_dir().mkdir(parents=True, exist_ok=True)
    bad = saves_dir() / "broken.json"
    bad.write_text('{"format": "moscow1939-save", "version": 1, "scenario": ', encoding="utf-8")
    d = Driver(app, "mouse")
    d.key(pygame.K_l)
    d.press(lambda w: w.wid == str(bad))
    assert isinstance(app.top, ErrorDialog)
    assert any("broken.json" in line.text for line in app.top.widgets[0].lines)


def test_bad_scenario_shows_located_error(app, home, tmp_path):
    from game.ui.settings import mods_dir

    mods_dir().mkdir(parents=True, exist_ok=True)
    (mods_dir() / "broken.yaml").write_text("format: 1\nid: Bad Id\n", encoding="utf-8")
    d = Driver(app, "keys")
    d.key(pygame.K_s)            # scenario chooser
    d.settle()                   # (it reads the files in the background)
    d.press(lambda w: w.wid.endswith("broken.yaml"))
    assert isinstance(app.top, ErrorDialog)
    text = " ".join(line.text for line in app.top.widgets[0].lines)
    assert "broken.yaml:" in text and "error" in text


def test_settings_are_remembered(app):
    d = Driver(app, "keys")
    d.key(pygame.K_o)
    d.key(pygame.K_4)            # projector text
    d.key(pygame.K_h)            # high contrast
    s = Settings.load()
    assert s.text_step == 3 and s.high_contrast
    d.key(pygame.K_EQUALS, pygame.KMOD_CTRL)
    d.key(pygame.K_MINUS, pygame.KMOD_CTRL)
    assert Settings.load().text_step == 2


def test_play_with_a_broken_scenario_shows_located_errors(tmp_path):
    import pygame as pg

    from game.ui.app import App
    from game.ui.screens.title import TitleScreen
    from tests.ui.conftest import title_app

    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    app = title_app(bad, seed=1)
    d = Driver(app, "keys")
    d.frame()
    d.key(pg.K_n)
    assert isinstance(app.top, ErrorDialog)
    text = " ".join(line.text for line in app.top.widgets[0].lines)
    assert "bad.yaml:" in text
    missing = App(Settings(), tmp_path / "nope.yaml", size=(1280, 720), window=False)
    missing.push(TitleScreen(missing, seed=1))
    d = Driver(missing, "keys")
    d.key(pg.K_n)
    assert isinstance(missing.top, ErrorDialog)


def test_load_screen_describes_each_save_newest_first(app):
    """Each entry names the save, its scenario, week and date and when it was written; a bad file says why."""
    import os
    import time

    from game.ui.screens.pause import LoadScreen

    d = start(app)
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_s)            # a save from the menu
    manual = next(p for p in saves_dir().glob("*.json") if p.name != "autosave.json")
    app.session.autosave()
    broken = saves_dir() / "from-a-friend.json"
    broken.write_text("not json at all", encoding="utf-8")
    now = time.time()
    for path, age in ((autosave_path(), 10), (manual, 100), (broken, 1000)):
        os.utime(path, (now - age, now - age))
    d.key(pygame.K_ESCAPE)       # the menu again (saving closed it)
    d.key(pygame.K_l)            # load
    screen = app.top
    assert isinstance(screen, LoadScreen)
    screen.ensure_layout()
    items = [w for w in screen.widgets if isinstance(w, ListItem)]
    assert [w.wid for w in items] == [str(autosave_path()), str(manual), str(broken)]
    auto, saved, bad = items
    week = app.session.game.state.turn
    date = app.session.game.date
    for w in (auto, saved):
        assert app.session.scenario.title in w.item.sub
        assert f"week {week} of 19" in w.item.sub and f"{date.day} {date.strftime('%B %Y')}" in w.item.sub
        assert w.item.note.startswith("saved ") and time.strftime("%Y") in w.item.note
        assert str(saves_dir()) not in w.label + w.item.sub     # no paths in the list
    assert auto.label.startswith("Autosave")
    assert not saved.label.startswith("Autosave") and ".json" not in saved.label
    assert bad.label == "from-a-friend" and "Cannot be loaded" in bad.item.sub and "damaged" in bad.item.sub


def test_every_setting_is_read_back_from_the_file():
    from dataclasses import fields

    from game.ui.settings import READERS

    assert set(READERS) == {f.name for f in fields(Settings)}


def test_the_saves_list_numbers_the_weeks_as_the_desk_and_says_when_a_game_is_over(app):
    from game.engine import Action
    from game.ui.save_list import save_info
    from game.ui.screens.pause import LoadScreen

    start(app)
    s = app.session
    s.autosave()
    running = LoadScreen.describe(save_info(autosave_path()))[1]
    assert f"week 1 of {s.view.week().last_turn}" in running and s.view.week().last_turn == 19
    while not s.game.over:
        for e in s.game.pending_choices(s.power):
            s.game.submit(Action("choose", s.power, e.id, option=e.default_choice().id))
        s.game.submit(Action("end_turn", s.power))
    s.autosave()
    ended = LoadScreen.describe(save_info(autosave_path()))[1]
    assert "the game is over" in ended and "week 20" not in ended
