"""The teacher's console of a headless host: each command typed on the host's terminal is a step of the
NetworkHost (the same the host window's console takes); a bad command or seat gets one clear line."""

from __future__ import annotations

import os
import threading

from game.cli.host_console import answer, listen
from game.engine.classroom import ClassOptions
from tests.net.test_timer import everyone_joins

TIMED = ClassOptions(name="7B", teams=(("britain", "Blue"),), turn_timer_minutes=5)


def said(host, line: str) -> str:
    return answer(host, line).text


def test_status_lists_each_seat_the_week_and_the_time_left(make_host, clock):
    host = make_host(options=TIMED)
    everyone_joins(host, but=("britain",))
    assert host.end_turn("ussr")["ok"]
    lines = said(host, "status").splitlines()
    assert lines[0] == "Week 1 of 19 · timer 5:00 left (it runs once every team has joined)"
    assert lines[1].split() == ["ussr", "USSR:", "1", "device", "joined;", "has", "ended", "the", "week"]
    assert lines[2].split() == ["britain", "Britain", "(Blue):", "not", "joined;", "the", "week", "waits", "for", "it"]


def test_pause_and_go_stop_and_restart_the_weeks_timer(make_host, clock):
    host = make_host(options=TIMED)
    everyone_joins(host)
    clock.now += 60
    assert said(host, "pause") == "The week's timer is paused: timer paused, 4:00 left."
    clock.now += 600
    assert host.clock_state().seconds_left == 240
    assert said(host, "go") == "The week's timer is running: timer 4:00 left."
    assert not host.clock_state().paused


def test_pause_in_a_class_without_a_timer_says_so(make_host):
    assert "no timer" in said(make_host(), "pause")


def test_ai_and_back_hand_a_seat_to_the_game_and_back_by_id_short_name_or_team(make_host):
    host = make_host(options=TIMED)
    assert "Britain" in said(host, "ai Blue") and host.game.state.ai_seats == {"britain": "ai"}
    assert "played by the game (ai)" in said(host, "status")
    said(host, "back britain")
    assert host.game.state.ai_seats == {} and [a.kind for a in host.game.record] == ["seat", "seat"]


def test_a_step_the_game_refuses_gets_its_reason(make_host):
    host = make_host()
    assert said(host, "back ussr") == host.teacher("seat", "ussr", "", "")["reason"]


def test_code_revokes_the_seats_tokens_and_shows_its_new_code(make_host):
    host = make_host()
    token = host.join(host.keys.codes["ussr"], "10.0.0.7")["token"]
    line = said(host, "code USSR")
    code = host.keys.codes["ussr"]
    assert line == f"New join code for USSR: {code[:4]} {code[4:]} (its devices must join again with it)."
    assert host.seat_of(token) is None


def test_rewind_rolls_back_to_an_earlier_week(make_host):
    host = make_host()
    for seat in ("ussr", "britain"):
        host.end_turn(seat)
    assert host.turn == 2
    assert said(host, "rewind 1") == "Rolled back to the start of week 1 of 19."
    assert host.turn == 1 and not host.game.record
    assert said(host, "rewind 5").startswith("Cannot roll back to week 5: ")
    assert said(host, "rewind soon") == "Give the week to roll back to, as a number: rewind 3."


def test_end_game_asks_for_now_before_it_ends_the_game(make_host):
    host = make_host()
    assert "end-game now" in said(host, "end-game") and not host.game.over
    assert said(host, "end-game now") == "The game has ended here, stopped by the teacher."
    assert host.game.over and "The game has ended; the host serves its ending." in said(host, "status")


def test_unknown_commands_and_seats_get_one_clear_line(make_host):
    host = make_host()
    assert said(host, "Pause!") == "Unknown command 'Pause!': type help for the teacher's commands."
    assert said(host, "ai italy") == "No seat 'italy': the seats are ussr, britain."
    assert said(host, "code") == "Name a seat: ussr, britain."
    assert said(host, "   ") == "" and "rewind WEEK" in said(host, "help")


def test_stop_asks_the_host_to_stop_serving(make_host):
    assert answer(make_host(), "stop").stop


def test_the_console_reads_lines_answers_each_and_ends_quietly_with_its_input(make_host, tmp_path):
    host = make_host()
    read, write = os.pipe()
    out = (tmp_path / "said.txt").open("w")
    stopped = threading.Event()
    thread = listen(host, stopped.set, out, read)
    os.write(write, b"status\nnonsense\n")
    os.close(write)
    thread.join(timeout=20)
    out.close()
    os.close(read)
    text = (tmp_path / "said.txt").read_text()
    assert not thread.is_alive() and not stopped.is_set()
    assert "Week 1 of 19" in text and "Unknown command 'nonsense'" in text


def test_events_lists_what_a_teacher_may_bring_in_and_inject_brings_one_in_with_why(make_host):
    host = make_host()
    listed = said(host, "events").splitlines()
    assert listed[0].split()[:2] == ["leak_german_contacts", "Rumours"]
    assert said(host, "inject leak_german_contacts The class needs pressure") == \
        "Brought in: Rumours of Soviet-German talks."
    assert [(a.kind, a.target, a.why) for a in host.game.record] == [
        ("inject", "leak_german_contacts", "The class needs pressure")]
    assert "(not now: " in said(host, "events").splitlines()[0]
    assert said(host, "inject nothing_such") == "The scenario does not let a teacher bring in 'nothing_such'."
    assert said(host, "inject").startswith("Name the event")
