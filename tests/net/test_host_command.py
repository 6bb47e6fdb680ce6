"""`main.py host --headless` end to end, in a subprocess: one JSON line per seat, a join over HTTP, a kill without
a clean shutdown, `--resume` with the same codes and every acknowledged action, and a clean exit on Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import ROOT


def start(home: Path, seats: int, *args: str, stdin: int = subprocess.DEVNULL) -> tuple[subprocess.Popen, list[dict]]:
    """The headless host in a subprocess (standard input /dev/null, as under CI, unless a pipe is asked for) and
    the JSON lines it printed, one per seat."""
    env = {**os.environ, "MOSCOW1939_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "host", "--headless", "--port", "0", *args],
                            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=ROOT)
    lines = []
    for _ in range(seats):
        line = proc.stdout.readline()
        assert line, proc.stderr.read()
        lines.append(json.loads(line))
    return proc, lines


def call(url: str, path: str, body: dict | None = None, token: str = "") -> dict:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, data=data, headers=headers, method="POST" if data else "GET")
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read())


def test_the_headless_host_serves_is_killed_resumes_and_stops_on_ctrl_c(tmp_path):
    proc, seats = start(tmp_path, 2, "--seats", "ussr,britain", "--seed", "42", "--class", "7B")
    try:
        assert [s["seat"] for s in seats] == ["ussr", "britain"]
        assert all(s["url"].startswith("http://127.0.0.1:") and len(s["code"]) == 8 for s in seats)
        url, codes = seats[0]["url"], {s["seat"]: s["code"] for s in seats}
        token = call(url, "api/join", {"code": codes["ussr"]})["token"]
        step = next(a for a in call(url, "api/view", token=token)["legal"] if a["kind"] == "act")
        assert call(url, "api/act", {"action": step, "why": "acknowledged"}, token)["ok"]
        britain = call(url, "api/join", {"code": codes["britain"]})["token"]
        for seat_token in (token, britain):
            assert call(url, "api/end-turn", {}, seat_token)["ok"]
        assert "Week 2 of 19 begins" in _line_of(proc, "begins")
    finally:
        proc.kill()   # no clean shutdown
        proc.communicate(timeout=20)
    save = tmp_path / "data" / "saves" / "host-7b-42.json"
    assert save.is_file()

    proc, seats = start(tmp_path, 2, "--resume", str(save))
    try:
        assert {s["seat"]: s["code"] for s in seats} == codes
        url = seats[0]["url"]
        view = call(url, "api/view", token=token)   # the old token still holds
        assert view["seat"] == "ussr" and any(e["why"] == "acknowledged" for e in view["inbox"])
        try:
            call(url, "api/join", {"code": "AAAAAAAA"})
            raise AssertionError("a wrong code was let in")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403 and "No seat has this code" in json.loads(exc.read())["reason"]
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "stopped; the game is saved" in err


def test_the_host_command_refuses_a_new_game_without_seats_as_a_usage_error(tmp_path):
    env = {**os.environ, "MOSCOW1939_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "host", "--headless"], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 2 and "--seats" in done.stderr and done.stdout == ""


def _line_of(proc: subprocess.Popen, words: str) -> str:
    """The first line of the host's standard error that holds these words."""
    for line in proc.stderr:
        if words in line:
            return line
    raise AssertionError(f"the host never said {words!r}")


def test_a_new_host_never_overwrites_a_hosted_game_of_the_same_class_and_code(tmp_path, monkeypatch):
    """Starting the same class and code again would replace its save: the command says how to go on with it."""
    import pytest

    from game.cli.common import UsageError
    from game.cli.host import _new
    from game.cli.parser import build_parser

    monkeypatch.setenv("MOSCOW1939_HOME", str(tmp_path))
    args = build_parser().parse_args(["host", "--seats", "ussr,britain", "--class", "3b", "--seed", "467053"])
    first = _new(args)
    saved = first.save_path.read_bytes()
    with pytest.raises(UsageError, match="--resume"):
        _new(args)
    assert first.save_path.read_bytes() == saved


def test_a_second_host_on_the_same_save_is_refused_until_the_first_stops(tmp_path):
    """Two hosts on one save would each acknowledge actions the other's save drops: the second is refused."""
    import pytest

    from game.net.savelock import SaveInUse, hold

    save = tmp_path / "host-3b.json"
    first = hold(save)
    with pytest.raises(SaveInUse, match="another host is serving this game"):
        hold(save)
    first.close()
    hold(save).close()


