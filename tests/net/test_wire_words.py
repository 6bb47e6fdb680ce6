"""What the browser seat reads beside the engine's snapshot: the words of its questions' options and its source
cards, only those it has unlocked."""

from __future__ import annotations

from game.engine import Action, Game
from game.engine.script import finish_weeks
from game.engine.signing import long_day
from game.engine.teacher import STOPPED_TITLE, TEACHER
from game.engine.view import PowerView
from game.net import wire


def asked(s1939) -> Game:
    """A game in which a question awaits the USSR."""
    game = Game.new(s1939, seed=11, humans=("ussr",))
    while not game.pending_choices("ussr"):
        game.submit(Action("end_turn", "ussr"))
    return game


def test_the_options_of_a_question_come_in_words(s1939) -> None:
    game = asked(s1939)
    data = wire.seat_view(game, "ussr")
    question = data["questions"][0]
    event = s1939.event(question["event"])
    assert data["question_options"] == {event.id: [{"id": c.id, "text": c.text} for c in event.choices]}


def test_a_seat_reads_the_source_cards_it_has_unlocked_and_no_other(s1939) -> None:
    game = asked(s1939)
    for seat in ("ussr", "britain"):
        cards = wire.seat_view(game, seat)["source_cards"]
        unlocked = PowerView(game, seat).sources()
        assert [c["id"] for c in cards] == unlocked
        assert cards[0]["title"] == s1939.source(unlocked[0]).title
    locked = [s for s in s1939.sources if s.id not in PowerView(game, "ussr").sources()]
    assert locked, "some cards are still locked"
    text = str(wire.seat_view(game, "ussr"))
    assert all(s.text not in text for s in locked if len(s.text) > 40)


def test_a_watcher_reads_every_power_by_its_name(s1939) -> None:
    powers = wire.public_view(Game.new(s1939, seed=11, humans=("ussr",)))["powers"]
    assert [(p["id"], p["short"]) for p in powers] == [(p.id, p.short) for p in s1939.powers]


def test_a_week_has_one_date_in_the_desk_s_words(s1939) -> None:
    """The heading and the notice of a new week both read `calendar.dates`: the week's days as the desk gives
    them, not a day of the week's news."""
    game = asked(s1939)
    calendar = wire.seat_view(game, "ussr")["calendar"]
    week = PowerView(game, "ussr").week()
    assert calendar["dates"] == s1939.calendar.span(week.turn) == "1 May to 7 May 1939"
    assert calendar["words"] == f"Week {week.turn} of {week.last_turn}" and calendar["ending"] is None
    assert wire.public_view(game)["calendar"] == calendar


def test_an_ended_game_tells_its_ending_in_the_scenario_s_words_and_no_week_past_the_last(s1939) -> None:
    game = Game.new(s1939, seed=11, humans=("ussr",))
    while not game.over:
        finish_weeks(game)
    calendar = wire.seat_view(game, "ussr")["calendar"]
    outcome = s1939.outcome(game.state.outcome)
    assert game.state.turn > calendar["last_turn"] and str(game.state.turn) not in calendar["words"]
    assert calendar["words"] == "The end" and calendar["dates"] == long_day(game.state.end_date)
    assert calendar["ending"] == {"title": outcome.title, "date": long_day(game.state.end_date),
                                  "summary": outcome.summary, "epilogue": outcome.epilogue,
                                  "historical": outcome.historical, "stopped": False}
    assert outcome.id not in (calendar["ending"]["title"], calendar["words"], calendar["dates"])


def test_a_game_the_teacher_stopped_says_so_as_its_ending(s1939) -> None:
    game = Game.new(s1939, seed=11, humans=("ussr",))
    assert game.submit(Action("stop", TEACHER)).ok
    ending = wire.public_view(game)["calendar"]["ending"]
    assert (ending["title"], ending["stopped"]) == (STOPPED_TITLE, True)
    assert ending["summary"].startswith("The teacher ended the game in week 1")


def test_a_step_that_cannot_be_taken_back_carries_the_engine_s_reason_under_the_page_s_key(s1939) -> None:
    game = asked(s1939)
    view = PowerView(game, "ussr")
    final = wire.seat_view(game, "ussr")["final"]
    question = view.questions()[0]
    for option in question.options:
        why = view.irreversible(Action("choose", "ussr", question.event, option=option))
        assert final.get(f"choose:{question.event}:{option}", "") == why
    assert any(final.values()), "the question has an option that cannot be taken back"


def test_answering_a_question_and_ending_the_turn_each_say_what_was_done(s1939, tmp_path) -> None:
    from game.net.host import NetworkHost

    host = NetworkHost(asked(s1939), tmp_path / "host.json")
    with host.reading() as game:
        event = s1939.event(game.pending_choices("ussr")[0].id)
    choice = event.choices[-1]
    said = host.act("ussr", {"kind": "choose", "target": event.id, "option": choice.id})["result"]["confirmation"]
    assert event.title in said and choice.text.rstrip(".") in said
    ended = host.end_turn("ussr")["result"]["confirmation"]
    assert ended.startswith("You have ended your turn")
