"""Semantic validation: every mistake gets a located error (and a did-you-mean where a name is close).

Variants of tests/fixtures/mini.yaml are made by replacing one snippet of its text; the expected line and
column are those of the replaced token in the variant's text. A few hand-written texts pin absolute positions.
"""

from __future__ import annotations

import pytest

from game.scenario.diagnostics import Diagnostic
from tests.conftest import MINI

MINI_TEXT = MINI.read_text(encoding="utf-8")

# A tiny valid scenario written by hand, so that absolute line numbers can be read off it.
TINY = """\
format: 1
id: tiny
title: Tiny
calendar: {start: 1939-04-17, end: 1939-05-29}
player: red
meters:
  - {id: security, name: Security, start: 20}
powers:
  - id: red
    name: Red
    leader: {name: R}
    foreign_minister: {name: RF}
  - id: blue
    name: Blue
    leader: {name: B}
    foreign_minister: {name: BF}
outcomes:
  - id: alone
    title: Alone
    deadline: true
"""


def variant(*pairs: tuple[str, str], base: str = MINI_TEXT) -> str:
    """The base text with each `old` snippet (which must occur exactly once) replaced by `new`."""
    text = base
    for old, new in pairs:
        assert text.count(old) == 1, f"snippet not found once in the fixture: {old!r}"
        text = text.replace(old, new)
    return text