def test_resuming_a_save_another_host_serves_exits_with_a_clear_error(tmp_path):
    home = tmp_path / "home"
    proc, _lines = start(home, 2, "--seats", "ussr,britain", "--class", "lock", "--seed", "7")
    try:
        save = next(home.rglob("host-lock-7.json"))
        env = {**os.environ, "MOSCOW1939_HOME": str(home)}
        second = subprocess.run([sys.executable, str(ROOT / "main.py"), "host", "--headless", "--port", "0",
                                 "--resume", str(save)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
        assert second.returncode == 1 and "another host is serving this game" in second.stderr
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)


def command(proc: subprocess.Popen, line: str, answer: str) -> str:
    """Type a line on the host's console; the first line of its answer (on standard error) that holds `answer`."""
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    return _line_of(proc, answer)


def test_the_teacher_pauses_a_headless_host_on_its_terminal_and_the_pause_survives_a_kill(tmp_path):
    proc, seats = start(tmp_path, 2, "--seats", "ussr,britain", "--seed", "5", "--class", "9C", "--timer", "5",
                        stdin=subprocess.PIPE)
    try:
        url = seats[0]["url"]
        for seat in seats:
            call(url, "api/join", {"code": seat["code"]})
        command(proc, "pause", "The week's timer is paused")
        paused = command(proc, "status", "Week 1 of 19").strip()
        assert paused.startswith("Week 1 of 19 · timer paused, ")
        assert command(proc, "ai germany", "No seat").strip() == "No seat 'germany': the seats are ussr, britain."
    finally:
        proc.kill()
        out, _err = proc.communicate(timeout=20)
    assert out == ""   # (standard output: only the seats' JSON lines, read above)

    save = tmp_path / "data" / "saves" / "host-9c-5.json"
    proc, again = start(tmp_path, 2, "--resume", str(save), stdin=subprocess.PIPE)
    try:
        assert [s["code"] for s in again] == [s["code"] for s in seats]
        assert command(proc, "status", "Week 1 of 19").strip() == paused
        new = command(proc, "code britain", "New join code for Britain")
        assert seats[1]["code"][:4] not in new
        proc.stdin.write("stop\n")
        proc.stdin.flush()
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0 and "Stopping: the game is saved." in err and out == ""


def test_a_host_resumed_without_its_seats_file_warns_and_prints_the_new_codes(tmp_path):
    proc, seats = start(tmp_path, 2, "--seats", "ussr,britain", "--seed", "6", "--class", "9D")
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=20)
    save = tmp_path / "data" / "saves" / "host-9d-6.json"
    (tmp_path / "data" / "saves" / "host-9d-6.seats.json").unlink()
    proc, again = start(tmp_path, 2, "--resume", str(save))
    try:
        warning = _line_of(proc, "warning")
        assert "host-9d-6.seats.json was not found" in warning and "new join code" in warning
        assert [s["seat"] for s in again] == ["ussr", "britain"]
        assert {s["code"] for s in again}.isdisjoint({s["code"] for s in seats})
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)


def test_a_headless_host_stops_the_lesson_at_its_checkpoint_and_the_next_lesson_goes_on(tmp_path):
    proc, seats = start(tmp_path, 2, "--seats", "ussr,britain", "--seed", "8", "--class", "9E",
                        "--stop", "litvinov_question")
    try:
        url = seats[0]["url"]
        tokens = [call(url, "api/join", {"code": seat["code"]})["token"] for seat in seats]
        for _week in (1, 2):
            for token in tokens:
                assert call(url, "api/end-turn", {}, token)["ok"]
        line = _line_of(proc, "the lesson stops here")
        assert "“The question of Litvinov (1–7 May)”, 3 May 1939" in line and "--resume" in line
        try:
            call(url, "api/end-turn", {}, tokens[0])
            raise AssertionError("a seat acted after the lesson stopped")
        except urllib.error.HTTPError as exc:
            assert exc.code == 409 and "The lesson stops here" in json.loads(exc.read())["reason"]
        assert call(url, "api/view")["lesson"]["stopped"]
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
    save = tmp_path / "data" / "saves" / "host-9e-8.json"
    env = {**os.environ, "MOSCOW1939_HOME": str(tmp_path)}
    refused = subprocess.run([sys.executable, str(ROOT / "main.py"), "host", "--headless", "--port", "0", "--resume",
                              str(save), "--stop", "litvinov_question"], capture_output=True, text=True, env=env,
                             cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL)
    assert refused.returncode == 1 and "the game is in week 3" in refused.stderr
    proc, again = start(tmp_path, 2, "--resume", str(save), "--stop", "missions_arrive")
    try:
        view = call(again[0]["url"], "api/view")
        assert view["lesson"] == {"stopped": False} and view["calendar"]["turn"] == 3
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
