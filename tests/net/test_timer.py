"""The class timer on the network: when the week's time runs out, the host ends the turns the week still waits
for (each open question answered by its default), and every client hears that the week turned."""

from __future__ import annotations

from game.engine.classroom import ClassOptions


def test_the_timer_ends_the_waiting_seats_turns_when_time_is_up(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=3))
    heard = []
    host.subscribe(heard.append)
    assert host.end_turn("ussr")["ok"]
    assert host.view(None)["timer"] == {"seconds_left": 180, "paused": False}
    clock.now += 179
    assert not host.tick() and host.game.state.turn == 1
    clock.now += 1
    assert host.tick()
    assert host.game.state.turn == 2 and heard[-1] == {"type": "changed", "turn": 2, "over": False}
    assert [a.power for a in host.game.record if a.kind == "end_turn"] == ["ussr", "britain"]
    assert host.view("britain")["timer"]["seconds_left"] == 180   # the new week's time


def test_a_paused_timer_does_not_run_out(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=1))
    clock.now += 30
    host.pause(True)
    clock.now += 600
    assert not host.tick() and host.view(None)["timer"] == {"seconds_left": 30, "paused": True}
    host.pause(False)
    clock.now += 30
    assert host.tick() and host.game.state.turn == 2


def test_a_game_without_a_timer_never_ends_a_week_by_itself(make_host, clock):
    host = make_host()
    clock.now += 10**6
    assert not host.tick() and host.game.state.turn == 1
    assert host.view("ussr")["timer"] == {"seconds_left": None, "paused": False}
