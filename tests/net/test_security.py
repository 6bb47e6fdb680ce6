"""The host's defences: unguessable codes, a join rate limit, revocable tokens, size limits, no file path from
a client, and reasons escaped where they become HTML."""

from __future__ import annotations

import math

from aiohttp import WSCloseCode

from game.engine.notes import MAX_REASON
from game.export.files import write_debrief
from game.net.codes import ALPHABET, CODE_BITS, CODE_LENGTH, SeatKeys, new_code
from game.net.host import NetworkHost, Refused
from game.net.server import CLOSED_REVOKED, MAX_BODY
from tests.net.conftest import bearer, join, served


def test_codes_are_drawn_from_an_alphabet_without_look_alikes_and_hold_the_bits_the_docs_say():
    assert not set("01OIL") & set(ALPHABET) and len(set(ALPHABET)) == len(ALPHABET) == 31
    assert round(CODE_LENGTH * math.log2(len(ALPHABET)), 1) == CODE_BITS
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == CODE_LENGTH and set(c) <= set(ALPHABET) for c in codes)


def test_the_host_keeps_only_digests_of_the_tokens(make_host):
    host = make_host()
    token = host.join(host.keys.codes["ussr"], "10.0.0.5")["token"]
    stored = (host.save_path.with_name("host.seats.json")).read_text()
    assert token not in stored and host.keys.codes["ussr"] in stored
    assert SeatKeys.from_dict(__import__("json").loads(stored), ("ussr", "britain")).seat_of_token(token) == "ussr"


def test_thirty_wrong_codes_from_one_address_are_slowed_down(make_host, clock):
    host = make_host()
    answers = []
    for i in range(30):
        try:
            host.join(f"WRONG{i:03d}", "10.0.0.9")
        except Refused as exc:
            answers.append(exc)
    assert {a.status for a in answers} == {403, 429}
    slowed = [a for a in answers if a.status == 429]
    assert len(slowed) >= 20 and all(int(a.headers["Retry-After"]) > 0 for a in slowed)
    right = host.keys.codes["ussr"]
    try:
        host.join(right, "10.0.0.9")
        raise AssertionError("the right code was let in while the address was slowed down")
    except Refused as exc:
        assert exc.status == 429
    assert host.join(right, "10.0.0.10")["seat"] == "ussr"     # another device of the class is not held up
    clock.now += int(slowed[-1].headers["Retry-After"])
    assert host.join(right, "10.0.0.9")["seat"] == "ussr"


def test_the_rate_limit_answers_429_with_retry_after_over_http(make_host):
    host = make_host()

    async def test(client):
        statuses = [(await client.post("/api/join", json={"code": "NOPE"})) for _ in range(30)]
        assert statuses[0].status == 403 and statuses[-1].status == 429
        assert int(statuses[-1].headers["Retry-After"]) > 0
    served(host, test)


def test_a_revoked_token_is_refused_and_the_seat_rejoins_only_with_the_new_code(make_host):
    host = make_host()

    async def test(client):
        old_code = host.keys.codes["britain"]
        token = await join(client, old_code)
        ws = await client.ws_connect(f"/api/ws?token={token}")
        await ws.receive_json()
        new_code = host.revoke("britain")
        assert new_code != old_code
        assert (await client.get("/api/view", headers=bearer(token))).status == 401
        assert (await client.post("/api/end-turn", headers=bearer(token))).status == 401
        closing = await ws.receive()
        assert (closing.type.name, closing.data) == ("CLOSE", 4001), closing
        assert (await client.post("/api/join", json={"code": old_code})).status == 403
        fresh = await join(client, new_code)
        assert (await client.get("/api/view", headers=bearer(fresh))).status == 200
    served(host, test)


