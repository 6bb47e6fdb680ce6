"""Semantic validation, continued (tests/test_validation.py): offers, effect and condition statements, owners
without ids, the documented record; each mistake gets a located error."""

from __future__ import annotations

import pytest

from tests.test_validation import MINI_TEXT, assert_at, variant, where

# ------------------------------------------------------------------------------------------- offers

def test_offer_ai_entry_for_a_non_party(error):
    text = variant(("      blue: {threshold: 0, trust_weight: 0.5}", "      grey: {threshold: 0, trust_weight: 0.5}"))
    assert_at(error(text), text, "grey: {threshold: 0", "'grey' has an ai entry but is not a party to 'alliance'")


def test_clause_values_for_a_non_party(error):
    text = variant(("values: {blue: -15, red: 15}", "values: {blue: -15, grey: 15}"))
    assert_at(error(text), text, "- {id: assistance", "clause 'passage' values 'grey', which is not a party")


def test_party_listed_twice(check):
    text = variant(("parties: [grey, red]", "parties: [grey, grey]"))
    scenario, report = check(text)
    assert scenario is None
    assert (*where(text, "[grey, grey]"), "a party is listed twice") in {(d.line, d.col, d.message)
                                                                        for d in report.errors}


# ------------------------------------------------------------------------------------------- statements

def test_condition_written_with_two_keys(error):
    text = variant(("when: {treaty: alliance}", "when: {treaty: alliance, flag: talks}"))
    assert_at(error(text), text, "{treaty: alliance, flag", "expected a condition written as one key",
              "found a mapping with 2 keys")


def test_effect_written_as_text(error):
    text = variant(("effects: [{meter: {id: security, add: 2}}]", "effects: [set_flag talks]"))
    assert_at(error(text), text, "set_flag talks", "expected a effect written as one key", "found text")


def test_meter_condition_needs_a_bound(error):
    text = variant(("requires: {meter: {id: security, max: 50}}", "requires: {meter: {id: security}}"))
    assert_at(error(text), text, "{id: security}}", "give at least one of 'min' and 'max'")
    text = variant(("requires: {meter: {id: security, max: 50}}", "requires: {meter: {id: security, min: 60, max: 50}}"))
    assert_at(error(text), text, "{id: security, min: 60", "'min' is greater than 'max'")


@pytest.mark.parametrize("arg", ["{from: blue, to: red, add: -5, set: 3}", "{from: blue, to: red}"])
def test_trust_effect_needs_exactly_one_of_add_and_set(error, arg):
    text = variant(("hidden_effects: [{trust: {from: blue, to: red, add: -5}}]", f"hidden_effects: [{{trust: {arg}}}]"))
    assert_at(error(text), text, arg, "give exactly one of 'add' and 'set'")


def test_trust_between_a_power_and_itself(error):
    text = variant(("hidden_effects: [{trust: {from: blue, to: red, add: -5}}]",
                    "hidden_effects: [{trust: {from: red, to: red, add: -5}}]"))
    assert_at(error(text), text, "{from: red, to: red", "'from' and 'to' must differ")


@pytest.mark.parametrize("name", ["random", "passive", "ai"])
def test_builtin_policy_names_are_reserved(error, name):
    text = variant(("  - id: eager\n", f"  - id: {name}\n"))
    assert_at(error(text), text, f"id: {name}\n", f"policy id '{name}' is reserved for a built-in policy")


def test_propose_effect_with_both_clauses_and_add(error):
    text = variant(("effects: [{meter: {id: security, add: 2}}]",
                    "effects: [{propose: {offer: pact, by: red, clauses: [non_aggression], add: [protocol]}}]"))
    assert_at(error(text), text, "{offer: pact, by: red", "give either 'clauses' or 'add'/'remove', not both")


def test_propose_policy_step_with_both_clauses_and_add(error):
    text = variant(("do: {propose: {offer: pact, add: [protocol]}}",
                    "do: {propose: {offer: pact, clauses: [non_aggression], add: [protocol]}}"))
    assert_at(error(text), text, "{offer: pact, clauses", "give either 'clauses' or 'add'/'remove', not both")


def test_propose_effect_by_a_non_party(error):
    text = variant(("effects: [{meter: {id: security, add: 2}}]",
                    "effects: [{propose: {offer: alliance, by: grey, clauses: [passage]}}]"))
    diag = error(text)
    assert diag.line == where(text, "by: grey")[0] and "grey" in diag.message and "party" in diag.message


def test_chooser_without_choices(error):
    text = variant(("    title: A leak\n", "    title: A leak\n    chooser: red\n"))
    assert_at(error(text), text, "red\n    when: {all", "a chooser without choices")


def test_only_one_default_choice(error):
    text = variant(("{id: listen, text: Listen., effects", "{id: listen, text: Listen., default: true, effects"))
    assert_at(error(text), text, "- {id: listen", "only one choice can be the default")


# ------------------------------------------------------------------------------------------- owners without ids
# (these once raised KeyError from the clause and option scopes instead of reporting an error)

def test_offer_without_id_is_a_located_error(check):
    text = variant(("  - id: pact\n    name: Red-Grey pact", "  - name: Red-Grey pact"))
    scenario, report = check(text)
    assert scenario is None
    first = report.errors[0]
    assert (first.line, first.col) == where(text, "name: Red-Grey pact")
    assert first.message == "offer needs the field 'id'"


def test_event_with_choices_but_numeric_id_is_a_located_error(check):
    text = variant(("  - id: offer_from_grey\n", "  - id: 7\n"))
    scenario, report = check(text)
    assert scenario is None
    first = report.errors[0]
    line, col = where(text, "id: 7\n")
    assert (first.line, first.col) == (line, col + 4)
    assert first.message == "'id' of the event must be an id in snake_case (like 'my_id'), found 7"


# ------------------------------------------------------------------------------------------- documented record

def test_a_record_entry_must_cite_an_existing_source(error):
    text = MINI_TEXT + "record:\n  - {date: 1939-05-01, power: red, text: Red speaks, source: card_tow}\n"
    assert_at(error(text), text, "card_tow", "card_tow", "did you mean 'card_two'?")


def test_a_record_entry_must_lie_inside_the_calendar(error):
    text = MINI_TEXT + "record:\n  - {date: 1939-09-03, power: red, text: Red speaks, source: card_two}\n"
    assert_at(error(text), text, "{date: 1939-09-03", "record entry of 1939-09-03", "outside the calendar")


def test_a_record_entry_is_read(check):
    text = MINI_TEXT + "record:\n  - {date: 1939-05-01, power: red, text: Red speaks, source: card_two}\n"
    scenario, report = check(text)
    assert report.items == [] and [(str(r.date), r.power, r.source) for r in scenario.record_of("red")] == [
        ("1939-05-01", "red", "card_two")]
