"""A class's saves: its own autosave slot (its name and code), files named after it, its names in the list."""

from __future__ import annotations

from game.engine import Action
from game.engine.classroom import ClassOptions
from game.ui.save_list import save_infos
from game.ui.screens.pause import LoadScreen
from game.ui.session import Session
from game.ui.settings import autosave_path, saves_dir


def class_session(name: str, code: int) -> Session:
    options = ClassOptions.typed(name, {"ussr": "Politburo", "britain": "Кабинет"})
    return Session.new(None, seed=code, seats=("ussr", "britain"), options=options)


def end_week(s: Session) -> None:
    for power in s.seats:
        assert s.submit(Action("end_turn", power))


def test_each_class_autosaves_in_its_own_slot_and_the_machines_stays(home):
    alone = Session.new(None, seed=1)
    assert alone.submit(Action("end_turn", alone.power))
    before = autosave_path().read_bytes()
    first, second = class_session("7B", 4242), class_session("8A Historia", 99)
    end_week(first)
    end_week(second)
    assert (saves_dir() / "autosave-7b-4242.json").is_file()
    assert (saves_dir() / "autosave-8a-historia-99.json").is_file()
    assert autosave_path().read_bytes() == before


def test_a_class_save_is_named_after_the_class_and_listed_with_its_teams(home):
    s = class_session("7B", 4242)
    path = s.save_new()
    assert path.name.startswith("7b-4242-week01-")
    end_week(s)
    infos = {i.path.name: i for i in save_infos()}
    auto = infos["autosave-7b-4242.json"]
    label, sub, _when = LoadScreen.describe(auto)
    assert auto.autosave and label == "Class 7B: autosave"
    assert "teams: USSR (Politburo), Britain (Кабинет)" in sub
    assert LoadScreen.describe(infos[path.name])[0] == "Class 7B: saved game"
