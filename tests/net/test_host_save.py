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
