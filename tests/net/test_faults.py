"""Faults: a client that drops and rejoins loses nothing; a host killed and resumed keeps every acknowledged action
and the same codes; an action is either acknowledged (in the log and saved) or refused, never half-done."""

from __future__ import annotations

import errno
import json
import urllib.request

from game.engine import saves
from game.net.host import NetworkHost
from game.net.server import start_in_thread
from tests.net.conftest import bearer, join, served


def first_act(host, seat: str = "ussr") -> dict:
    return {"kind": "act", "target": next(a for a in host.game.legal_actions(seat) if a.kind == "act").target}


def test_a_client_that_drops_mid_week_rejoins_with_its_code_and_finds_its_view_as_it_was(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        answer = await (await client.post("/api/act", headers=bearer(token),
                                          json={"action": first_act(host), "why": "kept"})).json()
        assert answer["ok"]
        before = await (await client.get("/api/view", headers=bearer(token))).json()
        again = await join(client, host.keys.codes["ussr"])   # the lid closed: the browser lost its token
        after = await (await client.get("/api/view", headers=bearer(again))).json()
        assert after == before
        assert [e["why"] for e in after["inbox"] if e["why"]] == ["kept"]
    served(host, test)


def test_a_host_killed_and_resumed_keeps_every_acknowledged_action_and_its_codes(make_host, s1939):
    host = make_host()
    token = host.join(host.keys.codes["britain"], "10.0.0.2")["token"]
    assert host.act("ussr", first_act(host), "before the crash")["ok"]
    assert host.end_turn("ussr")["ok"]
    assert host.end_turn("britain")["ok"]           # the week turned: the AI acted, all of it saved
    record, codes = list(host.game.record), dict(host.keys.codes)
    state = saves.dumps(host.game)
    # no clean shutdown: the host object is simply dropped, as a killed process would be
    resumed = NetworkHost.resume(host.save_path)   # the scenario the save names
    assert resumed.game.record == record and saves.dumps(resumed.game) == state
    assert resumed.keys.codes == codes
    assert resumed.seat_of(token) == "britain"     # the browser reconnects by itself with the token it kept
    assert resumed.act("britain", first_act(resumed, "britain"))["ok"]


def test_a_failing_save_refuses_the_action_and_leaves_the_game_as_it_was(make_host):
    host = make_host()
    assert host.act("ussr", first_act(host))["ok"]
    before = saves.dumps(host.game)

    def full_disk(game, path):
        raise OSError(errno.ENOSPC, "No space left on device")

    host.saver = full_disk
    for step in (first_act(host), {"kind": "end_turn"}):
        answer = host.act("ussr", step)
        assert not answer["ok"] and "could not save" in answer["reason"] and "No space left" in answer["reason"]
        assert saves.dumps(host.game) == before
    host.saver = saves.save_game
    assert host.act("ussr", first_act(host))["ok"]


def test_the_week_that_turns_is_rolled_back_whole_when_its_save_fails(make_host):
    host = make_host()
    assert host.end_turn("ussr")["ok"]
    before = saves.dumps(host.game)

    def broken(game, path):
        raise OSError(errno.EIO, "Input/output error")

    host.saver = broken
    assert not host.end_turn("britain")["ok"]
    assert saves.dumps(host.game) == before and host.game.state.turn == 1


def test_the_host_serves_on_a_real_port_and_stops(make_host):
    host = make_host()
    server = start_in_thread(host, "127.0.0.1", 0)
    try:
        assert server.url == f"http://127.0.0.1:{server.port}/" and server.port > 0
        request = urllib.request.Request(server.url + "api/join", data=json.dumps(
            {"code": host.keys.codes["ussr"]}).encode(), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            token = json.loads(response.read())["token"]
        request = urllib.request.Request(server.url + "api/view", headers=bearer(token))
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.loads(response.read())["seat"] == "ussr"
    finally:
        server.stop()
    assert not server.thread.is_alive()


def test_a_kept_view_follows_every_change_and_every_roll_back(make_host):
    host = make_host()
    before = host.view("ussr")
    assert host.act("ussr", first_act(host))["ok"]
    after = host.view("ussr")
    assert after["week"]["points_left"] == before["week"]["points_left"] - 1
    host.saver = lambda game, path: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only file system"))
    assert not host.act("ussr", first_act(host))["ok"]
    assert host.view("ussr") == after
