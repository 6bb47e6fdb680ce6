"""France's stated obstacle to the 1939 alliance names only what the draft holds: a draft without the military
convention is not refused for binding France's army to one."""

from __future__ import annotations

from game.engine import Game
from game.scenario import load_scenario
from tests.conftest import ROOT


def test_frances_obstacle_to_a_draft_without_the_convention_names_no_convention():
    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    game = Game.new(sc, seed=3, humans=(sc.player,))
    offer = sc.offer("anglo_french_alliance")
    draft = [c.id for c in offer.clauses if c.required or c.id == "mutual_assistance"]
    assert "military_convention" not in draft
    said = game.blocker(offer.id, draft, "france")
    assert said and "convention" not in said.lower(), said
