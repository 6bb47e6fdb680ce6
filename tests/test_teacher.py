"""The teacher's steps (bring in an event, hand a seat over, end the game), rollback to a week's start, and
lesson checkpoints: rules of the engine, tested without a window."""

from __future__ import annotations

import pytest

from game.engine import Action, Game
from game.engine.checkpoints import play_to, week_of
from game.engine.save_check import state_problem
from game.engine.saves import load_game, replay, rewind_to_week, save_game
from game.engine.teacher import STOPPED, TEACHER
from game.export.decisions import ClassInfo, class_decisions, decisions_csv

SEATS = ("ussr", "britain", "germany")


@pytest.fixture(scope="module")
def sc():
    from game.paths import DEFAULT_SCENARIO
    from game.scenario import load_scenario

    return load_scenario(DEFAULT_SCENARIO)


def class_game(sc, seed: int = 5) -> Game:
    return Game.new(sc, seed=seed, humans=SEATS)


def end_week(game: Game) -> None:
    """Every seat answers its questions with the default and ends the week."""
    for power in game.waiting_for():
        while (waiting := game.pending_choices(power)) and not game.over:
            game.submit(Action("choose", power, waiting[0].id, option=waiting[0].default_choice().id))
        if not game.over:
            game.submit(Action("end_turn", power))


def teacher(kind: str, target: str = "", option: str = "", why: str = "") -> Action:
    return Action(kind, TEACHER, target, option=option, why=why)


def test_rewinding_to_a_week_gives_the_game_as_it_stood_at_that_weeks_start(sc):
    game = class_game(sc)
    starts = {}
    while game.state.turn <= 5:
        starts.setdefault(game.state.turn, game.state.to_dict())
        end_week(game)
    for week in (1, 3, 5):
        assert rewind_to_week(game, week).state.to_dict() == starts[week]


def test_rewinding_to_this_week_takes_back_its_steps(sc):
    game = class_game(sc)
    end_week(game)
    start = game.state.to_dict()
    game.submit(Action("end_turn", "ussr"))
    back = rewind_to_week(game, game.state.turn)
    assert back.state.to_dict() == start and back.waiting_for() == list(SEATS)


def test_a_week_not_yet_begun_cannot_be_rewound_to(sc):
    with pytest.raises(ValueError, match="has not begun"):
        rewind_to_week(class_game(sc), 2)


def test_only_an_injectable_event_can_be_brought_in(sc):
    game = class_game(sc)
    result = game.submit(teacher("inject", "germany_invades_poland"))
    assert not result.ok and "does not let a teacher" in result.reason


def test_a_step_of_the_teachers_kind_by_a_power_is_refused(sc):
    result = class_game(sc).submit(Action("inject", "ussr", "leak_german_contacts"))
    assert not result.ok and "Only the teacher" in result.reason


def test_an_injected_event_fires_this_week_with_the_teachers_note_seen_by_the_facilitator_only(sc):
    game = class_game(sc)
    end_week(game)
    assert game.submit(teacher("inject", "leak_german_contacts", why="What if the talks leak now?")).ok
    entries = [e for e in game.state.log if e.turn == 2]
    note = next(e for e in entries if e.kind == "teacher")
    fired = next(e for e in entries if e.ref == "leak_german_contacts")
    assert game.state.fired["leak_german_contacts"] == 2 and note.why == "What if the talks leak now?"
    assert all(note not in game.inbox(p) for p in SEATS) and note in game.inbox(None)
    assert all(fired in game.inbox(p) for p in SEATS)
    again = game.submit(teacher("inject", "leak_german_contacts"))
    assert not again.ok and "already happened" in again.reason


