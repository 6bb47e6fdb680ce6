"""The dates in the log are the days things happened: an action's own day, answers after their drafts, the log in
date order, and cause before effect (one test per rule)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Action, Game
from game.engine.state import GameState
from game.scenario import load_scenario
from game.scenario.loader import check_data
from tests.conftest import MINI, ROOT

# The mini scenario with a policy for red that acts on its own days in the week of 1 May (Grey's note is dated
# 3 May): a memo prompted by nothing, talks prompted by the note, a draft prompted by a date (5 May).
DAYS_POLICY = """
  - id: days
    power: red
    description: Acts on its own days.
    rules:
      - when: {turn: {min: 3, max: 3}}
        do: {action: memo}
      - when: {fired: offer_from_grey}
        do: {action: open_talks}
      - when: {date: {from: 1939-05-05}}
        do: {propose: {offer: pact, clauses: [non_aggression]}}
    choices: {offer_from_grey: ignore}
    respond: stall
"""
MEMO = """  - id: memo
    power: red
    name: Write a memo
    cost: 0
    once: true
"""


@pytest.fixture(scope="module")
def days_mini():
    text = MINI.read_text(encoding="utf-8").replace("actions:\n", "actions:\n" + MEMO, 1) + DAYS_POLICY
    scenario, report = check_data(text.encode(), "days_mini.yaml")
    assert scenario is not None, report
    return scenario


@pytest.fixture(scope="module")
def sc():
    return load_scenario(ROOT / "scenarios" / "1939.yaml")


def week_of(game, turn):
    game.run_until_human()
    return [e for e in game.state.log if e.turn == turn]


def entry(log, kind, ref):
    return next(e for e in log if e.kind == kind and e.ref == ref)


def test_an_action_prompted_by_nothing_is_dated_from_the_start_of_its_week(days_mini):
    game = Game.new(days_mini, seed=1, policies={"red": "days"})
    week = week_of(game, 3)
    assert entry(week, "event", "offer_from_grey").date == "1939-05-03"
    assert entry(week, "action", "memo").date == "1939-05-01"


def test_an_action_prompted_by_an_event_is_dated_on_the_event_day(days_mini):
    game = Game.new(days_mini, seed=1, policies={"red": "days"})
    week = week_of(game, 3)
    talks = entry(week, "action", "open_talks")
    assert talks.date == "1939-05-03"
    assert week.index(entry(week, "event", "offer_from_grey")) < week.index(talks)


def test_an_action_prompted_by_a_date_is_dated_on_that_day(days_mini):
    game = Game.new(days_mini, seed=1, policies={"red": "days"})
    week = week_of(game, 3)
    assert next(e for e in week if e.kind == "propose" and e.power == "red").date == "1939-05-05"


def test_an_answer_comes_on_or_after_the_draft_it_answers(days_mini):
    game = Game.new(days_mini, seed=1, policies={"red": "days"})
    week = week_of(game, 3)
    draft = next(e for e in week if e.kind == "propose" and e.ref == "pact")
    answer = next(e for e in week if e.kind in ("accept", "reject", "propose") and e.ref == "pact" and e.power == "grey")
    assert draft.date == "1939-05-05" and answer.date == "1939-05-05"
    assert week.index(draft) < week.index(answer)


def test_a_person_acts_on_the_day_of_the_latest_event_they_have_seen(days_mini):
    game = Game.new(days_mini, seed=1, humans=["red"])
    for _ in range(2):
        game.submit(Action("end_turn", "red"))
    game.submit(Action("choose", "red", "offer_from_grey", option="ignore"))
    game.submit(Action("act", "red", "memo"))
    assert entry(game.state.log, "action", "memo").date == "1939-05-03"


def causal_faults(log) -> list[str]:
    """Entries dated before an entry they follow in time: a choice before its question, an answer before the
    draft it answers, a signature before the acceptance that completes it, anything after the ending."""
    faults, last_event, last_draft, last_accept = [], {}, {}, {}
    for e in log:
        if e.kind == "event":
            last_event[e.ref] = e.date
        elif e.kind == "choice" and e.date < last_event.get(e.ref, ""):
            faults.append(f"choice before its question: {e}")
        elif e.kind in ("accept", "reject", "stall", "propose") and e.date < last_draft.get(e.ref, ""):
            faults.append(f"answer before its draft: {e}")
        elif e.kind == "sign" and e.date < last_accept.get(e.ref, ""):
            faults.append(f"signature before its acceptance: {e}")
        if e.kind == "propose":
            last_draft[e.ref] = e.date
        if e.kind == "accept":
            last_accept[e.ref] = e.date
    if log and any(e.kind == "outcome" for e in log):
        ending = max(i for i, e in enumerate(log) if e.kind == "outcome")
        faults += [f"after the ending: {e}" for e in log[ending + 1:] if e.date < log[ending].date]
    return faults


@pytest.mark.parametrize("policy", ["historical", "random", "west", "germany", "passive", "ai"])
@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**31 - 1))
def test_the_log_is_in_date_order_and_no_entry_precedes_its_cause(sc, policy, seed):
    game = Game.new(sc, seed=seed, policies={"ussr": policy})
    game.run_until_human()
    entries = game.state.log
    dates = [e.date for e in entries]
    assert dates == sorted(dates)
    assert not causal_faults(entries)
    for e in entries:
        first = sc.calendar.turn_start(e.turn).isoformat()
        assert e.date >= first, e


def test_the_same_seed_and_actions_give_the_same_log(sc):
    def logs():
        game = Game.new(sc, seed=7, humans=["ussr"])
        while not game.over:
            for question in game.pending_choices("ussr"):
                game.submit(Action("choose", "ussr", question.id, option=question.default_choice().id))
            if not game.over:
                game.submit(Action("end_turn", "ussr"))
        return [(e.date, e.kind, e.ref, e.power) for e in game.state.log]

    assert logs() == logs()


def test_a_game_resumed_from_its_state_keeps_the_same_days(sc):
    whole = Game.new(sc, seed=3, policies={"ussr": "west"})
    whole.run_until_human()
    part = Game.new(sc, seed=3, policies={"ussr": "west"})
    for _ in range(12):
        part.resolve_week()
    resumed = Game(sc, GameState.from_dict(part.state.to_dict()), policies={"ussr": "west"})
    resumed.run_until_human()
    assert [(e.date, e.ref) for e in resumed.state.log] == [(e.date, e.ref) for e in whole.state.log]


def test_western_pressure_on_warsaw_is_dated_before_becks_refusal(sc):
    game = Game.new(sc, seed=1, policies={"ussr": "historical"})
    game.run_until_human()
    log = game.state.log
    refusal = entry(log, "event", "beck_refuses")
    assert refusal.date == "1939-08-19"
    pressure = [e for e in log if e.ref in ("ask_warsaw_about_passage", "press_warsaw") and e.turn == refusal.turn]
    assert pressure
    for e in pressure:
        assert e.date < "1939-08-19" and log.index(e) < log.index(refusal), e


def test_the_western_missions_august_is_in_the_record(sc):
    dated = {(str(r.date), r.power) for r in sc.record if r.source == "western_missions_powers_aug17_22"}
    assert dated == {("1939-08-17", "france"), ("1939-08-21", "france"), ("1939-08-21", "britain")}
    assert "western_missions_powers_aug17_22" in sc.event("military_talks_adjourned").sources
