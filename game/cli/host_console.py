"""The teacher's console of a headless host (`main.py host --headless`): commands typed on the host's own terminal
(its standard input), answered on its standard error. Each command is a step of `NetworkHost`, the same the host
window's console takes, so no rule is written twice; standard output keeps only the seats' JSON lines."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

HELP = """The teacher's console (type a command and Enter):
  status        each seat (joined, ended the week, played by the game), the week and the time left
  pause, go     stop the week's timer, and start it again
  ai SEAT       hand a seat to the game for now;  back SEAT  give it back to its team
  code SEAT     a new join code for a seat (its devices must join again); shown here only
  rewind WEEK   roll the game back to the start of an earlier week
  events        the events you may bring in;  inject EVENT WHY  bring one into this week, with why
  end-game now  end the game here, stopped by the teacher (the debrief can still be exported)
  stop          stop hosting (the game is saved: go on with --resume)
  help          this list
SEAT is a seat's id, its short name or its team's name."""


@dataclass(frozen=True, slots=True)
class Answer:
    """What the console says to a command, and whether the host is to stop serving."""

    text: str
    stop: bool = False


def answer(host: Any, line: str) -> Answer:
    """The console's answer to one typed line (an empty line: nothing)."""
    words = line.split()
    if not words:
        return Answer("")
    name, rest = words[0].lower(), words[1:]
    if name == "stop":
        return Answer("Stopping: the game is saved.", stop=True)
    command = COMMANDS.get(name)
    if command is None:
        return Answer(f"Unknown command {words[0]!r}: type help for the teacher's commands.")
    try:
        return Answer(command(host, rest))
    except OSError as exc:
        return Answer(f"The host could not save the game ({exc.strerror or exc}); nothing was changed.")


def _status(host: Any, _rest: list[str]) -> str:
    public = host.view(None)
    lines = [f"{public['calendar']['words']} · {_timer(host)}"]
    if public["calendar"]["over"]:
        lines.append("The game has ended; the host serves its ending.")
    if public["lesson"]["stopped"]:
        lines.append(f"The lesson has stopped at “{public['lesson']['title']}”, {public['lesson']['date']}.")
    for seat in host.seats():
        team = f" ({seat.team})" if seat.team else ""
        joined = f"{seat.devices} device{'s' if seat.devices != 1 else ''} joined" if seat.devices else "not joined"
        doing = (f"played by the game ({seat.policy})" if seat.policy else
                 "the week waits for it" if seat.waiting else "has ended the week")
        lines.append(f"  {seat.seat:<10} {seat.short}{team}: {joined}; {doing}")
    return "\n".join(lines)


def _timer(host: Any) -> str:
    clock = host.clock_state()
    if clock.seconds_left is None:
        return "no timer"
    left = f"{clock.seconds_left // 60}:{clock.seconds_left % 60:02d} left"
    if not host.started:
        left += " (it runs once every team has joined)"
    return f"timer paused, {left}" if clock.paused else f"timer {left}"


def _pause(paused: bool) -> Callable[[Any, list[str]], str]:
    def step(host: Any, _rest: list[str]) -> str:
        with host.reading() as game:
            timed = bool(game.options.turn_timer_minutes)
        if not timed:
            return "This class has no timer (give --timer MINUTES when the game starts)."
        host.pause(paused)
        return f"The week's timer is {'paused' if paused else 'running'}: {_timer(host)}."
    return step


def _seat(host: Any, rest: list[str]) -> Any:
    """The seat a command names (ValueError says which seats there are)."""
    named = " ".join(rest).strip().lower()
    seats = host.seats()
    for seat in seats:
        if named and named in (seat.seat.lower(), seat.short.lower(), seat.team.lower()):
            return seat
    listed = ", ".join(s.seat for s in seats)
    raise ValueError(f"No seat {' '.join(rest)!r}: the seats are {listed}." if named else
                     f"Name a seat: {listed}.")


def _seat_step(hand: bool) -> Callable[[Any, list[str]], str]:
    def step(host: Any, rest: list[str]) -> str:
        try:
            seat = _seat(host, rest)
        except ValueError as exc:
            return str(exc)
        done = host.hand_to_ai(seat.seat) if hand else host.give_back(seat.seat)
        return done["result"]["confirmation"] if done["ok"] else done["reason"]
    return step


def _code(host: Any, rest: list[str]) -> str:
    try:
        seat = _seat(host, rest)
    except ValueError as exc:
        return str(exc)
    code = host.revoke(seat.seat)
    return f"New join code for {seat.short}: {code[:4]} {code[4:]} (its devices must join again with it)."


def _rewind(host: Any, rest: list[str]) -> str:
    if len(rest) != 1 or not rest[0].isdigit():
        return "Give the week to roll back to, as a number: rewind 3."
    try:
        host.rewind(int(rest[0]))
    except ValueError as exc:
        return f"Cannot roll back to week {rest[0]}: {exc}."
    return f"Rolled back to the start of {host.view(None)['calendar']['words'].lower()}."


def _end_game(host: Any, rest: list[str]) -> str:
    if rest != ["now"]:
        return "Ending the game stops every seat for good. To end it here, type: end-game now"
    done = host.teacher("stop")
    return "The game has ended here, stopped by the teacher." if done["ok"] else done["reason"]


def _events(host: Any, _rest: list[str]) -> str:
    from ..engine.facilitator import ConsoleView

    with host.reading() as game:
        found = ConsoleView(game).events()
    if not found:
        return "The scenario names no event a teacher may bring in."
    return "\n".join(f"  {e.id:<24} {e.title}" + (f" (not now: {e.refusal})" if e.refusal else "") for e in found)


def _inject(host: Any, rest: list[str]) -> str:
    if not rest:
        return "Name the event and say why: inject EVENT WHY (events lists them)."
    done = host.teacher("inject", rest[0], "", " ".join(rest[1:]))
    return done["result"]["confirmation"] if done["ok"] else done["reason"]


COMMANDS: dict[str, Callable[[Any, list[str]], str]] = {
    "help": lambda _host, _rest: HELP, "status": _status, "pause": _pause(True), "go": _pause(False),
    "ai": _seat_step(True), "back": _seat_step(False), "code": _code, "rewind": _rewind, "end-game": _end_game,
    "events": _events, "inject": _inject,
}


def listen(host: Any, stop: Callable[[], None], out: TextIO, fd: int = 0) -> threading.Thread:
    """Read commands from the file descriptor in a thread of its own (the server never waits for the teacher);
    each answer goes to `out`. When the input ends (closed, or /dev/null under CI) the console ends quietly;
    `stop` is called (from this thread) when the teacher types stop."""
    thread = threading.Thread(target=_read, args=(host, stop, out, fd), name="teacher-console", daemon=True)
    thread.start()
    return thread


def _read(host: Any, stop: Callable[[], None], out: TextIO, fd: int) -> None:
    pending = b""
    while True:
        try:
            chunk = os.read(fd, 4096)   # (unbuffered: no lock of sys.stdin held when the process ends)
        except OSError:
            return
        if not chunk:
            return
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            said = answer(host, line.decode("utf-8", "replace"))
            if said.text:
                print(said.text, file=out, flush=True)
            if said.stop:
                stop()
                return
