"""A scenario of another year with another player and three-day turns: the words follow its calendar, the day shown
never precedes the news shown, its people and its own texts are what the window shows."""

from __future__ import annotations

import pytest

from game.engine import Action, Game
from game.engine.view import PowerView
from game.export.handouts import _role
from game.scenario import load_scenario
from game.scenario.presentation import texts
from tests.conftest import ROOT

OTHER_YEAR = ROOT / "tests" / "fixtures" / "other_year.yaml"


@pytest.fixture(scope="module")
def other():
    return load_scenario(OTHER_YEAR)


def _played_to(sc, turn: int, first: str | None = None) -> Game:
    game = Game.new(sc, seed=3, humans=(sc.player,))
    if first:
        assert game.submit(Action("act", sc.player, first)).ok
    while True:
        for q in game.pending_choices(sc.player):
            game.submit(Action("choose", sc.player, q.id, option=q.default_choice().id))
        if game.state.turn >= turn:
            return game
        game.submit(Action("end_turn", sc.player))


def test_a_three_day_turn_is_called_a_turn(other):
    cal = other.calendar
    assert (cal.of_last(4, 13), cal.words("End week"), cal.turns(2)) == ("Turn 4 of 13", "End turn", "2 turns")
    game = _played_to(other, 2, first="send_envoy")
    envoy = next(a for a in PowerView(game, "britain").actions() if a.id == "send_envoy")
    assert envoy.reason == "Available again in 2 turns."


def test_a_seven_day_turn_is_still_a_week(mini):
    assert (mini.calendar.of_last(2, 8), mini.calendar.words("End week")) == ("Week 2 of 8", "End week")


def test_the_day_shown_never_precedes_the_news_shown(other):
    view = PowerView(_played_to(other, 4), "britain")   # turn 4: 10 to 12 June; the call-up is dated 12 June
    week = view.week()
    assert (week.start, week.today) == ("1925-06-10", "1925-06-12")
    assert all(e.date <= week.today for e in view.inbox())


def test_a_day_with_no_news_yet_is_the_turns_first(other):
    assert PowerView(_played_to(other, 3), "britain").week().today == "1925-06-07"


def test_a_power_lists_its_people_beyond_leader_and_foreign_minister(other):
    britain = next(p for p in PowerView(Game.new(other, seed=1), "valdria").powers() if p.id == "britain")
    assert britain.people[:2] == (("Stanley Baldwin", "Prime Minister"), ("Austen Chamberlain", "Foreign Secretary"))
    assert ("Winston Churchill", "Chancellor of the Exchequer") in britain.people
    assert "Chancellor of the Exchequer" in _role(other, other.power("britain"), "1")


def test_the_window_texts_default_to_what_the_scenario_says(other):
    said = texts(other)
    assert (said.title, said.subtitle, said.stamp) == ("The Harbour Question, 1925", "Great Britain, June – July 1925", "")
    assert said.ends == "The game ends when one of its outcomes comes about, or on 9 July 1925."


def test_the_1939_words_are_the_1939_scenarios():
    said = texts(load_scenario(ROOT / "scenarios" / "1939.yaml"))
    assert (said.title, said.map_title, said.role) == ("MOSCOW 1939", "Europe from Britain to the Urals", "You run Soviet foreign policy.")


def test_an_overlay_that_changes_the_player_says_its_own_texts():
    said = texts(load_scenario(ROOT / "scenarios" / "poland.yaml"))
    words = " ".join((said.title, said.subtitle, said.tagline, said.stamp, said.role))
    assert "Polish" in words and not any(w in words for w in ("Soviet", "MOSCOW", "Москва", "Совершенно"))


def test_the_printed_pages_of_another_year_say_turns_and_nothing_of_1939(other, tmp_path):
    import re

    from game.export.files import write_debrief
    from game.export.handouts import write_handouts

    game = _played_to(other, 3, first="send_envoy")
    written = write_debrief(game, (other.player,), tmp_path)
    pages = [written.html, written.grading, *write_handouts(other, tmp_path / "handouts")]
    html = " ".join(re.sub(r"<style.*?</style>", " ", p.read_text(encoding="utf-8"), flags=re.S) for p in pages)
    text = re.sub(r"<[^>]+>", " ", html)   # what is printed, not the class names of the page's style
    assert "Turn 1" in text
    text = text.replace("Moscow 1939 — free software", "")   # the program's own name in the footer may stay
    found = re.findall(r".{30}(?:soviet|ussr|1939|moscow|\bweeks?\b).{30}", text, re.IGNORECASE | re.S)
    assert not found


def test_the_files_and_messages_of_a_game_in_turns_say_turn(other):
    """A calendar of 3-day turns: the decisions' CSV header, a lesson's file name, the drift's cause and a
    script's refusal speak of turns, not weeks."""
    import datetime as dt

    from game.engine.ledger import Cause
    from game.engine.report import cause_words
    from game.engine.script import ScriptError, Step, play_script
    from game.export.decisions import ClassInfo, decisions_csv
    from game.export.files import lesson_stem

    sc = other
    unit = sc.calendar.unit
    assert unit == "turn"
    assert decisions_csv([], unit).splitlines()[0] == "seat,team,turn,date,decision,reason,votes"
    assert "-turn03-" in lesson_stem(ClassInfo("7b"), sc.id, 5, 3, dt.datetime(2026, 1, 1), unit)
    assert cause_words(sc, Cause("drift", "", ""), sc.player) == "the drift of every turn"
    game = _played_to(sc, 2)
    with pytest.raises(ScriptError, match=r"^.*turn 1 has passed \(it is turn 2\)"):
        play_script(game, [Step(Action("act", sc.player, "x"), turn=1, where="here")])
