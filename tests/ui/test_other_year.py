"""A scenario of another year, with another player power and three-day turns: every screen `screenshot` renders
for it says only what the scenario says (no word of the shipped 1939 scenario), and nothing crashes."""

from __future__ import annotations

import re

import pygame
import pytest

from tests.conftest import ROOT

OTHER_YEAR = ROOT / "tests" / "fixtures" / "other_year.yaml"
PRODUCT_FOLDER = "moscow1939"   # the program's own folder in a path shown (its name may stay, as in the caption)
FOREIGN = re.compile(r"soviet|ussr|1939|moscow|molotov|stalin|eastern europe|kremlin|\bweeks?\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> list[str]:
    """Every text drawn while `screenshot` renders the other-year scenario."""
    from game.ui import theme
    from game.ui.screenshots import render_all

    texts: list[str] = []

    class Recording(pygame.font.Font):
        def render(self, text, *args, **kwargs):
            texts.append(str(text))
            return super().render(text, *args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(pygame.font, "Font", Recording)
    theme.reset_caches()
    try:
        render_all(tmp_path_factory.mktemp("shots"), OTHER_YEAR)
    finally:
        mp.undo()
        theme.reset_caches()
    return texts


def test_no_screen_of_another_year_says_what_its_scenario_did_not(drawn):
    assert drawn, "no text was captured"
    found = sorted({t for t in drawn if FOREIGN.search(t.replace(PRODUCT_FOLDER, ""))})
    assert not found, "\n".join(found)


def test_the_help_of_another_year_says_only_what_its_scenario_says():
    from game.scenario import load_scenario
    from game.ui.screens.dialog import help_blocks

    words = " ".join(b.text for b in help_blocks(load_scenario(OTHER_YEAR)))
    assert "Great Britain" in words and "End turn" in words and "9 July 1925" in words
    assert not FOREIGN.search(words)
