"""`main.py schema`: print the JSON Schema of the scenario format."""

from __future__ import annotations

import argparse
import json

from ..scenario.schema import json_schema


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the scenario format",
                       description="Print the JSON Schema of the scenario format (also in schema/scenario.schema.json).")
    p.set_defaults(run=run)


def render() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    print(render(), end="")
    return 0
