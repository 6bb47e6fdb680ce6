"""Build assets/map/europe_1939.json (April 1939 borders) from the 1938 historical-basemaps data.

Developer-only tool: it needs shapely, which is NOT a runtime dependency of the game (the game
reads the JSON with game/ui/map_data.py, standard library only). Run from the repository root:

    .venv/bin/python tools/build_map.py [--src GEOJSON] [--out JSON]

The output is deterministic: the same input gives a byte-identical file. Every correction to the
1938 data is listed in FIXES below as a lon/lat polygon drawn from real places (rivers, towns);
those outlines are approximations, documented in assets/map/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, unary_union

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "historical-basemaps" / "europe_1938.geojson"
DEFAULT_OUT = REPO / "assets" / "map" / "europe_1939.json"

LonLat = tuple[float, float]

# ----------------------------------------------------------------------------- projection
# Spherical Lambert azimuthal equal-area, centred on 25°E 52°N (between Warsaw and Minsk).
LON_0 = 25.0
LAT_0 = 52.0
RADIUS_KM = 6371.0072  # authalic radius of the WGS84 ellipsoid, so areas come out right
_SIN0 = math.sin(math.radians(LAT_0))
_COS0 = math.cos(math.radians(LAT_0))

# The frame: x from 5°E to 42°E measured on the 50th parallel, y from 40°N to 70°N on 25°E
# (wide enough that eastern Belgium and northern Greece, both named in the game, are on the map).
FRAME_LONLAT = {"west": 5.0, "east": 42.0, "south": 40.0, "north": 70.0, "ref_lat": 50.0}

SIMPLIFY_KM = 1.5  # coverage (Visvalingam–Whyatt) tolerance, roughly a triangle's sqrt(area)
MIN_PART_KM2 = 25.0  # islets smaller than this are dropped
DECIMALS = 1
GRID_DEG = 1e-6  # precision grid for the lon/lat overlay operations (about 0.1 m), so pieces join cleanly


def project(lon: float, lat: float) -> tuple[float, float]:
    """Project lon/lat degrees to (x east, y north) in km."""
    lam = math.radians(lon - LON_0)
    phi = math.radians(lat)
    sin_p, cos_p, cos_l = math.sin(phi), math.cos(phi), math.cos(lam)
    k = math.sqrt(2.0 / (1.0 + _SIN0 * sin_p + _COS0 * cos_p * cos_l))
    return RADIUS_KM * k * cos_p * math.sin(lam), RADIUS_KM * k * (_COS0 * sin_p - _SIN0 * cos_p * cos_l)


def unproject(x: float, y: float) -> tuple[float, float]:
    """Inverse of project: (x, y) km to lon/lat degrees."""
    rho = math.hypot(x, y)
    if rho == 0:
        return LON_0, LAT_0
    c = 2.0 * math.asin(min(1.0, rho / (2.0 * RADIUS_KM)))
    sin_c, cos_c = math.sin(c), math.cos(c)
    lat = math.asin(cos_c * _SIN0 + y * sin_c * _COS0 / rho)
    lon = math.radians(LON_0) + math.atan2(x * sin_c, rho * _COS0 * cos_c - y * _SIN0 * sin_c)
    return math.degrees(lon), math.degrees(lat)


def frame_bounds() -> tuple[float, float, float, float]:
    """The projected rectangle the map is clipped to."""
    f = FRAME_LONLAT
    return (round(project(f["west"], f["ref_lat"])[0]), round(project(LON_0, f["south"])[1]),
            round(project(f["east"], f["ref_lat"])[0]), round(project(LON_0, f["north"])[1]))


def project_geom(geom: BaseGeometry) -> BaseGeometry:
    """Project every vertex of a lon/lat geometry."""
    moved = shapely.transform(geom, lambda a: np.array([project(p[0], p[1]) for p in a], dtype=float).reshape(-1, 2))
    return shapely.make_valid(moved)


# ----------------------------------------------------------------------------- source data
# Display names and ids; features not listed keep their NAME, snake_cased.
NAME_TO_ID = {"USSR": "ussr", "Armenia": "ussr", "Czechoslovakia": "czechoslovakia", "United Kingdom": "united_kingdom"}
NAMES = {
    "ussr": "Soviet Union", "germany": "Germany", "bohemia_moravia": "Bohemia-Moravia (German protectorate)",
    "slovakia": "Slovakia", "hungary": "Hungary", "poland_west": "Poland (west of the line)",
    "poland_east": "Poland (east of the line)", "lithuania": "Lithuania", "latvia": "Latvia", "estonia": "Estonia",
    "finland": "Finland", "romania": "Romania", "bessarabia": "Bessarabia (Romania)", "sweden": "Sweden",
    "norway": "Norway", "denmark": "Denmark", "yugoslavia": "Yugoslavia", "bulgaria": "Bulgaria", "italy": "Italy",
    "albania": "Albania (Italian)", "turkey": "Turkey", "greece": "Greece", "switzerland": "Switzerland",
    "netherlands": "Netherlands", "belgium": "Belgium", "france": "France", "danzig": "Free City of Danzig",
    "luxembourg": "Luxembourg", "united_kingdom": "United Kingdom",
}
# Who actually ruled each shape in April 1939, where that is not the shape itself.
RULED_BY = {"bohemia_moravia": "germany", "albania": "italy", "poland_west": "poland", "poland_east": "poland",
            "bessarabia": "romania"}
# Unnamed islands inside the frame, by a lon/lat box around them.
UNNAMED = [("germany", (13.0, 54.0, 14.0, 55.0)),  # Rügen
           ("estonia", (21.5, 57.8, 23.5, 59.2)),  # Saaremaa, Hiiumaa
           ("finland", (19.3, 59.9, 20.6, 60.5))]  # Åland


def snake(name: str) -> str:
    """A snake_case id from a feature name, dropping any parenthesis."""
    return re.sub(r"[^a-z0-9]+", "_", re.sub(r"\(.*?\)", "", name).lower()).strip("_")


def feature_id(props: dict, geom: BaseGeometry) -> str | None:
    """The shape id a source feature belongs to (None: unnamed and outside the frame)."""
    name = props.get("NAME")
    if name:
        return NAME_TO_ID.get(name, snake(name))
    p = geom.representative_point()
    for sid, (x0, y0, x1, y1) in UNNAMED:
        if x0 <= p.x <= x1 and y0 <= p.y <= y1:
            return sid
    return None


def load_source(path: Path) -> dict[str, BaseGeometry]:
    """Read the 1938 GeoJSON into id -> lon/lat geometry (same ids merged)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    parts: dict[str, list[BaseGeometry]] = {}
    for feat in data["features"]:
        geom = shapely.make_valid(shape(feat["geometry"]))
        sid = feature_id(feat["properties"], geom)
        if sid is not None:
            parts.setdefault(sid, []).append(geom)
    return {sid: polygons_only(shapely.union_all(gs, grid_size=GRID_DEG)) for sid, gs in sorted(parts.items())}


