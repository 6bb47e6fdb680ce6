"""The map widget: the scenario's map, its territories coloured by holder and striped by sphere of interest,
the powers' own lands in their colour, the treaties the player is party to between capitals, the map's insets
(the Far East), and every name placed inside its territory or beside it (game.ui.map_labels).

The map comes from the scenario's `map:` (game.scenario.maps); a scenario with `map: none`, or whose map
cannot be read, shows a note instead. The drawing is cached and redrawn only when the size, the palette, a
territory or a treaty changes. The places on it are the territories and the powers' own lands
(game.ui.map_places): an arrow key goes to the next one that way, and pressing the map (a click, or Enter with
the focus on it) opens the dossier of the power that holds the place under the mouse or the focus.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pygame

from ..scenario.maps import map_path
from ..scenario.model import Scenario
from ..scenario.vocabulary import OfferStatus
from .dossier import dossier, place_note
from .flow import Open
from .map_corners import best_corner, corner_box, flow, land_mask
from .map_data import MapData, inside, load_map
from .map_labels import Label, LabelPlacer, abbreviations, city_style
from .map_paint import (
    Projected,
    framing,
    inset_box,
    key_fits,
    paint_holes,
    paint_inset,
    paint_key,
    paint_links,
    paint_names,
    paint_shape,
    paint_sign,
    power_fill,
    project,
    sign_size,
)
from .map_places import DIRECTIONS, Place, next_place, places
from .theme import Theme, parse_color
from .widgets.core import Widget, focus_ring
from .widgets.text import Block, fit, fit_items, font_of, render

_maps: dict[Path, MapData | None] = {}
_RENDERED: dict[tuple, tuple] = {}
NO_MAP = "This scenario has no map."


def scenario_map(sc: Scenario) -> MapData | None:
    """The scenario's map, read once per file (None: no map, or one that cannot be read)."""
    path = map_path(getattr(sc, "map", ""), sc.path)
    if path is None:
        return None
    if path not in _maps:
        try:
            _maps[path] = load_map(path)
        except (OSError, ValueError):   # `check` reports it; a broken map must not stop the game
            _maps[path] = None
    data = _maps[path]
    if data is not None and not sc.map and not {t.map for t in sc.territories} & {s.id for s in data.shapes}:
        return None   # a scenario that names no map and has no territory on 1939's: set elsewhere, not drawn
    return data


def _extent(rings: list) -> float:
    """The size of a shape on screen (the area of its bounding box), to place the smallest names first."""
    pts = [q for ring in rings for q in ring]
    if not pts:
        return 0.0
    return (max(q[0] for q in pts) - min(q[0] for q in pts)) * (max(q[1] for q in pts) - min(q[1] for q in pts))


