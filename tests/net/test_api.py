"""The network API: join, view, act, end the turn, and the pushed notices (docs/NETWORK.md)."""

from __future__ import annotations

import json

from tests.net.conftest import bearer, join, served


def test_a_seat_joins_with_its_code_and_reads_its_own_view(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["britain"].lower())   # typed in any case
        response = await client.get("/api/view", headers=bearer(token))
        view = await response.json()
        assert response.status == 200
        assert view["type"] == "seat" and view["seat"] == "britain" and view["power"] == "britain"
        assert view["calendar"]["words"] == "Week 1 of 19"
        assert {"kind": "end_turn"} in view["legal"]
        assert [w["seat"] for w in view["waiting_for"]] == ["ussr", "britain"]
    served(host, test)


def test_an_action_is_taken_for_the_tokens_seat_and_answered_once_logged(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        view = await (await client.get("/api/view", headers=bearer(token))).json()
        step = next(a for a in view["legal"] if a["kind"] == "act")
        response = await client.post("/api/act", headers=bearer(token), json={"action": step, "why": "To be heard"})
        answer = await response.json()
        assert response.status == 200 and answer["ok"], answer
        last = host.game.record[-1]
        assert (last.power, last.kind, last.target, last.why) == ("ussr", "act", step["target"], "To be heard")
    served(host, test)


def test_a_refused_action_says_why_and_changes_nothing(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        response = await client.post("/api/act", headers=bearer(token),
                                     json={"action": {"kind": "act", "target": "no_such_action"}})
        answer = await response.json()
        assert response.status == 409 and answer["ok"] is False and answer["reason"]
        assert host.game.record == []
    served(host, test)


def test_the_week_turns_when_every_seat_has_ended_it_and_every_client_hears(make_host):
    host = make_host()

    async def test(client):
        ussr, britain = [await join(client, host.keys.codes[p]) for p in ("ussr", "britain")]
        seat_socket = await client.ws_connect(f"/api/ws?token={ussr}")
        watcher = await client.ws_connect("/api/ws")
        assert (await seat_socket.receive_json())["seat"] == "ussr"
        assert (await watcher.receive_json())["seat"] is None
        await client.post("/api/end-turn", headers=bearer(ussr))
        assert (await watcher.receive_json()) == {"type": "changed", "turn": 1, "over": False}
        assert (await seat_socket.receive_json())["turn"] == 1
        view = await (await client.get("/api/view", headers=bearer(ussr))).json()
        assert view["turn_ended"] and [w["seat"] for w in view["waiting_for"]] == ["britain"]
        answer = await (await client.post("/api/end-turn", headers=bearer(britain))).json()
        assert answer["ok"] and answer["result"]["turn"] == 2
        assert (await watcher.receive_json())["turn"] == 2
        assert (await seat_socket.receive_json())["turn"] == 2
        await seat_socket.close()
        await watcher.close()
    served(host, test)


def test_a_socket_may_name_its_token_in_its_first_message(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["britain"])
        ws = await client.ws_connect("/api/ws")
        await ws.receive_json()
        await ws.send_str(json.dumps({"token": token}))
        assert (await ws.receive_json()) == {"type": "hello", "seat": "britain", "turn": 1}
        await ws.close()
        stranger = await client.ws_connect("/api/ws")
        await stranger.receive_json()
        await stranger.send_str(json.dumps({"token": "not-a-token"}))
        closing = await stranger.receive()
        assert (closing.type.name, closing.data) == ("CLOSE", 4001)
    served(host, test)


def test_a_watcher_without_a_token_sees_the_public_view_and_cannot_act(make_host, s1939):
    host = make_host()

    async def test(client):
        response = await client.get("/api/view")
        view = await response.json()
        assert response.status == 200 and view["type"] == "public"
        assert {"news", "gauges", "treaties", "waiting_for", "calendar"} <= set(view)
        assert not {"briefing", "inbox", "legal", "odds"} & set(view)
        for path in ("/api/act", "/api/end-turn"):
            refused = await client.post(path, json={"action": {"kind": "end_turn"}})
            assert refused.status == 401
        assert host.game.record == []
    served(host, test)


def test_an_action_meant_for_a_week_gone_by_is_refused(make_host):
    host = make_host()
    for seat in ("ussr", "britain"):
        assert host.end_turn(seat)["ok"]
    answer = host.act("ussr", {"kind": "end_turn", "turn": 1})
    assert not answer["ok"] and "it is now week 2" in answer["reason"]
    assert host.act("ussr", {"kind": "end_turn", "turn": 2})["ok"]


def test_the_network_layer_never_imports_pygame_or_the_window():
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys, game.net.server, game.net.host, game.net.wire, game.net.codes; "
            "print(sorted(m for m in sys.modules if m == 'pygame' or m.startswith('game.ui')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_the_view_sent_as_text_is_the_view(make_host, clock):
    from game.engine.classroom import ClassOptions

    host = make_host(options=ClassOptions(turn_timer_minutes=5))
    for code in host.keys.codes.values():
        host.join(code, "10.0.0.7")
    for seat in ("ussr", None):
        text = host.view_text(seat)
        assert json.loads(text) == host.view(seat) and text.count('"timer":') == 1
    clock.now += 60
    assert json.loads(host.view_text("ussr"))["timer"]["seconds_left"] == 240   # the timer is never kept
    assert host.act("ussr", {"kind": "end_turn"})["ok"]
    assert json.loads(host.view_text("ussr"))["turn_ended"]


def test_a_request_that_is_not_a_json_object_is_told_it_must_be_one(make_host) -> None:
    host = make_host()

    async def test(client) -> None:
        response = await client.post("/api/join", json=["a list"])
        assert response.status == 400
        assert (await response.json())["reason"] == "The request must be a JSON object."
    served(host, test)
