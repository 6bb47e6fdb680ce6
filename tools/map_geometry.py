"""Geometry for tools/build_map.py: the projection, polygons, clipping to a frame, simplifying, rounding.

Developer-only (needs shapely and numpy); the game reads the built JSON with game/ui/map_data.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

RADIUS_KM = 6371.0072  # authalic radius of the WGS84 ellipsoid, so areas come out right
DECIMALS = 1
GRID_DEG = 1e-6  # precision grid for the lon/lat overlay operations (about 0.1 m), so pieces join cleanly


@dataclass(frozen=True)
class Lambert:
    """Spherical Lambert azimuthal equal-area projection centred on (lon_0, lat_0), to km with y north."""

    lon_0: float
    lat_0: float

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Lon/lat degrees to (x east, y north) km."""
        s0, c0 = math.sin(math.radians(self.lat_0)), math.cos(math.radians(self.lat_0))
        lam, phi = math.radians(lon - self.lon_0), math.radians(lat)
        sin_p, cos_p, cos_l = math.sin(phi), math.cos(phi), math.cos(lam)
        k = math.sqrt(2.0 / (1.0 + s0 * sin_p + c0 * cos_p * cos_l))
        return RADIUS_KM * k * cos_p * math.sin(lam), RADIUS_KM * k * (c0 * sin_p - s0 * cos_p * cos_l)

    def unproject(self, x: float, y: float) -> tuple[float, float]:
        """Inverse of project: (x, y) km to lon/lat degrees."""
        rho = math.hypot(x, y)
        if rho == 0:
            return self.lon_0, self.lat_0
        s0, c0 = math.sin(math.radians(self.lat_0)), math.cos(math.radians(self.lat_0))
        c = 2.0 * math.asin(min(1.0, rho / (2.0 * RADIUS_KM)))
        sin_c, cos_c = math.sin(c), math.cos(c)
        lat = math.asin(cos_c * s0 + y * sin_c * c0 / rho)
        lon = math.radians(self.lon_0) + math.atan2(x * sin_c, rho * c0 * cos_c - y * s0 * sin_c)
        return math.degrees(lon), math.degrees(lat)

    def frame_bounds(self, frame: dict) -> tuple[float, float, float, float]:
        """The projected rectangle of a frame: x from west to east on the ref_lat parallel, y from south to
        north on the central meridian."""
        ref = frame.get("ref_lat", self.lat_0)
        return (round(self.project(frame["west"], ref)[0]), round(self.project(self.lon_0, frame["south"])[1]),
                round(self.project(frame["east"], ref)[0]), round(self.project(self.lon_0, frame["north"])[1]))

    def geom(self, g: BaseGeometry) -> BaseGeometry:
        """Project every vertex of a lon/lat geometry."""
        moved = shapely.transform(g, lambda a: np.array([self.project(p[0], p[1]) for p in a],
                                                        dtype=float).reshape(-1, 2))
        return shapely.make_valid(moved)

    def lonlat_frame(self, bounds: Sequence[float], margin: float = 150.0) -> Polygon:
        """The frame (plus a margin) as a lon/lat polygon, for clipping before projecting."""
        x0, y0, x1, y1 = bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin
        n = 60
        edge = ([(x0 + (x1 - x0) * i / n, y0) for i in range(n)] + [(x1, y0 + (y1 - y0) * i / n) for i in range(n)]
                + [(x1 - (x1 - x0) * i / n, y1) for i in range(n)] + [(x0, y1 - (y1 - y0) * i / n) for i in range(n)])
        return Polygon([self.unproject(x, y) for x, y in edge])


def polygons_only(geom: BaseGeometry) -> MultiPolygon:
    """The polygonal part of a geometry as a MultiPolygon."""
    polys: list[Polygon] = []
    for g in getattr(geom, "geoms", [geom]):
        if isinstance(g, Polygon) and not g.is_empty:
            polys.append(g)
        elif isinstance(g, MultiPolygon) or hasattr(g, "geoms"):
            polys.extend(polygons_only(g).geoms)
    return MultiPolygon(polys)


