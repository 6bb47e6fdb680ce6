"""The debrief data: the player's decisions beside the documented record, scores and history."""

from __future__ import annotations

from game.engine import Action, Game, debrief


def test_debrief_lists_decisions_scores_and_history(mini):
    game = Game.new(mini, seed=2, humans=["red"])
    game.submit(Action("act", "red", "speech", why="To steady nerves", votes=(("for", 3), ("against", 1))))
    while not game.over:
        for event in game.pending_choices("red"):
            game.submit(Action("choose", "red", event.id, option="ignore"))
        game.submit(Action("end_turn", "red"))
    data = debrief(game, "red")
    assert data["outcome"] == game.state.outcome
    assert data["decisions"][0] == {"turn": 1, "date": "1939-04-17", "kind": "action", "title": "Give a speech",
                                    "ref": "speech", "power": "red", "why": "To steady nerves",
                                    "votes": (("for", 3), ("against", 1))}
    assert any(d["kind"] == "choice" for d in data["decisions"])
    assert [s["id"] for s in data["scores"]] == ["security"]  # urgency is hidden and unscored
    assert len(data["history"]) == len(game.state.history) and "urgency" not in data["history"][0]
    assert data["historical_decisions"] == []  # the mini scenario has no documented record
