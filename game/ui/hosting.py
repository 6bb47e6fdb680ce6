"""Hosting a class's network game from the window: the host (`game.net.host.NetworkHost`) is the one authority,
the web server runs in a thread of its own, and this window is the projector's public view and, behind F9 and the
PIN, the teacher's console.

The window never waits for the network. The host's notices come from the server's thread and only set a flag,
which the loop reads each frame (`poll`); the window reads the game while it holds the host's lock (`holding`,
around a frame in `App.step`), so a seat's action never lands in the middle of a frame; and every step the
teacher takes goes through the host, which logs it, saves the game and tells the seats.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import Any

from .wording import HOSTING

LOOPBACK, EVERYWHERE = "127.0.0.1", "0.0.0.0"
PORT = 8039


@dataclass(frozen=True, slots=True)
class SeatLine:
    """A seat as the projector shows it."""

    power: str
    short: str
    team: str
    code: str
    joined: bool        # a device holds a token of this seat
    finished: bool      # the week no longer waits for it
    by_game: bool       # the teacher handed it to the game
    reissued: bool      # the teacher gave it a new code, which only the console shows


class HostLink:
    """The window's hold on a host and its server (`.url`, `.stop()`): the notices it sent since the last frame.
    owned: the window stops the server when it leaves the hosted game (for the title, or closing); held: the lock
    on the hosted save (`net.savelock`), let go then too. The class set-up and `main.py host` both hand them over."""

    def __init__(self, host: Any, server: Any, owned: bool = True, held: Any = None):
        self.host, self.server, self.owned, self.held = host, server, owned, held
        self.url: str = server.url
        self.changed = threading.Event()
        self.lesson_shown = False   # the lesson's end is on the window (the host stopped at its checkpoint)
        self.show_codes = False   # the console's choice: the first codes of seats that joined on the projector again
        self.unsubscribe = host.subscribe(lambda _notice: self.changed.set())

    def seats(self) -> list[SeatLine]:
        return [SeatLine(s.seat, s.short, s.team, s.code, s.devices > 0, not s.waiting, bool(s.policy), s.reissued)
                for s in self.host.seats()]

    def public(self) -> dict[str, Any]:
        """The public view, as a watcher without a seat is sent it (news to all, gauges all are shown, treaties
        signed)."""
        return self.host.view(None)

    def clock(self) -> tuple[int | None, bool]:
        """The seconds left in the week (None: no timer) and whether the timer is paused."""
        state = self.host.clock_state()
        return state.seconds_left, state.paused

    def stop(self) -> None:
        """Stop serving (the game stays saved: `host --resume` goes on from it)."""
        self.unsubscribe()
        if self.owned:
            self.server.stop()
        self.host.close()   # (the week's time used is kept for a resumed host)
        if self.held is not None:
            self.held.close()
            self.held = None


def grouped(code: str) -> str:
    """A join code in groups of four, easier to read out and to type."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def holding(app: Any) -> Any:
    """The host's lock while the window handles a frame (nothing, for a game at one window)."""
    return app.host.host.reading() if app.host is not None else contextlib.nullcontext()


def poll(app: Any) -> None:
    """Each frame: run out the week's time, follow the host's game after a seat acted, and redraw when the seats,
    the week or the seconds shown changed."""
    link = app.host
    if link is None:
        return
    link.host.tick()
    follow(app)   # (the host rolled back or rewound)
    if not link.lesson_shown and link.host.lesson_stop() is not None:   # (the seats reached the lesson's stop)
        from . import teaching

        teaching.lesson_ends(app, link.host.since_week)
        return
    if link.changed.is_set():
        link.changed.clear()
        app.invalidate()
    elif app.top_is("host") and app.top.clock != link.clock():
        app.dirty = True