# ----------------------------------------------------------------------------- April 1939 fixes
# Shared river/border polylines, (lon, lat), from real places along them.
NOGAT = [(18.90, 53.92), (18.97, 53.98), (19.03, 54.04), (19.10, 54.10), (19.20, 54.16), (19.30, 54.26)]
# East Prussia's 1920-39 border with Poland: the Vistula below Kwidzyn, then east past
# Iława (G) / Lubawa (P), Nidzica (G) / Działdowo (P), Pisz (G) / Kolno (P), Ełk (G) / Grajewo (P),
# Gołdap (G) / Suwałki (P), to the Lithuanian border.
EAST_PRUSSIA_SOUTH = [(18.90, 53.92), (18.86, 53.78), (18.85, 53.60), (19.10, 53.57), (19.40, 53.56), (19.62, 53.57),
                      (19.80, 53.54), (19.95, 53.42), (20.05, 53.34), (20.30, 53.30), (20.55, 53.20), (20.75, 53.28),
                      (20.95, 53.30), (21.35, 53.43), (21.80, 53.47), (22.10, 53.55), (22.47, 53.67), (22.60, 53.83),
                      (22.55, 54.05), (22.57, 54.30), (22.70, 54.41)]
# The Free City's land border with Poland: the coast at Kolibki, west of Oliwa, round to the
# Vistula north of Tczew, down the Vistula to the Nogat fork.
DANZIG_WEST = [(18.56, 54.47), (18.45, 54.42), (18.36, 54.35), (18.36, 54.25), (18.45, 54.17), (18.60, 54.12),
               (18.80, 54.12), (18.84, 54.02), (18.90, 53.92)]
