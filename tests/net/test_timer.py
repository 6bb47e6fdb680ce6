"""The class timer on the network: when the week's time runs out, the host ends the turns the week still waits
for (each open question answered by its default), and every client hears that the week turned."""

from __future__ import annotations

from game.engine.classroom import ClassOptions


def everyone_joins(host, but: tuple[str, ...] = ()) -> None:
    for seat, code in host.keys.codes.items():
        if seat not in but:
            host.join(code, "10.0.0.7")


def test_the_timer_ends_the_waiting_seats_turns_when_time_is_up(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=3))
    everyone_joins(host)
    heard = []
    host.subscribe(heard.append)
    assert host.end_turn("ussr")["ok"]
    assert host.view(None)["timer"] == {"seconds_left": 180, "paused": False, "waiting": False}
    clock.now += 179
    assert not host.tick() and host.game.state.turn == 1
    clock.now += 1
    assert host.tick()
    assert host.game.state.turn == 2 and heard[-1] == {"type": "changed", "turn": 2, "over": False}
    assert [a.power for a in host.game.record if a.kind == "end_turn"] == ["ussr", "britain"]
    assert host.view("britain")["timer"]["seconds_left"] == 180   # the new week's time


def test_a_paused_timer_does_not_run_out(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=1))
    everyone_joins(host)
    clock.now += 30
    host.pause(True)
    clock.now += 600
    assert not host.tick() and host.view(None)["timer"] == {"seconds_left": 30, "paused": True, "waiting": False}
    host.pause(False)
    clock.now += 30
    assert host.tick() and host.game.state.turn == 2


def test_a_game_without_a_timer_never_ends_a_week_by_itself(make_host, clock):
    host = make_host()
    clock.now += 10**6
    assert not host.tick() and host.game.state.turn == 1
    assert host.view("ussr")["timer"] == {"seconds_left": None, "paused": False, "waiting": False}


def test_the_timer_waits_until_every_team_has_joined(make_host, clock):
    """A host started before the bell plays no week out: the time runs from the last team's join."""
    host = make_host(options=ClassOptions(turn_timer_minutes=1))
    everyone_joins(host, but=("britain",))
    clock.now += 600
    assert not host.tick() and host.game.state.turn == 1
    assert host.view(None)["timer"] == {"seconds_left": 60, "paused": False, "waiting": True}
    everyone_joins(host, but=("ussr",))
    clock.now += 59
    assert not host.tick() and host.view("ussr")["timer"] == {"seconds_left": 1, "paused": False, "waiting": False}
    clock.now += 1
    assert host.tick() and host.game.state.turn == 2


def test_a_seat_handed_to_the_game_is_not_waited_for_to_join(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=1))
    everyone_joins(host, but=("britain",))
    host.hand_to_ai("britain")
    clock.now += 60
    assert host.tick()
