"""Reasons and vote tallies: kept with the decision in the record, the log and saves, and checked on load."""

from __future__ import annotations

import json

import pytest

from game.engine import Action, Game
from game.engine.notes import MAX_REASON, check_reason, check_votes, clean_reason, clean_votes, votes_text
from game.engine.saves import dumps, load_game, replay, save_game
from game.scenario.diagnostics import ScenarioError

WHY = "Zyskać czas — выиграть время"
VOTES = (("for", 5), ("against", 2), ("abstain", 1))


def noted_game(mini) -> Game:
    """Red opens talks and proposes the pact with reasons; answers Grey's note without one."""
    game = Game.new(mini, seed=3, humans=["red"])
    assert game.submit(Action("act", "red", "open_talks", why=WHY, votes=VOTES))
    assert game.submit(Action("propose", "red", "pact", ("non_aggression",), why="<script>alert(1)</script>"))
    return game


def test_a_reason_and_votes_are_kept_in_the_record_and_the_decisions_log_entry(mini):
    game = noted_game(mini)
    assert game.record[0].why == WHY and game.record[0].votes == VOTES
    action = next(e for e in game.state.log if e.kind == "action")
    proposal = next(e for e in game.state.log if e.kind == "propose")
    assert (action.why, action.votes) == (WHY, VOTES)
    assert proposal.why == "<script>alert(1)</script>" and proposal.votes == ()


def test_a_reason_goes_only_to_the_entries_of_its_own_decision(mini):
    game = noted_game(mini)
    others = [e for e in game.state.log if e.kind not in ("action", "propose")]
    assert others and not any(e.why or e.votes for e in others)


def test_a_choice_carries_its_reason(mini):
    game = Game.new(mini, seed=1, humans=["red"])
    while not game.pending_choices("red"):
        assert game.submit(Action("end_turn", "red"))
    assert game.submit(Action("choose", "red", "offer_from_grey", option="listen", why="Hear them out",
                              votes=(("listen", 4), ("ignore", 3))))
    choice = next(e for e in game.state.log if e.kind == "choice")
    assert choice.why == "Hear them out" and choice.votes == (("listen", 4), ("ignore", 3))


def test_reasons_and_votes_survive_a_save_and_a_replay(mini, tmp_path):
    game = noted_game(mini)
    path = tmp_path / "save.json"
    save_game(game, path)
    loaded, notes = load_game(path, mini)
    assert notes == [] and loaded.record == game.record and loaded.state == game.state
    again = replay(mini, game.state.seed, list(game.humans), game.policies, game.record)
    assert dumps(again) == dumps(game)


def test_the_order_of_the_votes_survives_a_save(mini, tmp_path):
    game = noted_game(mini)
    save_game(game, tmp_path / "save.json")
    assert load_game(tmp_path / "save.json", mini)[0].record[0].votes == VOTES


def test_a_game_without_reasons_saves_no_reason_fields(mini):
    game = Game.new(mini, seed=3, humans=["red"])
    game.submit(Action("act", "red", "open_talks"))
    doc = json.loads(dumps(game))
    assert all("why" not in a and "votes" not in a for a in doc["actions"])
    assert all("why" not in e and "votes" not in e for e in doc["state"]["log"])


def test_typed_reasons_lose_control_characters_and_keep_every_alphabet():
    assert clean_reason("  Łódź\x00 i\x1b[31m Москва\u202e\r\nдалее\t! ") == "Łódź i[31m Москва\nдалее !"
    assert clean_reason("x" * (MAX_REASON + 50)) == "x" * MAX_REASON
    assert clean_votes({" for\n": 5, "against": 2}) == (("for", 5), ("against", 2))


@pytest.mark.parametrize("bad", ["bell\x07", "x" * (MAX_REASON + 1), " padded", 7, "\ud800"])
def test_a_reason_read_from_a_file_must_be_clean(bad):
    with pytest.raises(ValueError):
        check_reason(bad)


@pytest.mark.parametrize("bad", [{"for": -1}, {"for": True}, {"for": 1.5}, {"": 3}, {"a\nb": 1}, [["for", 1], ["for", 2]],
                                 "for 5", {str(i): 1 for i in range(11)}, {"for": 10**9}])
def test_a_vote_tally_read_from_a_file_must_be_well_formed(bad):
    with pytest.raises(ValueError):
        check_votes(bad)


def test_votes_read_as_words():
    assert votes_text(VOTES) == "for 5, against 2, abstain 1"


@pytest.mark.parametrize("field, value", [("why", "ring\x07"), ("why", "y" * (MAX_REASON + 1)), ("votes", {"for": -2}),
                                          ("votes", "many")])
def test_a_save_whose_record_holds_a_bad_reason_or_tally_is_refused(mini, tmp_path, field, value):
    doc = json.loads(dumps(noted_game(mini)))
    doc["actions"][0][field] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ScenarioError, match="damaged"):
        load_game(path, mini)


def test_a_stored_log_entry_with_a_bad_reason_is_rebuilt_from_the_record(mini, tmp_path):
    game = noted_game(mini)
    doc = json.loads(dumps(game))
    entry = next(e for e in doc["state"]["log"] if e.get("why"))
    entry["why"] = "hidden\x1b]0;title\x07"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    loaded, notes = load_game(path, mini)
    assert notes and "rebuilt" in notes[0]
    assert loaded.state == game.state


def test_a_seats_view_shows_its_own_reasons_but_not_another_seats(mini):
    from game.engine.view import PowerView

    game = Game.new(mini, seed=3, humans=["red", "grey"])
    assert game.submit(Action("act", "red", "open_talks", why="Our reason"))
    assert game.submit(Action("propose", "red", "pact", ("non_aggression",), why="Private", votes=(("for", 2),)))
    seen_by_grey = next(e for e in PowerView(game, "grey").inbox() if e.kind == "propose")
    seen_by_red = next(e for e in PowerView(game, "red").inbox() if e.kind == "propose")
    assert (seen_by_grey.why, seen_by_grey.votes) == ("", ())
    assert (seen_by_red.why, seen_by_red.votes) == ("Private", (("for", 2),))
    assert next(e for e in game.state.log if e.kind == "propose").why == "Private"   # the record keeps it
