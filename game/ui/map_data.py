"""A scenario's map, read from a map file (assets/map/*.json, built by tools/build_map.py), and the one home of map
geometry: point in polygon (`Shape.contains` on the map's km, `inside` and `crossings` on screen points) and
fitting a box into a rectangle (`fit_box`). Standard library only; never imports pygame.

Coordinates are projected kilometres with y growing NORTH (see assets/map/README.md);
`fit_box` gives a `Transform` to screen pixels (y growing down).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..scenario.maps import DEFAULT_PATH, MAX_BYTES

FORMAT = 1

Ring = tuple[float, ...]  # flat x0, y0, x1, y1, ... (closed implicitly)
Polygon = tuple[Ring, ...]  # outer ring first, then holes
BBox = tuple[float, float, float, float]  # min x, min y, max x, max y
Point = tuple[float, float]


def _ring_bbox(ring: Ring) -> BBox:
    """Bounding box of a flat ring."""
    xs, ys = ring[0::2], ring[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _merge(boxes: list[BBox]) -> BBox:
    """Bounding box of several boxes."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _in_box(box: BBox, x: float, y: float) -> bool:
    """Whether a point lies in a bounding box."""
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _crosses(ring: Ring, x: float, y: float) -> bool:
    """Whether a ray from the point crosses the ring an odd number of times."""
    inside = False
    px, py = ring[-2], ring[-1]
    for i in range(0, len(ring), 2):
        qx, qy = ring[i], ring[i + 1]
        if (qy > y) != (py > y) and x < (px - qx) * (y - qy) / (py - qy) + qx:
            inside = not inside
        px, py = qx, qy
    return inside


def crossings(ring: Sequence[Point], y: float) -> list[float]:
    """Where the horizontal line at y crosses a ring of points, left to right (edges touching it from above
    or below count once, as in `_crosses`)."""
    found = []
    px, py = ring[-1]
    for qx, qy in ring:
        if (qy > y) != (py > y):
            found.append((px - qx) * (y - qy) / (py - qy) + qx)
        px, py = qx, qy
    found.sort()
    return found


def inside_row(row: list[float], x: float) -> bool:
    """Whether x lies inside a ring, given the ring's crossings of x's row (see `crossings`)."""
    return (len(row) - bisect_right(row, x)) % 2 == 1


def inside(pos: Point, ring: Sequence[Point]) -> bool:
    """Even-odd point-in-polygon test on a ring of points (e.g. in screen pixels)."""
    return len(ring) >= 3 and inside_row(crossings(ring, pos[1]), pos[0])


@dataclass(frozen=True, slots=True)
class Shape:
    """One territory: polygons (outer ring, then holes) in projected km."""

    id: str
    name: str
    ruled_by: str
    polygons: tuple[Polygon, ...]
    label: tuple[float, float]
    area_km2: float
    clipped: bool
    bbox: BBox
    boxes: tuple[BBox, ...]
    framed_by_label: bool = False   # too large to frame whole: a map centred on its neighbours shows its label

    def contains(self, x: float, y: float) -> bool:
        """Even-odd point-in-polygon test on projected coordinates (holes respected)."""
        if not _in_box(self.bbox, x, y):
            return False
        return any(_in_box(box, x, y) and sum(_crosses(ring, x, y) for ring in poly) % 2 == 1
                   for poly, box in zip(self.polygons, self.boxes, strict=True))

    def rings(self) -> Iterator[Ring]:
        """Every ring, outer rings and holes alike."""
        for poly in self.polygons:
            yield from poly


@dataclass(frozen=True, slots=True)
class City:
    """A named place; `shape` is the id of the shape it lies in (or None)."""

    id: str
    name: str
    lon: float
    lat: float
    x: float
    y: float
    shape: str | None
    modern: str = ""
    marked: bool = False   # drawn with its name on the game's map


