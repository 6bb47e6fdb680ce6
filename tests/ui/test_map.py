"""The map widget: names inside their territories at every size, the hover outline kept in the map, the map
seen behind a dialog, the theatre from Britain to the Urals, a dossier from a click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame

from game.ui.map_data import inside
from game.ui.map_labels import LabelKind, abbreviations
from game.ui.map_view import MapView
from game.ui.screens.map_screen import MapScreen
from tests.conftest import MINI
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


def every_map(app, bigs: tuple[bool, ...] = (False, True)) -> Iterator[tuple[tuple, MapView]]:
    """From a new game's desk, its map at every size and text size (and, for True in bigs, the map screen's):
    ((size, the text size's name, big), the map drawn) each."""
    d = to_desk(app)
    desk = app.top
    for size in SIZES:
        for step_name, step in TEXT_STEPS.items():
            for big in bigs:
                yield (size, step_name, big), show(app, d, desk, size, step, big)


def desk_map_of(app, path: Path) -> MapView:
    """A new game of the scenario at path, its desk drawn once: the desk's map."""
    from game.ui.session import Session

    app.start_session(Session.new(path, seed=1))
    app.stack = []
    desk = app.open("desk")
    app.dirty = True
    Driver(app).frame()
    return next(w for w in desk.widgets if isinstance(w, MapView))


def test_every_territory_name_lies_inside_its_own_territory(app):
    """At 1280x720 and 1920x1080, with Normal, Large and Projector text, on the desk and on the map screen:
    each territory's name that is drawn lies wholly inside one of its territory's polygons."""
    for where, view in every_map(app):
        names = [lab for lab in view.label_boxes if lab.kind is LabelKind.TERRITORY and lab.shown]
        assert names, where
        for lab in names:   # the boxes and the rings are both in the map's own coordinates
            rings = view._polys[lab.key]
            assert any(box_inside_ring(lab.box, ring) for ring in rings), (where, lab.lines)


def test_the_big_map_names_every_territory_and_shows_britain_and_france(app):
    """The search must not give up: on the big map at 1920x1080 with Normal text, every territory is named
    (whole, abbreviated, or by a number the key explains), and Britain and France, the powers the player
    negotiates with most, are on it in their colours and named."""
    d = to_desk(app)
    view = show(app, d, app.top, (1920, 1080), 1, True)
    named = {lab.key: lab.lines for lab in view.label_boxes if lab.kind is LabelKind.TERRITORY and lab.shown}
    assert {t.map for t in app.session.scenario.territories} <= set(named)
    numbers = dict(view.numbered)
    for t in app.session.scenario.territories:
        written = " ".join(named[t.map])
        assert written in numbers or written == t.name.split(" (")[0] or written in abbreviations(t.name), written
        assert written not in numbers or numbers[written] == t.name.split(" (")[0]
    local = pygame.Rect(0, 0, *view.rect.size)
    for power in ("britain", "france"):
        assert power in named
        inside_map = [p for ring in view._polys[power] for p in ring if local.collidepoint(p)]
        assert len(inside_map) > 20, power
        colour = pygame.Color(app.session.scenario.power(power).color)
        x, y = next(lab.box for lab in view.label_boxes if lab.key == power).midbottom
        got = view._surf.get_at((x, y + 3))[:3]
        assert got != app.theme.palette.land and got != app.theme.palette.sea, (power, got, colour)


def test_a_click_on_the_map_opens_the_dossier_of_the_power_holding_the_land(app):
    """A click on Eastern Poland opens Poland's dossier: who governs, trust both ways, known aims, treaties;
    nothing the player's power may not know (no secret aims)."""
    d = to_desk(app)
    view = show(app, d, app.top, (1920, 1080), 1, True)
    label = next(lab for lab in view.label_boxes if lab.key == "poland_east")
    at = label.box.move(view.rect.topleft).center
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=at, rel=(0, 0), buttons=(0, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=at, button=1))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=at, button=1))
    d.frame()
    top = app.top
    assert top.name == "dialog" and "Poland" in top.title
    text = " ".join(b.text for b in top.blocks)
    poland = app.session.scenario.power("poland")
    assert poland.leader.name in text and "trust in you" in text and "Eastern Poland: held by Poland" in text
    assert all(o in text for o in poland.objectives)
    assert not any(o in text for o in poland.secret_objectives)


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
def test_the_map_is_not_blank_behind_a_dialog(app):
    """With a question open over the desk, the part of the map still seen shows land, not only the sea."""
    d = to_desk(app)
    desk = app.top
    event = next(e for e in app.session.scenario.events if e.choices)
    for size in SIZES:
        view = show(app, d, desk, size, 1, False)
        app.open("event", event=event)
        app.dirty = True
        d.frame()
        app.top.ensure_layout()
        dialog = app.top.rect
        seen = view.rect.clip(pygame.Rect(0, 0, max(0, dialog.left - view.rect.left), app.size[1]).move(view.rect.left, 0))
        assert seen.w > 20, (size, dialog, view.rect)
        sea = app.theme.palette.sea
        land = [view._surf.get_at((x - view.rect.x, y - view.rect.y))[:3] != sea
                for x in range(seen.left + 4, seen.right - 4, 4) for y in range(seen.top + 4, seen.bottom - 4, 4)]
        assert sum(land) > len(land) // 4, (size, sum(land), len(land))
        app.stack = [desk]