def test_a_seat_handed_to_the_game_no_longer_holds_up_the_week_and_answers_its_questions(sc):
    game = class_game(sc)
    end_week(game)
    end_week(game)   # week 3: the question of Litvinov waits for the USSR
    assert game.pending_choices("ussr")
    game.submit(Action("end_turn", "britain"))
    game.submit(Action("end_turn", "germany"))
    assert game.submit(teacher("seat", "ussr", "historical", why="The team is at the museum.")).ok
    assert game.state.chosen["litvinov_question"] == "dismiss" and game.state.turn == 4
    assert game.humans == ("britain", "germany") and game.waiting_for() == ["britain", "germany"]


def test_a_seat_given_back_to_its_team_waits_for_it_again(sc):
    game = class_game(sc)
    game.submit(teacher("seat", "britain", "ai"))
    assert game.submit(teacher("seat", "britain")).ok
    assert game.humans == SEATS and "britain" in game.waiting_for()
    assert not game.submit(teacher("seat", "britain")).ok


def test_the_last_seat_with_its_team_cannot_be_handed_over(sc):
    game = class_game(sc)
    game.submit(teacher("seat", "britain", "ai"))
    game.submit(teacher("seat", "germany", "ai"))
    result = game.submit(teacher("seat", "ussr", "ai"))
    assert not result.ok and "end the game" in result.reason


def test_a_stopped_game_ends_stopped_by_the_teacher_and_exports_its_note(sc):
    from game.engine.debrief import debrief

    game = class_game(sc)
    end_week(game)
    assert game.submit(teacher("stop", why="The bell rang.")).ok
    assert game.over and game.state.outcome == STOPPED
    assert debrief(game, "ussr")["title"] == "Stopped by the teacher"
    csv = decisions_csv(class_decisions(game, SEATS, ClassInfo("7b")))
    assert "Teacher,,2," in csv and "The bell rang." in csv


def test_a_stopped_game_counts_its_weeks_as_the_desk_does(sc):
    from game.engine.debrief import debrief
    from game.engine.view import PowerView

    game = class_game(sc)
    end_week(game)
    game.submit(teacher("stop"))
    last = PowerView(game, "ussr").week().last_turn
    assert f"in week 2 of {last}," in debrief(game, "ussr")["summary"]


def test_the_teachers_steps_are_saved_and_replayed_exactly(sc, tmp_path):
    game = class_game(sc)
    end_week(game)
    game.submit(teacher("seat", "germany", "ai", why="absent"))
    game.submit(teacher("inject", "japanese_escalation", why="two fronts"))
    end_week(game)
    game.submit(teacher("seat", "germany"))
    end_week(game)
    assert state_problem(game.state.to_dict(), sc) is None
    rebuilt = replay(sc, game.state.seed, list(game.seats), {}, game.record)
    assert rebuilt.state.to_dict() == game.state.to_dict()
    path = tmp_path / "class.json"
    save_game(game, path)
    loaded, notes = load_game(path, sc)
    assert notes == [] and loaded.state.to_dict() == game.state.to_dict() and loaded.humans == SEATS


def test_a_saved_teachers_step_naming_no_policy_is_refused(sc, tmp_path):
    import json

    from game.scenario import ScenarioError

    game = class_game(sc)
    game.submit(teacher("seat", "germany", "ai"))
    path = tmp_path / "class.json"
    save_game(game, path)
    doc = json.loads(path.read_text())
    doc["actions"][0]["option"] = "nobody"
    path.write_text(json.dumps(doc))
    with pytest.raises(ScenarioError, match=r"actions\[0\]\.option: unknown policy"):
        load_game(path, sc)


def test_a_game_started_at_a_checkpoint_stands_at_its_week_with_the_question_for_the_seats(sc):
    game = class_game(sc)
    play_to(game, "litvinov_question")
    assert game.state.turn == week_of(sc, "litvinov_question") == 3
    assert game.humans == SEATS and game.waiting_for() == list(SEATS)
    assert "litvinov_question" in [e.id for e in game.pending_choices("ussr")]


