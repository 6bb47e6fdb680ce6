"""Numbers, dates, lists and the length of a game are bounded by the format: beyond a bound, `check` refuses
the file with a located error; at the bound, it accepts it (issue 15, item 5). The scenarios are generated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from game.scenario.growth import MAX_LOG_ENTRIES
from game.scenario.loader import check_data
from game.scenario.spec import FIRST_DATE, LAST_DATE, LIST_LIMIT, MAX_TURNS, NUMBER_LIMIT
from tests import edge_scenarios as edge

Edit = Callable[[dict[str, Any]], None]


def check(sc: dict[str, Any]) -> tuple[str, list]:
    text = edge.dump(sc)
    scenario, report = check_data(text.encode(), "edge.yaml")
    assert (scenario is None) == bool(report.errors)
    return text, report.errors


def set_in(path: str, value: Any) -> Edit:
    """An edit that sets the value at a dotted path (list items by index) of the extreme_numbers scenario."""
    def edit(sc: dict[str, Any]) -> None:
        *parents, last = [int(k) if k.isdigit() else k for k in path.split(".")]
        node = sc
        for key in parents:
            node = node[key]
        node[last] = value
    return edit


BEYOND: dict[str, tuple[Edit, str]] = {
    "meter min -1e308": (set_in("meters.0.min", -1e308), "-1e+308 is out of range"),
    "meter max 10**400": (set_in("meters.0.max", 10 ** 400), "a number of 401 digits is out of range"),
    "meter start beyond": (set_in("meters.0.start", NUMBER_LIMIT + 1), "1000001 is out of range"),
    "effect add beyond": (set_in("actions.0.effects.0.meter.add", -NUMBER_LIMIT - 0.5), "out of range"),
    "threshold 1e300": (set_in("offers.0.ai.blue.threshold", 1e300), "1e+300 is out of range"),
    "counter_min beyond": (set_in("offers.0.ai.blue.counter_min", -2 * NUMBER_LIMIT), "out of range"),
    "nan": (set_in("meters.0.drift", float("nan")), "finite"),
    "calendar to 9999-12-31": (set_in("calendar.end", dt.date(9999, 12, 31)), "9999-12-31 is out of range"),
    "calendar from 1799": (set_in("calendar.start", FIRST_DATE - dt.timedelta(days=1)), "1799-12-31 is out of range"),
    "event dated 2101": (set_in("events.0.date", LAST_DATE + dt.timedelta(days=1)), "2101-01-01 is out of range"),
    "turn condition beyond": (set_in("outcomes.0.when", {"turn": {"min": MAX_TURNS + 1}}), "out of range (1..500)"),
}


@pytest.mark.parametrize("case", list(BEYOND))
def test_a_value_beyond_its_bound_is_refused_where_it_stands(case):
    edit, message = BEYOND[case]
    sc = edge.extreme_numbers()
    sc["outcomes"].insert(0, {"id": "soon", "title": "Soon", "when": {"turn": {"min": 2}}})
    edit(sc)
    text, errors = check(sc)
    assert any(message in e.message for e in errors), errors
    located = next(e for e in errors if message in e.message)
    assert 1 < located.line <= text.count("\n")


def test_values_at_their_bounds_are_accepted():
    assert check(edge.extreme_numbers())[1] == []


def turns_calendar(turns: int, turn_days: int = 1) -> dict[str, Any]:
    sc = edge.minimal()
    sc["calendar"] = {"start": FIRST_DATE, "end": FIRST_DATE + dt.timedelta(days=turns * turn_days - 1),
                      "turn_days": turn_days}
    return sc


@pytest.mark.parametrize("turn_days", [1, 7])
def test_a_calendar_of_the_most_turns_is_accepted_one_more_is_refused(turn_days):
    assert check(turns_calendar(MAX_TURNS, turn_days))[1] == []
    text, errors = check(turns_calendar(MAX_TURNS + 1, turn_days))
    assert [e.message for e in errors] == [f"the calendar has {MAX_TURNS + 1} turns of {turn_days} day(s); "
                                           f"the limit is {MAX_TURNS}"]
    assert text.splitlines()[errors[0].line - 1].strip().startswith("end:")


def test_a_calendar_of_3_6_million_weeks_is_refused_quickly():
    sc = edge.minimal()
    sc["calendar"] = {"start": FIRST_DATE, "end": LAST_DATE, "turn_days": 1}
    errors = check(sc)[1]
    assert len(errors) == 1 and "the limit is 500" in errors[0].message


LISTS: dict[str, Callable[[int], list]] = {
    "meters": lambda n: [{"id": f"gauge_{i}", "name": "Gauge", "start": 0} for i in range(n)],
    "powers": lambda n: [{"id": "red" if i == 0 else f"power_{i}", "name": "P", "leader": {"name": "L"},
                          "foreign_minister": {"name": "M"}} for i in range(n)],
    "actions": lambda n: [{"id": f"act_{i}", "power": "red", "name": "Act"} for i in range(n)],
    "events": lambda n: [{"id": f"news_{i}", "title": "News", "date": edge.START, "text": "x"} for i in range(n)],
}


@pytest.mark.parametrize("section", list(LISTS))
def test_a_list_longer_than_its_limit_is_refused(section):
    limit = edge.most(section)
    sc = edge.minimal()
    sc[section] = LISTS[section](limit)
    assert check(sc)[1] == []
    sc[section] = LISTS[section](limit + 1)
    text, errors = check(sc)
    assert errors[0].message == f"has {limit + 1} items; the limit is {limit}"   # (then what refers to them)
    assert text.splitlines()[errors[0].line - 2] == f"{section}:"


def test_a_scenario_with_every_list_at_its_limit_is_accepted():
    assert check(edge.crowded())[1] == []


def test_lists_without_a_limit_of_their_own_hold_list_limit_items():
    sc = edge.no_offers()
    sc["events"][0]["choices"] = [{"id": f"c{i}", "text": "x"} for i in range(LIST_LIMIT + 1)]
    assert [e.message for e in check(sc)[1]] == [f"has {LIST_LIMIT + 1} items; the limit is {LIST_LIMIT}"]


def test_a_game_that_could_log_too_much_is_refused():
    sc = edge.busiest()
    assert check(sc)[1] == [] and edge.log_entries(sc) <= MAX_LOG_ENTRIES
    sc["events"] += [{**sc["events"][-1], "id": f"{sc['events'][-1]['id']}_{i}"} for i in range(2)]
    text, errors = check(sc)
    assert len(errors) == 1 and "could log" in errors[0].message and f"the limit is {MAX_LOG_ENTRIES:,}" in \
        errors[0].message
    assert text.splitlines()[errors[0].line - 1].startswith("calendar:")


def test_the_json_schema_states_the_bounds():
    jsonschema = pytest.importorskip("jsonschema")
    from game.scenario.schema import json_schema

    schema = json_schema()
    import json

    for edit, _ in (BEYOND["meter min -1e308"], BEYOND["calendar to 9999-12-31"]):
        sc = edge.extreme_numbers()
        edit(sc)
        document = json.loads(json.dumps(sc, default=str))
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(document, schema)
    jsonschema.validate(json.loads(json.dumps(edge.extreme_numbers(), default=str)), schema)
