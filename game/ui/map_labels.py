"""Where the names go on the map: each territory's name inside its own territory, never over another name,
a city's dot or the legend; a city's name beside its dot.

A territory's name is placed by a pole-of-inaccessibility style search on a mask of the territory as drawn:
of the places where the name's box fits wholly inside (with a small margin), those furthest from the border
are kept, and of them the one nearest the territory's label point. A name that does not fit whole is tried
on two lines, then in smaller types, then abbreviated, then marked by a number that the map's key explains;
one that fits in no form is written beside its land, joined to it by a leader line (or, failing that too, left
out: the tooltip and the arrow keys still name the territory).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import pygame

from .theme import Theme
from .widgets.text import font_of

TERRITORY_STYLES = ("small", "map_small", "map_tiny")
EDGE = 2          # pixels kept clear between a name's box and its territory's border
SMALL_WORDS = {"and", "of", "the", "&"}
CITY_STYLES = ("small", "map_small")
CITY_LINES = 20   # a map fewer lines of a type high has no room for cities' names in it
LEADER_REACH = 70   # layout units: how far from its land a name is first sought off the lands


class LabelKind(StrEnum):
    """What a name on the map belongs to."""

    TERRITORY = "territory"
    LEADER = "leader"   # a land's name beside it, joined to it by a line, where it fits nowhere inside
    CITY = "city"
    MARK = "mark"


@dataclass
class Label:
    """A name placed on the map, in the widget's own coordinates; an empty box: the name is left out."""

    kind: LabelKind
    key: str            # the territory's map shape id, or the city's name
    lines: list[str]
    box: pygame.Rect
    style: str
    dot: tuple[int, int] | None = None   # a city's dot, or the point in its land a leader line goes to

    @property
    def shown(self) -> bool:
        return self.box.w > 0


def clip_word(word: str) -> str:
    """A word cut after its first syllable's consonants, as atlases abbreviate: "Poland" -> "Pol.", "Latvia"
    -> "Latv.", "Bessarabia" -> "Bess."; a short word stays whole."""
    m = re.match(r"[^aeiouy]*[aeiouy]+[^aeiouy]+", word, re.IGNORECASE)
    return word if len(word) <= 4 or not m or len(m.group()) >= len(word) - 1 else m.group() + "."


def abbreviations(name: str) -> list[str]:
    """Shorter forms of a name, longest first: "Western Poland" -> "W. Poland", "W. Pol."; "Bessarabia" ->
    "Bess."."""
    words = [w for w in name.split() if w.lower() not in SMALL_WORDS]
    if not words:
        return []
    head = " ".join(w[0] + "." for w in words[:-1])
    forms = [f"{head} {words[-1]}".strip(), f"{head} {clip_word(words[-1])}".strip()]
    return [f for i, f in enumerate(forms) if f != name and f not in forms[:i]]


def name_forms(name: str) -> list[tuple[list[str], str]]:
    """The ways a territory's name may be written, best first: whole (on one line, then two) in each type
    from the usual to the smallest, then abbreviated in the smallest."""
    words = name.split()
    shapes = [[name]]
    if len(words) > 1:
        cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
        shapes.append([" ".join(words[:cut]), " ".join(words[cut:])])
    forms = [(lines, style) for style in TERRITORY_STYLES for lines in shapes]
    return forms + [([short], TERRITORY_STYLES[-1]) for short in abbreviations(name)]


def box_size(theme: Theme, lines: list[str], style: str) -> tuple[int, int]:
    """The size of a name's box (a little wider than its widest line)."""
    font = font_of(theme, style)
    return max(font.size(line)[0] for line in lines) + 4, font.get_linesize() * len(lines)


def _filled(size: tuple[int, int]) -> pygame.mask.Mask:
    return pygame.mask.Mask((max(1, size[0]), max(1, size[1])), fill=True)


