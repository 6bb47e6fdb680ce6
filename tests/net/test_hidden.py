"""What one seat may know: its token never gets another seat's secret aims, private telegrams, reasons or the
hidden gauges, and never acts for another seat (the hot-seat leak test's check, through the API)."""

from __future__ import annotations

import json

from game.engine import Action
from game.engine.script import finish_week
from tests.net.conftest import bearer, join, served

SEATS = ("ussr", "britain")
REASON = "Our reason no other team may read 4711"


def private_texts(game, power: str, other: str) -> list[str]:
    """What power's view may hold and other's may not: its secret aims and the telegrams only it sees."""
    mine = list(game.scenario.power(power).secret_objectives)
    theirs = {(e.title, e.text) for e in game.inbox(other)}
    for e in game.inbox(power):
        if (e.title, e.text) not in theirs:
            mine += [x for x in (e.title, e.text) if x and len(x) >= 20]
    return mine


def played(host, weeks: int = 3) -> None:
    """A few weeks in which the USSR takes an action with a reason each week."""
    game = host.game
    for _ in range(weeks):
        for question in game.pending_choices("ussr"):
            host.act("ussr", {"kind": "choose", "target": question.id, "option": question.default_choice().id})
        step = next(a for a in game.legal_actions("ussr") if a.kind == "act")
        assert host.act("ussr", {"kind": "act", "target": step.target}, REASON)["ok"]
        for seat in SEATS:
            finish_week(game, seat)


def test_no_seat_reads_another_seats_secrets_through_the_api(make_host, s1939):
    host = make_host(SEATS)
    played(host)
    hidden = [m for m in s1939.meters if m.hidden]
    assert hidden, "1939 has hidden gauges to keep"

    async def test(client):
        texts = {}
        for seat in SEATS:
            token = await join(client, host.keys.codes[seat])
            texts[seat] = await (await client.get("/api/view?seat=ussr&power=ussr", headers=bearer(token))).text()
        texts[None] = await (await client.get("/api/view")).text()
        for seat, other in [("ussr", "britain"), ("britain", "ussr"), (None, "ussr"), (None, "britain")]:
            view = json.loads(texts[seat])
            assert view.get("seat") == seat
            secrets = private_texts(host.game, other, seat or "")
            assert secrets, f"{other} has secrets to keep"
            assert [s for s in secrets if s in texts[seat]] == [], f"{seat} reads {other}'s secrets"
            assert all(m.id not in {g["id"] for g in view["gauges"]} for m in hidden)
            assert all(f'"{m.name}"' not in texts[seat] for m in hidden)
        for seat in SEATS:   # odds only of the treaties the seat is party to
            parties = {o.id for o in s1939.offers if seat in o.parties}
            assert set(json.loads(texts[seat])["odds"]) <= parties
        assert REASON in texts["ussr"]
        assert REASON not in texts["britain"] and REASON not in texts[None]
    served(host, test)


def test_a_seat_cannot_act_for_another_seat(make_host):
    host = make_host(SEATS)

    async def test(client):
        token = await join(client, host.keys.codes["ussr"])
        for step in ({"kind": "end_turn", "power": "britain"}, {"kind": "act", "power": "britain",
                                                               "target": "guarantee_poland"}):
            response = await client.post("/api/act", headers=bearer(token), json={"action": step})
            answer = await response.json()
            assert response.status == 409 and "cannot act for 'britain'" in answer["reason"]
        assert host.game.record == [] and host.game.waiting_for() == list(SEATS)
    served(host, test)


def test_a_seat_cannot_take_the_teachers_steps(make_host):
    host = make_host(SEATS)
    for kind, target in (("stop", ""), ("seat", "britain"), ("inject", "x")):
        answer = host.act("ussr", {"kind": kind, "target": target})
        assert not answer["ok"] and "teacher" in answer["reason"]
    assert host.game.record == [] and not host.game.over


def test_a_seat_handed_to_the_game_cannot_act_until_given_back(make_host):
    host = make_host(SEATS)
    assert host.hand_to_ai("britain", why="absent today")["ok"]
    assert host.game.state.ai_seats == {"britain": "ai"}
    answer = host.end_turn("britain")
    assert not answer["ok"] and "handed this seat to the game" in answer["reason"]
    assert host.view("britain")["played_by_ai"]
    assert host.give_back("britain")["ok"]
    assert host.end_turn("britain")["ok"]


def test_the_class_that_hides_the_odds_sends_no_odds(make_host):
    from game.engine.classroom import ClassOptions

    host = make_host(SEATS, ClassOptions(hide_odds=True, hide_consequences=True))
    view = host.view("ussr")
    assert all(draft["odds"] == [] for draft in view["odds"].values())
    assert all(action["consequences"] == [] for action in view["actions"])
    assert view["classroom"]["hide_odds"] and "pin" in view["classroom"] and view["classroom"]["pin"] == ""


def test_a_decision_without_a_reason_is_refused_in_a_class_that_asks_for_one(make_host):
    from game.engine.classroom import ClassOptions

    host = make_host(SEATS, ClassOptions(require_reason=True))
    step = {"kind": "act", "target": next(a for a in host.game.legal_actions("ussr") if a.kind == "act").target}
    assert "reason" in host.act("ussr", step)["reason"]
    assert host.act("ussr", step, "Because")["ok"]
    assert host.game.record == [Action("act", "ussr", step["target"], why="Because")]