def where(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of `needle` (which must be unique)."""
    assert text.count(needle) == 1, f"needle not unique: {needle!r}"
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)


def test_fixtures_are_valid(check):
    for text in (MINI_TEXT, TINY):
        scenario, report = check(text)
        assert scenario is not None and report.items == []


def assert_at(diag: Diagnostic, text: str, needle: str, *words: str) -> None:
    assert (diag.line, diag.col) == where(text, needle), str(diag)
    for word in words:
        assert word in diag.message, str(diag)


# ------------------------------------------------------------------------------------------- fields

@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("policies:\n", "acitons: []\npolicies:\n", "acitons",
     "unknown field 'acitons' in scenario (did you mean 'actions'?)"),
    ("    reply_weeks: 0\n    trust: {blue: 40", "    reply_wekes: 0\n    trust: {blue: 40", "reply_wekes",
     "unknown field 'reply_wekes' in power (did you mean 'reply_weeks'?)"),
    ("{id: security, max: 50}", "{id: security, mx: 50}", "mx:",
     "unknown field 'mx' in meter condition (did you mean 'max'?)"),
    ("calendar: {start: 1939-04-17, end: 1939-06-05, turn_days: 7}",
     "calendar: {start: 1939-04-17, end: 1939-06-05, turndays: 7}", "turndays",
     "unknown field 'turndays' in calendar (did you mean 'turn_days'?)"),
    ("when: {treaty: pact}", "when: {flg: talks}", "flg", "unknown condition 'flg' (did you mean 'flag'?)"),
    ("effects: [{meter: {id: security, add: 2}}]", "effects: [{set_flga: x}]", "set_flga",
     "unknown effect 'set_flga' (did you mean 'set_flag'?)"),
    ("      - do: {action: open_talks}", "      - do: {acton: open_talks}", "acton",
     "unknown policy step 'acton' (did you mean 'action'?)"),
])
def test_unknown_field_with_suggestion(error, old, new, needle, message):
    text = variant((old, new))
    diag = error(text)
    assert diag.message == message
    assert (diag.line, diag.col) == where(text, needle)


def test_unknown_field_without_close_match_has_no_hint(error):
    text = variant(("policies:\n", "zzzz: 1\npolicies:\n"))
    diag = error(text)
    assert diag.message == "unknown field 'zzzz' in scenario" and (diag.line, diag.col) == where(text, "zzzz")


# ------------------------------------------------------------------------------------------- references

@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("player: red", "player: redd", "redd", "unknown power 'redd' (did you mean 'red'?)"),
    ("{id: security, add: 30}", "{id: securty, add: 30}", "securty", "unknown meter 'securty' (did you mean 'security'?)"),
    ("when: {treaty: pact}", "when: {treaty: pakt}", "pakt", "unknown offer 'pakt' (did you mean 'pact'?)"),
    ("do: {propose: {offer: pact, add: [protocol]}}", "do: {propose: {offer: pact, add: [protocl]}}",
     "{offer: pact, add", "unknown clause 'protocl' in 'pact' (did you mean 'protocol'?)"),
    ("when: {treaty: pact}", "when: {clause: {offer: alliance, clause: pasage}}", "{offer: alliance, clause",
     "unknown clause 'pasage' in 'alliance' (did you mean 'passage'?)"),
    ("when: {treaty: pact}", "when: {fired: openng}", "openng", "unknown event 'openng' (did you mean 'opening'?)"),
    ("when: {treaty: pact}", "when: {chose: {event: offer_from_grey, option: lisen}}", "{event: offer_from_grey",
     "unknown option 'lisen' in 'offer_from_grey' (did you mean 'listen'?)"),
    ("choices: {offer_from_grey: listen}", "choices: {offer_from_grey: lisen}", "{offer_from_grey: lisen}",
     "unknown option 'lisen' in 'offer_from_grey' (did you mean 'listen'?)"),
    ("effects: [{meter: {id: security, add: 2}}]", "effects: [{end_game: alon}]", "alon}",
     "unknown outcome 'alon' (did you mean 'alone'?)"),
    ("sources: [card_two]\n    choices", "sources: [card_tow]\n    choices", "card_tow",
     "unknown source 'card_tow' (did you mean 'card_two'?)"),
    ("perspective: official,\n     text: A note", "perspective: oficial,\n     text: A note", "oficial",
     "unknown perspective 'oficial' (did you mean 'official'?)"),
    ("sphere: {territory: buffer, power: red}", "sphere: {territory: bufer, power: red}", "bufer",
     "unknown territory 'bufer' (did you mean 'buffer'?)"),
    ("when: {treaty: pact}", "when: {taken: open_talk}", "open_talk}",
     "unknown action 'open_talk' (did you mean 'open_talks'?)"),
])
def test_misspelt_reference_with_suggestion(error, old, new, needle, message):
    text = variant((old, new))
    diag = error(text)
    assert diag.message == message
    assert (diag.line, diag.col) == where(text, needle)


def test_clause_references_are_scoped_to_their_offer(error):
    # 'passage' exists, but in the alliance, not in the pact: refused, and the message says where it is
    text = variant(("do: {propose: {offer: pact, add: [protocol]}}", "do: {propose: {offer: pact, add: [passage]}}"))
    diag = error(text)
    assert diag.message == "unknown clause 'passage' in 'pact' ('passage' is a clause of 'alliance')"
    text = variant(("{id: passage, name: Right of passage, values: {blue: -15, red: 15}}",
                    "{id: passage, name: Right of passage, values: {blue: -15, red: 15}, requires: [protocol]}"))
    assert_at(error(text), text, "protocol]}\n", "unknown clause 'protocol' in 'alliance'")


def test_misspelt_power_in_a_mapping_key(error):
    text = variant(("trust: {blue: 40, grey: 30}", "trust: {blue: 40, gray: 30}"))
    assert_at(error(text), text, "gray", "unknown power 'gray' (did you mean 'grey'?)")


# ------------------------------------------------------------------------------------------- types and ranges

@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("trust: {blue: 40, grey: 30}", "trust: {blue: forty, grey: 30}", "forty",
     "'blue' in 'trust' of power 'red' must be a number, found 'forty'"),
    ("trust: {blue: 40, grey: 30}", "trust: [blue, grey]", "[blue, grey]", "'trust' of power 'red' must be a mapping, found a list"),
    ("calendar: {start: 1939-04-17, end: 1939-06-05, turn_days: 7}", "calendar: [1939-04-17]", "[1939-04-17]",
     "'calendar' of scenario 'mini' must be a mapping for calendar, found a list"),
    ("parties: [blue, red]", "parties: blue", "blue\n    open", "'parties' of offer 'alliance' must be a list, found 'blue'"),
    ("    open: true\n", "    open: yes please\n", "yes please", "'open' of offer 'alliance' must be true or false, found 'yes please'"),
    ("    cooldown: 2\n", "    cooldown: 1.5\n", "1.5", "'cooldown' of action 'speech' must be a whole number, found 1.5"),
    ("name: Security, start: 20", "name: [Security], start: 20", "[Security]", "'name' of meter 'security' must be text, found a list"),
    ("trust: {blue: 40, grey: 30}", "trust: {blue: 150, grey: 30}", "150", "150 is out of range (0..100)"),
    ("chance: 0.5", "chance: 1.5", "1.5", "1.5 is out of range (0..1)"),
    ("turn_days: 7}", "turn_days: 000}", "000}", "'turn_days' of the calendar: 0 is out of range (1..366)"),
    ("    reply_weeks: 1\n    trust: {red: 40", "    reply_weeks: 99\n    trust: {red: 40", "99",
     "99 is out of range (0..52)"),
    ("when: {turn: {min: 2}}", "when: {turn: {min: 0, max: 3}}", "0, max: 3", "0 is out of range (1..500)"),
    ("    date: 1939-05-03\n", "    date: May 3rd\n", "May 3rd",
     "'date' of event 'offer_from_grey' must be a date like 1939-08-23, found 'May 3rd'"),
    ("    date: 1939-05-03\n", "    date: 1939-02-30\n", "1939-02-30",
     "'date' of event 'offer_from_grey' must be a date like 1939-08-23, found '1939-02-30' (day is out of range "
     "for month)"),
])
def test_wrong_type_or_out_of_range(error, old, new, needle, message):
    text = variant((old, new))
    diag = error(text)
    assert (diag.line, diag.col) == where(text, needle), str(diag)
    assert message in diag.message


# ------------------------------------------------------------------------------------------- calendar and dates

def test_event_dated_outside_the_calendar(error):
    text = variant(("    date: 1939-05-03\n", "    date: 1939-09-03\n"))
    assert_at(error(text), text, "id: offer_from_grey", "event 'offer_from_grey' is dated 1939-09-03",
              "outside the calendar 1939-04-17..1939-06-05")
    text = variant(("    title: The season opens\n    date: 1939-04-17\n",
                    "    title: The season opens\n    date: 1939-04-16\n"))
    assert_at(error(text), text, "id: opening", "event 'opening' is dated 1939-04-16")


def test_events_on_the_first_and_last_day_are_inside(check):
    text = variant(("    date: 1939-05-03\n", "    date: 1939-06-05\n"))
    assert check(text)[0] is not None


def test_calendar_end_before_or_on_start(error):
    for end in ("1939-04-01", "1939-04-17"):
        text = variant(("{start: 1939-04-17, end: 1939-06-05", f"{{start: 1939-04-17, end: {end}"))
        diag = error(text)
        assert (diag.line, diag.col) == (6, 36) and diag.message == "the end must come after the start"
    text = variant(("calendar: {start: 1939-04-17, end: 1939-05-29}", "calendar: {start: 1939-04-17, end: 1939-04-10}"),
                   base=TINY)
    diag = error(text)
    assert (diag.line, diag.col) == (4, 36)


def test_date_condition_bounds(error):
    text = variant(("when: {treaty: pact}", "when: {date: {from: 1939-05-01, to: 1939-04-01}}"))
    assert_at(error(text), text, "{from: 1939-05-01", "'from' is later than 'to'")
    text = variant(("when: {treaty: pact}", "when: {date: {}}"))
    assert_at(error(text), text, "{}}", "give at least one of 'from' and 'to'")


# ------------------------------------------------------------------------------------------- ids

@pytest.mark.parametrize(("old", "new", "id_text", "message"), [
    ("  - id: leak\n", "  - id: opening\n", "id: opening", "duplicate event id 'opening'"),
    ("  - {id: urgency, name: Urgency", "  - {id: security, name: Again, start: 1}\n  - {id: urgency, name: Urgency",
     "id: security",
     "duplicate meter id 'security'"),
    ("- {id: passage, name: Right", "- {id: assistance, name: Right", "id: assistance",
     "duplicate clause id 'assistance'"),
    ("- {id: ignore, text: Ignore it., default: true}", "- {id: listen, text: Ignore it., default: true}",
     "id: listen", "duplicate option id 'listen'"),
])
def test_duplicate_ids(error, old, new, id_text, message):
    text = variant((old, new))
    first = text.index(id_text)
    second = text.index(id_text, first + 1)
    diag = error(text)
    first_line = text.count("\n", 0, first) + 1
    assert diag.message == f"{message} (first at line {first_line})"
    assert (diag.line, diag.col) == (text.count("\n", 0, second) + 1, second - text.rfind("\n", 0, second) + 4)


def test_duplicate_power_id_by_hand(check):
    text = TINY.replace("  - id: blue\n", "  - id: red\n")
    scenario, report = check(text)
    assert scenario is None
    assert str(report.errors[0]) == f"{report.path}:13:9: error: duplicate power id 'red' (first at line 9)"


def test_same_clause_id_in_two_offers_is_allowed(check):
    text = variant(("- {id: passage, name: Right", "- {id: protocol, name: Right"))
    scenario, report = check(text)
    assert scenario is not None, [str(d) for d in report.items]


@pytest.mark.parametrize("bad", ["Leak", "leak-2", "2leak", "leak two"])
def test_ids_must_be_snake_case(error, bad):
    text = variant(("  - id: leak\n", f"  - id: {bad}\n"))
    diag = error(text)
    line, col = where(text, f"id: {bad}\n")
    assert (diag.line, diag.col) == (line, col + 4)
    assert diag.message == f"'id' of the event must be an id in snake_case (like 'my_id'), found {bad!r}"


# ------------------------------------------------------------------------------------------- meters

def test_meter_start_outside_its_range(error):
    text = variant(("{id: security, name: Security, start: 20,", "{id: security, name: Security, start: 120,"))
    assert_at(error(text), text, "120", "start 120 lies outside 0..100")
    text = variant(("{id: security, name: Security, start: 20,", "{id: security, name: Security, min: 30, start: 20,"))
    assert_at(error(text), text, "20, drift: -1", "start 20 lies outside 30..100")


def test_meter_max_must_exceed_min(error):
    text = variant(("{id: security, name: Security, start: 20,",
                    "{id: security, name: Security, min: 50, max: 50, start: 20,"))
    assert_at(error(text), text, "50, start", "'max' must be greater than 'min'")


# ------------------------------------------------------------------------------------------- outcomes

def test_no_deadline_outcome(check):
    text = variant(("    title: Alone\n    deadline: true\n", "    title: Alone\n    deadline: false\n"))
    scenario, report = check(text)
    assert scenario is None
    messages = {(d.line, d.col, d.message) for d in report.errors}
    outcomes_at = where(text, "- id: pact_signed")
    alone_at = where(text, "id: alone")
    assert messages == {
        (*outcomes_at, "exactly one outcome needs 'deadline: true' (found 0)"),
        (*alone_at, "outcome 'alone' needs a 'when' condition (or 'deadline: true')"),
    }


def test_two_deadline_outcomes(error):
    text = variant(("    title: Alliance\n", "    title: Alliance\n    deadline: true\n"))
    assert_at(error(text), text, "- id: pact_signed", "exactly one outcome needs 'deadline: true' (found 2)")
    text = TINY + "  - id: also\n    title: Also\n    deadline: true\n"
    diag = error(text)
    assert (diag.line, diag.col, diag.message) == (18, 3, "exactly one outcome needs 'deadline: true' (found 2)")


def test_outcome_without_when(error):
    text = variant(("    title: Alliance\n    when: {treaty: alliance}\n", "    title: Alliance\n"))
    assert_at(error(text), text, "id: alliance_signed", "outcome 'alliance_signed' needs a 'when' condition")


# ------------------------------------------------------------------------------------------- warnings

def test_flag_tested_but_never_set_is_a_warning(check):
    text = variant(("when: {treaty: alliance}", "when: {flag: never_set}"))
    scenario, report = check(text)
    assert scenario is not None and report.errors == []
    [warning] = report.warnings
    assert (warning.line, warning.col) == where(text, "never_set")
    assert warning.severity == "warning" and warning.message == "flag 'never_set' is tested but never set"
    assert str(warning).endswith(": warning: flag 'never_set' is tested but never set")


def test_clearing_a_flag_does_not_count_as_setting_it(check):
    text = variant(("effects: [{meter: {id: security, add: 2}}]", "effects: [{clear_flag: gone}]"),
                   ("when: {treaty: alliance}", "when: {flag: gone}"))
    scenario, report = check(text)
    assert scenario is not None
    assert [w.message for w in report.warnings] == ["flag 'gone' is tested but never set"]


def test_source_card_never_shown_is_a_warning(check):
    text = variant(("reference: Published speech, unlocked: true}", "reference: Published speech, unlocked: false}"))
    scenario, report = check(text)
    assert scenario is not None and report.errors == []
    [warning] = report.warnings
    assert (warning.line, warning.col) == where(text, "{id: card_one")
    assert "source card 'card_one' is never shown" in warning.message


def test_a_card_unlocked_by_an_effect_counts_as_shown(check):
    text = variant(("reference: Published speech, unlocked: true}", "reference: Published speech, unlocked: false}"),
                   ("effects: [{meter: {id: security, add: 2}}]",
                    "effects: [{if: {when: {flag: talks}, then: [{unlock: card_one}]}}]"))
    scenario, report = check(text)
    assert scenario is not None and report.items == []


def test_a_card_unlocked_in_a_nested_else_branch_counts_as_shown(check):
    nested = "effects: [{if: {when: {flag: talks}, then: [{chance: {p: 0.5, else: [{unlock: card_one}]}}]}}]"
    text = variant(("reference: Published speech, unlocked: true}", "reference: Published speech, unlocked: false}"),
                   ("effects: [{meter: {id: security, add: 2}}]", nested))
    scenario, report = check(text)
    assert scenario is not None and report.items == []
