"""A crash in the window writes a log file, keeps the autosave, and exits with code 3 (no traceback)."""

from __future__ import annotations

from game.ui.settings import autosave_path, log_dir


def test_crash_writes_log_and_keeps_autosave(monkeypatch, capsys):
    from game.ui import play
    from game.ui.screens.title import TitleScreen

    autosave_path().parent.mkdir(parents=True, exist_ok=True)
    autosave_path().write_text("previous autosave", encoding="utf-8")

    def boom(self, surf):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(TitleScreen, "draw", boom)
    assert play.run_app(None, 1, None, False) == 3
    logs = list(log_dir().glob("crash-*.log"))
    assert logs and "RuntimeError: drawing failed" in logs[0].read_text(encoding="utf-8")
    assert autosave_path().read_text(encoding="utf-8") == "previous autosave"
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err


def test_play_with_a_broken_save_shows_the_error(monkeypatch, tmp_path):
    """`play --load BAD` opens the window with the located error instead of crashing."""
    import pygame

    from game.ui import app as app_module
    from game.ui import play
    from game.ui.screens.dialog import ErrorDialog

    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not json")
    seen = {}
    original = app_module.App.run

    def run(self, max_frames=None, safe=False):
        original(self, max_frames=3, safe=safe)
        seen["top"] = self.top
        return 0

    monkeypatch.setattr(app_module.App, "run", run)
    assert play.run_app(None, 1, bad, False) == 0
    assert isinstance(seen["top"], ErrorDialog)
    pygame.init()


def test_hostile_save_is_rebuilt_without_closing_the_window(monkeypatch, tmp_path):
    """A save whose stored state has the right shape but wrong types: the window stays open, the game is rebuilt
    from the save's actions, and the player is told so."""
    import json

    import pygame

    from game.ui import app as app_module
    from game.ui import play
    from game.ui.screens.desk import DeskScreen
    from game.ui.screens.dialog import ErrorDialog
    from game.ui.session import Session

    good = tmp_path / "good.json"
    Session.new(None, seed=3).save(good)
    doc = json.loads(good.read_text(encoding="utf-8"))
    doc["state"]["meters"] = {k: "x" for k in doc["state"]["meters"]}
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(doc), encoding="utf-8")
    seen = {}
    original = app_module.App.run

    def run(self, max_frames=None, safe=False):
        original(self, max_frames=6, safe=safe)
        seen["stack"], seen["notice"] = list(self.stack), self.notice
        return 0

    monkeypatch.setattr(app_module.App, "run", run)
    assert play.run_app(None, 1, hostile, False) == 0
    stack = seen["stack"]
    assert isinstance(stack[0], DeskScreen) and not any(isinstance(s, ErrorDialog) for s in stack)
    game = stack[0].app.session.game
    assert all(isinstance(v, (int, float)) for v in game.state.meters.values())
    assert seen["notice"] is not None and "rebuilt from its actions" in seen["notice"].text
    assert not list(log_dir().glob("crash-*.log"))
    pygame.init()
