"""Every screen `main.py screenshot` renders, at 1280×720 and 1920×1080 with projector text and at 1280×720 with
large text: no text is cut by the box it is drawn in, cut off mid-word, or drawn over another text (the texts and
stamps are found by what is blitted)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pygame
import pytest

CUT: dict[str, str] = {}   # each text `fit` shortened, and the whole text
SEEN: list[tuple[str, str]] = []   # every text drawn in the shots of the current size: (shot, text)
NAMES: dict[str, str] = {}         # each shot's file name, by its number


@dataclass
class Drawn:
    """A text as drawn: its words, the rectangle its ink covers, and the shot it was drawn in."""

    text: str
    ink: pygame.Rect
    shot: str


def _texts_by_surface() -> dict[int, str]:
    """Every rendered line and stamp still cached, by the identity of its surface."""
    from game.ui.widgets import paper, text

    found = {id(surf): key[1] for key, surf in list(text._cache.items())}
    found |= {id(surf): f"[stamp] {key[0]}" for key, surf in list(paper._stamps.items())}
    return found


class Canvas(pygame.Surface):
    """A surface that notes each text blitted on it: cut by the clip, or over a text of the same layer (a
    blit of the whole window, the shade under a dialog or the frame's copy, starts a new layer)."""

    shot = ""
    problems: list[str] = []

    def __init__(self, size: tuple[int, int]):
        super().__init__(size)
        self.layer: list[Drawn] = []

    def blit(self, source, dest, area=None, special_flags=0):
        if source.get_size() == self.get_size():
            self.layer = []
        self._note(source, dest, area)
        return super().blit(source, dest, area, special_flags)

    def _note(self, source: pygame.Surface, dest, area) -> None:
        words = _texts_by_surface().get(id(source))
        if words is None:
            return
        SEEN.append((self.shot, words))
        ink = source.get_bounding_rect()
        pos = dest.topleft if isinstance(dest, pygame.Rect) else (int(dest[0]), int(dest[1]))
        if area is not None and not pygame.Rect(area).contains(ink):
            self.problems.append(f"{self.shot}: {words!r} drawn only in part ({area})")
        ink = ink.move(pos)
        clip = self.get_clip()
        if ink.left < clip.left or ink.right > clip.right or (clip == self.get_rect() and not clip.contains(ink)):
            self.problems.append(f"{self.shot}: {words!r} at {ink} cut by its box {clip}")
        whole = CUT.get(words)
        if whole is not None and re.match(r"\w…$", words[-2:]) and re.match(r"\w", whole[len(words) - 1]):
            self.problems.append(f"{self.shot}: {whole!r} cut mid-word to {words!r}")
        ink = ink.clip(clip)   # what is seen of it
        if not ink.w or not ink.h:
            return
        for other in self.layer:
            if other.ink == ink and other.text == words:   # drawn again (the hover or the focus over it)
                continue
            if other.ink.colliderect(ink) and min(other.ink.clip(ink).size) > 2:
                self.problems.append(f"{self.shot}: {words!r} at {ink} over {other.text!r} at {other.ink}")
        self.layer.append(Drawn(words, ink, self.shot))


@pytest.fixture(scope="module", params=[((1280, 720), 3), ((1920, 1080), 3), ((1280, 720), 2)],
                ids=["1280x720-projector", "1920x1080-projector", "1280x720-large"])
def problems(request, tmp_path_factory) -> list[str]:
    import sys

    from game.ui import screenshots, theme
    from game.ui.widgets import text

    original = text.fit

    def fit(theme, words: str, style: str, width: int) -> str:
        out = original(theme, words, style, width)
        if out != words:
            CUT[out] = words
        return out

    mp = pytest.MonkeyPatch()
    for name, module in list(sys.modules.items()):
        if name.startswith("game.ui") and getattr(module, "fit", None) is original:
            mp.setattr(module, "fit", fit)
    theme.reset_caches()
    Canvas.problems = []
    SEEN.clear()
    shots: list[str] = []

    def canvas(size: tuple[int, int]) -> Canvas:
        surf = Canvas(size)
        Canvas.shot = f"shot {len(shots) + 1}"
        shots.append(Canvas.shot)
        return surf

    try:
        paths = screenshots.render_all(tmp_path_factory.mktemp("projector"), None, canvas=canvas, only=request.param)
    finally:
        mp.undo()
        theme.reset_caches()
    assert len(paths) > 20
    names = {f"shot {i}:": f"{path.stem}:" for i, path in enumerate(paths, 1)}
    NAMES.update({f"shot {i}": path.stem for i, path in enumerate(paths, 1)})
    return [names[p.split(" ", 2)[0] + " " + p.split(" ", 2)[1]] + " " + p.split(" ", 2)[2] for p in Canvas.problems]


def test_no_text_is_cut_or_drawn_over_another_with_projector_or_large_text(problems):
    assert not problems, "\n".join(problems)


ISO_DAY = re.compile(r"(?<![-\w/])\d{4}-\d{2}-\d{2}(?![-\w])")   # not inside a file's name
PADDED_DAY = re.compile(r"\b0\d (?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", re.IGNORECASE)


def test_every_date_a_player_reads_is_in_the_calendars_words(problems):
    """'4 June 1939' (or '4 June'), never '1939-06-04' or '04 June' (the scenario calendar's day_words), on every
    screen of the game."""
    odd = [f"{NAMES[shot]}: {text}" for shot, text in SEEN
           if (ISO_DAY.search(text) or PADDED_DAY.search(text))]
    assert not odd, "\n".join(odd[:20])


def test_the_title_stamp_stays_on_its_cover_clear_of_its_lines(app):
    """At 1280×720 with Projector, Large and Normal text and at 1920×1080: the cover's stamp lies wholly on the
    cover, and over none of its lines."""
    for size, step in (((1280, 720), 3), ((1280, 720), 2), ((1920, 1080), 1), ((1920, 1080), 3)):
        app.settings.text_step = step
        app.size = size
        app.restyle()
        Canvas.problems = []
        surf = Canvas(size)
        app.dirty = True
        app.draw(surf)
        stamps = [d for d in surf.layer if d.text.startswith("[stamp]")]
        assert stamps and app.top.cover.contains(stamps[0].ink), (size, step, stamps)
        assert not Canvas.problems, Canvas.problems
