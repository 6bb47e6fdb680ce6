"""The map of Eastern Europe: territories coloured by owner, hatched by sphere of interest.

Shapes and geometry come from game.ui.map_data (load_map, fit_box, inside, crossings). If the map
is missing or broken, a schematic map (a labelled tile per territory) stands in, so the game still plays.
The drawing is cached and redrawn only when the size, the palette or a territory changes.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from ..scenario.model import Scenario
from .map_data import fit_box, inside, load_map
from .map_labels import Label, LabelKind, LabelPlacer, city_style
from .theme import Theme, parse_color
from .widgets.core import Widget, focus_ring
from .widgets.text import fit, font_of, render

_map_cache: list[Any] = []
_RENDERED: dict[tuple, tuple] = {}


def load_shapes() -> Any:
    """The map data, loaded once (None if unavailable)."""
    if not _map_cache:
        try:
            _map_cache.append(load_map())
        except Exception:  # a missing or broken map must not stop the game
            _map_cache.append(None)
    return _map_cache[0]


def _hatch(surf: pygame.Surface, color, mask_poly: list[tuple[float, float]] | None, rect: pygame.Rect,
           step: int) -> None:
    """Diagonal stripes over a polygon (or a rectangle)."""
    layer = pygame.Surface(rect.size, pygame.SRCALPHA)
    for x in range(-rect.h, rect.w, step):
        pygame.draw.line(layer, (*color, 255), (x, rect.h), (x + rect.h, 0), max(2, step // 3))
    if mask_poly:
        mask = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - rect.x, y - rect.y) for x, y in mask_poly])
        layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surf.blit(layer, rect.topleft)


def _extent(rings: list) -> float:
    """The size of a territory on screen (the area of its bounding box), to place the smallest names first."""
    pts = [q for ring in rings for q in ring]
    if not pts:
        return 0.0
    return (max(q[0] for q in pts) - min(q[0] for q in pts)) * (max(q[1] for q in pts) - min(q[1] for q in pts))


def _framing(data: Any, wanted: set[str], inner: pygame.Rect) -> Any:
    """The transform that frames the states in between in inner: whole shapes, except the giants, whose label
    points suffice, with a small margin."""
    shown = [sh for sh in data.shapes if sh.id in wanted]
    focus = [sh.bbox for sh in shown if not sh.framed_by_label] or [data.bounds]
    focus += [(*sh.label, *sh.label) for sh in shown if sh.framed_by_label]
    x0, y0 = min(b[0] for b in focus), min(b[1] for b in focus)
    x1, y1 = max(b[2] for b in focus), max(b[3] for b in focus)
    padx, pady = (x1 - x0) * 0.04, (y1 - y0) * 0.04
    return fit_box((x0 - padx, y0 - pady, x1 + padx, y1 + pady), inner.w, inner.h, left=inner.x, top=inner.y)


class MapView(Widget):
    """A focusable map; arrows move between territories when it has focus, the tooltip names them."""

    def __init__(self, rect: pygame.Rect, theme: Theme, scenario: Scenario, territories: dict, *,
                 wid: str = "map"):
        super().__init__(rect, wid=wid)
        self.sc = scenario
        self.holdings = territories
        self.selected = -1
        self.mouse_tip = ""
        self.last_point: tuple[int, int] | None = None
        self.tooltip = "The map: use the arrow keys to go through the territories."
        self._surf: pygame.Surface | None = None
        self._key: tuple | None = None
        self._polys: dict[str, list[list[tuple[float, float]]]] = {}
        self._centers: dict[str, tuple[float, float]] = {}
        self._background: list = []
        self._cities: list = []
        self._holes: list = []
        self.label_boxes: list = []

    # ------------------------------------------------------------- geometry
    def _fit(self, theme: Theme) -> None:
        """Project the shapes into the widget: framed on the scenario's territories (not all of Europe)."""
        self._polys, self._centers, self._background, self._cities = {}, {}, [], []
        self._holes = []
        data = load_shapes()
        margin = theme.px(10)
        inner = self.rect.inflate(-2 * margin, -2 * margin)
        wanted = {t.map for t in self.sc.territories}
        if data is not None and wanted & {sh.id for sh in data.shapes}:   # else it is another scenario's map
            try:
                self._project(data, _framing(data, wanted, inner), wanted, inner)
            except Exception:
                self._polys, self._centers, self._background, self._cities, self._holes = {}, {}, [], [], []
        self._schematic([t for t in self.sc.territories if t.map not in self._polys], inner)

    def _project(self, data: Any, tf: Any, wanted: set[str], inner: pygame.Rect) -> None:
        """The shapes in screen coordinates: the scenario's territories, the lands around, the marked cities."""
        for sh in data.shapes:
            outer = [tf.points(poly[0]) for poly in sh.polygons]
            self._holes += [tf.points(ring) for poly in sh.polygons for ring in poly[1:]]
            if sh.id in wanted:
                self._polys[sh.id] = outer
                self._centers[sh.id] = tf(*sh.label)
            else:
                self._background.append((sh.name, outer, tf(*sh.label)))
        for c in data.cities:
            sx, sy = tf(c.x, c.y)
            if inner.collidepoint(sx, sy) and c.marked:
                self._cities.append((c.name, (sx, sy)))

    def _schematic(self, missing: list, inner: pygame.Rect) -> None:
        """Labelled tiles for whatever the map data does not cover."""
        if not missing:
            return
        cols = max(1, math.ceil(math.sqrt(len(missing) * inner.w / max(1, inner.h))))
        rows = math.ceil(len(missing) / cols)
        tw, th = inner.w // cols, inner.h // max(1, rows)
        for i, t in enumerate(missing):
            r = pygame.Rect(inner.x + (i % cols) * tw + 3, inner.y + (i // cols) * th + 3, tw - 6, th - 6)
            self._polys[t.map] = [[r.topleft, r.topright, r.bottomright, r.bottomleft]]
            self._centers[t.map] = r.center

    def territory_at(self, pos: tuple[int, int]) -> int:
        for i, t in enumerate(self.sc.territories):
            for ring in self._polys.get(t.map, ()):
                if inside(pos, ring):
                    return i
        return -1

    # ------------------------------------------------------------- drawing
    def _fill_of(self, theme: Theme, owner: str | None) -> tuple[int, int, int]:
        if owner and owner in self.sc.index["powers"]:
            col = parse_color(self.sc.power(owner).color)
            if theme.palette.name == "high_contrast":
                return col
            return tuple(int(c * 0.75 + b * 0.25) for c, b in zip(col, theme.palette.land, strict=False))
        return theme.palette.land

    def _surf_of(self, theme: Theme) -> pygame.Surface:
        """The whole map drawn on a surface of the widget's size: sea, lands, territories, names, frame."""
        surf = pygame.Surface(self.rect.size)
        if pygame.display.get_surface() is not None:
            surf = surf.convert()
        surf.fill(theme.palette.sea)
        self._paint_lands(surf, theme)
        self._paint_names(surf, theme, self._place_labels(theme))
        pygame.draw.rect(surf, theme.palette.border, surf.get_rect(), 1)
        return surf

    def _paint_lands(self, surf: pygame.Surface, theme: Theme) -> None:
        """The lands around in a faint colour, then the territories, then the lakes cut out."""
        p = theme.palette
        ox, oy = self.rect.topleft
        far = tuple((a + b) // 2 for a, b in zip(p.land, p.paper_alt, strict=True))
        for _name, rings, _c in self._background:
            for ring in rings:
                if len(ring) >= 3:
                    local = [(x - ox, y - oy) for x, y in ring]
                    pygame.draw.polygon(surf, far, local)
                    pygame.draw.polygon(surf, p.rule, local, 1)
        for t in self.sc.territories:
            self._paint_territory(surf, theme, t)
        for ring in self._holes:
            if len(ring) >= 3:
                pygame.draw.polygon(surf, p.sea, [(x - ox, y - oy) for x, y in ring])

    def _paint_territory(self, surf: pygame.Surface, theme: Theme, t: Any) -> None:
        """A territory in its holder's colour, striped in the colour of the power whose sphere it is in."""
        ox, oy = self.rect.topleft
        ts = self.holdings.get(t.id)
        owner = ts.owner if ts else t.owner
        sphere = ts.sphere if ts else t.sphere
        striped = sphere and sphere != owner and sphere in self.sc.index["powers"]
        for ring in self._polys.get(t.map, ()):
            local = [(x - ox, y - oy) for x, y in ring]
            if len(local) < 3:
                continue
            pygame.draw.polygon(surf, self._fill_of(theme, owner), local)
            if striped:
                xs, ys = [q[0] for q in local], [q[1] for q in local]
                box = pygame.Rect(min(xs), min(ys), max(1, max(xs) - min(xs) + 1), max(1, max(ys) - min(ys) + 1))
                _hatch(surf, parse_color(self.sc.power(sphere).color), local, box, theme.px(7))
            pygame.draw.polygon(surf, theme.palette.border, local, 1)

    @staticmethod
    def _paint_names(surf: pygame.Surface, theme: Theme, labels: list[Label]) -> None:
        """The cities' dots, then every name placed by _place_labels on a light ground."""
        p = theme.palette
        for lab in labels:
            if lab.dot is not None:
                pygame.draw.circle(surf, p.ink, lab.dot, max(2, theme.px(3)))
        for lab in labels:
            if not lab.shown:
                continue
            r = lab.box
            bg = pygame.Surface(r.size, pygame.SRCALPHA)
            bg.fill((*p.paper, 170 if lab.kind is LabelKind.TERRITORY else 120))
            surf.blit(bg, r)
            col = p.ink if lab.kind is LabelKind.TERRITORY else p.ink_soft
            y = r.y
            for line in lab.lines:
                img = render(theme, line, lab.style, col)
                surf.blit(img, (r.centerx - img.get_width() // 2, y))
                y += img.get_height()

    def _place_labels(self, theme: Theme) -> list[Label]:
        """Where the names go, in the widget's own coordinates: each territory's inside it (smallest
        territories first, as they have the fewest places), then each city's beside its dot, north to south."""
        ox, oy = self.rect.topleft
        legend, note = self._legend_layout(theme)
        dot = max(2, theme.px(3))
        dots = []
        style = city_style(theme, self.rect.h)
        cities = self._cities if style else []
        for _name, (cx, cy) in cities:
            d = pygame.Rect(0, 0, dot * 2 + 2, dot * 2 + 2)
            d.center = (round(cx - ox), round(cy - oy))
            dots.append(d)
        placer = LabelPlacer(theme, self.rect.size, [b.move(-ox, -oy) for _q, b in legend] + [note.move(-ox, -oy)]
                             + dots)
        local = {t.map: [[(x - ox, y - oy) for x, y in ring] for ring in self._polys.get(t.map, ())]
                 for t in self.sc.territories}
        order = sorted(self.sc.territories, key=lambda t: (_extent(local[t.map]), t.id))
        out = []
        for t in order:
            c = self._centers.get(t.map)
            if c:
                out.append(placer.territory(t.map, t.name.split(" (")[0], local[t.map], (c[0] - ox, c[1] - oy)))
        for i in sorted(range(len(cities)), key=lambda i: (cities[i][1][1], cities[i][1][0])):
            out.append(placer.city(cities[i][0], dots[i].center, dot, dots[:i] + dots[i + 1:], style or "small"))
        self.label_boxes = out
        return out

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        key = (tuple(self.rect), theme.palette.name, theme.base, id(self.sc),
               tuple((k, v.owner, v.sphere) for k, v in sorted(self.holdings.items())))
        if key != self._key or self._surf is None:
            found = _RENDERED.get(key)   # a new MapView after a relayout reuses the last drawing
            if found is None:
                self._fit(theme)
                found = (self._surf_of(theme), self._polys, self._centers, self.label_boxes)
                _RENDERED.clear()
                _RENDERED[key] = found
            self._surf, self._polys, self._centers, self.label_boxes = found
            self._key = key
        surf.blit(self._surf, self.rect)
        if 0 <= self.selected < len(self.sc.territories):
            self._outline(surf, theme, self.sc.territories[self.selected].map)
        self._legend(surf, theme)
        if focused:
            focus_ring(surf, theme, self.rect)

    def _outline(self, surf: pygame.Surface, theme: Theme, shape: str) -> None:
        """The outline of the territory under the mouse or the focus, kept inside the map."""
        before = surf.get_clip()
        surf.set_clip(self.rect.clip(before))
        try:
            for ring in self._polys.get(shape, ()):
                if len(ring) >= 3:
                    pygame.draw.polygon(surf, theme.palette.focus, ring, max(2, theme.px(3)))
        finally:
            surf.set_clip(before)

    def _legend_layout(self, theme: Theme) -> tuple[list[tuple[Any, pygame.Rect]], pygame.Rect]:
        """The legend's entries (a power and its box) at the bottom left, and the note at the bottom right."""
        font = font_of(theme, "small")
        powers = [q for q in self.sc.powers if any(
            (v.owner == q.id or v.sphere == q.id) for v in self.holdings.values())]
        x, y = self.rect.x + theme.px(6), self.rect.bottom - theme.px(6)
        sw = theme.px(11)
        entries = []
        for q in reversed(powers):
            w, h = font.size(self.legend_name(theme, q))
            y -= h
            entries.append((q, pygame.Rect(x, y, sw + w + theme.px(10), h)))
        w, h = font.size("stripes: sphere of interest")
        note = pygame.Rect(self.rect.right - w - theme.px(6), self.rect.bottom - h - 4, w, h)
        return entries, note

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
        surf.blit(render(theme, "stripes: sphere of interest", "small", p.ink), note_box)

    # --------------------------------------------------------------- input
    def describe(self, index: int) -> str:
        t = self.sc.territories[index]
        ts = self.holdings.get(t.id)
        owner = ts.owner if ts else t.owner
        sphere = ts.sphere if ts else t.sphere
        who = self.sc.power(owner).short if owner in self.sc.index["powers"] else "independent"
        text = f"{t.name}: held by {who}"
        if sphere and sphere != owner and sphere in self.sc.index["powers"]:
            text += f"; in the sphere of interest of {self.sc.power(sphere).short}"
        return text + "."

    def point(self, pos: tuple[int, int]) -> bool:
        """Hover at a point; return True if the tooltip changed."""
        self.last_point = pos
        i = self.territory_at(pos)
        tip = self.describe(i) if i >= 0 else self.tooltip
        changed = i != self.selected
        self.selected = i
        self.mouse_tip = tip
        return changed

    def key(self, event: pygame.event.Event) -> tuple[bool, Any]:
        n = len(self.sc.territories)
        if event.key in (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_LEFT, pygame.K_UP) and n:
            step = 1 if event.key in (pygame.K_RIGHT, pygame.K_DOWN) else -1
            self.selected = (self.selected + step) % n if self.selected >= 0 else 0
            self.last_point = None
            self.mouse_tip = self.describe(self.selected)
            return True, None
        return False, None

    def view_state(self):
        return self.selected

    def tip_anchor(self) -> pygame.Rect:
        if self.last_point is not None and self.selected >= 0:
            return pygame.Rect(self.last_point[0] + 12, self.last_point[1] + 8, 1, 1)
        c = self._centers.get(self.sc.territories[self.selected].map) if self.selected >= 0 else None
        return pygame.Rect(int(c[0]), int(c[1]) + 10, 1, 1) if c else self.rect

    def tip(self) -> str:
        return self.mouse_tip or self.tooltip