# The Memel Territory's eastern border: the coast at Nemirseta, west of Kretinga and Gargždai,
# west of Tauragė, to the Neman at Smalininkai.
MEMEL_EAST = [(21.07, 55.87), (21.20, 55.84), (21.33, 55.74), (21.55, 55.60), (21.75, 55.45), (22.00, 55.30),
              (22.15, 55.18), (22.45, 55.10), (22.65, 55.05)]
# Poland-Romania border: the Black Cheremosh from Stih past Kuty, the Prut below Sniatyn, across to
# the Dniester at Zaleszczyki, down the Dniester to the Zbruch mouth at Okopy (Poland/Romania/USSR).
POLAND_ROMANIA = [(24.21, 47.94), (24.62, 47.96), (24.75, 48.10), (24.85, 48.15), (25.00, 48.20), (25.18, 48.26),
                  (25.35, 48.33), (25.55, 48.38), (25.62, 48.40), (25.75, 48.50), (25.80, 48.60), (26.00, 48.58),
                  (26.20, 48.52), (26.40, 48.54)]
# The Dniester from Okopy past Khotyn to Mohyliv-Podilskyi (USSR/Romania).
DNIESTER_UPPER = [(26.40, 48.54), (26.75, 48.53), (27.10, 48.58), (27.45, 48.50), (27.71, 48.44)]
# Polish-Soviet border: the Zbruch from Okopy past Husiatyn to Volochysk, then to Ostroh's east.
ZBRUCH = [(26.40, 48.54), (26.28, 48.65), (26.08, 48.85), (26.19, 49.07), (26.15, 49.30), (26.15, 49.55),
          (26.45, 49.85), (26.75, 50.15), (26.95, 50.32)]
# Bessarabia's west: from the Dniester west of Khotyn to the Prut at Novoselytsia, down the Prut
# (Lipcani, Costești, Ungheni, Leova, Cahul) to the Danube, along the Kilia arm (Izmail, Vylkove) to the sea.
BESSARABIA_WEST = [(26.30, 48.70), (26.30, 48.57), (26.28, 48.22), (26.55, 48.20), (26.80, 48.26), (27.05, 48.05),
                   (27.25, 47.86), (27.45, 47.55), (27.62, 47.32), (27.80, 47.20), (28.00, 46.95), (28.10, 46.75),
                   (28.26, 46.48), (28.20, 46.28), (28.15, 46.05), (28.20, 45.91), (28.15, 45.65), (28.19, 45.47),
                   (28.40, 45.40), (28.84, 45.34), (29.10, 45.40), (29.27, 45.43), (29.60, 45.40), (29.80, 45.30)]
# Moravia/Slovakia: the Morava from the Dyje mouth past Hodonín, then the White Carpathians and
# Javorníky (Uherský Brod and Vsetín Moravian, Trenčín and Púchov Slovak) to the Polish border.
MORAVIA_SLOVAKIA = [(16.80, 48.62), (16.96, 48.62), (17.05, 48.75), (17.13, 48.85), (17.25, 48.90), (17.45, 48.85),
                    (17.65, 48.87), (17.85, 48.95), (18.05, 49.03), (18.12, 49.15), (18.20, 49.25), (18.35, 49.33),
                    (18.45, 49.40), (18.55, 49.48), (18.60, 49.70)]
# Slovakia/Hungary after March 1939: Carpatho-Ukraine plus the strip Hungary took in the
# Slovak-Hungarian war (Stakčín, Sobrance Hungarian; Michalovce Slovak).
SLOVAKIA_EAST = [(22.20, 49.35), (22.18, 49.10), (22.10, 48.92), (22.02, 48.80), (21.98, 48.70), (21.98, 48.40)]
# The Narew-Vistula-San line of the secret protocol of 23 August 1939: the Pisa from the East
# Prussian border to the Narew at Nowogród, the Narew (Ostrołęka, Różan, Pułtusk) to Modlin,
# the Vistula up through Warsaw (the city centre lies west of it), Dęblin and Puławy to the San
# mouth below Sandomierz, the San up past Nisko, Jarosław, Przemyśl, Sanok and Lesko to its source.
PROTOCOL_LINE = [(21.81, 53.60), (21.80, 53.45), (21.78, 53.35), (21.88, 53.23), (21.57, 53.08), (21.40, 52.88),
                 (21.08, 52.70), (21.06, 52.51), (20.72, 52.43), (20.93, 52.37), (20.98, 52.30), (21.04, 52.24),
                 (21.10, 52.17), (21.21, 51.98), (21.55, 51.69), (21.85, 51.56), (21.96, 51.42), (21.95, 51.32),
                 (21.86, 50.89), (21.86, 50.80), (21.83, 50.70), (22.03, 50.66), (22.12, 50.52), (22.24, 50.44),
                 (22.42, 50.26), (22.68, 50.02), (22.81, 49.95), (22.77, 49.78), (22.65, 49.77), (22.39, 49.83),
                 (22.23, 49.81), (22.20, 49.56), (22.33, 49.47), (22.45, 49.39), (22.70, 49.24), (22.88, 49.03),
                 (22.76, 49.01)]