@dataclass(frozen=True, slots=True)
class Line:
    """A polyline drawn over the map (e.g. the secret protocol's line)."""

    id: str
    name: str
    points: Ring


@dataclass(frozen=True, slots=True)
class Projection:
    """Spherical Lambert azimuthal equal-area projection to km, y north."""

    name: str
    lon_0: float
    lat_0: float
    radius_km: float

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Lon/lat degrees to projected (x, y) km."""
        p0, lam, phi = math.radians(self.lat_0), math.radians(lon - self.lon_0), math.radians(lat)
        cos_c = math.sin(p0) * math.sin(phi) + math.cos(p0) * math.cos(phi) * math.cos(lam)
        k = math.sqrt(2.0 / (1.0 + cos_c))
        x = self.radius_km * k * math.cos(phi) * math.sin(lam)
        y = self.radius_km * k * (math.cos(p0) * math.sin(phi) - math.sin(p0) * math.cos(phi) * math.cos(lam))
        return x, y

    def unproject(self, x: float, y: float) -> tuple[float, float]:
        """Projected (x, y) km back to lon/lat degrees."""
        rho = math.hypot(x, y)
        if rho == 0:
            return self.lon_0, self.lat_0
        p0 = math.radians(self.lat_0)
        c = 2.0 * math.asin(min(1.0, rho / (2.0 * self.radius_km)))
        lat = math.asin(math.cos(c) * math.sin(p0) + y * math.sin(c) * math.cos(p0) / rho)
        lon = self.lon_0 + math.degrees(math.atan2(x * math.sin(c),
                                                   rho * math.cos(p0) * math.cos(c) - y * math.sin(p0) * math.sin(c)))
        return lon, math.degrees(lat)


@dataclass(frozen=True, slots=True)
class Transform:
    """Projected km (y north) to screen pixels (y down): sx = offset_x + x*scale, sy = offset_y - y*scale."""

    scale: float
    offset_x: float
    offset_y: float

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        """Screen position of a projected point."""
        return self.offset_x + x * self.scale, self.offset_y - y * self.scale

    def inverse(self, sx: float, sy: float) -> tuple[float, float]:
        """Projected point under a screen position (for hit-testing clicks)."""
        return (sx - self.offset_x) / self.scale, (self.offset_y - sy) / self.scale

    def points(self, ring: Ring) -> list[tuple[float, float]]:
        """A flat ring or polyline as screen points, ready for pygame.draw.polygon/lines."""
        s, ox, oy = self.scale, self.offset_x, self.offset_y
        return [(ox + ring[i] * s, oy - ring[i + 1] * s) for i in range(0, len(ring), 2)]


@dataclass(frozen=True, slots=True)
class MapData:
    """A map: shapes, lines and cities in one projection; the whole map may have insets (small maps of far-off
    places, each in its own projection)."""

    projection: Projection
    bounds: BBox
    shapes: tuple[Shape, ...]
    lines: tuple[Line, ...]
    cities: tuple[City, ...]
    credits: str
    _shape_index: Mapping[str, Shape] = field(repr=False, compare=False)
    _city_index: Mapping[str, City] = field(repr=False, compare=False)
    id: str = ""
    title: str = ""
    insets: tuple[MapData, ...] = ()

    def shape(self, sid: str) -> Shape:
        """The shape with this id (KeyError if none)."""
        return self._shape_index[sid]

    def city(self, cid: str) -> City:
        """The city with this id (KeyError if none)."""
        return self._city_index[cid]

    def shape_at(self, x: float, y: float) -> Shape | None:
        """The shape containing a projected point, if any."""
        return next((s for s in self.shapes if s.contains(x, y)), None)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Lon/lat degrees to this map's projected km."""
        return self.projection.project(lon, lat)

    def fit(self, width: float, height: float, margin: float = 0, *, left: float = 0, top: float = 0) -> Transform:
        """The transform that fits the map's bounds, centred and aspect kept, into a screen rectangle."""
        return fit_box(self.bounds, width, height, margin, left=left, top=top)


