"""Named corrections to the historical-basemaps data for tools/build_map.py (a recipe's `fixes:`).

april_1939: the data's world_1938 borders are those of late 1938; these move land to give the borders of
mid-April 1939, and split Poland by the Narew-Vistula-San line of the secret protocol of 23 August 1939.
Every line below is a polyline through real places (rivers, towns), accurate to roughly 5-15 km; see
assets/map/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import shapely
from map_geometry import GRID_DEG, polygons_only
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

LonLat = tuple[float, float]

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


def apply_fixes(shapes: dict[str, BaseGeometry], fixes: list[tuple[str, str | None, str, Polygon]]) -> None:
    """Apply fixes in order, in place."""
    for _what, src, dst, area in fixes:
        if src is None:
            moved = area
        else:
            moved = polygons_only(shapes[src].intersection(area, grid_size=GRID_DEG))
            shapes[src] = polygons_only(shapes[src].difference(area, grid_size=GRID_DEG))
            if shapes[src].is_empty:
                del shapes[src]
        shapes[dst] = shapely.union(shapes[dst], moved, grid_size=GRID_DEG) if dst in shapes else moved


# July 1914: the data gives East Thrace (Edirne, Kırklareli) to Bulgaria, as before the Second Balkan War;
# the Treaty of Constantinople (September 1913) returned it to the Ottoman Empire: the Maritsa from its mouth
# at Enos past Edirne (Ottoman) and Svilengrad (Bulgarian), then east to the Rezovo mouth on the Black Sea.
EAST_THRACE = poly([(26.03, 40.70), (26.35, 41.20), (26.55, 41.55), (26.35, 41.78), (26.60, 41.95), (27.10, 42.05),
                    (27.60, 41.97), (28.03, 41.98), (29.50, 41.98), (29.50, 40.50), (26.03, 40.50)])
# The data's Italian-Austrian border near the sea runs east of Trieste; in 1914 Austria held Gorizia, Gradisca
# and Trieste: east of Cervignano, the Judrio and the line to the Carnic Alps north of Caporetto.
AUSTRIAN_LITTORAL = poly([(13.33, 45.55), (13.33, 45.85), (13.52, 46.05), (13.40, 46.22), (13.70, 46.55),
                          (14.50, 46.55), (14.50, 45.40), (13.33, 45.40)])
FIXES_1914: list[tuple[str, str | None, str, Polygon]] = [
    ("East Thrace to the Ottoman Empire (Treaty of Constantinople, 1913)", "bulgaria", "ottoman_empire",
     EAST_THRACE),
    ("Gorizia, Gradisca and Trieste to Austria-Hungary", "italy", "austria_hungary", AUSTRIAN_LITTORAL),
]

# A fix set: the corrections, and the lines drawn along the border of two shapes (id, name, west, east).
FIX_SETS: dict[str, tuple[list, list[tuple[str, str, str, str]]]] = {
    "april_1939": (FIXES, [("protocol_line", "Narew–Vistula–San line", "poland_west", "poland_east")]),
    "july_1914": (FIXES_1914, []),
}