def rev(line: Sequence[LonLat]) -> list[LonLat]:
    """A polyline reversed."""
    return list(reversed(line))


def poly(*runs: Iterable[LonLat]) -> Polygon:
    """A valid polygon from runs of lon/lat points joined end to end."""
    pts = [p for run in runs for p in run]
    return shapely.make_valid(Polygon(pts))


# Land the 1938 data's coarse coast leaves in the Gulf of Gdańsk (Gdynia to the Vistula Spit).
# The polygon reaches inland so that it overlaps the data's land rather than merely touching it.
GDANSK_COAST = poly([(18.45, 54.53), (18.55, 54.52), (18.57, 54.44), (18.67, 54.41), (18.80, 54.37), (18.96, 54.35),
                     (19.26, 54.34), (19.26, 54.20), (18.45, 54.20)])
DANZIG = poly([(18.56, 54.62)], DANZIG_WEST, NOGAT, [(19.42, 54.32), (19.45, 54.62)])
EAST_PRUSSIA = poly(EAST_PRUSSIA_SOUTH, [(22.70, 54.90), (19.45, 54.90), (19.45, 54.62), (19.42, 54.32)], rev(NOGAT))
MEMEL = poly([(20.5, 55.87)], MEMEL_EAST, [(22.65, 54.9), (20.5, 54.9)])
# Bratislava north of the Danube (the data's line gives it to Germany with Petržalka); the
# polygon reaches into Slovakia so that what it takes from Germany joins up with it.
BRATISLAVA = poly([(16.99, 48.30), (16.97, 48.17), (17.03, 48.14), (17.14, 48.137), (17.20, 48.20)])
EAST_OF_ZBRUCH = poly(ZBRUCH, [(28.5, 50.32), (28.5, 48.44)], rev(DNIESTER_UPPER))
NORTH_OF_ROMANIA = poly(POLAND_ROMANIA, DNIESTER_UPPER, [(27.71, 50.0), (24.21, 50.0)])
BESSARABIA = poly(BESSARABIA_WEST, [(30.5, 45.0), (31.5, 46.0), (31.5, 49.0), (26.30, 49.0)])
CARPATHO_UKRAINE = poly(SLOVAKIA_EAST, [(21.98, 47.5), (25.0, 47.5), (25.0, 49.35)])
CZECH_LANDS = poly(MORAVIA_SLOVAKIA, [(18.60, 51.5), (12.0, 51.5), (12.0, 48.0), (16.80, 48.0)])
WEST_OF_LINE = poly(PROTOCOL_LINE, [(22.76, 48.5), (14.0, 48.5), (14.0, 55.0), (21.81, 55.0)])

# (what, source id, destination id, area): move source ∩ area to destination.
# "add" unions the area into the destination instead.
FIXES: list[tuple[str, str | None, str, Polygon]] = [
    ("Gulf of Gdańsk coast filled in (Gdynia, Danzig, the Vistula mouth)", None, "poland", GDANSK_COAST),
    ("Free City of Danzig cut out of Poland", "poland", "danzig", DANZIG),
    ("East Prussia restored (the data gives its south to Poland)", "poland", "germany", EAST_PRUSSIA),
    ("Memel Territory to Germany (23 March 1939)", "lithuania", "germany", MEMEL),
    ("Bratislava north of the Danube back to Slovakia", "germany", "czechoslovakia", BRATISLAVA),
    ("Poland's land east of the Zbruch to the USSR (Riga border)", "poland", "ussr", EAST_OF_ZBRUCH),
    ("Romania's land north of the Dniester to the USSR", "romania", "ussr", EAST_OF_ZBRUCH),
    ("Romania's land north of the Cheremosh-Dniester border to Poland", "romania", "poland", NORTH_OF_ROMANIA),
    ("Bessarabia: Romania east of the Prut", "romania", "bessarabia", BESSARABIA),
    ("Carpatho-Ukraine and the eastern Slovak strip to Hungary (March 1939)", "czechoslovakia", "hungary",
     CARPATHO_UKRAINE),
    ("Bohemia-Moravia: the rump Czech lands (protectorate, 15 March 1939)", "czechoslovakia", "bohemia_moravia",
     CZECH_LANDS),
    ("Slovakia: the rest of Czechoslovakia", "czechoslovakia", "slovakia", box(0, 0, 90, 90)),
    ("Poland west of the Narew-Vistula-San line", "poland", "poland_west", WEST_OF_LINE),
    ("Poland east of the line", "poland", "poland_east", box(0, 0, 90, 90)),
]


