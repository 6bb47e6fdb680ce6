"""Generated scenarios at the edges of what `check` accepts, for the hostile-file tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

START = dt.date(1939, 4, 17)


def minimal() -> dict[str, Any]:
    """The smallest valid scenario: one power, no offers, meters, events or actions; it ends at the deadline."""
    return {
        "format": 1, "id": "edge", "title": "Edge", "calendar": {"start": START, "end": START + dt.timedelta(days=48)},
        "player": "red",
        "powers": [{"id": "red", "name": "Red", "leader": {"name": "L"}, "foreign_minister": {"name": "M"}}],
        "outcomes": [{"id": "alone", "title": "Alone", "deadline": True}],
    }


def no_offers() -> dict[str, Any]:
    """A meter, an action and a question, but nothing to negotiate."""
    sc = minimal()
    sc["meters"] = [{"id": "calm", "name": "Calm", "start": 50, "drift": -1, "power": "red"}]
    sc["actions"] = [{"id": "speak", "power": "red", "name": "Speak", "effects": [{"meter": {"id": "calm", "add": 2}}]}]
    sc["events"] = [{"id": "ask", "title": "A question", "date": START, "text": "Well?",
                     "choices": [{"id": "yes", "text": "Yes."}, {"id": "no", "text": "No.", "default": True}]}]
    return sc


def over_at_once() -> dict[str, Any]:
    """An outcome that holds before the first week is played: the game is over when it starts."""
    sc = minimal()
    sc["outcomes"].insert(0, {"id": "at_once", "title": "At once", "when": {"turn": {"min": 1}}})
    return sc


def one_week() -> dict[str, Any]:
    """A calendar of a single turn."""
    sc = no_offers()
    sc["calendar"]["end"] = START + dt.timedelta(days=1)
    return sc


CASES = {"minimal": minimal, "no_offers": no_offers, "over_at_once": over_at_once, "one_week": one_week}


def write(path: Path, scenario: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(scenario, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
