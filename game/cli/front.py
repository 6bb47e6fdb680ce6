"""`main.py play` and `main.py screenshot`: the commands that need pygame (imported only here, lazily)."""

from __future__ import annotations

import argparse
from pathlib import Path


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
