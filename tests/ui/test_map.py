"""The map widget: names inside their territories at every size, the hover outline kept in the map."""

from __future__ import annotations

import pygame

from game.ui.map_data import inside
from game.ui.map_labels import LabelKind
from game.ui.map_view import MapView
from game.ui.screens.map_screen import MapScreen
from tests.ui.driver import Driver
from tests.ui.test_playtest import to_desk

SIZES = ((1280, 720), (1920, 1080))
TEXT_STEPS = {"Normal": 1, "Large": 2, "Projector": 3}


def _segment_enters(a: tuple[float, float], b: tuple[float, float], r: pygame.Rect) -> bool:
    """Whether the segment a-b passes through the inside of the rectangle (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = r.left, r.top, r.right, r.bottom
    dx, dy = b[0] - a[0], b[1] - a[1]
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q <= 0:
                return False
        else:
            t = q / p
            if p < 0:
                lo = max(lo, t)
            else:
                hi = min(hi, t)
    return hi - lo > 1e-9


def box_inside_ring(r: pygame.Rect, ring: list[tuple[float, float]]) -> bool:
    """Whether a rectangle lies wholly inside a ring: its corners inside, and no edge of the ring through it."""
    corners = [(r.left, r.top), (r.right, r.top), (r.left, r.bottom), (r.right, r.bottom)]
    if not all(inside(c, ring) for c in corners):
        return False
    return not any(_segment_enters(ring[i - 1], ring[i], r) for i in range(len(ring)))


def show(app, d: Driver, desk, size: tuple[int, int], step: int, big: bool) -> MapView:
    app.settings.text_step = step
    app.size = size
    app.restyle()
    app.stack = [desk, MapScreen(app)] if big else [desk]
    d.surf = pygame.Surface(size)
    app.dirty = True
    d.frame()
    return next(w for w in app.top.widgets if isinstance(w, MapView))


def test_every_territory_name_lies_inside_its_own_territory(app):
    """At 1280x720 and 1920x1080, with Normal, Large and Projector text, on the desk and on the map screen:
    each territory's name that is drawn lies wholly inside one of its territory's polygons."""
    d = to_desk(app)
    desk = app.top
    for size in SIZES:
        for step_name, step in TEXT_STEPS.items():
            for big in (False, True):
                view = show(app, d, desk, size, step, big)
                ox, oy = view.rect.topleft
                names = [lab for lab in view.label_boxes if lab.kind is LabelKind.TERRITORY and lab.shown]
                assert names, (size, step_name, big)
                for lab in names:
                    box = lab.box.move(ox, oy)
                    rings = view._polys[lab.key]
                    assert any(box_inside_ring(box, ring) for ring in rings), (size, step_name, big, lab.lines)


def test_every_territory_is_named_on_the_big_map_at_normal_text(app):
    """The search must not give up: on the big map at 1920x1080 with Normal text, every territory is named
    (whole, or abbreviated where the whole name cannot fit)."""
    d = to_desk(app)
    view = show(app, d, app.top, (1920, 1080), 1, True)
    named = {lab.key for lab in view.label_boxes if lab.kind is LabelKind.TERRITORY and lab.shown}
    assert named == {t.map for t in app.session.scenario.territories}


def test_the_hover_outline_stays_inside_the_map(app):
    """The outline of a territory under the mouse is clipped to the map: Soviet land beyond the map's edge
    draws nothing outside it."""
    d = to_desk(app)
    view = show(app, d, app.top, (1280, 720), 1, False)
    ussr = next(i for i, t in enumerate(app.session.scenario.territories) if t.map == "ussr")
    view.selected = ussr
    surf = pygame.Surface(app.size)
    surf.fill((255, 0, 255))
    view.draw(surf, app.theme, False, True)
    outside = pygame.mask.from_threshold(surf, (255, 0, 255), (1, 1, 1, 255))
    outside.invert()   # every pixel the map drew
    drawn = outside.get_bounding_rects()
    assert drawn and all(view.rect.contains(r) for r in drawn), (view.rect, drawn)