def test_a_seat_given_a_new_code_stays_marked_so_after_the_host_resumes(make_host, s1939):
    """The host window keeps a new code off the projector; a resumed host must know which codes were new too."""
    host = make_host()
    host.revoke("britain")
    assert [(s.seat, s.reissued) for s in host.seats()] == [("ussr", False), ("britain", True)]
    again = NetworkHost.resume(host.save_path, s1939)
    assert [(s.seat, s.reissued) for s in again.seats()] == [("ussr", False), ("britain", True)]


def test_a_body_too_large_is_refused_with_413_and_changes_nothing(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        big = {"action": {"kind": "end_turn"}, "why": "x" * (MAX_BODY + 10)}
        response = await client.post("/api/act", headers=bearer(token), json=big)
        assert response.status == 413 and "KB" in (await response.json())["reason"]
        assert host.game.record == []
    served(host, test)


def test_a_reason_over_the_class_limit_is_refused_clearly(make_host):
    host = make_host()
    answer = host.act("ussr", {"kind": "end_turn"}, "y" * (MAX_REASON + 1))
    assert not answer["ok"] and f"at most {MAX_REASON} characters" in answer["reason"]
    assert host.game.record == []


def test_nothing_a_client_sends_becomes_a_file_path(make_host):
    host = make_host()

    async def test(client):
        for path in ("/static/../host.py", "/static/..%2Fhost.py", "/static/%2e%2e/server.py", "/static/codes.py",
                     "/../game/net/host.py", "/static/.hidden.js", "/static//etc/passwd"):
            response = await client.get(path)
            assert response.status == 404, path
            assert "NetworkHost" not in await response.text()
    served(host, test)


def test_every_page_says_what_it_may_load(make_host):
    host = make_host()

    async def test(client):
        response = await client.get("/")
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "http" not in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert (await client.get("/api/view")).headers["Cache-Control"] == "no-store"
    served(host, test)


def test_a_reason_with_markup_sent_through_the_api_is_escaped_in_the_debrief(make_host, tmp_path):
    host = make_host()
    markup = "<script>alert('seat')</script> & <b>bold</b>"
    step = next(a for a in host.game.legal_actions("ussr") if a.kind == "act")
    served(host, lambda client: _act(client, host, {"kind": "act", "target": step.target}, markup))
    written = write_debrief(host.game, host.game.seats, tmp_path / "out")
    for page in (written.html, written.grading):
        html = page.read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(" in html, page.name
        assert "<script>alert" not in html and "<b>bold" not in html
    assert markup in written.csv.read_text(encoding="utf-8-sig")


async def _act(client, host, step, why):
    token = await join(client, host.keys.codes["ussr"])
    answer = await (await client.post("/api/act", headers=bearer(token), json={"action": step, "why": why})).json()
    assert answer["ok"], answer


def test_the_host_takes_no_more_sockets_than_it_can(make_host, monkeypatch):
    import aiohttp

    from game.net import server

    monkeypatch.setattr(server, "MAX_SOCKETS", 2)
    host = make_host()

    async def test(client):
        kept = [await client.ws_connect("/api/ws") for _ in range(2)]
        try:
            await client.ws_connect("/api/ws")
            raise AssertionError("a third socket was taken")
        except aiohttp.WSServerHandshakeError as exc:
            assert exc.status == 503
        for ws in kept:
            await ws.close()
    served(host, test)


def test_a_socket_message_over_the_limit_is_closed_as_too_big_not_as_revoked(make_host):
    """1009 is the standard "message too big": the page reconnects with its token, which still works (4001 would
    tell it the seat was revoked)."""
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        ws = await client.ws_connect(f"/api/ws?token={token}")
        await ws.receive_json()
        await ws.send_str("x" * (MAX_BODY + 1))
        closing = await ws.receive()
        assert (closing.type.name, closing.data) == ("CLOSE", WSCloseCode.MESSAGE_TOO_BIG)
        assert WSCloseCode.MESSAGE_TOO_BIG != CLOSED_REVOKED
        again = await client.ws_connect(f"/api/ws?token={token}")
        assert (await again.receive_json())["seat"] == "ussr"
        await again.close()
    served(host, test)
