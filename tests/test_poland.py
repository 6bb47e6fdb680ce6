"""The Poland variant (scenarios/poland.yaml): a short overlay of 1939.yaml with Poland as the player."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.engine import Action, Game
from game.engine.view import PowerView
from game.scenario import check_scenario, load_scenario
from tests.conftest import ROOT

POLAND = ROOT / "scenarios" / "poland.yaml"


@pytest.fixture(scope="module")
def poland():
    return load_scenario(POLAND)


def test_the_poland_overlay_is_short_and_checks_clean():
    assert len(POLAND.read_text(encoding="utf-8").splitlines()) < 150
    scenario, report = check_scenario(POLAND)
    assert scenario is not None and report.items == []
    assert scenario.player == "poland" and scenario.bases == (str(ROOT / "scenarios" / "1939.yaml"),)


def test_poland_declares_its_own_policies(poland):
    assert {p.id for p in poland.policies if p.power == "poland"} >= {"beck_line", "transit"}


def test_poland_watches_the_anglo_french_soviet_talks_and_cannot_act_in_them(poland):
    game = Game.new(poland, seed=1, humans=("poland",))
    for _ in range(3):
        game.submit(Action("end_turn", "poland"))
    view = PowerView(game, "poland")
    assert [o.id for o in view.watched()] == ["anglo_french_alliance"]
    assert "anglo_french_alliance" not in {o.id for o in view.offers()}
    drafts = [e for e in view.inbox() if e.kind == "propose" and e.ref == "anglo_french_alliance"]
    assert drafts, "Poland reads the drafts of the Moscow talks"
    assert not game.check(Action("propose", "poland", "anglo_french_alliance", ("mutual_assistance",))).ok
    assert "german_pact" not in {o.id for o in view.watched() + view.offers()}


def test_the_game_goes_on_after_the_nazi_soviet_pact_until_the_german_attack(poland):
    game = Game.new(poland, seed=1, policies={"poland": "beck_line"})
    game.run_until_human()
    signed = game.state.offers["german_pact"].signed_turn
    assert signed is not None and signed < game.state.turn
    assert (game.state.outcome, game.state.end_date) == ("nazi_soviet_pact", "1939-09-01")


def test_an_outcome_of_the_players_own_choices_can_be_reached(poland):
    game = Game.new(poland, seed=1, policies={"poland": "transit"})
    game.run_until_human()
    assert game.state.outcome in ("triple_alliance", "paper_alliance")
    assert game.state.offers["german_pact"].status != "signed"


def test_the_poland_scenario_passes_its_own_tests():
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "test", str(POLAND)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
