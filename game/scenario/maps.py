"""Which map a scenario is drawn on (its `map:` field), and the check that every territory has a shape on it.

`map:` is absent (the shipped map of Europe in April 1939), `none` (no map: the territories are listed, not
drawn), the name of a map shipped in assets/map (`europe_1914`), or the path of a map file relative to the
scenario (`maps/crisis.json`), built by tools/build_map.py. Standard library only.
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
    with open(path, "rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"larger than {MAX_BYTES:,} bytes")
    try:
        doc = json.loads(data.decode("utf-8"))
        ids = {str(rec["id"]) for rec in doc["shapes"]}
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ValueError(f"not a map file ({exc.__class__.__name__}: {exc})") from exc
    if doc.get("format") != 1:
        raise ValueError("not a format-1 map file")
    return ids


def check_map(spec: str, territories: Any, raw: Any, scenario_path: str, report: Report) -> None:
    """Report, located, a map file that cannot be read and each territory whose shape the map does not have."""
    path = map_path(spec, scenario_path)
    if path is None:
        return
    where = raw.at("map") if "map" in raw else raw.pos
    try:
        ids = shape_ids(path)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        shipped = ", ".join(shipped_maps())
        report.error(where, f"cannot read the map {spec or DEFAULT_NAME!r} ({path}): {reason}; name a map "
                            f"shipped with the game ({shipped}), a .json file beside the scenario, or none")
        return
    items = raw.get("territories") or []
    for i, t in enumerate(territories):
        if t.map in ids:
            continue
        item = items[i] if i < len(items) else None
        pos = item.at("map") if hasattr(item, "at") and "map" in item else (items.at(i) if items else raw.pos)
        near = sorted(ids, key=lambda s: (_distance(s, t.map), s))[:3]
        report.error(pos, f"territory {t.id!r}: the map {spec or DEFAULT_NAME!r} has no shape {t.map!r} "
                          f"(give `map:` one of its shape ids, e.g. {', '.join(near)})")


def _distance(a: str, b: str) -> int:
    """Edit distance of two ids, to suggest the nearest shapes."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
