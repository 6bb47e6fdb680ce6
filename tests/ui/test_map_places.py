"""The map's countries as the player reaches them: Britain and France in the legend and clickable for their
dossier, every power and territory named at every text size, the arrow keys going to the next country that way."""

from __future__ import annotations

import pygame

from game.scenario.presentation import texts
from game.ui.map_corners import land_mask
from game.ui.map_data import inside
from game.ui.map_labels import LabelKind, abbreviations
from tests.ui.test_map import every_map, show
from tests.ui.test_playtest import to_desk


def press(app, d, key: int) -> None:
    app.handle(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    d.frame()


def click(app, d, at: tuple[int, int]) -> None:
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=at, rel=(0, 0), buttons=(0, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=at, button=1))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=at, button=1))
    d.frame()


def test_britain_and_france_are_in_the_legend_of_both_maps(app):
    d = to_desk(app)
    desk = app.top
    for big in (False, True):
        view = show(app, d, desk, (1920, 1080), 1, big)
        entries, _note = view._legend_layout(app.theme)
        assert {"britain", "france"} <= {q.id for q, _box in entries}, big


def test_a_click_on_britain_or_france_opens_its_dossier(app):
    d = to_desk(app)
    desk = app.top
    for power in ("britain", "france"):
        view = show(app, d, desk, (1920, 1080), 1, True)
        label = next(lab for lab in view.label_boxes if lab.key == power and lab.shown)
        click(app, d, label.box.move(view.rect.topleft).center)
        assert app.top.name == "dialog" and app.session.scenario.power(power).short in app.top.title, power
        app.stack = [desk]


def test_every_power_and_territory_on_the_desk_map_is_named_at_every_text_size(app):
    """At 1280x720 and 1920x1080 with Normal, Large and Projector text: each power whose land is on the desk's
    map is named (its name, or one of its lands' whole or abbreviated, inside or beside it with a leader line), and each territory
    there is named (whole, abbreviated, by a number the key explains, or with a leader line)."""
    for where, view in every_map(app, (False,)):
        shown = [lab for lab in view.label_boxes if lab.shown and lab.kind in (LabelKind.TERRITORY, LabelKind.LEADER)]
        written = {" ".join(lab.lines) for lab in shown}
        for p in view.places:
            if view.on_map(p) is not None:
                assert any(lab.key == p.shape for lab in shown), (where, p.shape)
        for q in view.map_powers():   # its name, or the whole name of one of its lands on the map
            names = {p.territory.name.split(" (")[0] if p.territory else q.short for p in view.places
                     if view.owner_of(p) == q.id and view.on_map(p) is not None}
            forms = names | {f for name in names for f in abbreviations(name)}
            assert forms & written, (where, q.id, written)

def test_the_arrow_keys_go_to_the_next_country_that_way_and_enter_opens_its_dossier(app):
    d = to_desk(app)
    view = show(app, d, app.top, (1920, 1080), 1, True)
    shapes = [p.shape for p in view.places]
    app.top.focus = app.top.widgets.index(view)
    for key, further in ((pygame.K_RIGHT, lambda a, b: b[0] > a[0]), (pygame.K_LEFT, lambda a, b: b[0] < a[0]),
                         (pygame.K_UP, lambda a, b: b[1] < a[1]), (pygame.K_DOWN, lambda a, b: b[1] > a[1])):
        view.selected = shapes.index("germany")
        press(app, d, key)
        assert view.selected != shapes.index("germany"), key
        assert further(view.geo.centers["germany"], view.geo.centers[shapes[view.selected]]), (key, shapes[view.selected])
    view.selected = shapes.index("germany")
    press(app, d, pygame.K_LEFT)
    assert shapes[view.selected] == "france"
    press(app, d, pygame.K_RETURN)
    assert app.top.name == "dialog" and "France" in app.top.title


def test_the_map_title_names_the_theatre_it_shows():
    from game.scenario import load_scenario
    from tests.conftest import ROOT

    title = texts(load_scenario(ROOT / "scenarios" / "1939.yaml")).map_title
    assert "Eastern Europe" not in title and "Britain" in title and "Urals" in title


def test_a_marks_words_cover_no_country_the_player_deals_with(app):
    """The words of a guarantee or a front lie off the lands of the territories and the powers (the sign stays
    where it is; words with no room off them are left to the tooltip), on both maps at every size."""
    for where, view in every_map(app):
        lands = land_mask(view.rect.size, [view._polys.get(p.shape, []) for p in view.places])
        for lab in view.label_boxes:
            if lab.kind is LabelKind.MARK and lab.shown:
                over = lands.overlap_area(pygame.mask.Mask(lab.box.size, fill=True), lab.box.topleft)
                assert over == 0, (where, lab.lines, over)


def test_the_tooltip_of_a_territory_names_the_marks_on_it(app):
    d = to_desk(app)
    view = show(app, d, app.top, (1920, 1080), 1, True)
    marks = view.marks()
    assert marks
    for m in marks:
        i = next((i for i, p in enumerate(view.places) if any(
            inside(view.geo.at[m.at], ring) for ring in view._polys.get(p.shape, ()))), None)
        if i is not None:
            assert m.text in view.describe(i)


def test_the_legend_key_and_note_leave_every_countrys_centre_clear(app):
    """On the desk's map at every size and text size, the legend, the key to the numbers and the note each lie in
    a corner where they cover the label point of no place (Britain and France among them)."""
    for where, view in every_map(app, (False,)):
        entries, note = view._legend_layout(app.theme)
        boxes = [box.move(-view.rect.x, -view.rect.y) for _q, box in entries]
        boxes += [note.move(-view.rect.x, -view.rect.y)] + ([view.key_box(app.theme)] if view.numbered else [])
        for p in view.places:
            at = view.on_map(p)
            assert at is None or not any(b.collidepoint(at) for b in boxes), (where, p.shape)
