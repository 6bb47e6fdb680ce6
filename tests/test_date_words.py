"""One wording for dates: the scenario calendar's ('4 June 1939'), on paper as on the screen."""

from __future__ import annotations

import datetime as dt
import re

from game.engine import Action, Game
from game.export.debrief import build_html, class_debrief
from game.scenario.calendar import Calendar, day_words


def test_a_day_is_worded_without_a_leading_zero():
    assert day_words("1939-06-04") == "4 June 1939"
    assert day_words(dt.date(1939, 6, 4), year=False) == "4 June"


def test_a_date_already_in_words_is_kept_as_written():
    assert day_words("September 1938") == "September 1938"


def test_a_week_is_worded_in_the_same_words():
    cal = Calendar(dt.date(1938, 12, 26), dt.date(1939, 9, 1))
    assert cal.span(1) == "26 December 1938 to 1 January 1939"
    assert cal.span(2) == "2 January to 8 January 1939"
    assert cal.day("1939-01-02", year=False) == day_words(dt.date(1939, 1, 2), year=False) == "2 January"


def test_the_printed_debrief_words_every_date(mini):
    game = Game.new(mini, seed=2, humans=["red"])
    game.submit(Action("act", "red", "speech"))
    while not game.over:
        for event in game.pending_choices("red"):
            game.submit(Action("choose", "red", event.id, option="ignore"))
        game.submit(Action("end_turn", "red"))
    text = re.sub(r"<[^>]+>", " ", build_html(class_debrief(game, ["red"]), mini))
    assert day_words(game.state.end_date) in text
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
