"""What the browser seat reads beside the engine's snapshot: the words of its questions' options and its source
cards, only those it has unlocked."""

from __future__ import annotations

from game.engine import Action, Game
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
