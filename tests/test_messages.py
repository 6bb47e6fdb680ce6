"""Messages where a first-time scenario writer needs more than the rule: each names what happened, located.

Variants of tests/fixtures/mini.yaml are made by replacing one snippet; the expected position is that of a
token in the variant's text.
"""

from __future__ import annotations

import pytest

from game.scenario.diagnostics import Diagnostic
from tests.test_cli import main_py
from tests.test_validation import variant, where


def only(items: list[Diagnostic]) -> Diagnostic:
    assert len(items) == 1, [str(d) for d in items]
    return items[0]


def located(diag: Diagnostic, text: str, needle: str) -> tuple[tuple[int, int], str]:
    """The diagnostic's position checked against the needle's, and its message."""
    assert (diag.line, diag.col) == where(text, needle), str(diag)
    return (diag.line, diag.col), diag.message


def test_an_unquoted_colon_in_a_text_says_to_quote_the_text(check):
    text = variant(("    text: Talks begin.\n", "    text: Note: talks begin.\n"))
    diag = only(check(text)[1].errors)
    assert (diag.line, diag.col) == where(text, ": talks begin")
    assert diag.message == ('invalid YAML: a colon followed by a space inside unquoted text; if the colon belongs '
                            'to the text, quote the text (text: "Note: this"); otherwise check this line\'s indentation')


def test_an_unquoted_colon_in_an_inline_mapping_says_to_quote_the_text(check):
    text = variant(("{id: ignore, text: Ignore it., default: true}", "{id: ignore, text: Note: no, default: true}"))
    diag = only(check(text)[1].errors)
    assert (diag.line, diag.col) == where(text, ": no, default")
    assert diag.message.startswith("invalid YAML: a colon followed by a space inside unquoted text; if the colon "
                                   "belongs to the text, quote the text")


def test_a_text_on_its_own_line_read_as_a_mapping_says_to_quote_it(check):
    text = variant(("    text: Talks begin.\n", "    text:\n      Note: talks begin.\n"))
    _, message = located(only(check(text)[1].errors), text, "Note: talks")
    assert message == ("'text' of event 'opening' must be text, found a mapping (a colon followed by a space "
                       "makes a mapping of the text; quote the text)")


def test_a_comma_inside_an_inline_mapping_says_the_text_was_cut_there(check):
    text = variant(("{id: security, name: Security, start: 20", "{id: security, name: Security, Safety, start: 20"))
    _, message = located(only(check(text)[1].errors), text, "Safety")
    assert message == ("unknown field 'Safety' in meter: in a {...} mapping a comma ends a field, so 'Safety' is "
                       "read as a field of its own; if it belongs to the text of 'name', quote that text "
                       "(name: \"Security, Safety\")")


def test_a_clause_of_another_offer_says_which_offer_has_it(check):
    text = variant(("when: {treaty: alliance}", "when: {clause: {offer: alliance, clause: protocol}}"))
    _, message = located(only(check(text)[1].errors), text, "{offer: alliance, clause: protocol}")
    assert message == "unknown clause 'protocol' in 'alliance' ('protocol' is a clause of 'pact')"


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("start: 20, drift: -1", "start: high, drift: -1", "high",
     "'start' of meter 'security' must be a number, found 'high'"),
    ("    cooldown: 2\n", "    cooldown: 1.5\n", "1.5", "'cooldown' of action 'speech' must be a whole number, found 1.5"),
    ("    open: true\n", "    open: 1939-05-01\n", "1939-05-01",
     "'open' of offer 'alliance' must be true or false, found 1939-05-01"),
    ("values: {blue: 5, red: 10}", "values: {blue: 5, red: lots}", "lots",
     "'red' in 'values' of clause 'assistance' must be a number, found 'lots'"),
    ("calendar: {start: 1939-04-17, end: 1939-06-05, turn_days: 7}", "calendar: [1939-04-17]", "[1939-04-17]",
     "'calendar' of scenario 'mini' must be a mapping for calendar, found a list"),
])
def test_a_wrong_type_names_the_field_its_owner_and_the_value(check, old, new, needle, message):
    text = variant((old, new))
    assert located(only(check(text)[1].errors), text, needle)[1] == message


