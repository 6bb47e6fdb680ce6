"""Which map a scenario is drawn on (its `map:` field), and the check that every territory has a shape on it.

`map:` is absent (the shipped map of Europe in April 1939), `none` (no map: the territories are listed, not
drawn), the name of a map shipped in assets/map (`europe_1914`), or the path of a map file relative to the
scenario (`maps/crisis.json`), built by tools/build_map.py. A territory's own `map:` names its shape (by
default its id), or is `none` to leave it off the map. A shape missing from the map is an error when the
scenario names its map, and a warning in a scenario from before `map:` (on the default map). Standard
library only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .diagnostics import Report

MAP_DIR = Path(__file__).resolve().parents[2] / "assets" / "map"
DEFAULT_NAME = "europe_1939"
DEFAULT_PATH = MAP_DIR / f"{DEFAULT_NAME}.json"
NO_MAP = "none"
MAX_BYTES = 4 * 1024 * 1024


def map_path(spec: str, scenario_path: str) -> Path | None:
    """The map file a scenario's `map:` names (None: the scenario has no map)."""
    if spec == NO_MAP:
        return None
    if not spec:
        return DEFAULT_PATH
    if not spec.endswith(".json") and "/" not in spec:
        return MAP_DIR / f"{spec}.json"
    return Path(scenario_path).parent / spec


def shipped_maps() -> list[str]:
    """The names of the maps shipped with the game."""
    return sorted(p.stem for p in MAP_DIR.glob("*.json"))


def shape_ids(path: Path) -> set[str]:
    """The shape ids of a map file; OSError or ValueError if it cannot be read as one."""
    return map_ids(path)[0]


def map_ids(path: Path) -> tuple[set[str], set[str]]:
    """The shape ids and the city ids (its insets' too) of a map file; OSError or ValueError if it cannot be
    read as one."""
    with open(path, "rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES:,} bytes")
    try:
        doc = json.loads(data.decode("utf-8"))
        ids = {str(rec["id"]) for rec in doc["shapes"]}
        cities = {str(c["id"]) for part in [doc, *doc.get("insets", ())] for c in part.get("cities", ())}
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a map file ({exc.__class__.__name__}: {exc})") from exc
    if doc.get("format") != 1:
        raise ValueError("not a format-1 map file")
    return ids, cities


def check_map(spec: str, sc: Any, raw: Any, scenario_path: str, report: Report) -> str:
    """Report, located, a map file that cannot be read and each territory whose shape the map does not have;
    return the spec with a map file's path made absolute (relative to the file that named it, which may be a
    base the scenario extends)."""
    where = raw.at("map") if "map" in raw else raw.pos
    if spec.endswith(".json") or "/" in spec:
        spec = str((Path(getattr(where, "path", "") or scenario_path).parent / spec).resolve())
    path = map_path(spec, scenario_path)
    if path is None:
        return spec
    try:
        ids, cities = map_ids(path)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        report.error(where, f"cannot read the map {path.name!r}: {reason}; name a map shipped with the game "
                            f"({', '.join(shipped_maps())}), a .json map file beside the scenario, or none")
        return spec
    _check_marks(sc.map_marks, cities, raw, path, report)
    _check_shapes(sc.territories, ids, raw, path, report)
    return spec


def _check_shapes(territories: Any, ids: set[str], raw: Any, path: Path, report: Report) -> None:
    """Each territory names a shape of the map (or none)."""
    items = raw.get("territories") or []
    say = report.error if "map" in raw else report.warn   # a scenario from before `map:` still loads
    for i, t in enumerate(territories):
        if t.map in ids or t.map == NO_MAP:
            continue
        item = items[i] if i < len(items) else None
        pos = item.at("map") if hasattr(item, "at") and "map" in item else (items.at(i) if items else raw.pos)
        best = min((_distance(s, t.map) for s in ids), default=99)
        near = sorted(s for s in ids if _distance(s, t.map) == best <= 3)
        hint = f"did you mean {' or '.join(near)}?" if near else f"its shapes: {', '.join(sorted(ids))}"
        say(pos, f"territory {t.id!r}: the map {path.stem!r} has no shape {t.map!r}; give the territory `map:` "
                 f"one of its shape ids ({hint}), or `map: none` to leave it off the map")


def _check_marks(marks: Any, cities: set[str], raw: Any, path: Path, report: Report) -> None:
    """Each map mark stands at a city of the map (or of its insets)."""
    items = raw.get("map_marks") or []
    for i, m in enumerate(marks):
        if m.at not in cities:
            item = items[i] if i < len(items) else None
            pos = item.at("at") if hasattr(item, "at") and "at" in item else raw.pos
            near = sorted(cities, key=lambda c: (_distance(c, m.at), c))[:3]
            report.error(pos, f"map mark {m.id!r}: the map {path.stem!r} has no city {m.at!r} "
                              f"(did you mean {' or '.join(near)}?)")


def _distance(a: str, b: str) -> int:
    """Edit distance of two ids, to suggest the nearest shapes."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