def test_the_path_to_a_checkpoint_is_the_documented_one(sc):
    game = class_game(sc)
    play_to(game, "last_fortnight")
    st = game.state
    assert st.turn == 18 and not game.over
    assert st.chosen["litvinov_question"] == "dismiss" and st.chosen["political_basis"] == "political_basis"


def test_a_checkpoint_outside_the_calendar_or_sharing_a_week_is_an_error(sc):
    from game.paths import DEFAULT_SCENARIO
    from game.scenario.loader import check_data

    text = DEFAULT_SCENARIO.read_text(encoding="utf-8")
    text = text.replace("    date: 1939-07-24\n    title: The political text", "    date: 1940-07-24\n    title: The political text")
    text = text.replace("    date: 1939-08-07\n    title: The military", "    date: 1939-08-15\n    title: The military")
    _, report = check_data(text.encode(), "1939.yaml")
    errors = [str(e) for e in report.errors]
    assert any("'political_text' is dated 1940-07-24, outside the calendar" in e for e in errors), errors
    assert any("'missions_arrive' and 'last_fortnight' fall in the same week" in e for e in errors), errors


def test_a_class_that_starts_at_a_checkpoint_is_replayed_from_it(sc):
    from game.engine.classroom import ClassOptions

    options = ClassOptions(name="7b", start="political_text")
    game = Game.new(sc, seed=9, humans=SEATS, options=options)
    assert game.state.turn == 15 and game.waiting_for() == list(SEATS)
    end_week(game)
    rebuilt = replay(sc, 9, list(SEATS), {}, game.record, options)
    assert rebuilt.state.to_dict() == game.state.to_dict()
    assert rewind_to_week(game, 3).state.turn == 15


def test_a_lesson_stops_once_its_checkpoints_week_begins(sc):
    from game.engine.checkpoints import crossed

    game = class_game(sc)
    end_week(game)
    assert crossed(game, "litvinov_question", 1) is None
    end_week(game)
    assert crossed(game, "litvinov_question", 2).id == "litvinov_question"
    assert crossed(game, "litvinov_question", 3) is None and crossed(game, None, 2) is None


def test_a_saved_class_names_only_checkpoints_of_its_scenario(sc, tmp_path):
    import json

    from game.engine.classroom import ClassOptions
    from game.scenario import ScenarioError

    path = tmp_path / "class.json"
    save_game(Game.new(sc, seed=2, humans=SEATS, options=ClassOptions(name="7b", stop="last_fortnight")), path)
    assert load_game(path, sc)[0].options.stop == "last_fortnight"
    doc = json.loads(path.read_text())
    doc["class"]["stop"] = "last_week"
    path.write_text(json.dumps(doc))
    with pytest.raises(ScenarioError, match=r"class\.stop: the scenario has no checkpoint 'last_week'"):
        load_game(path, sc)


@pytest.mark.parametrize(("flags", "says"), [(("--start", "litvinov"), "no checkpoint 'litvinov' (did you mean"),
                                             (("--start", "last_fortnight", "--stop", "political_text"),
                                              "comes no later than")])
def test_play_refuses_a_lesson_between_checkpoints_it_cannot_find(flags, says):
    from tests.test_cli import main_py

    out = main_py("play", "--seats", "ussr", *flags)
    assert out.returncode == 2 and says in out.stderr and "Traceback" not in out.stderr, out


def test_the_printed_debrief_of_a_stopped_game_says_so_and_prints_the_teachers_notes(sc, tmp_path):
    from game.export.files import write_debrief

    game = class_game(sc)
    game.submit(teacher("inject", "baltic_states_object", why="Were the guarantees wanted?"))
    game.submit(teacher("stop", why="The bell rang."))
    html = write_debrief(game, SEATS, tmp_path, ClassInfo("7b")).html.read_text(encoding="utf-8")
    assert "stopped by the teacher" in html and "Teacher" in html
    assert "Were the guarantees wanted?" in html and "The bell rang." in html