def start(app: Any, request: Any) -> None:
    """The class set-up asked for a hosted game: make it (or go on with the one of its class and code saved
    already, after a question), hold its save as `main.py host` does, serve it, and show the host's screen."""
    from dataclasses import replace

    from ..net.savelock import SaveExists, SaveInUse, discard
    from ..scenario import ScenarioError

    try:
        host, held = resumed(request) if request.resume is not None else made(request)
    except SaveExists as exc:
        app.open("confirm", title=HOSTING["saved_title"], text=HOSTING["saved_text"].format(save=exc.save_path),
                 yes=HOSTING["go_on"], request=replace(request, resume=exc.save_path))
        return
    except (SaveInUse, ScenarioError, ValueError) as exc:
        app.notify(HOSTING["not_hosted"].format(why=exc), "bad", 10.0)
        return
    try:
        server = serve(host, EVERYWHERE if request.join == "network" else LOOPBACK)
    except OSError as exc:
        if request.resume is None:   # (a new game no team has seen: the same set-up starts it afresh)
            discard(host, held)
        else:
            held.close()
        app.notify(HOSTING["no_port"].format(port=PORT, why=exc.strerror or exc), "bad", 8.0)
        return
    show(app, host, server, held=held)


def made(request: Any) -> tuple[Any, Any]:
    """A new game of the set-up's seats and options, its host and the lock on its save (`net.savelock.new_host`)."""
    from ..engine import Game
    from ..net.savelock import new_host
    from ..paths import DEFAULT_SCENARIO
    from .session import read_scenario
    from .settings import saves_dir

    scenario = read_scenario(request.scenario_path or DEFAULT_SCENARIO)
    game = Game.new(scenario, seed=request.seed, humans=request.seats, options=request.options)
    return new_host(game, saves_dir())


def resumed(request: Any) -> tuple[Any, Any]:
    """The hosted game of the set-up's class and code, saved already, gone on with as `main.py host --resume` does
    (its own seats, options and join codes), and the lock on its save."""
    from ..net.host import NetworkHost
    from ..net.savelock import hold
    from ..paths import DEFAULT_SCENARIO
    from .session import read_scenario

    held = hold(request.resume)
    try:
        return NetworkHost.resume(request.resume, read_scenario(request.scenario_path or DEFAULT_SCENARIO)), held
    except BaseException:
        held.close()
        raise


def serve(host: Any, bind: str) -> Any:
    """The host's web server, started in a thread of its own (OSError if the port is taken)."""
    from ..net.server import start_in_thread

    return start_in_thread(host, bind=bind, port=PORT)


def show(app: Any, host: Any, server: Any, owned: bool = True, held: Any = None) -> None:
    """Put a hosted game on the window: its session (no seat at this window) and the host's screen; held: the lock
    on its save, let go when the window stops serving it."""
    from .session import Session

    stop(app)
    app.host = HostLink(host, server, owned, held)
    with host.reading() as game:
        app.session = Session(game.scenario, game, game.seats[0])
    app.stack = []
    app.open("host")
    if host.warning:   # (e.g. a resumed game whose join codes had to be made anew)
        app.notify(host.warning, "bad", 20.0)


def stop(app: Any) -> None:
    """Stop serving the hosted game, if there is one (leaving it, or quitting)."""
    if app.host is not None:
        app.host.stop()
        app.host = None


# ---------------------------------------------------------------------- the teacher's steps, through the host
def teacher_step(app: Any, action: Any) -> Any:
    """A teacher's step (inject, seat, stop) taken by the host; the window's session follows its game."""
    from ..engine.actions import Result

    answer = app.host.host.teacher(action.kind, action.target, action.option, action.why)
    follow(app)
    return Result(bool(answer.get("ok")), answer.get("reason", ""))


def rewind(app: Any, week: int) -> None:
    """Roll the hosted game back to the start of a week (every seat's view goes back with it)."""
    app.host.host.rewind(week)
    follow(app)


def revoke(app: Any, power: str) -> None:
    """Cancel a seat's code and tokens; the new code is shown in the console alone (the projector's card says only
    that the seat has a new code), for the teacher to tell its team quietly."""
    code = app.host.host.revoke(power)
    app.invalidate()
    app.open("console_code", power=power, code=code)


def toggle_codes(app: Any) -> None:
    """The console's Show/Hide on the projector the codes of seats that joined (never a new code)."""
    app.host.show_codes = not app.host.show_codes
    app.invalidate()


def toggle_clock(app: Any) -> None:
    """The console's Pause/Resume of the week's timer."""
    app.host.host.pause(not app.host.clock()[1])


def follow(app: Any) -> None:
    """The window's session goes on with the host's game (a step replaces it when it rolls back or rewinds)."""
    game = app.host.host.game
    if app.session is not None and app.session.game is not game:
        app.session.adopt(app.session.scenario, game)
