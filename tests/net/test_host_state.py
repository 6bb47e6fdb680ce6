"""What a host keeps beside its autosave besides the codes: the teacher's pause (and the week's time used before
it), so that a host stopped or killed while paused is still paused when it is resumed, and the week's time used
when it stopped cleanly; and the warning when the seats' file is gone and new codes had to be made."""

from __future__ import annotations

import json

from game.engine.classroom import ClassOptions
from game.net.host import NetworkHost, keys_path
from game.net.wire import Clock
from tests.net.test_timer import everyone_joins


def test_a_pause_survives_a_resume_with_the_same_time_left(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=5))
    everyone_joins(host)
    clock.now += 100
    host.pause(True)
    clock.now += 5000   # (the host is killed; the class waits; a new host starts)
    again = NetworkHost.resume(host.save_path, host.game.scenario, clock=clock)
    assert again.clock_state().paused and again.clock_state().seconds_left == 200
    clock.now += 600
    assert not again.tick() and again.clock_state().seconds_left == 200
    again.pause(False)
    clock.now += 200
    assert again.tick() and again.game.state.turn == 2


def test_a_pause_kept_from_an_earlier_week_keeps_the_pause_but_not_that_weeks_time(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=5))
    everyone_joins(host)
    clock.now += 100
    host.pause(True)
    kept = json.loads(keys_path(host.save_path).read_text())
    assert kept["clock"] == {"turn": 1, "paused": True, "started": True, "used": 100}
    kept["clock"]["turn"] = 7   # (a week the game is not in)
    keys_path(host.save_path).write_text(json.dumps(kept))
    again = NetworkHost.resume(host.save_path, host.game.scenario, clock=clock)
    assert again.clock_state().paused and again.clock_state().seconds_left == 300


def test_a_timer_running_when_the_host_was_killed_starts_the_weeks_time_again(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=5))
    everyone_joins(host)
    host.pause(True)
    clock.now += 100
    host.pause(False)
    clock.now += 100   # (killed: no word of the time used since the pause)
    again = NetworkHost.resume(host.save_path, host.game.scenario, clock=clock)
    assert again.clock_state() == Clock(300, False)


def test_a_host_stopped_cleanly_keeps_the_weeks_time_used_for_the_resumed_one(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=5))
    everyone_joins(host)
    clock.now += 100
    host.close()
    clock.now += 5000
    again = NetworkHost.resume(host.save_path, host.game.scenario, clock=clock)
    assert not again.clock_state().paused and again.clock_state().seconds_left == 200
    clock.now += 200
    assert again.tick() and again.game.state.turn == 2
    assert "used" not in json.loads(keys_path(host.save_path).read_text())["clock"]   # (the new week's, unknown)


def test_resuming_without_the_seats_file_warns_that_every_code_is_new(make_host, clock):
    host = make_host()
    old = dict(host.keys.codes)
    keys_path(host.save_path).unlink()
    again = NetworkHost.resume(host.save_path, host.game.scenario, clock=clock)
    assert str(keys_path(host.save_path)) in again.warning and "new join code" in again.warning
    assert again.keys.codes != old and keys_path(host.save_path).is_file()
    assert NetworkHost.resume(host.save_path, host.game.scenario, clock=clock).warning == ""


def test_a_new_join_code_does_not_lose_the_weeks_time_used_over_a_resume(make_host, clock):
    host = make_host(options=ClassOptions(turn_timer_minutes=5))
    everyone_joins(host)
    clock.now += 100
    host.pause(True)
    seat = host.game.seats[-1]
    code = host.revoke(seat)   # (its devices must join again: the seat holds no token now)
    again = NetworkHost.resume(host.save_path, host.game.scenario, clock=clock)
    assert again.clock_state() == Clock(200, True)
    again.join(code, "10.0.0.9")
    assert again.clock_state() == Clock(200, True)
