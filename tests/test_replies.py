"""An answer to the player's draft is one line of the week's report: who answered, what, and why in words."""

from __future__ import annotations

from game.engine import Action, Game
from game.engine.view import PowerView
from tests.test_forecast import variant


def answered(mini, draft: tuple[str, ...]) -> tuple[PowerView, list]:
    """Red, at trust 0 with Blue, sends Blue a draft of the alliance and ends weeks until Blue has answered (Blue
    without its rule of sending drafts of its own)."""
    sc = variant("      rules:\n        - when: {turn: {min: 2}}\n          do: {propose: {offer: alliance}}",
                 "      rules: []")
    game = Game.new(sc, seed=1, humans=["red"])
    game.state.trust["blue"]["red"] = 0
    assert game.submit(Action("propose", "red", "alliance", draft)).ok
    view = PowerView(game, "red")
    for _ in range(3):
        answers = [e for e in view.inbox() if e.power == "blue" and e.kind in ("accept", "reject", "propose")]
        if answers:
            return view, answers
        game.submit(Action("end_turn", "red"))
    raise AssertionError("Blue never answered")


def test_a_rejection_names_who_what_and_why(mini):
    view, answers = answered(mini, ("assistance",))
    assert [e.kind for e in answers] == ["reject"]
    day = int(answers[0].date[-2:])
    assert view.reply(answers[0]) == (f"Blue Kingdom rejects your draft of the Red-Blue alliance ({day} April): "
                                      "Blue Kingdom does not trust Red Republic enough.")


def test_a_counter_draft_names_the_clauses_it_changes_and_why(mini):
    view, answers = answered(mini, ("assistance", "passage"))
    assert [e.kind for e in answers] == ["propose"]
    line = view.reply(answers[0])
    assert line.startswith("Blue Kingdom answers your draft of the Red-Blue alliance with its own (")
    assert line.endswith(", which drops ‘Right of passage’: Blue Kingdom does not trust Red Republic enough.")


def test_other_entries_are_no_replies(mini):
    view, answers = answered(mini, ("assistance",))
    assert all(view.reply(e) == "" for e in view.inbox() if e is not answers[0])


def test_an_answer_to_a_persons_draft_is_not_dated_before_the_day_they_ended_the_week_on():
    from game.scenario import load_scenario
    from tests.conftest import ROOT
    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    game = Game.new(sc, seed=3, humans=["ussr"])
    game.table.open(sc.offer("german_pact"))
    assert game.submit(Action("propose", "ussr", "german_pact", ("non_aggression",))).ok
    game.submit(Action("end_turn", "ussr"))
    ended_on = game.state.today         # the week's clock when the player ends week 2
    game.submit(Action("end_turn", "ussr"))
    (answer,) = [e for e in game.state.log if e.power == "germany" and e.ref == "german_pact"]
    assert answer.turn == 2 and answer.date >= ended_on


def test_what_a_person_had_read_stays_first_in_their_inbox():
    """The week's report shows the entries after those already read: nothing the AI powers do once the person
    ends the week may be dated among them."""
    from game.scenario import load_scenario
    from tests.conftest import ROOT
    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    game = Game.new(sc, seed=3, humans=["ussr"])
    view = PowerView(game, "ussr")
    for _ in range(12):
        for event in game.pending_choices("ussr"):
            game.submit(Action("choose", "ussr", event.id, option=event.default_choice().id))
        read = [(e.date, e.kind, e.ref, e.title) for e in view.inbox()]
        game.submit(Action("end_turn", "ussr"))
        assert [(e.date, e.kind, e.ref, e.title) for e in view.inbox()][:len(read)] == read
