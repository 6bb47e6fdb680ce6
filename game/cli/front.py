"""`main.py play` and `main.py screenshot`: the commands that need pygame (imported only here, lazily)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..engine.classroom import MAX_PIN, MAX_TIMER, ClassOptions
from ..scenario.model import Scenario
from ..scenario.spec import suggest
from .common import UsageError, check_seats, load_or_exit

CLASS_FLAGS = {"class_name": "--class", "teams": "--teams", "pin": "--pin", "timer": "--timer", "start": "--start",
               "stop": "--stop",
               "hide_odds": "--hide-odds", "hide_consequences": "--hide-consequences",
               "require_reason": "--require-reason"}


def play(args: argparse.Namespace) -> int:
    seats: tuple[str, ...] = ()
    options = None
    if args.seats is not None:
        if args.load:
            raise UsageError("give --seats for a new game or --load for a saved one, not both")
        sc = load_or_exit(args.scenario)
        seats = check_seats(sc, args.seats)
        options = class_options(args, seats)
        check_lesson(sc, options.start, options.stop)
    else:
        given = [flag for attr, flag in CLASS_FLAGS.items() if getattr(args, attr) not in (None, False)]
        if given:
            raise UsageError(f"{given[0]} is an option of a class game: give --seats too")
    from ..ui.play import run_app

    return run_app(Path(args.scenario) if args.scenario else None, args.seed,
                   Path(args.load) if args.load else None, args.fullscreen, seats, options)


def class_options(args: argparse.Namespace, seats: tuple[str, ...]) -> ClassOptions:
    """The class options the flags give (UsageError if a value is wrong)."""
    teams = [t.strip() for t in args.teams.split(",")] if args.teams else []
    if len(teams) > len(seats):
        raise UsageError(f"--teams names {len(teams)} teams for {len(seats)} seats")
    pin = (args.pin or "").strip()
    if pin and not (pin.isascii() and pin.isdigit() and len(pin) <= MAX_PIN):
        raise UsageError(f"--pin must be up to {MAX_PIN} digits")
    if not 0 <= (args.timer or 0) <= MAX_TIMER:
        raise UsageError(f"--timer must be from 0 to {MAX_TIMER} minutes")
    return ClassOptions.typed(args.class_name or "", dict(zip(seats, teams, strict=False)), pin=pin,
                              hide_odds=args.hide_odds, hide_consequences=args.hide_consequences,
                              require_reason=args.require_reason, turn_timer_minutes=args.timer or 0,
                              start=args.start, stop=args.stop)


def check_lesson(sc: Scenario, start: str | None, stop: str | None) -> None:
    """The checkpoints a lesson starts and stops at are the scenario's, the stop after the start (UsageError)."""
    from ..engine.checkpoints import week_of

    known = [c.id for c in sc.checkpoints]
    for flag, point in (("--start", start), ("--stop", stop)):
        if point is not None and point not in known:
            raise UsageError(f"{flag}: the scenario has no checkpoint {point!r}" + suggest(point, known) +
                             (f" (its checkpoints: {', '.join(known)})" if known else " (it names none)"))
    if start and stop and week_of(sc, stop) <= week_of(sc, start):
        raise UsageError(f"--stop {stop} comes no later than --start {start}")


def screenshot(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out} is a file; give a folder for the pictures")
    load_or_exit(args.scenario)   # a scenario with errors: its located errors and exit 1, before any drawing
    from ..ui.screenshots import render_all

    for path in render_all(out, Path(args.scenario) if args.scenario else None):
        print(path)
    return 0
