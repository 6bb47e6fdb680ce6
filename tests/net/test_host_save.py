"""The host saves the game's actions after each one, without its state, and a resumed host rebuilds the same game."""

from __future__ import annotations

import json

from game.engine import saves
from game.net.host import NetworkHost


def test_the_host_saves_the_actions_without_the_state_and_resumes_the_same_game(make_host, s1939, tmp_path):
    host = make_host()
    step = next({"kind": "act", "target": a.target} for a in host.game.legal_actions("ussr") if a.kind == "act")
    assert host.act("ussr", step, "saved without its state")["ok"]
    assert host.end_turn("britain")["ok"]
    saved = json.loads((tmp_path / "host.json").read_text(encoding="utf-8"))
    assert "state" not in saved and [a["kind"] for a in saved["actions"]] == ["act", "end_turn"]
    resumed = NetworkHost.resume(tmp_path / "host.json", s1939)
    assert saves.dumps(resumed.game) == saves.dumps(host.game)


def test_a_hosted_save_is_named_alike_with_and_without_a_class_name(s1939, tmp_path):
    """`host-SCENARIO-CODE.json` for a class without a name, in the same slug form as `host-CLASS-CODE.json`."""
    from game.engine.classroom import ClassOptions
    from game.engine.game import Game
    from game.net.savelock import hosted_save

    plain = Game.new(s1939, seed=7, humans=["ussr"])
    named = Game.new(s1939, seed=7, humans=["ussr"], options=ClassOptions.typed("7B History", {}))
    assert hosted_save(tmp_path, plain).name == "host-moscow-1939-7.json"
    assert hosted_save(tmp_path, named).name == "host-7b-history-7.json"