def apply_fixes(shapes: dict[str, BaseGeometry]) -> None:
    """Apply FIXES in order, in place."""
    for _what, src, dst, area in FIXES:
        if src is None:
            moved = area
        else:
            moved = polygons_only(shapes[src].intersection(area, grid_size=GRID_DEG))
            shapes[src] = polygons_only(shapes[src].difference(area, grid_size=GRID_DEG))
            if shapes[src].is_empty:
                del shapes[src]
        shapes[dst] = shapely.union(shapes[dst], moved, grid_size=GRID_DEG) if dst in shapes else moved


def resolve_overlaps(shapes: dict[str, BaseGeometry]) -> None:
    """Make the shapes non-overlapping: where two overlap, the smaller shape keeps the overlap."""
    taken: BaseGeometry = Polygon()
    for sid in sorted(shapes, key=lambda s: (shapes[s].area, s)):
        shapes[sid] = shapes[sid].difference(taken)
        taken = unary_union([taken, shapes[sid]])


# ----------------------------------------------------------------------------- geometry output
def polygons_only(geom: BaseGeometry) -> MultiPolygon:
    """The polygonal part of a geometry as a MultiPolygon."""
    polys: list[Polygon] = []
    for g in getattr(geom, "geoms", [geom]):
        if isinstance(g, Polygon) and not g.is_empty:
            polys.append(g)
        elif isinstance(g, MultiPolygon) or hasattr(g, "geoms"):
            polys.extend(polygons_only(g).geoms)
    return MultiPolygon(polys)


def frame_lonlat_polygon(bounds: Sequence[float], margin: float = 150.0) -> Polygon:
    """The frame (plus a margin) as a lon/lat polygon, for clipping before projecting."""
    x0, y0, x1, y1 = bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin
    n = 60
    edge = ([(x0 + (x1 - x0) * i / n, y0) for i in range(n)] + [(x1, y0 + (y1 - y0) * i / n) for i in range(n)]
            + [(x1 - (x1 - x0) * i / n, y1) for i in range(n)] + [(x0, y1 - (y1 - y0) * i / n) for i in range(n)])
    return Polygon([unproject(x, y) for x, y in edge])


def to_frame(shapes: dict[str, BaseGeometry], bounds: Sequence[float]) -> dict[str, MultiPolygon]:
    """Project, clip to the frame and drop islets; shapes left empty disappear."""
    pre = frame_lonlat_polygon(bounds)
    rect = box(*bounds)
    out: dict[str, MultiPolygon] = {}
    for sid, geom in shapes.items():
        g = polygons_only(project_geom(polygons_only(geom.intersection(pre))).intersection(rect))
        parts = [p for p in g.geoms if p.area >= MIN_PART_KM2]
        if parts:
            out[sid] = MultiPolygon(parts)
    return out


def simplify(shapes: dict[str, MultiPolygon]) -> dict[str, MultiPolygon]:
    """Coverage-simplify all shapes together so shared borders stay shared."""
    ids = sorted(shapes)
    simple = shapely.coverage_simplify([shapes[i] for i in ids], SIMPLIFY_KM)
    return {sid: polygons_only(shapely.make_valid(g)) for sid, g in zip(ids, simple, strict=True)}


def num(v: float) -> float:
    """A coordinate rounded for output (no negative zero)."""
    r = round(float(v), DECIMALS)
    return 0.0 if r == 0 else r


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


