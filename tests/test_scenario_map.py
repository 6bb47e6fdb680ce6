"""A scenario names its map (`map:`): a shipped map, a map file beside it, or none; a territory whose shape
the map lacks is a located error in `check`."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.scenario import check_scenario
from game.scenario.maps import DEFAULT_PATH, MAP_DIR, map_path
from tests.conftest import ROOT

MINI = (ROOT / "tests" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
BUFFER = "  - {id: buffer, name: Buffer State, sphere: null, map: none}"


def variant(tmp_path: Path, text: str, name: str = "s.yaml") -> tuple[object, list[str], list[str]]:
    """Check a variant of the mini scenario written in tmp_path: (scenario, errors, warnings) as text."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    sc, report = check_scenario(path)
    return sc, [str(d) for d in report.errors], [str(d) for d in report.warnings]


def with_map(spec: str, territory: str) -> str:
    assert BUFFER in MINI
    return MINI.replace(BUFFER, territory).replace("\nterritories:\n", f"\nmap: {spec}\nterritories:\n")


def test_a_territory_missing_from_the_named_map_is_a_located_error(tmp_path):
    text = with_map("europe_1914", "  - {id: buffer, name: Buffer State, sphere: null, map: poland_west}")
    sc, errors, _ = variant(tmp_path, text)
    line = text.splitlines().index("  - {id: buffer, name: Buffer State, sphere: null, map: poland_west}") + 1
    assert sc is None and len(errors) == 1
    assert errors[0].startswith(f"{tmp_path / 's.yaml'}:{line}:") and "'europe_1914' has no shape 'poland_west'" \
        in errors[0]


def test_a_near_miss_is_named(tmp_path):
    _, errors, _ = variant(tmp_path, with_map("europe_1914", "  - {id: buffer, name: Buffer, map: rusia}"))
    assert "did you mean russia?" in errors[0]


def test_a_territory_on_the_named_map_checks(tmp_path):
    sc, errors, warnings = variant(tmp_path, with_map("europe_1914", "  - {id: buffer, name: Serbia, map: serbia}"))
    assert sc is not None and not errors and not warnings
    assert map_path(sc.map, sc.path) == MAP_DIR / "europe_1914.json"


def test_map_none_draws_nothing_and_checks_nothing(tmp_path):
    sc, errors, warnings = variant(tmp_path, with_map("none", "  - {id: buffer, name: Buffer, map: buffer}"))
    assert sc is not None and not errors and not warnings
    assert map_path(sc.map, sc.path) is None


def test_a_map_file_beside_the_scenario_is_read_relative_to_it(tmp_path):
    (tmp_path / "maps").mkdir()
    shutil.copy(MAP_DIR / "europe_1914.json", tmp_path / "maps" / "crisis.json")
    sc, errors, _ = variant(tmp_path, with_map("maps/crisis.json", "  - {id: buffer, name: Serbia, map: serbia}"))
    assert sc is not None and not errors
    assert map_path(sc.map, sc.path) == tmp_path / "maps" / "crisis.json"


def test_a_map_file_that_cannot_be_read_is_a_located_error(tmp_path):
    text = with_map("maps/nowhere.json", "  - {id: buffer, name: Serbia, map: serbia}")
    sc, errors, _ = variant(tmp_path, text)
    line = text.splitlines().index("map: maps/nowhere.json") + 1
    assert sc is None and errors[0].startswith(f"{tmp_path / 's.yaml'}:{line}:") and "nowhere.json" in errors[0]
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "nowhere.json").write_text('{"format": 1}', encoding="utf-8")
    _, errors, _ = variant(tmp_path, text)
    assert "not a map file" in errors[0]


def test_a_scenario_from_before_map_still_loads_with_a_warning(tmp_path):
    """Without `map:`, the default map is used and a missing shape is only a warning that says what to do."""
    sc, errors, warnings = variant(tmp_path, MINI.replace(BUFFER, "  - {id: buffer, name: Buffer State}"))
    assert sc is not None and not errors
    assert "no shape 'buffer'" in warnings[0] and "map: none" in warnings[0]
    assert map_path(sc.map, sc.path) == DEFAULT_PATH


def test_the_1939_scenario_is_drawn_on_the_1939_map():
    sc, report = check_scenario(ROOT / "scenarios" / "1939.yaml")
    assert sc is not None and not report.warnings
    assert map_path(sc.map, sc.path) == DEFAULT_PATH


def test_a_map_mark_at_a_city_the_map_lacks_is_a_located_error(tmp_path):
    text = with_map("europe_1914", "  - {id: buffer, name: Serbia, map: serbia}").replace(
        "\nterritories:\n", "\nmap_marks:\n  - {id: front, at: belgrad, kind: front, text: Fighting}\nterritories:\n")
    sc, errors, _ = variant(tmp_path, text)
    line = text.splitlines().index("  - {id: front, at: belgrad, kind: front, text: Fighting}") + 1
    assert sc is None and errors[0].startswith(f"{tmp_path / 's.yaml'}:{line}:")
    assert "no city 'belgrad'" in errors[0] and "belgrade" in errors[0]
