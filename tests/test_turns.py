"""Turn order and the rules of actions, events and the calendar (one test per rule)."""

from __future__ import annotations

from game.engine import Action, Game


def kinds(game, ref=None):
    return [e.kind for e in game.state.log if ref is None or e.ref == ref]


def test_first_week_fires_its_dated_event_before_anyone_acts(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    assert game.state.turn == 1 and str(game.date) == "1939-04-17"
    assert game.state.log[0].ref == "opening" and game.state.log[0].date == "1939-04-17"


def test_dated_event_inside_a_week_carries_its_own_date(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    for _ in range(2):
        game.submit(Action("end_turn", "red"))
    entry = next(e for e in game.state.log if e.ref == "offer_from_grey" and e.kind == "event")
    assert entry.turn == 3 and entry.date == "1939-05-03"


def test_choice_blocks_the_week_until_answered(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("end_turn", "red"))
    game.submit(Action("end_turn", "red"))
    assert [e.id for e in game.pending_choices("red")] == ["offer_from_grey"]
    result = game.submit(Action("end_turn", "red"))
    assert not result.ok and "Grey offers talks" in result.reason
    assert {a.kind for a in game.legal_actions("red")} == {"choose"}
    assert game.submit(Action("choose", "red", "offer_from_grey", option="listen")).ok
    assert game.state.chosen == {"offer_from_grey": "listen"}
    assert game.state.offers["pact"].status == "open" and "talks" in game.state.flags


def test_ai_chooser_answers_at_once_from_its_plan(mini):
    game = Game.new(mini, seed=1, policies={"red": "eager"})
    game.run_until_human()
    assert game.state.chosen.get("offer_from_grey", "listen") == "listen"


def test_budget_limits_actions_per_week_and_refills(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    assert game.submit(Action("act", "red", "speech")).ok
    assert game.submit(Action("act", "red", "open_talks")).ok
    assert game.state.budget["red"] == 0
    game.submit(Action("end_turn", "red"))
    assert game.state.budget["red"] == 2


def test_once_and_cooldown(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    assert game.check(Action("act", "red", "open_talks")).reason == "Already done."
    game.submit(Action("act", "red", "speech"))
    game.submit(Action("end_turn", "red"))
    assert game.check(Action("act", "red", "speech")).reason == "Available again in 2 weeks."
    game.submit(Action("end_turn", "red"))
    game.submit(Action("choose", "red", "offer_from_grey", option="ignore"))
    assert game.check(Action("act", "red", "speech")).reason == "Available again in 1 week."
    game.submit(Action("end_turn", "red"))
    assert game.check(Action("act", "red", "speech")).ok


def test_refused_action_changes_nothing(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    before = game.state.to_dict()
    result = game.submit(Action("act", "red", "no_such_action"))
    assert not result.ok and "no action" in result.reason
    assert game.state.to_dict() == before and game.record == []


def test_action_effects_visible_and_hidden_both_apply(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    assert game.state.trust["blue"]["red"] == 35  # the hidden effect
    assert game.state.offers["pact"].status == "open"


def test_meters_drift_after_the_powers_act_and_stay_in_range(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("end_turn", "red"))
    assert game.state.meters["security"] == 19 and game.state.meters["urgency"] == 5
    assert game.state.history[0]["security"] == 20 and game.state.history[1]["security"] == 19
    game.state.meters["security"] = 1.0  # lands exactly on the floor: the floor itself (0, not 0.0) is kept
    assert game.submit(Action("end_turn", "red")).ok and game.state.turn == 3
    assert game.state.meters["security"] == 0 and type(game.state.meters["security"]) is int


def test_ai_powers_act_when_the_week_resolves(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("end_turn", "red"))
    # blue's rule proposes the alliance from week 2: not yet in week 1
    assert game.state.offers["alliance"].status == "open"
    game.submit(Action("end_turn", "red"))
    assert game.state.offers["alliance"].proposer == "blue"


def test_deadline_outcome_when_the_calendar_runs_out(mini):
    game = Game.new(mini, seed=1, policies={"red": "passive", "blue": "passive", "grey": "passive"})
    game.run_until_human()
    assert game.state.outcome == "alone" and game.state.end_date == "1939-06-05"
    assert game.state.turn == mini.calendar.last_turn == 8
    assert game.state.log[-1].kind == "outcome"


def test_nothing_is_legal_after_the_end(mini):
    game = Game.new(mini, seed=1, policies={"red": "eager"})
    game.run_until_human()
    assert game.over and game.legal_actions("red") == []
    assert game.check(Action("end_turn", "red")).reason == "The game is over."


def test_conditional_event_fires_once_by_chance(mini):
    fired = set()
    for seed in range(40):
        game = Game.new(mini, seed=seed, humans=["red"])
        game.submit(Action("act", "red", "open_talks"))
        for _ in range(4):
            game.submit(Action("end_turn", "red"))
            if game.pending_choices("red"):
                game.submit(Action("choose", "red", "offer_from_grey", option="ignore"))
        leaks = [e for e in game.state.log if e.ref == "leak" and e.kind == "event"]
        assert len(leaks) <= 1
        fired.add(bool(leaks) and leaks[0].turn)
    assert len(fired) > 2  # the 0.5 chance spreads the leak over different weeks


def test_legal_actions_are_all_accepted_by_submit(mini):
    game = Game.new(mini, seed=3, humans=["red"])
    for action in game.legal_actions("red"):
        assert game.check(action).ok, action


def test_inbox_hides_what_a_power_may_not_see(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    assert any(e.ref == "open_talks" for e in game.inbox("red"))
    assert not any(e.ref == "open_talks" for e in game.inbox("blue"))
    assert any(e.ref == "open_talks" for e in game.inbox(None))


def test_a_human_choice_takes_the_date_of_its_event(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    game.submit(Action("end_turn", "red"))
    game.submit(Action("end_turn", "red"))
    assert str(game.date) == "1939-05-01"
    game.submit(Action("choose", "red", "offer_from_grey", option="listen"))
    entries = [e for e in game.state.log if e.ref in ("offer_from_grey", "pact") and e.kind in ("choice", "offer")]
    assert [e.date for e in entries] == ["1939-05-03", "1939-05-03"]


def test_an_ending_that_needs_no_treaty_is_still_checked(tmp_path):
    """Endings are not looked for before a treaty is signed only when every ending needs one."""
    from game.scenario import load_scenario
    from tests.conftest import MINI

    path = tmp_path / "talks_end.yaml"
    path.write_text(MINI.read_text(encoding="utf-8").replace("when: {treaty: pact}", "when: {flag: talks}"),
                    encoding="utf-8")
    sc = load_scenario(path)
    game = Game.new(sc, seed=1, humans=["red"])
    for _ in range(2):
        game.submit(Action("end_turn", "red"))
    game.submit(Action("choose", "red", "offer_from_grey", option="listen"))
    assert game.state.outcome == "pact_signed" and not any(o.status == "signed" for o in game.state.offers.values())


def test_plan_weeks_are_never_those_of_an_earlier_plan_with_the_same_id(mini):
    """Plans are cached by id; a plan made later (a test's or a tool's variant) may reuse a freed id."""
    from dataclasses import replace

    from game.engine.compiled import compiled

    cx = compiled(mini)
    plan = mini.policy("eager").plan
    idle = replace(plan, rules=())
    cx.memo["plan", id(idle), "red"] = (plan, cx.plan_weeks(plan, "red", mini))  # as if `plan` had had idle's id
    assert all(week == [] for week in cx.plan_weeks(idle, "red", mini))
    assert any(cx.plan_weeks(plan, "red", mini))


def test_every_action_kind_saves_only_its_own_fields_and_reads_back(mini):
    from game.engine.actions import ACTION_KINDS

    for kind in ACTION_KINDS.values():
        action = Action(kind.name, "red", "x" if "target" in kind.fields else "",
                        ("a",) if "clauses" in kind.fields else (), "o" if "option" in kind.fields else "")
        data = action.to_dict()
        assert set(data) == {"kind", "power", *kind.fields}
        assert Action.from_dict(data) == action


def test_ai_powers_act_through_the_checked_path(mini, monkeypatch):
    """Every action an AI controller takes goes through Game.perform's check, as a human's does."""
    checked = []
    original = Game.check

    def spy(self, action, explain_why=True):
        checked.append(action)
        return original(self, action, explain_why)

    monkeypatch.setattr(Game, "check", spy)
    game = Game.new(mini, seed=3, policies={"red": "random"})
    game.run_until_human()
    acts = [e for e in game.state.log if e.kind == "action"]
    assert acts and all(any(a.kind == "act" and a.target == e.ref for a in checked) for e in acts)
