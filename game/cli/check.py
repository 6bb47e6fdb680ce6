"""`main.py check`: validate scenario files."""

from __future__ import annotations

import argparse

from ..scenario import check_scenario
from .terminal import json_text, takes_utf8


def run(args: argparse.Namespace) -> int:
    results = []
    valid_all = True
    for path in args.scenarios:
        scenario, report = check_scenario(path)
        valid_all &= scenario is not None
        results.append({
            "path": path,
            "valid": scenario is not None,
            "errors": [d.to_json() for d in report.errors],
            "warnings": [d.to_json() for d in report.warnings],
            "counts": scenario.counts() if scenario else {},
        })
        if not args.json:
            for diagnostic in report.items:
                print(diagnostic)
            if scenario is not None:
                counts = ", ".join(f"{n} {k}" for k, n in scenario.counts().items())
                print(f"{path}: ok ({counts})")
    if args.json:
        print(json_text(results, takes_utf8()))
    return 0 if valid_all else 1
