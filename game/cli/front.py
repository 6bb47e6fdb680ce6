"""`main.py play` and `main.py screenshot`: the commands that need pygame (imported only here, lazily)."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("play", help="play in a window (the default command)",
                       description="Play a scenario in a window.")
    p.add_argument("scenario", nargs="?", help="scenario file (default: scenarios/1939.yaml)")
    p.add_argument("--seed", type=int, help="random seed (default: a new one)")
    p.add_argument("--load", help="a save file to continue")
    p.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    p.set_defaults(run=play)
    s = sub.add_parser("screenshot", help="render every screen to PNG without a display",
                       description="Render every screen with a representative state to PNG files.")
    s.add_argument("scenario", nargs="?", help="scenario file (default: scenarios/1939.yaml)")
    s.add_argument("--out", default="screenshots", help="output folder (default: screenshots)")
    s.set_defaults(run=screenshot)


def play(args: argparse.Namespace) -> int:
    from ..ui.app import run_app

    return run_app(Path(args.scenario) if args.scenario else None, args.seed,
                   Path(args.load) if args.load else None, args.fullscreen)


def screenshot(args: argparse.Namespace) -> int:
    from ..ui.screenshots import render_all

    paths = render_all(Path(args.out), Path(args.scenario) if args.scenario else None)
    for path in paths:
        print(path)
    return 0