def shoelace(pts: Sequence[tuple[float, float]]) -> float:
    """Signed area of a ring (positive when counter-clockwise, y north)."""
    return 0.5 * sum(pts[i - 1][0] * p[1] - p[0] * pts[i - 1][1] for i, p in enumerate(pts))


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


# ----------------------------------------------------------------------------- cities and lines
# (id, name shown in 1939, modern name or "", lon, lat, shape it must fall in or "")
CITIES: list[tuple[str, str, str, float, float, str]] = [
    ("moscow", "Moscow", "", 37.62, 55.75, "ussr"),
    ("leningrad", "Leningrad", "Saint Petersburg", 30.32, 59.94, "ussr"),
    ("kyiv", "Kiev", "Kyiv", 30.52, 50.45, "ussr"),
    ("minsk", "Minsk", "", 27.56, 53.90, "ussr"),
    ("odessa", "Odessa", "Odesa", 30.73, 46.48, "ussr"),
    ("warsaw", "Warsaw", "", 21.01, 52.23, "poland_west"),
    ("krakow", "Kraków", "", 19.94, 50.06, "poland_west"),
    ("poznan", "Poznań", "", 16.93, 52.41, "poland_west"),
    ("vilnius", "Wilno", "Vilnius", 25.28, 54.69, "poland_east"),
    ("lviv", "Lwów", "Lviv", 24.03, 49.84, "poland_east"),
    ("brest", "Brześć", "Brest", 23.69, 52.10, "poland_east"),
    ("bialystok", "Białystok", "", 23.16, 53.13, "poland_east"),
    ("danzig", "Danzig", "Gdańsk", 18.65, 54.35, "danzig"),
    ("gdynia", "Gdynia", "", 18.53, 54.52, "poland_west"),
    ("berlin", "Berlin", "", 13.40, 52.52, "germany"),
    ("vienna", "Vienna", "", 16.37, 48.21, "germany"),
    ("konigsberg", "Königsberg", "Kaliningrad", 20.51, 54.71, "germany"),
    ("klaipeda", "Memel", "Klaipėda", 21.13, 55.71, "germany"),
    ("prague", "Prague", "", 14.42, 50.09, "bohemia_moravia"),
    ("bratislava", "Bratislava", "", 17.11, 48.15, "slovakia"),
    ("budapest", "Budapest", "", 19.04, 47.50, "hungary"),
    ("uzhhorod", "Ungvár", "Uzhhorod", 22.29, 48.62, "hungary"),
    ("kaunas", "Kaunas", "", 23.90, 54.90, "lithuania"),
    ("riga", "Riga", "", 24.11, 56.95, "latvia"),
    ("tallinn", "Tallinn", "", 24.75, 59.44, "estonia"),
    ("helsinki", "Helsinki", "", 24.94, 60.17, "finland"),
    ("stockholm", "Stockholm", "", 18.07, 59.33, "sweden"),
    ("oslo", "Oslo", "", 10.75, 59.91, "norway"),
    ("copenhagen", "Copenhagen", "", 12.57, 55.68, "denmark"),
    ("bucharest", "Bucharest", "", 26.10, 44.43, "romania"),
    ("chisinau", "Chișinău", "", 28.86, 47.01, "bessarabia"),
    ("chernivtsi", "Cernăuți", "Chernivtsi", 25.94, 48.29, "romania"),
    ("belgrade", "Belgrade", "", 20.46, 44.82, "yugoslavia"),
    ("sofia", "Sofia", "", 23.32, 42.70, "bulgaria"),
    ("tirana", "Tirana", "", 19.82, 41.33, "albania"),
    ("rome", "Rome", "", 12.50, 41.90, "italy"),
    ("istanbul", "Istanbul", "", 28.98, 41.01, "turkey"),
]


# The cities the game's map marks with their names (the capitals and the great cities of the region).
MARKED = {"moscow", "leningrad", "warsaw", "berlin", "riga", "tallinn", "helsinki", "kaunas", "bucharest",
          "prague", "budapest", "kyiv", "minsk", "danzig"}

# Shapes too large to frame whole: a map of the states in between frames them by their label points.
FRAMED_BY_LABEL = {"ussr", "finland"}

COAST_SNAP_KM = 15.0  # a city this close to a shape's coarse coast still belongs to it


