"""A class game's options: saved and read back, checked on load, honoured by the view and by submit."""

from __future__ import annotations

import json

import pytest

from game.engine import Action, Game
from game.engine.classroom import ClassOptions, check_options
from game.engine.saves import dumps, load_game, without_last
from game.engine.view import PowerView
from game.scenario.diagnostics import ScenarioError
from tests.test_cli import main_py

OPTIONS = ClassOptions.typed("7B history — klasa ąę", {"red": "Politburo", "blue": "Кабинет"}, pin="4711",
                             hide_odds=True, hide_consequences=True, require_reason=True, turn_timer_minutes=8)


def class_game(mini, options: ClassOptions = OPTIONS) -> Game:
    return Game.new(mini, seed=77, humans=["red", "blue"], options=options)


@pytest.mark.parametrize("with_state", [True, False])
def test_class_options_survive_a_save_and_a_load(mini, tmp_path, with_state):
    game = class_game(mini)
    assert game.submit(Action("act", "red", "open_talks", why="Zyskać czas"))
    path = tmp_path / "class.json"
    path.write_text(dumps(game, with_state), encoding="utf-8")
    loaded, _notes = load_game(path, mini)
    assert loaded.options == OPTIONS and loaded.options.pin == "4711"
    assert loaded.options.team("blue") == "Кабинет" and loaded.state.seed == 77


def test_a_game_that_is_no_class_saves_no_class_options(mini):
    assert "class" not in json.loads(dumps(Game.new(mini, seed=1, humans=["red"])))


def test_taking_back_a_step_keeps_the_class_options(mini):
    game = class_game(mini)
    assert game.submit(Action("act", "red", "open_talks", why="Zyskać czas"))
    assert without_last(game).options == OPTIONS


@pytest.mark.parametrize("bad, where", [({"teams": {"nobody": "X"}}, "class.teams.nobody"),
                                        ({"pin": "12ab"}, "class.pin"), ({"hide_odds": "yes"}, "class.hide_odds"),
                                        ({"turn_timer_minutes": 999}, "class.turn_timer_minutes"),
                                        ({"name": "a\u202eb"}, "class.name"), ({"colour": 1}, "class")])
def test_a_damaged_class_in_a_save_is_refused_with_its_place(mini, tmp_path, bad, where):
    doc = json.loads(dumps(class_game(mini)))
    doc["class"] = bad
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        load_game(path, mini)
    assert f"save file is damaged: {where}" in str(err.value)


def test_typed_names_are_cleaned_and_a_wrong_pin_is_refused():
    typed = ClassOptions.typed("  7B\t history\n", {"red": " Team\u202e A ", "blue": "   "})
    assert typed.name == "7B  history" and typed.teams == (("red", "Team A"),)
    with pytest.raises(ValueError, match=r"class\.pin"):
        ClassOptions.typed("7B", pin="12 34")
    assert check_options(typed.to_dict()) == typed


def test_the_view_hides_the_odds_when_the_class_says_so(mini):
    plain = PowerView(Game.new(mini, seed=77, humans=["red"]), "red").draft("alliance", ("assistance",))
    hidden = PowerView(class_game(mini), "red").draft("alliance", ("assistance",))
    assert plain.odds and hidden.odds == ()


def test_the_view_hides_known_consequences_when_the_class_says_so(mini):
    plain = PowerView(Game.new(mini, seed=77, humans=["red"]), "red")
    hidden = PowerView(class_game(mini), "red")
    assert any(a.consequences for a in plain.actions()) and not any(a.consequences for a in hidden.actions())
    assert any(c.effects for c in plain.clauses("pact")) and not any(c.effects for c in hidden.clauses("pact"))
    assert any(plain.question("offer_from_grey").consequences)
    assert not any(hidden.question("offer_from_grey").consequences)


def test_a_seat_never_sees_the_teachers_pin(mini):
    view = PowerView(class_game(mini), "red")
    assert view.classroom().pin == "" and view.classroom().name == OPTIONS.name
    assert "4711" not in json.dumps(view.snapshot())


def test_the_pin_unlocks_the_console_and_no_pin_always_does():
    assert OPTIONS.unlocks(" 4711 ") and not OPTIONS.unlocks("1234")
    assert ClassOptions().unlocks("")


def test_a_class_that_requires_reasons_refuses_a_decision_without_one(mini):
    game = class_game(mini)
    bare = Action("act", "red", "open_talks")
    result = game.submit(bare)
    assert not result.ok and "reason" in result.reason and game.record == []
    assert PowerView(game, "red").needs_reason(bare)
    assert game.submit(Action("act", "red", "open_talks", why="To gain time."))
    assert game.submit(Action("end_turn", "red"))   # ending the week is no decision


def test_play_class_flags_need_seats_and_a_pin_of_digits():
    out = main_py("play", "--hide-odds")
    assert out.returncode == 2 and "--hide-odds is an option of a class game" in out.stderr
    out = main_py("play", "--seats", "ussr", "--pin", "abc")
    assert out.returncode == 2 and "--pin must be up to" in out.stderr
    out = main_py("play", "--seats", "ussr", "--teams", "A,B")
    assert out.returncode == 2 and "2 teams for 1 seats" in out.stderr