class MapView(Widget):
    """A focusable map; arrows move between territories when it has focus, the tooltip names them, pressing
    opens a dossier. whole: the whole map with its insets (else framed on the scenario's territories)."""

    def __init__(self, rect: pygame.Rect, theme: Theme, scenario: Scenario, territories: dict, *,
                 wid: str = "map", view: Any = None, whole: bool = False):
        super().__init__(rect, wid=wid)
        self.sc = scenario
        self.holdings = territories
        self.view = view
        self.whole = whole
        self.selected = -1
        self.mouse_tip = ""
        self.last_point: tuple[int, int] | None = None
        self.tooltip = "The map: an arrow key goes to the next country that way; Enter or a click opens its dossier."
        self._surf: pygame.Surface | None = None
        self._key: tuple | None = None
        self.geo = Projected()
        self._polys: dict[str, list] = {}
        self.label_boxes: list[Label] = []
        self.numbered: list[tuple[str, str]] = []
        self.insets: list[pygame.Rect] = []
        self.corners: dict[str, str] = {}   # where the legend, the key and the note go
        self._land: pygame.mask.Mask | None = None
        data = scenario_map(scenario)
        self.places = places(scenario, self.home_shapes(data) if data is not None else [])

    # ------------------------------------------------------------- what is drawn
    def powers(self) -> dict[str, Any]:
        return self.sc.index["powers"]

    def holding(self, t: Any) -> tuple[str | None, str | None]:
        """Who holds a territory and in whose sphere it lies, as the view says."""
        h = self.holdings.get(t.id)
        return (h.owner, h.sphere) if h else (t.owner, t.sphere)

    def home_shapes(self, data: MapData) -> list[str]:
        """The shapes of powers' own lands that are no territory of the scenario (Britain, France, Japan)."""
        wanted = {t.map for t in self.sc.territories}
        return [sh.id for sh in data.shapes if sh.id in self.powers() and sh.id not in wanted]

    def links(self) -> list[tuple[tuple[str, ...], bool]]:
        """The treaties the player is party to, signed or with a draft travelling: (parties, signed)."""
        if self.view is None:
            return []
        return [(o.parties, o.status is OfferStatus.SIGNED) for o in self.view.offers()
                if o.status in (OfferStatus.SIGNED, OfferStatus.PROPOSED)]

    def marks(self) -> list[Any]:
        """The signs on the map the player's power sees now (a front, a guarantee), from the view."""
        return self.view.map_marks() if self.view is not None else []

    def on_map(self, place: Place) -> tuple[float, float] | None:
        """The place's label point on the widget (its own coordinates), or None if it is off the map."""
        c = self.geo.centers.get(place.shape)
        return c if c is not None and 0 <= c[0] < self.rect.w and 0 <= c[1] < self.rect.h else None

    def owner_of(self, place: Place) -> str | None:
        return place.power if place.territory is None else self.holding(place.territory)[0]

    def map_powers(self) -> list[Any]:
        """The powers that hold a land on the map, in the scenario's order."""
        shown = {self.owner_of(p) for p in self.places if self.on_map(p) is not None}
        return [q for q in self.sc.powers if q.id in shown]

    def _fill_of(self, theme: Theme, owner: str | None) -> tuple[int, int, int]:
        if owner and owner in self.powers():
            return power_fill(theme, self.powers()[owner].color, 0.75)
        return theme.palette.land

    # ------------------------------------------------------------- drawing
    def _render(self, theme: Theme) -> pygame.Surface:
        """The whole map drawn on a surface of the widget's size."""
        surf = pygame.Surface(self.rect.size)
        if pygame.display.get_surface() is not None:
            surf = surf.convert()
        data = scenario_map(self.sc)
        self.geo, self.insets = Projected(), []
        if data is None:
            surf.fill(theme.palette.paper_alt)
            img = render(theme, fit(theme, NO_MAP, "soft", self.rect.w - 8), "soft")
            surf.blit(img, img.get_rect(center=surf.get_rect().center))
            self.label_boxes = []
        else:
            margin = theme.px(10)
            inner = self.rect.inflate(-2 * margin, -2 * margin)
            tf = framing(data, {t.map for t in self.sc.territories}, inner, self.whole)
            self.geo = project(data, tf, inner, self.rect.topleft)
            if self.whole:
                self.insets = [inset_box(theme, self.rect.size, i) for i in range(len(data.insets))]
            surf.fill(theme.palette.paper_alt)
            x0, y0, x1, y1 = data.bounds
            (ax, ay), (bx, by) = tf(x0, y1), tf(x1, y0)
            surf.fill(theme.palette.sea, pygame.Rect(round(ax), round(ay), round(bx - ax), round(by - ay))
                      .move(-self.rect.x, -self.rect.y))
            self._paint_lands(surf, theme, data)
            paint_links(surf, theme, self._link_points())
            labels = self._place_labels(theme, data)
            for m in self.marks():
                if m.at in self.geo.at:
                    paint_sign(surf, theme, m.kind, self.geo.at[m.at])
            paint_names(surf, theme, labels)
            paint_key(surf, theme, self.numbered, self.key_box(theme))
            for inset, box in zip(data.insets[:len(self.insets)], self.insets, strict=True):
                paint_inset(surf, theme, inset, box, self._inset_fill(theme), self.marks())
        pygame.draw.rect(surf, theme.palette.border, surf.get_rect(), 1)
        self._polys = self.geo.polys
        return surf

    def _paint_lands(self, surf: pygame.Surface, theme: Theme, data: MapData) -> None:
        """The lands around in a faint colour (a power's own in its colour), then the territories."""
        p = theme.palette
        far = tuple((a + b) // 2 for a, b in zip(p.land, p.paper_alt, strict=True))
        wanted = {t.map for t in self.sc.territories}
        for sid, rings in self.geo.polys.items():
            if sid not in wanted:
                own = self.powers().get(sid)
                fill = power_fill(theme, own.color, 0.55) if own else far
                paint_shape(surf, rings, fill, p.border if own else p.rule)
        for t in self.sc.territories:
            owner, sphere = self.holding(t)
            striped = sphere and sphere != owner and sphere in self.powers()
            paint_shape(surf, self.geo.polys.get(t.map, []), self._fill_of(theme, owner), p.border,
                        parse_color(self.powers()[sphere].color) if striped else None, theme.px(7))
        paint_holes(surf, theme, self.geo.holes)

    def _inset_fill(self, theme: Theme) -> Any:
        far = tuple((a + b) // 2 for a, b in zip(theme.palette.land, theme.palette.paper_alt, strict=True))
        return lambda sh: power_fill(theme, self.powers()[sh.id].color, 0.55) if sh.id in self.powers() else far

    def _link_points(self) -> list[tuple[tuple[float, float], tuple[float, float], bool]]:
        """The treaties as lines between the parties' capitals (those on the map), each pair once."""
        places = self.geo.places
        out = []
        for parties, signed in self.links():
            caps = [places.get(self.powers()[p].capital) for p in parties if p in self.powers()]
            caps = [c for c in caps if c is not None]
            out += [(a, b, signed) for i, a in enumerate(caps) for b in caps[i + 1:]]
        return out

    def _choose_corners(self, theme: Theme) -> None:
        """The corners of the legend, the key and the note: where each covers least of the places' lands."""
        size, m = self.rect.size, theme.px(6)
        self._land = land_mask(size, [self.geo.polys.get(p.shape, []) for p in self.places])
        self.corners = {"legend": best_corner(size, self._legend_size(theme)[1], self._land, self.insets, m)}
        taken = [*self.insets, self._legend_box(theme)]
        self.corners["key"] = best_corner(size, self.key_box(theme).size, self._land, taken, m)
        taken = [taken[-1], self.key_box(theme)]
        w, h = font_of(theme, "small").size(self.note(theme))
        self.corners["note"] = best_corner(size, (w, h), self._land, taken, m,
                                           ("bottomright", "bottomleft", "topright", "topleft"))

    def _place_labels(self, theme: Theme, data: MapData) -> list[Label]:
        """Where the names go, in the widget's own coordinates: each territory's (and each power's own land's)
        inside it, smallest first, as they have the fewest places; those that fit nowhere inside beside their
        land with a leader line, and so each power's name if none of its lands' names is written whole; then
        each city's beside its dot; then the words of each map mark beside its sign."""
        self._choose_corners(theme)
        legend, note = self._legend_layout(theme)
        ox, oy = self.rect.topleft
        dot, sr = max(2, theme.px(3)), sign_size(theme)
        style = city_style(theme, self.rect.h)
        cities = self.geo.cities if style else []
        dots = [pygame.Rect(0, 0, dot * 2 + 2, dot * 2 + 2).move(round(cx) - dot - 1, round(cy) - dot - 1)
                for _name, (cx, cy) in cities]
        marks = [(m.text, self.geo.at[m.at]) for m in self.marks() if m.at in self.geo.at]
        signs = [pygame.Rect(round(x) - sr, round(y) - sr, 2 * sr + 1, 2 * sr + 1) for _t, (x, y) in marks]
        placer = LabelPlacer(theme, self.rect.size, [b.move(-ox, -oy) for _q, b in legend]
                             + [note.move(-ox, -oy), self.key_box(theme), *self.insets, *dots, *signs])
        out = self._territory_labels(theme, placer, data)
        for i in sorted(range(len(cities)), key=lambda i: (cities[i][1][1], cities[i][1][0])):
            ring = sr if any(sign.collidepoint(dots[i].center) for sign in signs) else dot   # names clear of a sign
            out.append(placer.city(cities[i][0], dots[i].center, ring, dots[:i] + dots[i + 1:], style or "small"))
        out += [placer.mark(text, (round(x), round(y)), sr, signs, self._land) for text, (x, y) in marks]
        self.label_boxes, self.numbered = out, placer.numbered
        return out

    def _territory_labels(self, theme: Theme, placer: LabelPlacer, data: MapData) -> list[Label]:
        """Each territory's and each power's own land's name inside it, smallest first; then the leaders."""
        names = {t.map: t.name.split(" (")[0] for t in self.sc.territories}
        names |= {sid: self.powers()[sid].short for sid in self.home_shapes(data)}
        territories = {t.map for t in self.sc.territories}
        room = partial(key_fits, theme, box=self.key_box(theme))
        out = [placer.territory(sid, names[sid], self.geo.polys.get(sid, []), self.geo.centers.get(sid, (0, 0)),
                                room if sid in territories else None)
               for sid in sorted(names, key=lambda s: (_extent(self.geo.polys.get(s, [])), s))]
        return out + self._leaders(placer, out, names)

    def _leaders(self, placer: LabelPlacer, placed: list[Label], names: dict[str, str]) -> list[Label]:
        """Names beside their lands: each place on the map not named inside it, then each power none of whose
        lands' names is written, whole or abbreviated (Poland, when its lands are only numbered)."""
        done = {lab.key for lab in placed if lab.shown}
        out = [placer.leader(p.shape, names[p.shape], at, self._land) for p in self.places
               if p.shape not in done and p.shape in names and (at := self.on_map(p)) is not None]
        written = {" ".join(lab.lines) for lab in [*placed, *out] if lab.shown}
        for q in self.map_powers():
            big = self._unnamed_power_land(q, names, written)
            if big is not None:
                out.append(placer.leader(big.shape, q.short, self.on_map(big), self._land))
        return out

    def _unnamed_power_land(self, q: Any, names: dict[str, str], written: set[str]) -> Any:
        """The largest land on the map of a power whose name, and none of whose lands' names, is written (in
        any of their forms); None when the power is named already."""
        mine = [p for p in self.places if self.owner_of(p) == q.id and self.on_map(p) is not None]
        forms = {f for p in mine if p.shape in names for f in [names[p.shape], *abbreviations(names[p.shape])]}
        if q.short in written or forms & written:
            return None
        return max(mine, key=lambda p: (_extent(self.geo.polys.get(p.shape, [])), p.shape))

    def key_box(self, theme: Theme) -> pygame.Rect:
        """Where the key to the numbered territories goes (kept free of names), in its corner."""
        size = (self.rect.w * 2 // 5, 2 * font_of(theme, "small").get_linesize())
        return corner_box(self.rect.size, size, self.corners.get("key", "topleft"), theme.px(6))

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        key = (tuple(self.rect), theme.palette.name, theme.base, id(self.sc), self.whole, tuple(self.links()),
               tuple(self.marks()),
               tuple((k, v.owner, v.sphere) for k, v in sorted(self.holdings.items())))
        if key != self._key or self._surf is None:
            found = _RENDERED.get(key)   # a new MapView after a relayout reuses the last drawing
            if found is None:
                found = (self._render(theme), self.geo, self.label_boxes, self.insets, self.numbered, self.corners)
                _RENDERED.clear()
                _RENDERED[key] = found
            self._surf, self.geo, self.label_boxes, self.insets, self.numbered, self.corners = found
            self._polys = self.geo.polys
            self._key = key
        surf.blit(self._surf, self.rect)
        if 0 <= self.selected < len(self.places):
            self._outline(surf, theme, self.places[self.selected].shape)
        self._legend(surf, theme)
        if focused:
            focus_ring(surf, theme, self.rect)

    def _outline(self, surf: pygame.Surface, theme: Theme, shape: str) -> None:
        """The outline of the territory under the mouse or the focus, kept inside the map."""
        before = surf.get_clip()
        surf.set_clip(self.rect.clip(before))
        ox, oy = self.rect.topleft
        try:
            for ring in self._polys.get(shape, ()):
                if len(ring) >= 3:
                    pygame.draw.polygon(surf, theme.palette.focus, [(x + ox, y + oy) for x, y in ring],
                                        max(2, theme.px(3)))
        finally:
            surf.set_clip(before)

    def _legend_size(self, theme: Theme) -> tuple[list[tuple[Any, pygame.Rect]], tuple[int, int]]:
        """The legend's entries (a power and its box, from the legend's top left) in rows, and its size: a column
        on the whole map, rows half the map wide on the desk."""
        font = font_of(theme, "small")
        powers = self.map_powers()
        sizes = [(theme.px(11) + font.size(self.legend_name(theme, q))[0] + theme.px(10), font.get_linesize())
                 for q in powers]
        boxes, size = flow(sizes, self.rect.w // 5 if self.whole else self.rect.w // 2, 0)
        return list(zip(powers, boxes, strict=True)), size

    def _legend_box(self, theme: Theme) -> pygame.Rect:
        """Where the legend lies, in the widget's own coordinates."""
        return corner_box(self.rect.size, self._legend_size(theme)[1], self.corners.get("legend", "bottomleft"),
                          theme.px(6))

    def _legend_layout(self, theme: Theme) -> tuple[list[tuple[Any, pygame.Rect]], pygame.Rect]:
        """The legend's entries (a power and its box) and the note, on the screen, each in its corner."""
        entries, _size = self._legend_size(theme)
        at = self._legend_box(theme).move(self.rect.topleft)
        w, h = font_of(theme, "small").size(self.note(theme))
        note = corner_box(self.rect.size, (w, h), self.corners.get("note", "bottomright"), theme.px(6))
        return [(q, box.move(at.topleft)) for q, box in entries], note.move(self.rect.topleft)

    def note(self, theme: Theme) -> str:
        """The note on the map's signs, as much of it as fits half the map's width."""
        items = ["stripes: sphere of interest", "red line: treaty (dashed: draft)"]
        return fit_items(theme, items if self.view else items[:1], "small", self.rect.w // 2)

    def legend_name(self, theme: Theme, power: Any) -> str:
        """A power's short name in the legend, cut to a third of the map's width."""
        return fit(theme, power.short, "small", self.rect.w // 3)

    def _legend(self, surf: pygame.Surface, theme: Theme) -> None:
        p = theme.palette
        entries, note_box = self._legend_layout(theme)
        sw = theme.px(11)
        for q, box in entries:
            bg = pygame.Surface(box.size, pygame.SRCALPHA)
            bg.fill((*p.paper, 200))
            surf.blit(bg, box)
            pygame.draw.rect(surf, self._fill_of(theme, q.id), (box.x + 2, box.y + 3, sw, sw))
            pygame.draw.rect(surf, p.border, (box.x + 2, box.y + 3, sw, sw), 1)
            surf.blit(render(theme, self.legend_name(theme, q), "small", p.ink), (box.x + sw + theme.px(6), box.y))
        surf.blit(render(theme, self.note(theme), "small", p.ink), note_box)

    # --------------------------------------------------------------- input
    def territory_at(self, pos: tuple[int, int]) -> int:
        """The index of the place (territory or power's own land) at a point of the screen, or -1."""
        local = (pos[0] - self.rect.x, pos[1] - self.rect.y)
        if any(box.collidepoint(local) for box in self.insets):
            return -1
        for i, p in enumerate(self.places):
            if any(inside(local, ring) for ring in self._polys.get(p.shape, ())):
                return i
        return -1

    def describe(self, index: int) -> str:
        p = self.places[index]
        if p.territory is None:
            q = self.powers()[p.power]
            text = f"{q.short} ({q.name})."
        else:
            owner, sphere = self.holding(p.territory)
            who = self.powers()[owner].short if owner in self.powers() else "independent"
            text = f"{p.territory.name}: held by {who}"
            if sphere and sphere != owner and sphere in self.powers():
                text += f"; in the sphere of interest of {self.powers()[sphere].short}"
            text += "."
        here = [m.text for m in self.marks() if m.at in self.geo.at
                and any(inside(self.geo.at[m.at], ring) for ring in self._polys.get(p.shape, ()))]
        return " ".join([text, *(f"{m}." for m in here)])

    def activate(self) -> Any:
        """The dossier of the power holding the place under the mouse or the focus (for a territory no power
        holds, what the map says of it)."""
        if self.view is None or not 0 <= self.selected < len(self.places):
            return None
        p = self.places[self.selected]
        if p.territory is None:
            return dossier(self.view, p.power)
        owner, _sphere = self.holding(p.territory)
        if owner in self.powers():
            return dossier(self.view, owner, place_note(self.view, p.territory))
        return Open("dialog", title=p.territory.name, blocks=[Block("body", place_note(self.view, p.territory))])

    def point(self, pos: tuple[int, int]) -> bool:
        """Hover at a point; return True if the tooltip changed."""
        self.last_point = pos
        i = self.territory_at(pos)
        tip = self.describe(i) + " Click for the dossier." if i >= 0 else self.tooltip
        changed = i != self.selected
        self.selected = i
        self.mouse_tip = tip
        return changed

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        """An arrow goes to the next place that way on the map."""
        if event.key in DIRECTIONS and self.places:
            self.selected = next_place([self.on_map(p) for p in self.places], self.selected, DIRECTIONS[event.key])
            self.last_point = None
            self.mouse_tip = self.describe(self.selected) if self.selected >= 0 else self.tooltip
            return True, None
        return False, None

    def view_state(self):
        return self.selected

    def tip_anchor(self) -> pygame.Rect:
        if self.last_point is not None and self.selected >= 0:
            return pygame.Rect(self.last_point[0] + 12, self.last_point[1] + 8, 1, 1)
        c = self.geo.centers.get(self.places[self.selected].shape) if self.selected >= 0 else None
        return pygame.Rect(int(c[0]) + self.rect.x, int(c[1]) + self.rect.y + 10, 1, 1) if c else self.rect

    def tip(self) -> str:
        return self.mouse_tip or self.tooltip