def city_shape(polys: dict[str, MultiPolygon], pt: Point) -> str | None:
    """The shape a city lies in, or failing that the nearest within COAST_SNAP_KM."""
    inside = [sid for sid in sorted(polys) if polys[sid].contains(pt)]
    if inside:
        return inside[0]
    near = sorted((polys[sid].distance(pt), sid) for sid in polys)
    return near[0][1] if near and near[0][0] <= COAST_SNAP_KM else None


def city_records(polys: dict[str, MultiPolygon], bounds: Sequence[float]) -> list[dict]:
    """Projected cities inside the frame, with the shape each lies in; fails on a misplaced city."""
    out, wrong = [], []
    for cid, name, modern, lon, lat, expect in CITIES:
        x, y = project(lon, lat)
        if not (bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]):
            continue
        pt = Point(num(x), num(y))
        where = city_shape(polys, pt)
        if expect and where != expect:
            wrong.append(f"{cid} falls in {where}, expected {expect}")
        rec = {"id": cid, "name": name, "lon": lon, "lat": lat, "x": num(x), "y": num(y), "in": where}
        if modern:
            rec["modern"] = modern
        if cid in MARKED:
            rec["marked"] = True
        out.append(rec)
    if wrong:
        sys.exit("build_map: " + "; ".join(wrong))
    return out


def shared_border(a: MultiPolygon, b: MultiPolygon) -> list[float]:
    """The common border of two touching shapes as one flat polyline."""
    common = shapely.line_merge(a.boundary.intersection(b.boundary))
    if isinstance(common, LineString):
        pts = list(common.coords)
    else:  # stray touch points or fragments: keep the longest piece
        pts = list(max((g for g in common.geoms if isinstance(g, LineString)), key=lambda g: g.length).coords)
    if pts[0][1] < pts[-1][1]:  # run north to south
        pts.reverse()
    return [num(c) for p in pts for c in p]


# ----------------------------------------------------------------------------- assembly
CREDITS = ("Borders: Ourednik, A. — historical-basemaps (world_1938, commit 137f2c6), GPL-3.0, "
           "adjusted to April 1939 for Moscow 1939; see assets/map/README.md.")


def build(src: Path) -> dict:
    """The whole map document."""
    shapes = load_source(src)
    apply_fixes(shapes)
    resolve_overlaps(shapes)
    full = {sid: project_geom(g) for sid, g in shapes.items()}
    bounds = frame_bounds()
    framed = to_frame(shapes, bounds)
    simple = simplify(framed)
    polys = {sid: rounded(g) for sid, g in simple.items()}
    geoms = {sid: as_geometry(p) for sid, p in polys.items() if p}
    records = []
    for sid in sorted(geoms):
        records.append({
            "id": sid, "name": NAMES.get(sid, sid.replace("_", " ").title()), "ruled_by": RULED_BY.get(sid, sid),
            "area_km2": int(round(framed[sid].area, -2)), "clipped": not box(*bounds).contains(full[sid]),
            "label": list(label_point(geoms[sid])),
            "polygons": [[flat(r) for r in p] for p in polys[sid]],
        } | ({"frame": "label"} if sid in FRAMED_BY_LABEL else {}))
    return {
        "format": 1,
        "projection": {"name": "lambert_azimuthal_equal_area", "lon_0": LON_0, "lat_0": LAT_0, "radius_km": RADIUS_KM,
                       "units": "km", "y_axis": "north", "frame_lonlat": FRAME_LONLAT},
        "bounds": list(bounds),
        "shapes": records,
        "lines": [{"id": "protocol_line", "name": "Narew–Vistula–San line",
                   "points": shared_border(geoms["poland_west"], geoms["poland_east"])}],
        "cities": city_records(geoms, bounds),
        "credits": CREDITS,
    }


def dumps(doc: dict) -> str:
    """JSON text: compact, one shape / line / city per line, stable."""
    def one(v: object) -> str:
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    lines = ["{"]
    keys = list(doc)
    for i, key in enumerate(keys):
        end = "," if i < len(keys) - 1 else ""
        val = doc[key]
        if isinstance(val, list) and val and isinstance(val[0], dict):
            body = ",\n".join(one(v) for v in val)
            lines.append(f"{one(key)}:[\n{body}\n]{end}")
        else:
            lines.append(f"{one(key)}:{one(val)}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="europe_1938.geojson")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSON")
    args = ap.parse_args(argv)
    text = dumps(build(args.src))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    echo(f"wrote {args.out} ({len(text.encode('utf-8')):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