class LabelPlacer:
    """Places names one after another on a widget of a given size; what is placed is not covered again."""

    def __init__(self, theme: Theme, size: tuple[int, int], reserved: list[pygame.Rect]):
        self.theme = theme
        self.bounds = pygame.Rect(0, 0, *size).inflate(-4, -4)
        self.taken = pygame.mask.Mask(size)
        self.numbered: list[tuple[str, str]] = []   # territories marked by a number, and their names (the key)
        for r in reserved:
            self.take(r)

    def take(self, r: pygame.Rect) -> None:
        """Mark a rectangle as covered."""
        if r.w > 0 and r.h > 0:
            self.taken.draw(_filled(r.size), r.topleft)

    def territory(self, key: str, name: str, rings: list[list[tuple[float, float]]],
                  pole: tuple[float, float], key_room: Callable[[list[tuple[str, str]]], bool] | None = None) -> Label:
        """The name of a territory drawn as rings (widget coordinates), placed inside it near pole; key_room
        says whether the map's key could explain one more number (None: no number for this one)."""
        area = self._area(rings)
        if area is None:
            return Label(LabelKind.TERRITORY, key, [name], pygame.Rect(0, 0, 0, 0), TERRITORY_STYLES[0])
        origin, blocked = area
        number = str(len(self.numbered) + 1)
        numbers = [([number], TERRITORY_STYLES[-1])] if key_room and key_room([*self.numbered, (number, name)]) else []
        for lines, style in [*name_forms(name), *numbers]:
            w, h = box_size(self.theme, lines, style)
            if w - 4 > self.bounds.w // 3:   # no name wider than a third of the map
                continue
            spot = self._best(blocked, (w, h), (pole[0] - origin[0], pole[1] - origin[1]))
            if spot is not None:
                box = pygame.Rect(spot[0] + origin[0], spot[1] + origin[1], w, h)
                self.take(box)
                if lines == [number]:
                    self.numbered.append((number, name))
                return Label(LabelKind.TERRITORY, key, lines, box, style)
        return Label(LabelKind.TERRITORY, key, [name], pygame.Rect(0, 0, 0, 0), TERRITORY_STYLES[0])

    def _area(self, rings: list[list[tuple[float, float]]]) -> tuple[tuple[int, int], pygame.mask.Mask] | None:
        """Where a name may not go, on the territory's bounding box inside the widget: off the territory
        (widened by EDGE) or already covered; None if the territory is not on the widget."""
        rings = [r for r in rings if len(r) >= 3]
        if not rings:
            return None
        xs = [p[0] for r in rings for p in r]
        ys = [p[1] for r in rings for p in r]
        box = pygame.Rect(int(min(xs)), int(min(ys)), int(max(xs) - min(xs)) + 2, int(max(ys) - min(ys)) + 2)
        box = box.clip(self.bounds)
        if box.w < 4 or box.h < 4:
            return None
        surf = pygame.Surface(box.size, pygame.SRCALPHA)
        for ring in rings:
            pygame.draw.polygon(surf, (255, 255, 255, 255), [(x - box.x, y - box.y) for x, y in ring])
        blocked = pygame.mask.from_surface(surf)
        blocked.invert()
        blocked.draw(self.taken, (-box.x, -box.y))
        return box.topleft, blocked

    def _best(self, blocked: pygame.mask.Mask, size: tuple[int, int],
              pole: tuple[float, float]) -> tuple[int, int] | None:
        """Of the places where a box of this size is clear by EDGE, those with the most room around, nearest
        pole."""
        bw, bh = blocked.get_size()
        w, h = size
        if w + 2 * EDGE > bw or h + 2 * EDGE > bh:
            return None
        step = max(2, min(bw, bh) // 40)
        xs = [*range(EDGE, bw - w - EDGE + 1, step), bw - w - EDGE]
        ys = [*range(EDGE, bh - h - EDGE + 1, step), bh - h - EDGE]
        box = _filled((w + 2 * EDGE, h + 2 * EDGE))
        spots = [(x, y) for y in ys for x in xs if blocked.overlap(box, (x - EDGE, y - EDGE)) is None]
        for margin in (4, 8, 12, 18, 26, 36, 50):
            m = self.theme.px(margin) + EDGE
            roomy = [(x, y) for x, y in spots if x >= m and y >= m and x + w + m <= bw and y + h + m <= bh
                     and blocked.overlap(_filled((w + 2 * m, h + 2 * m)), (x - m, y - m)) is None]
            if not roomy:
                break
            spots = roomy
        if not spots:
            return None
        return min(spots, key=lambda s: ((s[0] + w / 2 - pole[0]) ** 2 + (s[1] + h / 2 - pole[1]) ** 2, s))

    def leader(self, key: str, name: str, pole: tuple[float, float], land: pygame.mask.Mask | None = None) -> Label:
        """A land's name where it fits nowhere inside: a free place near pole off land (the lands the player deals
        with), else the nearest free place; whole, in smaller types, then abbreviated; to be joined to pole by a
        line; over other lands in its shortest form."""
        at = (round(pole[0]), round(pole[1]))
        forms = [f for f in name_forms(name) if len(f[0]) == 1]
        off_land = self.taken.copy()
        if land is not None:
            off_land.draw(land, (0, 0))
        near, far = self.theme.px(LEADER_REACH), max(self.bounds.w, self.bounds.h) // 3
        smallest = sorted(forms, key=lambda f: box_size(self.theme, *f)[0])   # over other lands: as little as may be
        for free, reach, order in ((off_land, near, forms), (self.taken, near, smallest), (self.taken, far, smallest)):
            for lines, style in order:
                w, h = box_size(self.theme, lines, style)
                r = self._around(free, pole, (w, h), reach=reach)
                if r is not None:
                    self.take(r)
                    return Label(LabelKind.LEADER, key, lines, r, style, at)
        return Label(LabelKind.LEADER, key, [name], pygame.Rect(0, 0, 0, 0), TERRITORY_STYLES[0], at)

    def _around(self, free: pygame.mask.Mask, at: tuple[float, float], size: tuple[int, int],
                start: int = 0, reach: int = 0) -> pygame.Rect | None:
        """The nearest box of size around at, its centre within reach (default: a third of the map), that covers
        nothing marked in free."""
        step = self.theme.px(6)
        box = _filled(size)
        for radius in range(max(start, step * 2), reach or max(self.bounds.w, self.bounds.h) // 3, step):
            for k in range(16):
                r = pygame.Rect(0, 0, *size)
                r.center = (round(at[0] + radius * math.cos(k * math.pi / 8)), round(at[1] + radius * math.sin(k * math.pi / 8)))
                if self.bounds.contains(r) and free.overlap(box, r.topleft) is None:
                    return r
        return None

    def mark(self, text: str, at: tuple[int, int], size: int, signs: list[pygame.Rect],
             land: pygame.mask.Mask | None = None) -> Label:
        """A map mark's words beside its sign, where they cover nothing and no land of land (the countries the
        player deals with); else the nearest such place around it, joined to the sign by a line; else left out."""
        free = self.taken.copy()
        if land is not None:
            free.draw(land, (0, 0))
        font = font_of(self.theme, CITY_STYLES[0])
        w, h = font.size(text)[0] + 4, font.get_linesize()
        box = _filled((w, h))
        for r in beside(at[0], at[1], w, h, size):
            if self.bounds.contains(r) and r.collidelist(signs) < 0 and free.overlap(box, r.topleft) is None:
                self.take(r)
                return Label(LabelKind.MARK, text, [text], r, CITY_STYLES[0])
        for sign in signs:
            free.draw(_filled(sign.size), sign.topleft)
        r = self._around(free, at, (w, h), size + self.theme.px(12), size + self.theme.px(LEADER_REACH))
        if r is not None:
            self.take(r)
            return Label(LabelKind.MARK, text, [text], r, CITY_STYLES[0], at)
        return Label(LabelKind.MARK, text, [text], pygame.Rect(0, 0, 0, 0), CITY_STYLES[0])

    def city(self, name: str, dot_at: tuple[int, int], dot: int, dots: list[pygame.Rect], style: str) -> Label:
        """A city's name beside its dot, right or left, above or below, where it covers nothing; in a smaller
        type if the usual one finds no place."""
        x, y = dot_at
        for s in CITY_STYLES[CITY_STYLES.index(style):]:
            font = font_of(self.theme, s)
            w, h = font.size(name)[0] + 4, font.get_linesize()
            box = _filled((w, h))
            for r in beside(x, y, w, h, dot):
                if self.bounds.contains(r) and r.collidelist(dots) < 0 and self.taken.overlap(box, r.topleft) is None:
                    self.take(r)
                    return Label(LabelKind.CITY, name, [name], r, s, dot_at)
        return Label(LabelKind.CITY, name, [name], pygame.Rect(0, 0, 0, 0), style, dot_at)


def city_style(theme: Theme, map_height: int) -> str | None:
    """The type of the cities' names: the usual small type if the map is CITY_LINES of it high, else a smaller
    one if that fits; None: the map is too small for cities (their dots and names are left out)."""
    return next((s for s in CITY_STYLES if font_of(theme, s).get_linesize() * CITY_LINES <= map_height), None)


def beside(x: int, y: int, w: int, h: int, dot: int) -> list[pygame.Rect]:
    """The places for a city's name beside its dot at (x, y), in order of preference."""
    right, left = x + dot + 1, x - dot - 1 - w
    return [pygame.Rect(right, y - h + dot, w, h), pygame.Rect(right, y - dot, w, h),
            pygame.Rect(left, y - h + dot, w, h), pygame.Rect(left, y - dot, w, h),
            pygame.Rect(right, y - h // 2, w, h), pygame.Rect(left, y - h // 2, w, h),
            pygame.Rect(x - w // 2, y - dot - 1 - h, w, h), pygame.Rect(x - w // 2, y + dot + 1, w, h),
            pygame.Rect(right, y - h - dot, w, h), pygame.Rect(left, y - h - dot, w, h),
            pygame.Rect(right, y + dot, w, h), pygame.Rect(left, y + dot, w, h)]