def fit_box(box: BBox, width: float, height: float, margin: float = 0, *, left: float = 0,
            top: float = 0) -> Transform:
    """The transform that fits a box of projected km, centred and aspect kept, into a screen rectangle."""
    inner_w, inner_h = width - 2 * margin, height - 2 * margin
    if inner_w <= 0 or inner_h <= 0:
        raise ValueError(f"no room for the map in {width}x{height} with margin {margin}")
    x0, y0, x1, y1 = box
    scale = min(inner_w / (x1 - x0), inner_h / (y1 - y0))
    offset_x = left + (width - (x1 - x0) * scale) / 2 - x0 * scale
    offset_y = top + (height - (y1 - y0) * scale) / 2 + y1 * scale
    return Transform(scale, offset_x, offset_y)


def _shape(rec: dict) -> Shape:
    """A Shape from its JSON record."""
    polygons = tuple(tuple(tuple(float(v) for v in ring) for ring in poly) for poly in rec["polygons"])
    boxes = tuple(_ring_bbox(poly[0]) for poly in polygons)
    if not boxes:
        raise ValueError(f"shape {rec['id']!r} has no polygons")
    lx, ly = rec["label"]
    return Shape(id=rec["id"], name=rec["name"], ruled_by=rec.get("ruled_by", rec["id"]), polygons=polygons,
                 label=(float(lx), float(ly)), area_km2=float(rec.get("area_km2", 0)),
                 clipped=bool(rec.get("clipped", False)), bbox=_merge(list(boxes)), boxes=boxes,
                 framed_by_label=rec.get("frame") == "label")


def _city(rec: dict) -> City:
    """A City from its JSON record."""
    return City(id=rec["id"], name=rec["name"], lon=float(rec["lon"]), lat=float(rec["lat"]), x=float(rec["x"]),
                y=float(rec["y"]), shape=rec.get("in"), modern=rec.get("modern", ""), marked=bool(rec.get("marked")))


def load_map(path: str | Path | None = None) -> MapData:
    """Read a map JSON file (default: the game's April 1939 map); ValueError if it is not a map."""
    src = Path(path) if path is not None else DEFAULT_PATH
    with open(src, "rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"{src}: a map file may hold at most {MAX_BYTES:,} bytes")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{src}: not a map file ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{src}: not a format-{FORMAT} map file")
    try:
        insets = tuple(_part(rec, src) for rec in doc.get("insets", ()))
    except AttributeError as exc:
        raise ValueError(f"{src}: malformed map file ({exc!r})") from exc
    return _part(doc, src, insets)


def _part(doc: dict, src: Path, insets: tuple[MapData, ...] = ()) -> MapData:
    """The map, or one inset, of a map file's JSON."""
    try:
        proj = doc["projection"]
        projection = Projection(str(proj["name"]), float(proj["lon_0"]), float(proj["lat_0"]), float(proj["radius_km"]))
        x0, y0, x1, y1 = (float(v) for v in doc["bounds"])
        shapes = tuple(_shape(rec) for rec in doc["shapes"])
        lines = tuple(Line(rec["id"], rec["name"], tuple(float(v) for v in rec["points"])) for rec in doc.get("lines", ()))
        cities = tuple(_city(rec) for rec in doc.get("cities", ()))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"{src}: malformed map file ({exc!r})") from exc
    if x1 <= x0 or y1 <= y0:
        raise ValueError(f"{src}: empty bounds")
    return MapData(projection=projection, bounds=(x0, y0, x1, y1), shapes=shapes, lines=lines, cities=cities,
                   credits=str(doc.get("credits", "")),
                   _shape_index=MappingProxyType({s.id: s for s in shapes}),
                   _city_index=MappingProxyType({c.id: c for c in cities}),
                   id=str(doc.get("id", "")), title=str(doc.get("title", "")), insets=insets)
