"""Texts that name people follow who holds the office: {ussr.foreign_minister} is Litvinov while he is kept."""

from __future__ import annotations

from game.engine import Action, Game
from game.engine.view import PowerView
from game.scenario import load_scenario
from game.scenario.loader import check_data
from game.scenario.offices import fill
from tests.conftest import MINI, ROOT


def test_a_name_is_filled_in_with_who_holds_the_office():
    people = {"ussr": {"foreign_minister": ["Maxim Litvinov", "People's Commissar"]}}
    assert fill("{ussr.foreign_minister} speaks.", people) == "Maxim Litvinov speaks."
    assert fill("No names here {", people) == "No names here {"


def test_the_supreme_soviet_hears_litvinov_when_he_was_kept():
    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    for option, speaker in (("keep", "Maxim Litvinov"), ("dismiss", "Vyacheslav Molotov")):
        game = Game.new(sc, seed=1, humans=["ussr"])
        for _ in range(10):
            waiting = game.pending_choices("ussr")
            if waiting and waiting[0].id == "supreme_soviet_speech":
                break
            for event in waiting:
                choice = option if event.id == "litvinov_question" else event.default_choice().id
                assert game.submit(Action("choose", "ussr", event.id, option=choice)).ok
            if not game.pending_choices("ussr"):
                game.submit(Action("end_turn", "ussr"))
        question = PowerView(game, "ussr").question("supreme_soviet_speech")
        assert question.text.startswith(f"31 May 1939. {speaker}, People's Commissar"), option
        (entry,) = [e for e in game.state.log if e.ref == "supreme_soviet_speech"]
        assert entry.text.startswith(f"31 May 1939. {speaker},")


def test_check_refuses_a_name_of_an_unknown_office_with_its_place():
    text = MINI.read_text(encoding="utf-8")
    assert "    name: Open talks with Grey\n" in text
    changed = text.replace("    name: Open talks with Grey\n",
                           "    name: Open talks with Grey\n    text: \"{red.foreign_ministr} calls on Grey.\"\n")
    sc, report = check_data(changed.encode(), "mini-names.yaml")
    assert sc is None
    line = changed[: changed.index("{red.foreign_ministr}")].count("\n") + 1
    assert any(f"mini-names.yaml:{line}:" in str(d) and "unknown office 'foreign_ministr'" in str(d)
               and "did you mean 'foreign_minister'" in str(d) for d in report.errors), report.errors
