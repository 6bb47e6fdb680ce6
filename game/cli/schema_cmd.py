"""`main.py schema`: print the JSON Schema of the scenario format."""

from __future__ import annotations

import argparse
import json

from ..scenario.schema import json_schema


def render() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    print(render(), end="")
    return 0
