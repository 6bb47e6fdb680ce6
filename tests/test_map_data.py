"""The April 1939 map asset and its loader (game/ui/map_data.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.ui.map_data import DEFAULT_PATH, MapData, crossings, inside, load_map

ROOT = Path(__file__).resolve().parents[1]

REQUIRED = ["ussr", "germany", "bohemia_moravia", "slovakia", "hungary", "poland_west", "poland_east", "lithuania",
            "latvia", "estonia", "finland", "romania", "bessarabia", "sweden", "norway", "denmark", "yugoslavia",
            "bulgaria", "italy", "albania", "turkey", "greece", "switzerland", "netherlands", "belgium", "france",
            "britain", "ireland", "spain"]

# (place, lon, lat, shape it must lie in)
PLACES = [
    ("Warsaw", 21.01, 52.23, "poland_west"),
    ("Lwów", 24.03, 49.84, "poland_east"),
    ("Wilno", 25.28, 54.69, "poland_east"),
    ("Kaunas", 23.90, 54.90, "lithuania"),
    ("Riga", 24.11, 56.95, "latvia"),
    ("Chișinău", 28.86, 47.01, "bessarabia"),
    ("Bucharest", 26.10, 44.43, "romania"),
    ("Prague", 14.42, 50.09, "bohemia_moravia"),
    ("Bratislava", 17.11, 48.15, "slovakia"),
    ("Königsberg", 20.51, 54.71, "germany"),
    ("Klaipėda", 21.13, 55.71, "germany"),
    ("Uzhhorod", 22.29, 48.62, "hungary"),
    ("Helsinki", 24.94, 60.17, "finland"),
    ("Minsk", 27.56, 53.90, "ussr"),
    ("Kyiv", 30.52, 50.45, "ussr"),
]


@pytest.fixture(scope="module")
def world() -> MapData:
    return load_map()


def test_required_shapes_exist_with_polygons(world: MapData) -> None:
    ids = {s.id for s in world.shapes}
    assert not [sid for sid in REQUIRED if sid not in ids]
    for shape in world.shapes:
        assert shape.polygons, shape.id
        for poly in shape.polygons:
            assert poly and all(len(ring) >= 6 and len(ring) % 2 == 0 for ring in poly), shape.id


def test_label_points_lie_inside_their_shape(world: MapData) -> None:
    for shape in world.shapes:
        assert shape.contains(*shape.label), shape.id


def test_points_far_outside_are_in_no_shape(world: MapData) -> None:
    x0, y0, x1, y1 = world.bounds
    for x, y in [(x0 - 500, y0 - 500), (x1 + 1000, y1 + 1000), (0.0, y1 + 3000), (-1e6, 1e6)]:
        assert world.shape_at(x, y) is None
        assert not any(s.contains(x, y) for s in world.shapes)


def test_black_sea_is_sea(world: MapData) -> None:
    assert world.shape_at(*world.project(34.0, 43.5)) is None


@pytest.mark.parametrize(("place", "lon", "lat", "sid"), PLACES, ids=[p[0] for p in PLACES])
def test_places_fall_in_the_right_shape(world: MapData, place: str, lon: float, lat: float, sid: str) -> None:
    x, y = world.project(lon, lat)
    assert world.shape(sid).contains(x, y), place
    assert world.shape_at(x, y).id == sid, place


def test_cities_match_the_projection(world: MapData) -> None:
    for cid in ["moscow", "leningrad", "kyiv", "minsk", "warsaw", "berlin", "bucharest", "riga", "tallinn", "helsinki",
                "kaunas", "vilnius", "lviv", "konigsberg", "danzig", "prague", "budapest"]:
        city = world.city(cid)
        x, y = world.project(city.lon, city.lat)
        assert abs(x - city.x) <= 0.051 and abs(y - city.y) <= 0.051, cid
        lon, lat = world.projection.unproject(x, y)
        assert abs(lon - city.lon) < 1e-9 and abs(lat - city.lat) < 1e-9, cid


def test_protocol_line_runs_between_the_polish_halves(world: MapData) -> None:
    line = next(ln for ln in world.lines if ln.id == "protocol_line")
    assert len(line.points) >= 20
    west, east = world.shape("poland_west"), world.shape("poland_east")
    for i in range(0, len(line.points) - 2, 2):  # a step either side of each segment's midpoint
        mx, my = (line.points[i] + line.points[i + 2]) / 2, (line.points[i + 1] + line.points[i + 3]) / 2
        assert any(s.contains(mx + dx, my) for s in (west, east) for dx in (-3, 3))


@pytest.mark.parametrize(("w", "h", "margin", "left", "top"), [(800, 600, 10, 0, 0), (300, 900, 0, 50, 20),
                                                                (1920, 1080, 24, 400, 0), (101, 57, 3, 7, 9)])
def test_fit_keeps_the_map_inside_the_rectangle(world: MapData, w: int, h: int, margin: int, left: int, top: int) -> None:
    tf = world.fit(w, h, margin, left=left, top=top)
    eps = 1e-6
    for shape in world.shapes:
        for ring in shape.rings():
            for sx, sy in tf.points(ring):
                assert left + margin - eps <= sx <= left + w - margin + eps
                assert top + margin - eps <= sy <= top + h - margin + eps
    x0, y0, x1, y1 = world.bounds
    (ax, ay), (bx, by) = tf(x0, y1), tf(x1, y0)
    assert ay < by  # north is up on screen
    assert abs((bx - ax) / (by - ay) - (x1 - x0) / (y1 - y0)) < 1e-9  # aspect kept
    assert max(abs(left + margin - ax), abs(left + w - margin - bx)) < eps or \
        max(abs(top + margin - ay), abs(top + h - margin - by)) < eps  # fills one direction
    px, py = tf.inverse(*tf(123.0, -456.0))
    assert abs(px - 123.0) < 1e-9 and abs(py + 456.0) < 1e-9


def test_fit_refuses_a_rectangle_with_no_room(world: MapData) -> None:
    with pytest.raises(ValueError):
        world.fit(20, 20, 10)


def test_json_is_small() -> None:
    assert DEFAULT_PATH.stat().st_size < 250 * 1024


def test_broken_map_file_is_a_value_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "shapes": []}', encoding="utf-8")
    with pytest.raises(ValueError):
        load_map(bad)
    bad.write_text('{"format": 99}', encoding="utf-8")
    with pytest.raises(ValueError):
        load_map(bad)


def test_module_never_imports_pygame() -> None:
    code = ("import sys\n"
            "from game.ui.map_data import load_map\n"
            "load_map()\n"
            "print('pygame' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("name", ["europe_1939", "europe_1914"])
def test_build_is_reproducible(tmp_path: Path, name: str) -> None:
    """Each shipped map is what its recipe builds from the historical-basemaps data, byte for byte."""
    pytest.importorskip("shapely")
    data = ROOT.parent / "shared" / "data" / "historical-basemaps"
    if not data.exists():
        pytest.skip("source data not present")
    out = tmp_path / "map.json"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_map.py"), str(ROOT / "tools" / "maps" / f"{name}.yaml"),
                    "--data", str(data), "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert out.read_bytes() == (ROOT / "assets" / "map" / f"{name}.json").read_bytes()


def test_screen_points_and_map_points_agree(world: MapData) -> None:
    """`inside` on a ring of screen points says what `Shape.contains` says on the map's km."""
    tf = world.fit(900, 700, 10)
    x0, y0, x1, y1 = world.bounds
    checked = 0
    for sid in ("poland_west", "germany", "lithuania", "ussr", "danzig"):
        shape = world.shape(sid)
        rings = [tf.points(ring) for ring in shape.rings()]
        for i in range(41):
            for j in range(41):
                x, y = x0 + (x1 - x0) * (i + 0.37) / 41, y0 + (y1 - y0) * (j + 0.61) / 41
                on_screen = sum(inside(tf(x, y), ring) for ring in rings) % 2 == 1
                assert on_screen == shape.contains(x, y), (sid, x, y)
                checked += on_screen
    assert checked > 50


