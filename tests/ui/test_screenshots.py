"""`main.py screenshot` renders every screen to PNG without a display: each at its size, none blank, each with
text on it, and no two screens alike."""

from __future__ import annotations

import hashlib

import pygame

SCREENS = ("title", "briefing", "desk-actions", "desk-treaties", "desk-powers", "desk-telegrams", "negotiation",
           "event", "week-report", "archive", "pause", "settings", "load", "desk-1280x720",
           "desk-high-contrast-projector", "ending", "map-at-the-end", "handover", "handover-1280x720", "host",
           "host-1280x720")   # at least these, in this order


def edge_share(img: pygame.Surface) -> float:
    """The share of pixels on a sharp edge (type and lines make many; an empty or flat picture almost none)."""
    edges = pygame.transform.laplacian(img)
    flat = pygame.mask.from_threshold(edges, (0, 0, 0), (40, 40, 40, 255))
    return 1 - flat.count() / (img.get_width() * img.get_height())


def test_render_all(tmp_path):
    from game.ui.screenshots import render_all

    paths = render_all(tmp_path / "shots", None)
    names = [p.stem.split("-", 1)[1] for p in paths]
    assert [n for n in names if n in SCREENS] == list(SCREENS)
    assert len(set(names)) == len(names)
    digests = {}
    for p in paths:
        img = pygame.image.load(str(p))
        name = p.stem.split("-", 1)[1]
        assert img.get_size() == ((1280, 720) if name.endswith("1280x720") else (1920, 1080)), name
        assert 0.03 < edge_share(img) < 0.3, f"{name}: blank, or noise instead of a screen"
        digests.setdefault(hashlib.sha256(pygame.image.tobytes(img, "RGB")).hexdigest(), []).append(name)
    assert [names for names in digests.values() if len(names) > 1] == []


def test_edge_share_tells_a_blank_picture_from_text():
    pygame.font.init()
    blank = pygame.Surface((400, 200))
    blank.fill((230, 220, 200))
    assert edge_share(blank) < 0.001
    written = blank.copy()
    font = pygame.font.Font(None, 28)
    for row in range(6):
        written.blit(font.render("The pact is signed in Moscow.", True, (20, 20, 20)), (10, 10 + row * 30))
    assert edge_share(written) > 0.03
