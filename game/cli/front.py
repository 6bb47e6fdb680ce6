"""`main.py play` and `main.py screenshot`: the commands that need pygame (imported only here, lazily)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import UsageError, check_seats, load_or_exit


def play(args: argparse.Namespace) -> int:
    seats: tuple[str, ...] = ()
    if args.seats is not None:
        if args.load:
            raise UsageError("give --seats for a new game or --load for a saved one, not both")
        seats = check_seats(load_or_exit(args.scenario), args.seats)
    from ..ui.play import run_app

    return run_app(Path(args.scenario) if args.scenario else None, args.seed,
                   Path(args.load) if args.load else None, args.fullscreen, seats)


def screenshot(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out} is a file; give a folder for the pictures")
    load_or_exit(args.scenario)   # a scenario with errors: its located errors and exit 1, before any drawing
    from ..ui.screenshots import render_all

    for path in render_all(out, Path(args.scenario) if args.scenario else None):
        print(path)
    return 0
