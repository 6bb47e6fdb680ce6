"""A gauge's colour says good or bad for the viewer: a rising threat is never green."""

from __future__ import annotations

import pygame
import pytest

from game.engine import Game
from game.engine.view import PowerView
from game.scenario import load_scenario
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def game():
    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    return Game.new(sc, seed=1, humans=(sc.player,))


def gauge(game, ident, power="ussr"):
    return next(g for g in PowerView(game, power).gauges() if g.id == ident)


def test_a_rising_threat_is_bad_even_while_it_is_low(game):
    game.state.meters["eastern_threat"] = 42        # started at 30; lower is better for the USSR
    assert gauge(game, "eastern_threat").standing == "bad"
    game.state.meters["eastern_threat"] = 20
    assert gauge(game, "eastern_threat").standing == "good"


def test_a_gauge_at_its_start_or_of_anothers_interest_is_neither(game):
    game.state.meters["western_security"] = 30      # its start
    assert gauge(game, "western_security").standing == ""
    game.state.meters["western_security"] = 50
    assert gauge(game, "western_security").standing == "good"
    assert gauge(game, "western_security", "poland").standing == ""   # the Soviet state's interest, not Poland's


def test_the_desk_draws_a_rising_threat_in_the_bad_colour(game):
    from game.ui.theme import Theme
    from game.ui.widgets.gauges import MeterWidget

    pygame.font.init()
    game.state.meters["eastern_threat"] = 42
    theme = Theme((1280, 720))
    widget = MeterWidget(pygame.Rect(0, 0, 300, 60), gauge(game, "eastern_threat"), 42, "")
    surf = pygame.Surface((300, 60))
    widget.draw(surf, theme, False, False)
    colours = {tuple(surf.get_at((x, y)))[:3] for x in range(5, 100) for y in range(20, 59)}
    assert tuple(theme.palette.bad) in colours and tuple(theme.palette.good) not in colours
