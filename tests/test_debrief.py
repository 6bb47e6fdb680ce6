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


def passive_1939(seed: int, proposal: Action | None = None) -> Game:
    """A 1939 game whose player only answers questions with their default and ends each week (and, if given,
    sends one draft in the first week)."""
    from game.scenario import load_scenario
    from tests.conftest import ROOT

    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    game = Game.new(sc, seed=seed, humans=(sc.player,))
    while not game.over:
        for event in game.pending_choices(sc.player):
            game.submit(Action("choose", sc.player, event.id, option=event.default_choice().id))
        if proposal is not None and game.check(proposal).ok:
            game.submit(proposal)
            proposal = None
        if not game.over:
            game.submit(Action("end_turn", sc.player))
    return game


def test_the_debrief_never_credits_a_passive_player_with_a_move():
    """1939 opens with Litvinov's proposal, sent in the Soviet name by the scenario: not the player's move."""
    game = passive_1939(3)
    assert any(e.kind == "propose" and e.power == "ussr" for e in game.state.log)
    assert {d["kind"] for d in debrief(game, "ussr")["decisions"]} == {"choice"}


def test_the_debrief_credits_the_players_own_draft_once():
    draft = Action("propose", "ussr", "anglo_french_alliance", ("mutual_assistance",))
    game = passive_1939(3, draft)
    mine = [d for d in debrief(game, "ussr")["decisions"] if d["kind"] == "propose"]
    assert [d["title"] for d in mine] == ["USSR proposes the Anglo-French-Soviet alliance"]
    entry = next(e for e in game.state.log if e.kind == "propose" and e.clauses == ("mutual_assistance",))
    assert (mine[0]["turn"], mine[0]["date"]) == (entry.turn, entry.date)
