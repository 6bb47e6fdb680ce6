"""`main.py host`: serve a class's game to the teams' own devices (docs/NETWORK.md)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import sys
from pathlib import Path
from typing import BinaryIO, NoReturn

from .common import UsageError, check_seats, load_or_exit
from .front import CLASS_FLAGS, check_lesson, class_options
from .host_console import listen

_HELD: list[BinaryIO] = []   # the hosted save's lock, held until the process ends


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise UsageError("--port must be from 0 to 65535 (0: any free port)")
    host = _resume(args) if args.resume else _new(args)
    from ..net.server import serve, url_of

    if not args.headless:
        return _window(host, args)
    host.subscribe(_progress(host))

    def ready(port: int) -> None:
        url = url_of(args.bind, port)
        _tell_autosave(host)
        for status in host.seats():
            print(json.dumps({"seat": status.seat, "code": status.code, "url": url}), flush=True)
        print(f"main.py host: serving {url} (Ctrl-C stops; every action is saved as it is taken)",
              file=sys.stderr, flush=True)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, AttributeError, ValueError):   # (not on Windows)
                loop.add_signal_handler(sig, stop.set)

        def ready_for_the_teacher(port: int) -> None:
            ready(port)
            if os.isatty(0):
                print("main.py host: the teacher's console: type help and Enter on this terminal", file=sys.stderr,
                      flush=True)
            listen(host, lambda: loop.call_soon_threadsafe(stop.set), sys.stderr)

        await serve(host, args.bind, args.port, ready_for_the_teacher, stop)

    try:
        asyncio.run(main())
    except OSError as exc:
        return _cannot_serve(args, host, exc)
    except KeyboardInterrupt:
        pass
    host.close()
    print("main.py host: stopped; the game is saved.", file=sys.stderr)
    return 0


def _progress(host):
    """What the teacher at a headless host is told on standard error: each new week, and the ending."""
    said = {"turn": host.turn, "over": False, "stopped": False}

    def tell(notice: dict) -> None:
        if notice.get("type") != "changed":
            return
        if notice["turn"] != said["turn"] and not notice["over"]:
            said["turn"] = notice["turn"]
            words = host.view(None)["calendar"]["words"]
            print(f"main.py host: {words} begins", file=sys.stderr, flush=True)
        if notice["over"] and not said["over"]:
            said["over"] = True
            outcome = host.view(None)["calendar"]["outcome"]
            print(f"main.py host: the game has ended ({outcome}); the host goes on serving so that every team can "
                  "read its ending; Ctrl-C stops it", file=sys.stderr, flush=True)
        lesson = host.view(None)["lesson"]
        if lesson["stopped"] and not said["stopped"]:
            print(f"main.py host: the lesson stops here, at “{lesson['title']}”, {lesson['date']}: the seats can no "
                  f"longer act. Next lesson, go on with --resume {host.save_path} (and --stop CHECKPOINT for its "
                  "end); Ctrl-C stops the host", file=sys.stderr, flush=True)
        said["stopped"] = lesson["stopped"]
    return tell


def _new(args: argparse.Namespace):
    from ..engine.game import Game
    from ..net.savelock import SaveExists, SaveInUse, new_host
    from ..ui.settings import saves_dir  # (folders only: no pygame)

    if not args.seats:
        raise UsageError("give --seats for a new class game (or --resume SAVE to go on with one)")
    sc = load_or_exit(args.scenario)
    seats = check_seats(sc, args.seats)
    options = class_options(args, seats)
    check_lesson(sc, options.start, options.stop)
    seed = args.seed if args.seed is not None else random.randrange(1, 1_000_000)
    game = Game.new(sc, seed=seed, humans=seats, options=options)
    try:
        host, held = new_host(game, saves_dir())
    except SaveExists as exc:
        raise UsageError(f"{exc}: go on with it with --resume {exc.save_path}, or give another --class or "
                         "--seed") from None
    except SaveInUse as exc:
        _in_use(exc)
    _HELD.append(held)
    return host


def _hold(save: Path) -> None:
    """Hold the save for as long as this process serves it (a second host on it is refused)."""
    from ..net.savelock import SaveInUse, hold

    try:
        _HELD.append(hold(save))
    except SaveInUse as exc:
        _in_use(exc)


def _tell_autosave(host) -> None:
    """Once it serves: where the game saves itself after every step (a host stopped or crashed goes on from it)."""
    print(f"main.py host: autosave: {host.save_path} (continue with --resume)", file=sys.stderr, flush=True)


def _cannot_serve(args: argparse.Namespace, host, exc: OSError) -> int:
    """The port cannot be served (taken, or not this computer's): say so; a new game no team has seen goes, so
    that the same command on another port starts it afresh."""
    from ..net.savelock import discard

    print(f"main.py host: error: cannot serve on {args.bind}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
    if not args.resume:
        discard(host, _HELD.pop())
    return 1


def _in_use(exc: Exception) -> NoReturn:
    print(f"main.py host: error: {exc}", file=sys.stderr)
    raise SystemExit(1) from None


def _resume(args: argparse.Namespace):
    from ..engine.saves import scenario_of
    from ..net.host import NetworkHost
    from ..scenario import ScenarioError

    chosen = {attr: flag for attr, flag in CLASS_FLAGS.items() if attr != "stop"}
    given = [flag for attr, flag in {**chosen, "seats": "--seats", "seed": "--seed"}.items()
             if getattr(args, attr) not in (None, False)]
    if given:
        raise UsageError(f"{given[0]} is chosen when a game starts: --resume goes on with the saved one")
    save = Path(args.resume)
    if save.is_file():
        _hold(save)
    try:
        _sid, stored, _sha = scenario_of(save)
        sc = load_or_exit(args.scenario or stored)
        check_lesson(sc, None, args.stop)
        host = NetworkHost.resume(save, sc, stop=args.stop)
    except ScenarioError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic, file=sys.stderr)
        raise SystemExit(1) from None
    except ValueError as exc:
        print(f"{save}: error: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    if host.warning:
        print(f"main.py host: warning: {host.warning}", file=sys.stderr, flush=True)
    return host


def _window(host, args: argparse.Namespace) -> int:
    """The host window (the teacher's screen): the address, the codes, the public view and the console."""
    from ..net.server import start_in_thread
    from ..ui.play import play_hosted

    try:
        server = start_in_thread(host, args.bind, args.port)
    except OSError as exc:
        return _cannot_serve(args, host, exc)
    _tell_autosave(host)
    try:
        return play_hosted(host, server, _HELD.pop() if _HELD else None)
    finally:
        server.stop()
