"""The map's geometry on screen and its painting: lands, territories, stripes, treaty lines, names, insets.

`project` turns a map (game.ui.map_data) and a transform into screen rings; the paint functions draw them on
the map widget's own surface (coordinates local to it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from .map_data import MapData, fit_box
from .map_labels import Label, LabelKind
from .theme import Theme, parse_color
from .widgets.text import fit, font_of, render

Ring = list[tuple[float, float]]


@dataclass
class Projected:
    """A map on screen: each shape's outer rings and label point, the holes, the marked cities."""

    polys: dict[str, list[Ring]] = field(default_factory=dict)
    centers: dict[str, tuple[float, float]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    holes: list[Ring] = field(default_factory=list)
    cities: list[tuple[str, tuple[float, float]]] = field(default_factory=list)
    places: dict[str, tuple[float, float]] = field(default_factory=dict)   # every city by name, for lines
    at: dict[str, tuple[float, float]] = field(default_factory=dict)       # every city by id, for marks


def framing(data: MapData, wanted: set[str], inner: pygame.Rect, whole: bool) -> Any:
    """The transform for the map in inner: the whole map, or framed on the scenario's territories (whole
    shapes, except the giants, whose label points suffice, with a small margin)."""
    if whole:
        return fit_box(data.bounds, inner.w, inner.h, left=inner.x, top=inner.y)
    shown = [sh for sh in data.shapes if sh.id in wanted]
    focus = [sh.bbox for sh in shown if not sh.framed_by_label] or [data.bounds]
    focus += [(*sh.label, *sh.label) for sh in shown if sh.framed_by_label]
    x0, y0 = min(b[0] for b in focus), min(b[1] for b in focus)
    x1, y1 = max(b[2] for b in focus), max(b[3] for b in focus)
    padx, pady = (x1 - x0) * 0.04, (y1 - y0) * 0.04
    return fit_box((x0 - padx, y0 - pady, x1 + padx, y1 + pady), inner.w, inner.h, left=inner.x, top=inner.y)


def project(data: MapData, tf: Any, area: pygame.Rect, offset: tuple[int, int]) -> Projected:
    """Every shape of the map in local screen coordinates (offset: the widget's top left); the marked cities
    that fall in area."""
    ox, oy = offset
    out = Projected()
    for sh in data.shapes:
        out.polys[sh.id] = [[(x - ox, y - oy) for x, y in tf.points(poly[0])] for poly in sh.polygons]
        out.holes += [[(x - ox, y - oy) for x, y in tf.points(ring)] for poly in sh.polygons for ring in poly[1:]]
        cx, cy = tf(*sh.label)
        out.centers[sh.id] = (cx - ox, cy - oy)
        out.names[sh.id] = sh.name
    for c in data.cities:
        sx, sy = tf(c.x, c.y)
        out.places[c.name] = out.at[c.id] = (sx - ox, sy - oy)
        if c.modern:
            out.places[c.modern] = (sx - ox, sy - oy)
        if c.marked and area.collidepoint(sx, sy):
            out.cities.append((c.name, (sx - ox, sy - oy)))
    return out


def blend(col: tuple[int, int, int], base: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    """share of col mixed with the rest of base."""
    return tuple(int(c * share + b * (1 - share)) for c, b in zip(col, base, strict=True))


def hatch(surf: pygame.Surface, color, poly: Ring, step: int) -> None:
    """Diagonal stripes over a polygon."""
    xs, ys = [q[0] for q in poly], [q[1] for q in poly]
    rect = pygame.Rect(min(xs), min(ys), max(1, max(xs) - min(xs) + 1), max(1, max(ys) - min(ys) + 1))
    layer = pygame.Surface(rect.size, pygame.SRCALPHA)
    for x in range(-rect.h, rect.w, step):
        pygame.draw.line(layer, (*color, 255), (x, rect.h), (x + rect.h, 0), max(2, step // 3))
    mask = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - rect.x, y - rect.y) for x, y in poly])
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surf.blit(layer, rect.topleft)


def paint_shape(surf: pygame.Surface, rings: list[Ring], fill, edge, stripes=None, step: int = 7) -> None:
    """A shape filled, optionally striped, and outlined."""
    for ring in rings:
        if len(ring) < 3:
            continue
        pygame.draw.polygon(surf, fill, ring)
        if stripes is not None:
            hatch(surf, stripes, ring, step)
        pygame.draw.polygon(surf, edge, ring, 1)


def paint_holes(surf: pygame.Surface, theme: Theme, holes: list[Ring]) -> None:
    """Lakes and other holes cut out in the sea's colour."""
    for ring in holes:
        if len(ring) >= 3:
            pygame.draw.polygon(surf, theme.palette.sea, ring)


def dashed(surf: pygame.Surface, color, a: tuple[float, float], b: tuple[float, float], width: int,
           dash: int) -> None:
    """A dashed straight line."""
    length = max(1.0, ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5)
    n = max(1, int(length // (2 * dash)))
    for i in range(n):
        t0, t1 = (2 * i) * dash / length, min(1.0, (2 * i + 1) * dash / length)
        pygame.draw.line(surf, color, (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                         (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1), width)


def paint_links(surf: pygame.Surface, theme: Theme, links: list[tuple[tuple[float, float], tuple[float, float], bool]]) -> None:
    """Treaties between capitals: a solid line when signed, dashed while on the table."""
    col = theme.palette.stamp
    width = max(2, theme.px(3))
    for a, b, signed in links:
        if signed:
            pygame.draw.line(surf, col, a, b, width)
        else:
            dashed(surf, col, a, b, max(1, width - 1), theme.px(8))
        for end in (a, b):
            pygame.draw.circle(surf, col, end, width + 2, 2)


def paint_sign(surf: pygame.Surface, theme: Theme, kind: str, at: tuple[float, float]) -> None:
    """A map mark's sign: a front a short broken red line, a guarantee a double ring, a mobilisation a
    triangle, a note a square."""
    p = theme.palette
    r = sign_size(theme)
    x, y = at
    if kind == "front":
        pts = [(x - r, y + r // 2), (x - r // 2, y - r // 2), (x, y + r // 2), (x + r // 2, y - r // 2), (x + r, y + r // 2)]
        pygame.draw.lines(surf, p.stamp, False, pts, max(2, theme.px(3)))
    elif kind == "guarantee":
        pygame.draw.circle(surf, p.accent, at, r, 2)
        pygame.draw.circle(surf, p.accent, at, max(2, r - theme.px(4)), 2)
    elif kind == "mobilisation":
        pygame.draw.polygon(surf, p.stamp, [(x, y - r), (x + r, y + r), (x - r, y + r)], 2)
    else:
        pygame.draw.rect(surf, p.ink, (x - r // 2, y - r // 2, r, r), 2)


def sign_size(theme: Theme) -> int:
    """The half-width of a map mark's sign."""
    return theme.px(8)


def paint_names(surf: pygame.Surface, theme: Theme, labels: list[Label]) -> None:
    """The cities' dots and the leader lines, then every name placed on a light ground."""
    p = theme.palette
    for lab in labels:
        if lab.kind in (LabelKind.LEADER, LabelKind.MARK) and lab.shown and lab.dot is not None:
            end = (min(max(lab.dot[0], lab.box.left), lab.box.right - 1), min(max(lab.dot[1], lab.box.top), lab.box.bottom - 1))
            pygame.draw.line(surf, p.ink, lab.dot, end, max(2, theme.px(2)))
            if lab.kind is LabelKind.LEADER:
                pygame.draw.circle(surf, p.ink, lab.dot, max(3, theme.px(3)))
        elif lab.dot is not None:
            pygame.draw.circle(surf, p.ink, lab.dot, max(2, theme.px(3)))
    for lab in labels:
        if not lab.shown:
            continue
        r = lab.box
        bg = pygame.Surface(r.size, pygame.SRCALPHA)
        bg.fill((*p.paper, {LabelKind.TERRITORY: 170, LabelKind.LEADER: 210, LabelKind.MARK: 190}.get(lab.kind, 120)))
        surf.blit(bg, r)
        col = p.ink_soft if lab.kind is LabelKind.CITY else p.ink
        y = r.y
        for line in lab.lines:
            img = render(theme, line, lab.style, col)
            surf.blit(img, (r.centerx - img.get_width() // 2, y))
            y += img.get_height()


def key_lines(theme: Theme, numbered: list[tuple[str, str]], width: int) -> list[str]:
    """The key to the numbered territories, wrapped to width ("1 Slovakia · 2 Bessarabia")."""
    font = font_of(theme, "small")
    lines, line = [], ""
    for n, name in numbered:
        item = f"{n} {name}"
        if line and font.size(f"{line} · {item}")[0] > width:
            lines.append(line)
            line = item
        else:
            line = f"{line} · {item}" if line else item
    return [*lines, line] if line else lines


def key_fits(theme: Theme, numbered: list[tuple[str, str]], box: pygame.Rect) -> bool:
    """Whether the key, wrapped, fits in box (a territory gets a number only if its name then fits the key)."""
    lines = key_lines(theme, numbered, box.w - 8)
    font = font_of(theme, "small")
    return len(lines) * font.get_linesize() <= box.h and all(font.size(t)[0] <= box.w - 8 for t in lines)


def paint_key(surf: pygame.Surface, theme: Theme, numbered: list[tuple[str, str]], box: pygame.Rect) -> None:
    """The key to the territories marked by a number, in box."""
    if not numbered:
        return
    p = theme.palette
    lines = key_lines(theme, numbered, box.w - 8)
    h = font_of(theme, "small").get_linesize()
    bg = pygame.Surface((max(font_of(theme, "small").size(t)[0] for t in lines) + 8, h * len(lines)), pygame.SRCALPHA)
    bg.fill((*p.paper, 200))
    surf.blit(bg, box.topleft)
    for i, text in enumerate(lines):
        surf.blit(render(theme, text, "small", p.ink), (box.x + 4, box.y + i * h))


def paint_inset(surf: pygame.Surface, theme: Theme, inset: MapData, box: pygame.Rect, fill_of: Any,
                marks: list[Any]) -> None:
    """A small map of far-off places in a framed box: its title on top, shapes in their power's colour, its
    marked cities named, and the map marks that stand in it (their words at the box's foot)."""
    p = theme.palette
    pygame.draw.rect(surf, p.paper, box)
    title = render(theme, fit(theme, inset.title, "small", box.w - 8), "small", p.ink)
    surf.blit(title, (box.x + 4, box.y + 2))
    area = pygame.Rect(box.x + 2, box.y + title.get_height() + 4, box.w - 4, box.h - title.get_height() - 6)
    sub = surf.subsurface(area)
    sub.fill(p.sea)
    tf = fit_box(inset.bounds, area.w, area.h)
    for sh in inset.shapes:
        rings = [tf.points(poly[0]) for poly in sh.polygons]
        paint_shape(sub, rings, fill_of(sh), p.border)
    here = {c.id: tf(c.x, c.y) for c in inset.cities}
    taken = _inset_marks(sub, theme, [m for m in marks if m.at in here], here)
    _inset_cities(sub, theme, [(c.name, tf(c.x, c.y)) for c in inset.cities if c.marked], taken)
    pygame.draw.rect(surf, p.border, box, 1)


def _inset_marks(sub: pygame.Surface, theme: Theme, shown: list[Any], here: dict[str, tuple[int, int]]
                 ) -> list[pygame.Rect]:
    """The marks' signs at their cities and their words stacked at the inset's foot; the room they take."""
    p, size = theme.palette, sign_size(theme)
    taken: list[pygame.Rect] = []
    for m in shown:
        paint_sign(sub, theme, m.kind, here[m.at])
        taken.append(pygame.Rect(0, 0, 2 * size, 2 * size).move(here[m.at][0] - size, here[m.at][1] - size))
    y = sub.get_height()
    for m in reversed(shown):
        img = render(theme, fit(theme, m.text, "small", sub.get_width() - 8), "small", p.ink)
        y -= img.get_height()
        bg = pygame.Surface((img.get_width() + 6, img.get_height()), pygame.SRCALPHA)
        bg.fill((*p.paper, 220))
        sub.blit(bg, (2, y))
        sub.blit(img, (5, y))
        taken.append(pygame.Rect(2, y, img.get_width() + 6, img.get_height()))
    return taken


def _inset_cities(sub: pygame.Surface, theme: Theme, marked: list[tuple[str, tuple[int, int]]],
                  taken: list[pygame.Rect]) -> None:
    """The marked cities' dots, then each name beside its dot where it fits clear of the rest (else none)."""
    ink = theme.palette.ink
    for _name, at in marked:
        pygame.draw.circle(sub, ink, at, max(2, theme.px(3)))
        taken.append(pygame.Rect(at[0] - 3, at[1] - 3, 7, 7))
    for name, (x, y) in marked:
        img = render(theme, name, "map_tiny", ink)
        w, h = img.get_size()
        spots = [pygame.Rect(x + 5, y - h // 2, w, h), pygame.Rect(x - 5 - w, y - h // 2, w, h),
                 pygame.Rect(x - w // 2, y - 4 - h, w, h), pygame.Rect(x - w // 2, y + 4, w, h)]
        spot = next((r for r in spots if sub.get_rect().contains(r) and r.collidelist(taken) < 0), None)
        if spot is not None:
            taken.append(spot)
            sub.blit(img, spot)


def inset_box(theme: Theme, size: tuple[int, int], index: int) -> pygame.Rect:
    """Where an inset goes: the bottom right of the map, above the note on stripes, stacked leftwards."""
    w, h = size
    iw, ih = max(theme.px(150), w * 26 // 100), max(theme.px(110), h * 30 // 100)
    bottom = h - theme.px(6) - theme.line_height("sans", 0.8) - theme.px(4)
    return pygame.Rect(w - theme.px(6) - iw - index * (iw + theme.px(6)), bottom - ih, iw, ih)


def power_fill(theme: Theme, color: str, share: float) -> tuple[int, int, int]:
    """A power's colour on the map (mixed with the land's colour, except in high contrast)."""
    col = parse_color(color)
    return col if theme.palette.name == "high_contrast" else blend(col, theme.palette.land, share)
