"""Overlays: a scenario that starts with `extends: BASE.yaml` is its base with the overlay's changes merged in.

Items of a top-level list with the id of an inherited item are merged field by field (mappings recursively,
lists and conditions replaced), new ids are appended, and `remove: {SECTION: [id, ...]}` deletes inherited items by id.
Every position keeps the file that wrote it, so an error is located in the base or in the overlay."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import read_regular
from .compound import ListOf, MapOf, Struct
from .diagnostics import Pos, Report, ScenarioError
from .spec import T, suggest
from .vocabulary import Vocabulary
from .yamlsource import MAX_BYTES, LocDict, LocList, decode, parse

MAX_CHAIN = 16   # bases in one chain: more is a mistake, not a design


@dataclass
class Chain:
    """The files of a scenario, the overlay first and each base after the file that extends it."""

    paths: list[str] = field(default_factory=list)
    data: list[bytes] = field(default_factory=list)

    @property
    def bases(self) -> tuple[str, ...]:
        return tuple(self.paths[1:])


def id_sections(scenario: Struct) -> dict[str, Struct]:
    """The top-level lists whose items have an id (the ones an overlay merges item by item), with their items'
    type."""
    return {f.key: f.type.item for f in scenario.fields if isinstance(f.type, ListOf)
            and isinstance(f.type.item, Struct) and "id" in f.type.item.by_key}


def resolve(raw: Any, name: str, data: bytes, report: Report, scenario: Struct) -> tuple[Any, Chain]:
    """The scenario `raw` (parsed from `name`) with its chain of bases merged in; None if a file of the chain
    cannot be used (the errors are in the report)."""
    chain = Chain([name], [data])
    if not isinstance(raw, LocDict):
        return raw, chain
    if "extends" not in raw:
        if "remove" in raw:
            report.error(raw.key_pos["remove"], "'remove' deletes inherited items: it needs 'extends: BASE.yaml'")
            return None, chain
        return raw, chain
    return _extend(raw, name, report, scenario, chain), chain


def _extend(raw: LocDict, name: str, report: Report, scenario: Struct, chain: Chain) -> LocDict | None:
    """Read the base that `raw` names, resolve its own chain, then apply `raw` to it."""
    base_path = _base_path(raw, name, report, chain)
    if base_path is None:
        return None
    base = _read_base(base_path, raw.at("extends"), report, chain)
    if base is None:
        return None
    if "extends" in base:
        base = _extend(base, base_path, report, scenario, chain)
    elif "remove" in base:
        report.error(base.key_pos["remove"], "'remove' deletes inherited items: it needs 'extends: BASE.yaml'")
        return None
    if base is None:
        return None
    merged = _removed(base, raw, report, frozenset(id_sections(scenario)))
    if merged is None:
        return None
    merged = merge(merged, raw, scenario)
    _warn_of_old_player(base, raw, merged, report)
    return merged


def _warn_of_old_player(base: LocDict, raw: LocDict, merged: LocDict, report: Report) -> None:
    """An overlay that changes the player: warn (at its `player:`) of inherited texts and of gauges shown to the
    new player that measure the old one's interest."""
    old, new = base.get("player"), raw.get("player")
    if not isinstance(old, str) or not isinstance(new, str) or old == new:
        return
    where = raw.key_pos["player"]
    texts = merged.get("texts")
    kept = [k for k in texts if texts.key_pos[k].path != where.path] if isinstance(texts, LocDict) else []
    if kept:
        report.warn(where, f"the player is now {new!r}, but texts {', '.join(kept)} are inherited from the base, "
                           f"written for {old!r}: give them here, or 'null' to take the default")
    meters = merged.get("meters")
    shown = [m.get("id") for m in meters if isinstance(m, LocDict) and _measures_for(m, old, new)] \
        if isinstance(meters, LocList) else []
    if shown:
        report.warn(where, f"the player is now {new!r}, but meters {', '.join(map(str, shown))} are shown to it and "
                           f"measure the interest of {old!r}: set their shown_to, hidden or good_for, or remove them")


def _measures_for(meter: LocDict, old: str, new: str) -> bool:
    """Whether a gauge of the old player is shown to the new one with no word on what it means for it."""
    shown_to, good_for = meter.get("shown_to"), meter.get("good_for")
    return (meter.get("power") == old and meter.get("hidden") is not True
            and (not shown_to or (isinstance(shown_to, list) and new in shown_to))
            and not (isinstance(good_for, dict) and new in good_for))


