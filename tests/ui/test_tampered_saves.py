"""Tampered saves whose scenario hash still matches never reach the desk as they are, and a crash never writes a
rescue save of a damaged state."""

from __future__ import annotations

import json

import pygame
import pytest

from game.ui.settings import autosave_path, saves_dir
from tests.ui.driver import Driver
from tests.ui.test_saves_settings import start


def tamper_pending(doc):
    doc["state"]["pending"] = [{"event": "no_such_event", "power": "ussr", "date": "1939-04-24"}]


def tamper_draft(doc):
    next(iter(doc["state"]["offers"].values()))["clauses"] = ["no_such_clause"]


def tamper_title(doc):
    doc["state"]["log"][0]["title"] = 12345


def tamper_budget(doc):
    doc["state"]["budget"]["ussr"] = 10**4000


@pytest.mark.parametrize("tamper", [tamper_pending, tamper_draft, tamper_title, tamper_budget])
def test_a_tampered_save_is_rebuilt_and_the_desk_draws(app, tamper):
    d = start(app)
    d.end_week()
    path = autosave_path()
    doc = json.loads(path.read_text(encoding="utf-8"))
    tamper(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    app.to_title(save=False)
    d.key(pygame.K_c)                       # Continue
    assert app.session is not None and app.stack[0].name == "desk"
    assert "rebuilt from its actions" in app.notice.text
    for _ in range(3):
        app.dirty = True
        d.frame()                                # draws without an error


def test_a_number_too_long_to_read_is_refused_on_the_load_screen(app):
    saves_dir().mkdir(parents=True, exist_ok=True)
    bad = saves_dir() / "long.json"
    bad.write_text('{"format": "moscow1939-save", "version": 2, "seed": ' + "9" * 5000 + "}", encoding="utf-8")
    d = Driver(app, "keys")
    d.key(pygame.K_l)
    d.press(lambda w: w.wid == str(bad))
    assert app.top_is("error")
    text = " ".join(line.text for line in app.top.widgets[0].lines)
    assert "long.json" in text and "number too long" in text


def test_a_crash_with_a_damaged_state_writes_no_rescue_save(app):
    from game.engine.state import Pending
    from game.ui.saving_flow import rescue_note

    start(app)
    app.session.game.state.pending.append(Pending("no_such_event", "ussr", "1939-04-17"))
    note = rescue_note(app)
    assert not autosave_path().with_name("crash-rescue.json").exists()
    assert "not saved" in note and "state.pending[0].event" in note


def test_a_crash_with_a_sound_state_writes_a_rescue_save(app):
    from game.ui.saving_flow import rescue_note

    start(app)
    assert "was saved to" in rescue_note(app)
    assert autosave_path().with_name("crash-rescue.json").is_file()