def resolve_overlaps(shapes: dict[str, BaseGeometry]) -> None:
    """Make the shapes non-overlapping: where two overlap, the smaller shape keeps the overlap."""
    taken: BaseGeometry = Polygon()
    for sid in sorted(shapes, key=lambda s: (shapes[s].area, s)):
        shapes[sid] = shapes[sid].difference(taken)
        taken = shapely.union_all([taken, shapes[sid]])


def to_frame(shapes: dict[str, BaseGeometry], proj: Lambert, bounds: Sequence[float],
             min_part_km2: float) -> dict[str, MultiPolygon]:
    """Project, clip to the frame and drop islets; shapes left empty disappear."""
    pre = proj.lonlat_frame(bounds)
    rect = box(*bounds)
    out: dict[str, MultiPolygon] = {}
    for sid, geom in shapes.items():
        g = polygons_only(proj.geom(polygons_only(geom.intersection(pre))).intersection(rect))
        parts = [p for p in g.geoms if p.area >= min_part_km2]
        if parts:
            out[sid] = MultiPolygon(parts)
    return out


def simplify(shapes: dict[str, MultiPolygon], tolerance_km: float) -> dict[str, MultiPolygon]:
    """Coverage-simplify all shapes together so shared borders stay shared."""
    ids = sorted(shapes)
    simple = shapely.coverage_simplify([shapes[i] for i in ids], tolerance_km)
    return {sid: polygons_only(shapely.make_valid(g)) for sid, g in zip(ids, simple, strict=True)}


def num(v: float) -> float:
    """A coordinate rounded for output (no negative zero)."""
    r = round(float(v), DECIMALS)
    return 0.0 if r == 0 else r


def shoelace(pts: Sequence[tuple[float, float]]) -> float:
    """Signed area of a ring (positive when counter-clockwise, y north)."""
    return 0.5 * sum(pts[i - 1][0] * p[1] - p[0] * pts[i - 1][1] for i, p in enumerate(pts))


def ring_coords(ring: Sequence[Sequence[float]], ccw: bool) -> list[tuple[float, float]]:
    """Rounded ring points, open (no repeated first point), de-duplicated, in the wanted winding."""
    pts: list[tuple[float, float]] = []
    for x, y in ring:
        p = (num(x), num(y))
        if not pts or p != pts[-1]:
            pts.append(p)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    if (shoelace(pts) > 0) != ccw:
        pts.reverse()
    return pts


def rounded(geom: MultiPolygon) -> list[list[list[tuple[float, float]]]]:
    """Polygons as rounded rings: outer counter-clockwise, holes clockwise, degenerate rings dropped."""
    polys = []
    for p in sorted(geom.geoms, key=lambda q: -q.area):
        outer = ring_coords(p.exterior.coords, ccw=True)
        if len(outer) < 3:
            continue
        holes = [h for h in (ring_coords(r.coords, ccw=False) for r in p.interiors) if len(h) >= 3]
        polys.append([outer, *holes])
    return polys


def as_geometry(polys: list[list[list[tuple[float, float]]]]) -> MultiPolygon:
    """Rounded rings back to a shapely geometry (for checks and labels)."""
    return polygons_only(shapely.make_valid(MultiPolygon([Polygon(p[0], p[1:]) for p in polys])))


def label_point(geom: MultiPolygon) -> tuple[float, float]:
    """Pole of inaccessibility of the largest part, rounded."""
    biggest = max(geom.geoms, key=lambda p: p.area)
    p = polylabel(biggest, tolerance=1.0)
    return num(p.x), num(p.y)


def flat(ring: Sequence[tuple[float, float]]) -> list[float]:
    """A ring as [x0, y0, x1, y1, ...]."""
    return [c for p in ring for c in p]


def shared_border(a: MultiPolygon, b: MultiPolygon) -> list[float]:
    """The common border of two touching shapes as one flat polyline, north to south."""
    common = shapely.line_merge(a.boundary.intersection(b.boundary))
    if isinstance(common, shapely.LineString):
        pts = list(common.coords)
    else:  # stray touch points or fragments: keep the longest piece
        pts = list(max((g for g in common.geoms if isinstance(g, shapely.LineString)), key=lambda g: g.length).coords)
    if pts[0][1] < pts[-1][1]:
        pts.reverse()
    return [num(c) for p in pts for c in p]
