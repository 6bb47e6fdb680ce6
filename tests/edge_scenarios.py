"""Generated scenarios at the edges of what `check` accepts, for the hostile-file tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from game.scenario.growth import MAX_LOG_ENTRIES
from game.scenario.spec import LAST_DATE as LAST
from game.scenario.spec import LIST_LIMIT, MAX_TURNS
from game.scenario.spec import NUMBER_LIMIT as LIMIT

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


def extreme_numbers() -> dict[str, Any]:
    """Every number at the edge of its range, an offer included; the historical policy plays another power."""
    sc = no_offers()
    sc["powers"].append({"id": "blue", "name": "Blue", "leader": {"name": "L"}, "foreign_minister": {"name": "M"},
                         "trust": {"red": 100}, "actions_per_turn": 20, "reply_weeks": 0})
    sc["powers"][0]["trust"] = {"blue": 0}
    sc["meters"] = [
        {"id": "calm", "name": "Calm", "min": -LIMIT, "max": LIMIT, "start": LIMIT, "drift": -100, "power": "red"},
        {"id": "tiny", "name": "Tiny", "min": -LIMIT, "max": -LIMIT + 0.001, "start": -LIMIT, "drift": 100},
    ]
    sc["actions"][0]["effects"] = [{"meter": {"id": "calm", "add": -LIMIT}}, {"meter": {"id": "tiny", "set": LIMIT}}]
    sc["offers"] = [{
        "id": "pact", "name": "Pact", "parties": ["red", "blue"], "open": True, "spread": 1000,
        "clauses": [{"id": "all", "name": "All", "default": True, "values": {"red": 1000, "blue": -1000}}],
        "ai": {"blue": {"threshold": -LIMIT, "trust_weight": 10, "urgency": "calm", "urgency_weight": -10,
                        "counter_min": LIMIT}},
    }]
    sc["policies"] = [{"id": "historical", "power": "blue", "respond": "accept"}]   # not the player's
    return sc


def longest_calendar() -> dict[str, Any]:
    """As many turns as a calendar may have, a day each, with something happening every day."""
    sc = extreme_numbers()
    start = LAST - dt.timedelta(days=MAX_TURNS - 1)
    sc["calendar"] = {"start": start, "end": LAST, "turn_days": 1}
    sc["events"][0]["date"] = start
    sc["events"].append({"id": "daily", "title": "Another day", "when": {"turn": {"min": 1}}, "repeat": True,
                         "text": "Nothing changes.", "effects": [{"meter": {"id": "calm", "add": 1}}]})
    return sc


def busiest() -> dict[str, Any]:
    """A long calendar with as many repeating events as the log's limit allows."""
    sc = longest_calendar()
    per_event = MAX_TURNS * 3   # each fires every turn: its own entry and its one effect (counted twice)
    room = MAX_LOG_ENTRIES - log_entries(sc)
    sc["events"] += [{"id": f"echo_{i}", "title": f"Echo {i}", "when": {"turn": {"min": 1}}, "repeat": True,
                      "text": "Again.", "effects": [{"message": {"title": "Again", "text": f"Echo {i}."}}]}
                     for i in range(room // per_event)]
    return sc


def crowded() -> dict[str, Any]:
    """Every list of the scenario as long as the format allows (the texts short, to stay within the file limit),
    a question with as many options as it may have."""
    sc = no_offers()
    sc["events"][0]["choices"] = [{"id": f"option_{i}", "text": f"Option {i}: " + "a reason " * 20}
                                  for i in range(LIST_LIMIT)]
    person = {"name": "L"}
    sc["powers"] += [{"id": f"power_{i}", "name": f"Power {i}", "leader": person, "foreign_minister": person}
                     for i in range(1, most("powers"))]
    powers = [p["id"] for p in sc["powers"]]
    sc["meters"] += [{"id": f"gauge_{i}", "name": f"Gauge {i}", "start": i, "drift": 1, "power": powers[i % len(powers)]}
                     for i in range(1, most("meters"))]
    sc["territories"] = [{"id": f"land_{i}", "name": f"Land {i}", "owner": powers[i % len(powers)]}
                         for i in range(most("territories"))]
    sc["perspectives"] = [{"id": f"view_{i}", "name": f"View {i}"} for i in range(most("perspectives"))]
    sc["sources"] = [{"id": f"card_{i}", "kind": "document", "title": f"Card {i}", "author": "A", "date": START,
                      "perspective": "view_0", "text": "A text.", "reference": "R", "unlocked": True}
                     for i in range(most("sources"))]
    clauses = [{"id": f"clause_{i}", "name": f"Clause {i}", "values": {"red": i - 50}} for i in range(most("clauses"))]
    sc["offers"] = [{"id": f"offer_{i}", "name": f"Offer {i}", "parties": ["red", powers[1 + i % (len(powers) - 1)]],
                     "open": True, "clauses": clauses} for i in range(most("offers"))]
    sc["actions"] += [{"id": f"act_{i}", "power": powers[i % len(powers)], "name": f"Act {i}", "once": True,
                       "effects": [{"meter": {"id": "calm", "add": 1}}]} for i in range(1, most("actions"))]
    sc["events"] += [{"id": f"news_{i}", "title": f"News {i}", "date": START, "text": "News."}
                     for i in range(1, most("events"))]
    return sc


def most(section: str) -> int:
    """How many items the format allows in a top-level list (or, for clauses, in an offer's)."""
    from game.scenario.format import OFFER, SCENARIO

    struct = OFFER if section == "clauses" else SCENARIO
    return struct.by_key[section].type.max_items


def log_entries(sc: dict[str, Any]) -> int:
    """What `check` counts as the most log entries a game of this scenario can write."""
    import dataclasses

    from game.scenario.growth import log_bound
    from game.scenario.loader import check_data

    scenario, report = check_data(dump(sc).encode(), "edge.yaml")
    assert scenario is not None, report.errors
    return log_bound({f.name: getattr(scenario, f.name) for f in dataclasses.fields(scenario)})


# the cases a front end must show; `busiest` has the longest calendar
CASES = {"no_offers": no_offers, "over_at_once": over_at_once, "one_week": one_week,
         "extreme_numbers": extreme_numbers, "busiest": busiest, "crowded": crowded}


def dump(scenario: dict[str, Any]) -> str:
    return yaml.dump(scenario, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                     allow_unicode=True)


def write(path: Path, scenario: dict[str, Any]) -> Path:
    path.write_text(dump(scenario), encoding="utf-8")
    return path