def _base_path(raw: LocDict, name: str, report: Report, chain: Chain) -> str | None:
    """The path of the base `raw` extends, relative to the file `name`; None (reported) if it cannot be."""
    where, target = raw.at("extends"), raw["extends"]
    if not isinstance(target, str) or not target.strip():
        report.error(where, "'extends' names the base scenario file, like 'extends: 1939.yaml'")
        return None
    path = os.path.normpath(os.path.join(os.path.dirname(name), target.strip()))
    known = [os.path.realpath(p) for p in chain.paths]
    if os.path.realpath(path) in known:
        cycle = " -> ".join([*chain.paths[known.index(os.path.realpath(path)):], path])
        report.error(where, f"'extends' makes a cycle: {cycle}")
        return None
    if len(chain.paths) > MAX_CHAIN:
        report.error(where, f"a chain of more than {MAX_CHAIN} bases")
        return None
    return path


def _read_base(path: str, where: Pos, report: Report, chain: Chain) -> LocDict | None:
    """Read and parse a base file; its positions carry its path. None (reported at `where`) if unusable."""
    try:
        data = read_regular(path, MAX_BYTES + 1)
    except FileNotFoundError:
        report.error(where, f"the base {path} does not exist")
        return None
    except IsADirectoryError:
        report.error(where, f"the base {path} is a directory, not a file")
        return None
    except OSError as exc:
        report.error(where, f"cannot read the base {path}: {exc.strerror or exc}")
        return None
    try:
        raw = parse(decode(data, path), path)
    except ScenarioError as exc:
        report.items.extend(exc.diagnostics)
        return None
    if not isinstance(raw, LocDict):
        report.error(Pos(1, 1, path), "a scenario file must be a mapping of fields (format:, id:, ...)")
        return None
    chain.paths.append(path)
    chain.data.append(data)
    _locate(raw, path)
    return raw


def _nodes(root: Any) -> Iterator[Any]:
    """Every mapping and list under root (iteratively: files may nest deeply)."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        children = node.values() if isinstance(node, dict) else node
        stack.extend(v for v in children if isinstance(v, (LocDict, LocList)))


def _locate(root: Any, path: str) -> None:
    """Give every position under root that has no file the file `path`."""
    def tag(pos: Pos) -> Pos:
        return pos if pos.path else pos._replace(path=path)

    for node in _nodes(root):
        node.pos = tag(node.pos)
        if isinstance(node, LocDict):
            node.key_pos = {k: tag(p) for k, p in node.key_pos.items()}
            node.value_pos = {k: tag(p) for k, p in node.value_pos.items()}
        else:
            node.item_pos = [tag(p) for p in node.item_pos]


def _removed(base: LocDict, overlay: LocDict, report: Report, sections: frozenset[str]) -> LocDict | None:
    """The base without the items the overlay's `remove` names; None (reported) if it names what is not there."""
    remove = overlay.get("remove")
    if remove is None:
        return base
    if not isinstance(remove, LocDict):
        report.error(overlay.at("remove"), "'remove' is a mapping of sections to ids, like "
                                           "'remove: {events: [munich_agreement]}'")
        return None
    out = _copy(base)
    ok = True
    for section, ids in remove.items():
        ok = _remove_section(out, section, ids, remove, report, sections) and ok
    return out if ok else None


def _remove_section(out: LocDict, section: str, ids: Any, remove: LocDict, report: Report,
                    sections: frozenset[str]) -> bool:
    """Take the listed ids out of one section of `out`; False (reported) if any cannot be."""
    items = out.get(section)
    if not _removable(items, section, ids, remove, report, sections):
        return False
    kept = _like(items, [(item, pos) for item, pos in zip(items, _item_positions(items), strict=True)
                         if not (isinstance(item, dict) and item.get("id") in ids)])
    out[section] = kept
    return True


def _removable(items: Any, section: str, ids: Any, remove: LocDict, report: Report,
               sections: frozenset[str]) -> bool:
    """Whether `ids` is a list of ids of the base's items in a section whose items have ids (else reported)."""
    if section not in sections:
        report.error(remove.key_pos[section], f"cannot remove from {section!r}: items are removed by id from "
                                              f"{', '.join(sorted(sections))}{suggest(section, sections)}")
        return False
    if not isinstance(ids, LocList) or not all(isinstance(i, str) for i in ids):
        report.error(remove.at(section), f"expected a list of {section} ids, like [first_id, second_id]")
        return False
    known = [item.get("id") for item in items if isinstance(item, dict)] if isinstance(items, LocList) else []
    ok = True
    for i, ident in enumerate(ids):
        if ident not in known:
            report.error(ids.at(i), f"cannot remove {ident!r}: the base has no such item in {section}"
                                    f"{suggest(ident, [k for k in known if isinstance(k, str)])}")
            ok = False
    return ok