def test_crossings_of_a_square() -> None:
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert crossings(square, 5) == [0.0, 10.0]
    assert inside((5, 5), square) and not inside((15, 5), square) and not inside((5, 15), square)


def test_the_map_data_holds_what_the_game_marks_and_frames(world: MapData) -> None:
    """The cities named on the game's map and the shapes framed by their label point come from the map file."""
    marked = {c.id for c in world.cities if c.marked}
    assert {"moscow", "warsaw", "berlin", "kaunas", "danzig"} <= marked
    assert "odessa" not in marked
    assert {s.id for s in world.shapes if s.framed_by_label} == {"ussr", "finland"}


def test_the_1939_map_runs_from_britain_to_the_urals_with_the_far_east_inset(world: MapData) -> None:
    """The theatre: London and Paris on the map, the frame past the Urals (60°E), and Khalkhin Gol on the
    Mongolian-Manchurian border in an inset of its own projection."""
    x0, y0, x1, y1 = world.bounds
    for lon, lat in [(-0.13, 51.51), (2.35, 48.86), (60.0, 56.8), (60.0, 50.0)]:
        x, y = world.project(lon, lat)
        assert x0 < x < x1 and y0 < y < y1, (lon, lat)
    assert world.shape_at(*world.project(-0.13, 51.51)).id == "britain"
    (far,) = world.insets
    assert far.id == "far_east" and "Khalkhin Gol" in far.title
    gol = far.city("khalkhin_gol")
    assert {s.id for s in far.shapes} >= {"ussr", "japan", "mongolia"}
    assert world.project(gol.lon, gol.lat)[0] > x1   # far off the main map
    fx0, fy0, fx1, fy1 = far.bounds
    assert fx0 < gol.x < fx1 and fy0 < gol.y < fy1 and gol.shape in {"mongolia", "japan"}


def test_the_1914_map_has_the_borders_and_names_of_1914() -> None:
    """A 1914 game must not say Leningrad or Tallinn: Saint Petersburg, Reval, Helsingfors, Lemberg; Warsaw
    in the Russian Empire, Sarajevo in Austria-Hungary, Constantinople Ottoman."""
    m = load_map(ROOT / "assets" / "map" / "europe_1914.json")
    names = {c.name for c in m.cities}
    assert {"Saint Petersburg", "Reval", "Helsingfors", "Lemberg", "Constantinople", "Kristiania"} <= names
    assert not names & {"Leningrad", "Tallinn", "Helsinki", "Lviv", "Istanbul", "Oslo", "Lwów", "Wilno"}
    for city, shape in [("warsaw", "russia"), ("sarajevo", "austria_hungary"), ("istanbul", "ottoman_empire"),
                        ("strasbourg", "germany"), ("lviv", "austria_hungary")]:
        c = m.city(city)
        assert m.shape(shape).contains(*m.project(c.lon, c.lat)) or c.shape == shape, city
    assert {"poland_west", "ussr", "czechoslovakia"}.isdisjoint(s.id for s in m.shapes)
