"""Hostile files and texts in the window: damaged settings, crashes mid-drawing, control characters,
over-long words and names, and strange things in the mods folder. The window never freezes or stays broken."""

from __future__ import annotations

import itertools

import pygame
import pytest

from game.ui.settings import Settings, config_dir


def write_settings(text: str) -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.json").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_settings_fall_back_to_defaults(depth):
    write_settings("[" * depth + "]" * depth)
    assert Settings.load() == Settings()
    write_settings('{"a":' * depth + "1" + "}" * depth)
    assert Settings.load() == Settings()


class Meter:
    id, name, min, max, start = "m", "A meter", 0, 100, 50


def test_a_crash_inside_the_chart_leaves_the_clip_as_it_was(app):
    """A bad value in the history raises while the chart's clip is set; the clip is restored all the same."""
    from game.ui.chart import draw_chart

    surf = pygame.Surface((600, 400))
    with pytest.raises(TypeError):
        draw_chart(surf, app.theme, pygame.Rect(50, 50, 300, 200), [{"m": 1}, {"m": "x"}], [Meter()])
    assert surf.get_clip() == surf.get_rect()


def test_a_crash_inside_a_scrolling_text_leaves_the_clip_as_it_was(app, monkeypatch):
    from game.ui.widgets import core
    from game.ui.widgets.text import Block

    text = core.ScrollText(pygame.Rect(10, 10, 300, 100), app.theme, [Block("body", "some words")])

    def boom(*args, **kwargs):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(core, "draw_lines", boom)
    surf = pygame.Surface((600, 400))
    with pytest.raises(RuntimeError):
        text.draw(surf, app.theme, False, False)
    assert surf.get_clip() == surf.get_rect()


def test_recovery_from_a_crash_resets_the_clip(app):
    """The safety net returns to the title with the whole window drawable, whatever the crash left behind."""
    from game.ui.screens.base import Screen
    from game.ui.screens.dialog import ErrorDialog

    class Clipped(Screen):
        def layout(self, theme, size):
            pass

        def draw(self, surf):
            surf.set_clip(pygame.Rect(100, 100, 50, 50))
            raise RuntimeError("drawing failed")

    app.push(Clipped(app))
    app.run(max_frames=3, safe=True)
    surf = pygame.display.get_surface()
    assert isinstance(app.top, ErrorDialog)
    assert surf.get_clip() == surf.get_rect()


@pytest.mark.parametrize("word", ["ш" * 20_000, "iW" * 10_000])
def test_a_20000_character_word_is_cut_into_lines_that_fit(app, word):
    """Every line fits, none could take the next character, and nothing is lost."""
    from game.ui.widgets.text import _wrap

    font = app.theme.font("sans")
    width = 400
    lines = _wrap(font, f"Before {word} after", width)
    pieces = lines[1:-1] if lines[-1] == "after" else [*lines[1:-1], lines[-1].removesuffix(" after")]
    assert lines[0] == "Before" and "".join(pieces) == word
    for line, following in itertools.pairwise(pieces):
        assert font.size(line)[0] <= width < font.size(line + following[0])[0]


def test_fit_ellipsizes_a_20000_character_text(app):
    from game.ui.widgets.text import fit

    font = app.theme.font("bold")
    short = fit(app.theme, "Molotov" * 3000, "strong", 300)
    assert short.endswith("…") and font.size(short)[0] <= 300 < font.size(short[:-1] + "ov…")[0]
    assert fit(app.theme, "Molotov", "strong", 300) == "Molotov"
