"""`main.py handouts`: print-ready role cards, source handouts and a teacher's sheet from a scenario."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import load_or_exit


def run(args: argparse.Namespace) -> int:
    from ..export.handouts import write_handouts

    scenario = load_or_exit(args.scenario)
    try:
        written = write_handouts(scenario, Path(args.out))
    except OSError as exc:
        print(f"{args.out}: error: cannot write the handouts: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0