def test_a_date_condition_outside_the_calendar_is_a_warning(check):
    text = variant(("when: {treaty: alliance}", "when: {date: {from: 1940-01-01}}"))
    scenario, report = check(text)
    assert scenario is not None
    _, message = located(only(report.warnings), text, "{from: 1940-01-01}")
    assert message == ("this date condition can never hold: it starts on 1940-01-01, after the last week ends "
                       "(1939-06-11)")
    text = variant(("when: {treaty: alliance}", "when: {date: {to: 1939-01-01}}"))
    _, message = located(only(check(text)[1].warnings), text, "{to: 1939-01-01}")
    assert message == "this date condition can never hold: it ends on 1939-01-01, before the calendar starts (1939-04-17)"


def test_a_meter_bound_outside_the_meters_range_is_a_warning(check):
    text = variant(("{meter: {id: security, max: 50}}", "{meter: {id: security, min: 150}}"))
    scenario, report = check(text)
    assert scenario is not None
    _, message = located(only(report.warnings), text, "{id: security, min: 150}")
    assert message == "'min: 150' lies outside the range of meter 'security' (0..100): the condition can never hold"
    text = variant(("{meter: {id: security, max: 50}}", "{meter: {id: security, max: 150}}"))
    message = only(check(text)[1].warnings).message
    assert message == "'max: 150' lies outside the range of meter 'security' (0..100): this bound never matters"


def test_all_errors_of_a_file_are_reported_in_one_pass(check):
    text = variant(
        ("start: 20, drift: -1", "start: high, drift: -1"),                           # a wrong type
        ("player: red", "player: purple"),                                            # an unknown reference
        ("    foreign_minister: {name: Minister Grey}\n",
         "    foreign_minister: {name: Minister Grey}\n    colour: grey\n"),          # an unknown field
        ("    date: 1939-05-03\n    text: A note", "    date: 1939-09-03\n    text: A note"),  # outside the calendar
        ("    title: Alone\n    deadline: true\n", "    title: Alone\n"),             # no deadline
        ("title: Mini scenario\n", "title: Mini scenario\ntitle: Twice\n"),           # a duplicate key
    )
    errors = check(text)[1].errors
    got = {(d.line, d.col): d.message for d in errors}
    assert got[where(text, "high")] == "'start' of meter 'security' must be a number, found 'high'"
    assert got[where(text, "purple")] == "unknown power 'purple'"
    assert got[where(text, "colour")] == "unknown field 'colour' in power (did you mean 'color'?)"
    assert got[where(text, "id: offer_from_grey")] == ("event 'offer_from_grey' is dated 1939-09-03, outside the "
                                                      "calendar 1939-04-17..1939-06-05")
    assert got[where(text, "title: Twice")] == "duplicate key 'title' (first at line 4)"
    assert "exactly one outcome needs 'deadline: true' (found 0)" in got.values()
    assert len(errors) == 7, [str(d) for d in errors]   # (and the outcome left without a condition)


def test_check_prints_warnings_and_exits_0_when_there_is_no_error(tmp_path):
    path = tmp_path / "warned.yaml"
    path.write_text(variant(("when: {treaty: alliance}", "when: {date: {from: 1940-01-01}}")), encoding="utf-8")
    out = main_py("check", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "warning: this date condition can never hold" in out.stdout + out.stderr


def test_a_date_that_names_no_day_does_not_hide_the_other_errors(check):
    text = variant(("calendar: {start: 1939-04-17", "calendar: {start: 1939-04-31"),
                   ("start: 20, drift: -1", "start: high, drift: -1"))
    got = {(d.line, d.col): d.message for d in check(text)[1].errors}
    assert got[where(text, "1939-04-31")] == ("'start' of the calendar must be a date like 1939-08-23, found "
                                              "'1939-04-31' (day is out of range for month)")
    assert got[where(text, "high")] == "'start' of meter 'security' must be a number, found 'high'"
