"""`main.py check`: validate scenario files."""

from __future__ import annotations

import argparse
import json

from ..scenario import check_scenario


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
        print(json.dumps(results, indent=2))
    return 0 if valid_all else 1
