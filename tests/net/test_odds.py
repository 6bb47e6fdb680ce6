"""POST /api/odds: a seat's own odds for a draft before it is sent, the same the window's draft editor shows
(PowerView.draft), read-only, hidden when the class hides the odds, and only for a treaty the seat may draft."""

from __future__ import annotations

from game.engine.classroom import ClassOptions
from game.engine.view import PowerView, to_json
from tests.net.conftest import bearer, join, served

ALLIANCE = "anglo_french_alliance"      # open to drafts by the USSR and Britain in week 1
DRAFT = ["mutual_assistance", "indirect_aggression", "passage"]


def test_the_odds_of_a_team_s_draft_are_those_the_window_shows_for_it(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        response = await client.post("/api/odds", json={"offer": ALLIANCE, "clauses": DRAFT}, headers=bearer(token))
        assert response.status == 200, await response.text()
        answer = await response.json()
        with host.reading() as game:
            shown = to_json(PowerView(game, "ussr").draft(ALLIANCE, DRAFT))
        assert answer == {"ok": True, "draft": shown}
        assert {o["party"] for o in shown["odds"]} == {"britain", "france"} and shown["differs"]
    served(host, test)


def test_weighing_a_draft_changes_nothing(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        before = (len(host.game.record), host.version, host.view_text("ussr"))
        for _ in range(3):
            await client.post("/api/odds", json={"offer": ALLIANCE, "clauses": DRAFT}, headers=bearer(token))
        assert (len(host.game.record), host.version, host.view_text("ussr")) == before
    served(host, test)


def test_a_class_that_hides_the_odds_gets_none_for_a_draft(make_host):
    host = make_host(options=ClassOptions(hide_odds=True))

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        response = await client.post("/api/odds", json={"offer": ALLIANCE, "clauses": DRAFT}, headers=bearer(token))
        answer = await response.json()
        assert (response.status, answer["ok"], "draft" in answer) == (403, False, False)
        assert "odds" in answer["reason"]
    served(host, test)


def test_a_seat_cannot_weigh_a_draft_of_a_treaty_it_is_no_party_to(make_host):
    """Britain is no party to the German-Soviet pact: asking its odds is refused exactly as a treaty that does not
    exist, so the answer tells it nothing; naming another power in the request changes nothing."""
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["britain"])
        answers = []
        for offer in ("german_pact", "no_such_treaty"):
            response = await client.post("/api/odds", json={"offer": offer, "clauses": ["non_aggression"],
                                                           "power": "ussr"}, headers=bearer(token))
            answers.append((response.status, await response.json()))
        assert answers[0] == answers[1] and answers[0][0] == 404
        response = await client.post("/api/odds", json={"offer": "german_pact", "clauses": []})
        assert response.status == 401, "no token, no odds"
    served(host, test)


def test_a_malformed_request_for_odds_is_refused_with_its_reason(make_host):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        for body, status in (({"offer": ALLIANCE}, 400), ({"offer": ALLIANCE, "clauses": "passage"}, 400),
                             ({"offer": ALLIANCE, "clauses": ["no_such_clause"]}, 400),
                             ({"offer": ALLIANCE, "clauses": ["passage"] * 65}, 400)):
            response = await client.post("/api/odds", json=body, headers=bearer(token))
            assert (response.status, (await response.json())["ok"]) == (status, False), body
    served(host, test)


def test_a_seat_weighing_drafts_faster_than_a_team_ticks_boxes_must_wait(make_host, clock):
    host = make_host()

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        other = await join(client, host.keys.codes["britain"])
        ask = {"offer": ALLIANCE, "clauses": DRAFT}
        statuses = [(await client.post("/api/odds", json=ask, headers=bearer(token))).status for _ in range(31)]
        assert statuses == [200] * 30 + [429]
        refused = await client.post("/api/odds", json=ask, headers=bearer(token))
        assert int(refused.headers["Retry-After"]) > 0
        assert (await client.post("/api/odds", json=ask, headers=bearer(other))).status == 200, "per seat"
        clock.now += 11
        assert (await client.post("/api/odds", json=ask, headers=bearer(token))).status == 200
    served(host, test)
