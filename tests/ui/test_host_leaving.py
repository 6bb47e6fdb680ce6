"""`main.py host` with a window: leaving the hosted game for the title stops serving and lets its save go, so
that the pages no longer say "Connected" to a game nobody hosts and the save may be hosted again."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import game.ui.play as play
from game.engine import Game
from game.net.host import NetworkHost
from game.net.savelock import SaveInUse, hold
from game.paths import DEFAULT_SCENARIO
from game.ui.session import read_scenario
from game.ui.settings import saves_dir


def test_to_the_title_from_a_hosted_window_stops_the_server_and_lets_the_save_go(app, monkeypatch):
    save = saves_dir() / "host-leaving.json"
    host = NetworkHost(Game.new(read_scenario(DEFAULT_SCENARIO), seed=2, humans=["ussr", "britain"]), save)
    stopped = []
    server = SimpleNamespace(url="http://127.0.0.1:8039/", stop=lambda: stopped.append(True))
    monkeypatch.setattr(play, "_window", lambda _command, _path, _full, begin: begin(app) or 0)
    assert play.play_hosted(host, server, hold(save)) == 0 and app.top.name == "host"
    app.to_title()
    assert stopped and app.host is None and app.top.name == "title"
    hold(save).close()   # (not SaveInUse: the window let it go)


def test_a_save_held_by_a_hosted_window_is_not_hosted_twice(app, monkeypatch):
    save = saves_dir() / "host-held.json"
    host = NetworkHost(Game.new(read_scenario(DEFAULT_SCENARIO), seed=2, humans=["ussr", "britain"]), save)
    monkeypatch.setattr(play, "_window", lambda _command, _path, _full, begin: begin(app) or 0)
    play.play_hosted(host, SimpleNamespace(url="http://127.0.0.1:8039/", stop=lambda: None), hold(save))
    with pytest.raises(SaveInUse):
        hold(save)
    app.to_title()
