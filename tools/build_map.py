"""Build a map file for the game (assets/map/*.json) from the historical-basemaps data of a year and a recipe.

Developer-only tool: it needs shapely and PyYAML; the game reads the JSON with game/ui/map_data.py (standard
library only) and never reads the source data. Run from the repository root:

    .venv/bin/python tools/build_map.py tools/maps/europe_1939.yaml [--data DIR] [--out JSON]

A recipe (YAML, see tools/maps/ and docs/MODDING.md) names the source file, the projection's centre, the
frame (a lon/lat box), the shape ids and names, the cities with the names of that year, and optionally a
set of corrections (tools/map_fixes.py) and insets (small maps of far-off places, in their own projection).
The output is deterministic: the same input gives a byte-identical file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import shapely
import yaml
from map_fixes import FIX_SETS, apply_fixes
from map_geometry import (
    GRID_DEG,
    RADIUS_KM,
    Lambert,
    as_geometry,
    flat,
    label_point,
    num,
    polygons_only,
    resolve_overlaps,
    rounded,
    shared_border,
    simplify,
    to_frame,
)
from shapely.geometry import MultiPolygon, Point, box, shape
from shapely.geometry.base import BaseGeometry

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "historical-basemaps"
COAST_SNAP_KM = 15.0  # a city this close to a shape's coarse coast still belongs to it


class RecipeError(ValueError):
    """A recipe that cannot be built, with the reason."""


def snake(name: str) -> str:
    """A snake_case id from a feature name, dropping any parenthesis."""
    return re.sub(r"[^a-z0-9]+", "_", re.sub(r"\(.*?\)", "", name).lower()).strip("_")


def feature_id(props: dict, geom: BaseGeometry, recipe: dict) -> str | None:
    """The shape id a source feature belongs to: by its NAME (through the recipe's `ids`), or for an unnamed
    feature by the recipe's `unnamed` boxes (None: left out)."""
    name = props.get("NAME")
    if name:
        return recipe.get("ids", {}).get(name, snake(name))
    p = geom.representative_point()
    for sid, boxes in sorted(recipe.get("unnamed", {}).items()):
        if any(x0 <= p.x <= x1 and y0 <= p.y <= y1 for x0, y0, x1, y1 in boxes):
            return sid
    return None


def load_source(path: Path, recipe: dict, frame: BaseGeometry) -> dict[str, BaseGeometry]:
    """The source GeoJSON's features near the frame, as id -> lon/lat geometry (same ids merged)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    parts: dict[str, list[BaseGeometry]] = {}
    drop = set(recipe.get("drop", ()))   # ids left out
    for feat in data["features"]:
        geom = shapely.make_valid(shape(feat["geometry"]))
        if not geom.intersects(frame):
            continue
        sid = feature_id(feat["properties"], geom, recipe)
        if sid is not None and sid not in drop:
            parts.setdefault(sid, []).append(geom)
    cut = shapely.union_all([box(*b) for b in recipe.get("cut", ())]) if recipe.get("cut") else None
    if cut is not None:
        parts = {sid: [g.difference(cut) for g in gs] for sid, gs in parts.items()}
    return {sid: polygons_only(shapely.union_all(gs, grid_size=GRID_DEG)) for sid, gs in sorted(parts.items())}


def city_shape(polys: dict[str, MultiPolygon], pt: Point) -> str | None:
    """The shape a city lies in, or failing that the nearest within COAST_SNAP_KM."""
    inside = [sid for sid in sorted(polys) if polys[sid].contains(pt)]
    if inside:
        return inside[0]
    near = sorted((polys[sid].distance(pt), sid) for sid in polys)
    return near[0][1] if near and near[0][0] <= COAST_SNAP_KM else None


def city_records(recipe: dict, proj: Lambert, polys: dict[str, MultiPolygon], bounds: list[float]) -> list[dict]:
    """Projected cities inside the frame, with the shape each lies in; fails on a misplaced city."""
    out, wrong = [], []
    for c in recipe.get("cities", ()):
        x, y = proj.project(c["lon"], c["lat"])
        if not (bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]):
            continue
        where = city_shape(polys, Point(num(x), num(y)))
        if c.get("in") and where != c["in"]:
            wrong.append(f"{c['id']} falls in {where}, expected {c['in']}")
        rec = {"id": c["id"], "name": c["name"], "lon": c["lon"], "lat": c["lat"], "x": num(x), "y": num(y),
               "in": where}
        if c.get("modern"):
            rec["modern"] = c["modern"]
        if c.get("marked"):
            rec["marked"] = True
        out.append(rec)
    if wrong:
        raise RecipeError("; ".join(wrong))
    return out


def build_part(recipe: dict, data_dir: Path) -> dict:
    """One map (the whole map or an inset): projection, bounds, shapes, lines and cities."""
    lon_0, lat_0 = recipe["centre"]
    proj = Lambert(float(lon_0), float(lat_0))
    bounds = list(proj.frame_bounds(recipe["frame"]))
    shapes = load_source(data_dir / recipe["source"], recipe, proj.lonlat_frame(bounds, 400.0))
    fixes, line_specs = FIX_SETS[recipe["fixes"]] if recipe.get("fixes") else ([], [])
    apply_fixes(shapes, fixes)
    resolve_overlaps(shapes)
    full = {sid: proj.geom(g) for sid, g in shapes.items()}
    framed = to_frame(shapes, proj, bounds, float(recipe.get("min_part_km2", 25.0)))
    polys = {sid: rounded(g) for sid, g in simplify(framed, float(recipe.get("simplify_km", 1.5))).items()}
    geoms = {sid: as_geometry(p) for sid, p in polys.items() if p}
    names, ruled_by = recipe.get("names", {}), recipe.get("ruled_by", {})
    giants = set(recipe.get("framed_by_label", ()))
    records = [{
        "id": sid, "name": names.get(sid, sid.replace("_", " ").title()), "ruled_by": ruled_by.get(sid, sid),
        "area_km2": int(round(framed[sid].area, -2)), "clipped": not box(*bounds).contains(full[sid]),
        "label": list(label_point(geoms[sid])), "polygons": [[flat(r) for r in p] for p in polys[sid]],
    } | ({"frame": "label"} if sid in giants else {}) for sid in sorted(geoms)]
    frame = {k: float(v) for k, v in recipe["frame"].items()}
    return {
        "projection": {"name": "lambert_azimuthal_equal_area", "lon_0": float(lon_0), "lat_0": float(lat_0),
                       "radius_km": RADIUS_KM, "units": "km", "y_axis": "north", "frame_lonlat": frame},
        "bounds": bounds,
        "shapes": records,
        "lines": [{"id": lid, "name": name, "points": shared_border(geoms[a], geoms[b])}
                  for lid, name, a, b in line_specs],
        "cities": city_records(recipe, proj, geoms, bounds),
    }


def build(recipe: dict, data_dir: Path) -> dict:
    """The whole map document: the main map, its insets, the credits."""
    doc: dict = {"format": 1, "id": recipe["id"], "title": recipe.get("title", "")}
    doc |= build_part(recipe, data_dir)
    insets = [{"id": ins["id"], "title": ins.get("title", "")} | build_part({"source": recipe["source"]} | ins, data_dir)
              for ins in recipe.get("insets", ())]
    if insets:
        doc["insets"] = insets
    doc["credits"] = recipe["credits"]
    return doc


def dumps(doc: dict) -> str:
    """JSON text: compact, one shape / line / city / inset per line, stable."""
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


def read_recipe(path: Path) -> dict:
    """A recipe file, checked for the fields every map needs."""
    recipe = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = [k for k in ("id", "source", "centre", "frame", "credits", "out") if k not in (recipe or {})]
    if missing:
        raise RecipeError(f"{path}: missing {', '.join(missing)}")
    if recipe.get("fixes") and recipe["fixes"] not in FIX_SETS:
        raise RecipeError(f"{path}: unknown fixes {recipe['fixes']!r} (known: {', '.join(sorted(FIX_SETS))})")
    return recipe


def main(argv: list[str] | None = None, echo: Callable[[str], None] = print) -> int:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("recipe", type=Path, help="a recipe, e.g. tools/maps/europe_1939.yaml")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the historical-basemaps files")
    ap.add_argument("--out", type=Path, help="output JSON (default: the recipe's out, from the repository root)")
    args = ap.parse_args(argv)
    try:
        recipe = read_recipe(args.recipe)
        text = dumps(build(recipe, args.data))
    except (RecipeError, KeyError, OSError) as exc:
        echo(f"build_map: error: {exc}")
        return 1
    out = args.out or REPO / recipe["out"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    echo(f"wrote {out} ({len(text.encode('utf-8')):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