def test_a_scenario_without_a_map_draws_no_rectangle(app, tmp_path):
    """`map: none`: the desk's map says so, and no territory is drawn as a made-up tile (it used to draw a
    huge rectangle over Western Europe)."""
    path = tmp_path / "nomap.yaml"
    path.write_text(MINI.read_text(encoding="utf-8").replace("\nterritories:\n", "\nmap: none\nterritories:\n"),
                    encoding="utf-8")
    view = desk_map_of(app, path)
    assert view._polys == {} and not view.label_boxes
    colours = {view._surf.get_at((x, y))[:3] for x in range(2, view.rect.w - 2, 7) for y in range(2, view.rect.h - 2, 7)}
    assert app.theme.palette.paper_alt in colours and app.theme.palette.land not in colours
    assert app.theme.palette.sea not in colours


def test_a_territory_the_map_lacks_is_not_drawn_as_a_tile(app, tmp_path):
    """A scenario from before `map:` whose territory has no shape on the default map (a warning in `check`):
    the territory is left off the map, not drawn as a made-up rectangle."""
    path = tmp_path / "old.yaml"
    path.write_text(MINI.read_text(encoding="utf-8").replace(
        ", map: none}", "}\n  - {id: baltic, name: Latvia, sphere: null, map: latvia}"), encoding="utf-8")
    view = desk_map_of(app, path)
    assert "buffer" not in view._polys and "latvia" in view._polys   # the map is drawn, without the territory
    r = view.rect
    assert all(view.territory_at((x, y)) != 0 for x in range(r.left, r.right, 25) for y in range(r.top, r.bottom, 25))


def assert_names_apart(app, view: MapView, where: tuple) -> None:
    """Each name shown lies inside the map, off the legend and its note, and off every other name."""
    shown = [(lab.lines, lab.box) for lab in view.label_boxes if lab.shown]
    local = pygame.Rect(0, 0, view.rect.w, view.rect.h)
    entries, note = view._legend_layout(app.theme)
    legend = [b.move(-view.rect.x, -view.rect.y) for _q, b in entries] + [note.move(-view.rect.x, -view.rect.y)]
    for i, (lines, r) in enumerate(shown):
        assert local.contains(r), (where, lines)
        assert r.collidelist(legend) < 0, (where, lines)
        for lines2, r2 in shown[i + 1:]:
            assert not r.colliderect(r2), (where, lines, lines2)


def territory_names(app, view: MapView, where: tuple) -> tuple[set[str], set[str]]:
    """The territories' names written on the map, each checked to be whole, abbreviated or a number of the key
    (never cut with "…"); and the territories' whole names."""
    territories = {t.map for t in app.session.scenario.territories}
    whole = {t.name.split(" (")[0] for t in app.session.scenario.territories}
    written = {" ".join(lab.lines) for lab in view.label_boxes if lab.shown and lab.key in territories}
    short = {a for name in whole for a in abbreviations(name)} | {n for n, _name in view.numbered}
    assert written <= whole | short, (where, written - whole - short)
    return written, whole


def test_map_names_are_whole_and_never_overprint(app):
    """Territory names are whole, abbreviated or numbered (with a key), never cut (no "Western …"), and every
    territory is named on the big map at Normal text; no name covers another or the legend (Helsinki and
    Tallinn no longer overprint); the capitals of the powers on the big map are named."""
    d = to_desk(app)
    desk = app.top
    for where in (((1920, 1080), 1, False), ((1920, 1080), 1, True), ((1280, 720), 1, True),
                  ((1280, 720), 1, False), ((1280, 720), 3, False)):
        size, step, big = where
        view = show(app, d, desk, size, step, big)
        assert view.label_boxes, "the map placed no names"
        assert_names_apart(app, view, where)
        written, whole = territory_names(app, view, where)
        if step == 1 and big:
            assert len(written) == len(whole), (where, written)   # every territory named, whole or short
        if big and size == (1920, 1080):
            cities = {lab.lines[0] for lab in view.label_boxes if lab.shown and lab.kind == "city"}
            assert {"Helsinki", "Moscow", "Berlin", "Warsaw", "Bucharest", "London", "Paris"} <= cities
