"""The ending's verdict: the result against history and against the scenario's own policies in simulation."""

from __future__ import annotations

import pytest

from game.engine import Action, Game, debrief
from game.engine import verdict as verdict_module
from game.engine.verdict import finals, simulate_finals, verdicts
from tests.test_forecast import variant


@pytest.fixture(autouse=True)
def fresh_memo(monkeypatch):
    monkeypatch.setattr(verdict_module, "_memo", {})


def ended(sc) -> Game:
    """A game of the mini scenario whose player only ends weeks (and ignores Grey's offer)."""
    game = Game.new(sc, seed=5, humans=["red"])
    while not game.over:
        for event in game.pending_choices("red"):
            game.submit(Action("choose", "red", event.id, option="ignore"))
        game.submit(Action("end_turn", "red"))
    return game


def test_the_verdict_is_the_share_of_simulated_games_the_result_beats(mini):
    game = ended(mini)
    pooled = [row["security"] for rows in simulate_finals(mini, "red", 20).values() for row in rows]
    assert len(pooled) == 40 and len(set(pooled)) > 1, "the policies reach a range"
    (found,) = verdicts(game, "red", games=20)
    value = game.state.meters["security"]
    assert found.better_than == sum(v < value for v in pooled) / 40
    assert found.text == f"Security {value:.0f}: better than {found.better_than * 100:.0f} % of simulated Red Republic " \
                         "policies"
    assert found.history is None     # the mini scenario has no historical policy


def test_a_result_beyond_every_simulated_game_beats_them_all(mini):
    game = ended(mini)
    game.state.meters["security"] = 100
    assert verdicts(game, "red", games=20)[0].better_than == 1.0
    game.state.meters["security"] = 0
    assert verdicts(game, "red", games=20)[0].better_than == 0.0


def test_lower_is_better_counts_the_other_way(mini):
    sc = variant("{id: security, name: Security, start: 20, drift: -1, power: red}",
                 "{id: security, name: Security, start: 20, drift: -1, power: red, good: low}")
    game = ended(sc)
    game.state.meters["security"] = 0
    assert verdicts(game, "red", games=20)[0].better_than == 1.0


def test_history_is_the_historical_policys_mean_result(mini):
    sc = variant("  - id: eager\n", "  - id: historical\n")
    game = ended(sc)
    rows = simulate_finals(sc, "red", 20)["historical"]
    (found,) = verdicts(game, "red", games=20)
    assert found.history == pytest.approx(sum(r["security"] for r in rows) / 20)
    assert found.text.endswith(f" (history: about {found.history:.0f})")


def test_the_simulated_games_are_kept_in_the_cache_folder(mini, tmp_path, monkeypatch):
    first = finals(mini, "red", tmp_path, 10)
    (path,) = tmp_path.iterdir()
    monkeypatch.setattr(verdict_module, "_memo", {})
    monkeypatch.setattr(verdict_module, "simulate_finals", lambda *a: pytest.fail("played again"))
    assert finals(mini, "red", tmp_path, 10) == first
    path.write_text('{"version": 1, "finals": {"ai": [{"security": "x"}]}}', encoding="utf-8")
    monkeypatch.setattr(verdict_module, "_memo", {})
    monkeypatch.setattr(verdict_module, "simulate_finals", simulate_finals)
    assert finals(mini, "red", tmp_path, 10) == first     # a file that does not fit is played again


def test_no_verdict_while_the_game_goes_on_and_the_debrief_carries_it(mini):
    game = Game.new(mini, seed=5, humans=["red"])
    assert verdicts(game, "red") == [] and debrief(game, "red")["verdict"] == []
    game = ended(mini)
    assert [v["id"] for v in debrief(game, "red")["verdict"]] == ["security"]


def test_the_printed_debrief_shows_the_verdict(mini, tmp_path):
    from game.export.files import write_debrief

    game = ended(mini)
    written = write_debrief(game, ("red",), tmp_path)
    html = written.html.read_text(encoding="utf-8")
    assert "Against history and the simulated policies" in html
    assert f"{verdicts(game, 'red')[0].text}." in html


def test_the_signing_names_the_treaty_its_signers_and_only_a_partys_secret_clauses():
    from game.engine.view import PowerView
    from game.scenario import load_scenario
    from tests.conftest import ROOT

    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    game = Game.new(sc, seed=7, policies={"ussr": "historical"})
    game.run_until_human()
    signed = PowerView(game, "ussr").signing()
    assert (signed.offer, signed.place, signed.date) == ("german_pact", "Moscow", game.state.end_date)
    assert ("Vyacheslav Molotov", "People's Commissar for Foreign Affairs", "USSR") in signed.signers
    assert signed.secret and all(name not in dict(signed.clauses) for name, _ in signed.secret)
    assert PowerView(game, "poland").signing().secret == ()


def test_no_signing_when_the_game_ends_without_one(mini):
    from game.engine.view import PowerView

    assert PowerView(ended(mini), "red").signing() is None
