"""The app owns navigation: screens return requests, and screens are opened by their registered name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game.ui import flow
from game.ui.screens import SCREENS, screen_class

SCREENS_DIR = Path(__file__).resolve().parents[2] / "game" / "ui" / "screens"


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_each_registered_screen_names_itself_with_its_key(name):
    assert screen_class(name).name == name


def test_no_screen_module_imports_a_screen_inside_a_function():
    modules = {p.stem for p in SCREENS_DIR.glob("*.py")}
    found = []
    for path in SCREENS_DIR.glob("*.py"):
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom) and node.level == 1 and (node.module or "") in modules | {""}:
                    found.append(f"{path.name}:{node.lineno}")
    assert not found


def test_open_request_puts_the_named_screen_on_top(app):
    app.apply(flow.Open("dialog", title="A note", blocks=[]))
    assert app.top.name == "dialog" and app.top.title == "A note"
    app.apply(flow.Pop())
    assert app.top.name == "title"


def test_a_screen_returning_something_that_is_not_a_request_is_an_error(app):
    with pytest.raises(TypeError, match="not a request"):
        app.apply("desk")


def test_new_game_request_starts_the_session_with_the_briefing_over_the_desk(app):
    app.apply(flow.NewGame(app.top.scenario_path, 3))
    assert app.session is not None
    assert app.stack[0].name == "desk" and app.top.name == "briefing"


def test_new_game_request_for_a_broken_scenario_shows_its_errors_over_the_title(app, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: [unclosed\n", encoding="utf-8")
    app.apply(flow.NewGame(bad, 3))
    assert app.session is None and [s.name for s in app.stack] == ["title", "error"]


def test_load_request_for_a_missing_save_shows_why_and_keeps_the_title(app, tmp_path):
    app.apply(flow.LoadSave(tmp_path / "none.json"))
    assert app.session is None and [s.name for s in app.stack] == ["title", "error"]


def test_to_title_request_autosaves_a_running_game_and_drops_the_session(app):
    from game.ui.settings import autosave_path

    app.apply(flow.NewGame(app.top.scenario_path, 3))
    autosave_path().unlink(missing_ok=True)
    app.apply(flow.ToTitle())
    assert app.session is None and [s.name for s in app.stack] == ["title"]
    assert autosave_path().is_file()


def test_submit_request_hands_the_action_to_the_engine(app):
    from game.engine import Action

    app.apply(flow.NewGame(app.top.scenario_path, 3))
    app.stack = app.stack[:1]
    turn = app.session.game.state.turn
    app.apply(flow.Submit(Action("end_turn", app.session.power)))
    assert app.session.game.state.turn == turn + 1