def merge(base: LocDict, overlay: LocDict, scenario: Struct) -> LocDict:
    """The base with the overlay's top-level fields merged in (`extends` and `remove` taken out)."""
    sections = id_sections(scenario)
    out = _copy(base)
    for key, value in overlay.items():
        if key in ("extends", "remove"):
            continue
        if value is None:       # `key: null` unsets an inherited value
            _unset(out, key)
            continue
        old = base.get(key)
        if key in sections and isinstance(old, LocList) and isinstance(value, LocList):
            out[key] = merge_items(old, value, sections[key])
        else:
            out[key] = merge_value(old, value, _field_type(scenario, key)) if key in base else value
        out.key_pos[key], out.value_pos[key] = overlay.key_pos[key], overlay.value_pos[key]
    out.pos = overlay.pos
    for key in ("extends", "remove"):
        _unset(out, key)
    return out


def merge_value(base: Any, overlay: Any, spec: T | None = None) -> Any:
    """Mappings are merged key by key (recursively); anything else the overlay gives replaces the base's, and so
    does a condition (`when`, `requires`, `available`): it is one statement, `{treaty: x}` and `{all: [...]}`
    do not mix. `spec` is the format's type of the value, where known."""
    if isinstance(spec, Vocabulary) or not (isinstance(base, LocDict) and isinstance(overlay, LocDict)):
        return overlay
    out = _copy(base)
    for key, value in overlay.items():
        if value is None:       # `key: null` unsets an inherited value
            _unset(out, key)
            continue
        out[key] = merge_value(base[key], value, _field_type(spec, key)) if key in base else value
        out.key_pos[key], out.value_pos[key] = overlay.key_pos[key], overlay.value_pos[key]
    out.pos = overlay.pos
    return out


def _unset(mapping: LocDict, key: str) -> None:
    """Take a key, with its positions, out of a mapping (the format's default applies)."""
    mapping.pop(key, None)
    mapping.key_pos.pop(key, None)
    mapping.value_pos.pop(key, None)


def _field_type(spec: T | None, key: str) -> T | None:
    """The type of the field `key` of a value of type `spec` (None where the format does not say)."""
    if isinstance(spec, Struct):
        found = spec.by_key.get(key)
        return found.type if found else None
    return spec.value if isinstance(spec, MapOf) else None


def merge_items(base: LocList, overlay: LocList, item: Struct) -> LocList:
    """A list of items with ids: an overlay item with an inherited id is merged into it (once; a second one is
    appended, so that the check reports the duplicate), any other is appended."""
    items = list(zip(base, _item_positions(base), strict=True))
    index = {item.get("id"): i for i, item in enumerate(base) if isinstance(item, LocDict)}
    for entry, pos in zip(overlay, _item_positions(overlay), strict=True):
        ident = entry.get("id") if isinstance(entry, LocDict) else None
        if isinstance(ident, str) and ident in index:
            i = index.pop(ident)
            items[i] = (merge_value(items[i][0], entry, item), pos)
        else:
            items.append((entry, pos))
    return _like(overlay, items)


def _item_positions(items: LocList) -> list[Pos]:
    return [items.at(i) for i in range(len(items))]


def _like(model: LocList, items: list[tuple[Any, Pos]]) -> LocList:
    """A located list of (item, position) pairs, placed where `model` stood."""
    out = LocList(item for item, _ in items)
    out.pos = model.pos
    out.item_pos = [pos for _, pos in items]
    return out


def _copy(mapping: LocDict) -> LocDict:
    """A shallow copy that keeps every position."""
    out = LocDict(mapping)
    out.pos, out.key_pos, out.value_pos = mapping.pos, dict(mapping.key_pos), dict(mapping.value_pos)
    return out


def chain_note(bases: tuple[str, ...]) -> str:
    """'extends 1939.yaml' or 'extends b.yaml, which extends c.yaml' ('' for a file that extends nothing)."""
    names = [Path(b).name for b in bases]
    return ", which ".join(f"extends {n}" for n in names)
