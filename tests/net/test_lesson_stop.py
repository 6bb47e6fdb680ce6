"""A lesson's stop checkpoint (the class option --stop) on the network: once the seats end the week that reaches
it, the host refuses their actions with the reason, the views say the lesson has stopped, and the timer stops;
a host resumed from the autosave goes on past it (the next lesson)."""

from __future__ import annotations

from game.engine.classroom import ClassOptions
from game.net.host import NetworkHost
from tests.net.test_timer import everyone_joins

STOP = ClassOptions(name="7B", stop="litvinov_question", turn_timer_minutes=5)   # week 3, 1–7 May 1939


def play_to_the_stop(host) -> None:
    everyone_joins(host)
    while host.game.state.turn < 3:
        for seat in ("ussr", "britain"):
            assert host.end_turn(seat)["ok"]


def test_the_host_refuses_the_seats_actions_once_the_lesson_has_stopped(make_host):
    host = make_host(options=STOP)
    assert host.view("ussr")["lesson"] == {"stopped": False} and host.lesson_stop() is None
    play_to_the_stop(host)
    answer = host.end_turn("ussr")
    assert not answer["ok"] and answer["reason"] == (
        "The lesson stops here, at “The question of Litvinov (1–7 May)”, 3 May 1939; your teacher goes on with it "
        "next lesson.")
    assert host.game.state.turn == 3 and "ussr" in host.game.waiting_for()


def test_the_seat_and_public_views_say_the_lesson_has_stopped(make_host):
    host = make_host(options=STOP)
    play_to_the_stop(host)
    said = {"stopped": True, "title": "The question of Litvinov (1–7 May)", "date": "3 May 1939"}
    assert host.view("britain")["lesson"] == said and host.view(None)["lesson"] == said
    assert '"lesson":{"stopped":true' in host.view_text("ussr")


def test_the_timer_stops_with_the_lesson(make_host, clock):
    host = make_host(options=STOP)
    play_to_the_stop(host)
    clock.now += 10_000
    assert not host.tick() and host.game.state.turn == 3
    assert host.view(None)["timer"] == {"seconds_left": None, "paused": False, "waiting": False}


def test_a_resumed_host_goes_on_past_the_stop(make_host, clock):
    host = make_host(options=STOP)
    play_to_the_stop(host)
    again = NetworkHost.resume(host.save_path, host.game.scenario, clock=clock)
    assert again.lesson_stop() is None and again.view("ussr")["lesson"] == {"stopped": False}
    answer = next(step for step in again.view("ussr")["legal"] if step["kind"] == "choose")
    assert again.act("ussr", answer, "The next lesson begins.")["ok"]


def test_the_next_lesson_may_stop_at_a_later_checkpoint_which_is_saved_with_the_game(make_host, clock):
    import pytest

    host = make_host(options=STOP)
    play_to_the_stop(host)
    with pytest.raises(ValueError, match="the game is in week 3"):
        NetworkHost.resume(host.save_path, host.game.scenario, stop="litvinov_question", clock=clock)
    again = NetworkHost.resume(host.save_path, host.game.scenario, stop="political_text", clock=clock)
    assert again.game.options.stop == "political_text" and again.game.options.name == "7B"
    assert NetworkHost.resume(host.save_path, host.game.scenario, clock=clock).game.options.stop == "political_text"
