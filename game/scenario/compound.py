"""Field types made of other field types: lists, mappings of ids to values, and mappings with named fields
(`Struct`, built of `F` fields), which carry the scopes of ids and the checks across a mapping's fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from .diagnostics import Pos
from .hints import comma_in_flow, kind_of, named_type_error, suggest
from .spec import ID_RE, INVALID, LIST_LIMIT, Context, Ref, T
from .yamlsource import LocDict, LocList


class ListOf(T):
    def __init__(self, item: T, min_items: int = 0, max_items: int = LIST_LIMIT):
        self.item, self.min_items, self.max_items = item, min_items, max_items
        self.name = f"list of {item.describe()}"

    def check(self, value, pos, ctx):
        if not isinstance(value, list):
            return ctx.error(pos, f"expected a list, found {kind_of(value)}")
        if len(value) < self.min_items:
            return ctx.error(pos, f"needs at least {self.min_items} item(s)")
        if len(value) > self.max_items:
            return ctx.error(pos, f"has {len(value)} items; the limit is {self.max_items}")
        at = value.at if isinstance(value, LocList) else (lambda i: pos)
        out = [self.item.check(v, at(i), ctx) for i, v in enumerate(value)]
        return INVALID if any(v is INVALID for v in out) else tuple(out)

    def schema(self):
        return {"type": "array", "items": self.item.schema(), "minItems": self.min_items, "maxItems": self.max_items}


class MapOf(T):
    """A mapping whose keys are references (e.g. power ids) and values of one type."""

    def __init__(self, key: Ref, value: T):
        self.key, self.value = key, value
        self.name = f"mapping of {key.kind} id to {value.describe()}"

    def check(self, value, pos, ctx):
        if value is None:
            return {}
        if not isinstance(value, dict):
            return ctx.error(pos, f"expected a mapping, found {kind_of(value)}")
        out, ok = {}, True
        for k, v in value.items():
            kpos = value.key_pos.get(k, pos) if isinstance(value, LocDict) else pos
            vpos = value.at(k) if isinstance(value, LocDict) else pos
            key = self.key.check(k, kpos, ctx)
            val = self.value.check(v, vpos, ctx)
            ok = ok and key is not INVALID and val is not INVALID
            out[key] = val
        return out if ok else INVALID

    def schema(self):
        return {"type": "object", "additionalProperties": self.value.schema()}


class F(NamedTuple):
    """One field of a Struct."""

    key: str
    type: T
    required: bool = False
    default: Any = None
    doc: str = ""
    attr: str = ""


class Struct(T):
    """A mapping with known fields, built into `build(**fields)`."""

    def __init__(self, title: str, fields: list[F], build: Callable[..., Any] | None = None, kind: str | None = None,
                 scope_kind: str | None = None, check_more: Callable[[dict, LocDict, Context], None] | None = None,
                 doc: str = ""):
        self.title = self.name = title
        self.fields = fields
        self.build = build
        self.kind = kind
        self.scope_kind = scope_kind
        self.check_more = check_more
        self.doc = doc
        self.by_key = {f.key: f for f in fields}

    def check(self, value, pos, ctx):
        if not isinstance(value, dict):
            return ctx.error(pos, f"expected a mapping for {self.title}, found {kind_of(value)}")
        at = value.at if isinstance(value, LocDict) else (lambda k: pos)
        ok = self._known_keys(value, pos, ctx)
        ident = value.get("id")
        self._define(ident, at, ctx)
        saved = dict(ctx.scope)
        if self.kind and isinstance(ident, str):
            ctx.scope[self.kind] = ident
        try:
            out, fields_ok = self._check_fields(value, pos, at, ctx)
            ok = ok and fields_ok
            if ok and self.check_more:
                errors = len(ctx.report.errors)
                self.check_more(out, value, ctx)
                ok = len(ctx.report.errors) == errors   # (the checks across sections need it sound)
        finally:
            ctx.scope = saved
        if not ok:
            return INVALID
        return self.build(**out) if self.build else out

    def check_parts(self, value: LocDict, ctx: Context) -> tuple[dict[str, Any], bool]:
        """Check every field of a mapping (the scenario's sections); the values (INVALID where a field is not
        valid, none for a missing one) and whether all were valid."""
        known = self._known_keys(value, value.pos, ctx)
        out, ok = self._check_fields(value, value.pos, value.at, ctx)
        return out, known and ok

    def _known_keys(self, value: dict, pos, ctx) -> bool:
        """Report every unknown key; True when there is none."""
        kat = (lambda k: value.key_pos.get(k, pos)) if isinstance(value, LocDict) else (lambda k: pos)
        ok = True
        for key in value:
            if key not in self.by_key:
                hint = comma_in_flow(value, key) or suggest(key, self.by_key)
                ctx.error(kat(key), f"unknown field {key!r} in {self.title}{hint}")
                ok = False
        return ok

    def _define(self, ident, at, ctx) -> None:
        """Register a well-formed id under this struct's kind (scoped if need be)."""
        if self.kind and isinstance(ident, str) and ID_RE.match(ident):
            kind = f"{self.kind}:{ctx.scope.get(self.scope_kind, '?')}" if self.scope_kind else self.kind
            ctx.define(kind, ident, at("id"))

    def _check_fields(self, value: dict, pos, at, ctx) -> tuple[dict[str, Any], bool]:
        """Check each declared field in order; the values and whether all were valid."""
        ok = True
        out: dict[str, Any] = {}
        for f in self.fields:
            if f.key in value:
                start = len(ctx.report.items)
                v = f.type.check(value[f.key], at(f.key), ctx)
                if v is INVALID:
                    ok = False
                    self._name_the_field(ctx, start, f, value, at(f.key))
                out[f.attr or f.key] = v
            elif f.required:
                ctx.error(pos, f"{self.title} needs the field {f.key!r}")
                ok = False
            else:
                out[f.attr or f.key] = f.default
        return out, ok

    def _name_the_field(self, ctx: Context, start: int, f: F, value: dict, pos: Pos) -> None:
        """A wrong type found at the field's own value (or at a value of its mapping of ids) is said of the field,
        its owner and the value."""
        ident, raw = value.get("id"), value[f.key]
        owner = f"{self.title} {ident!r}" if isinstance(ident, str) and f.key != "id" else f"the {self.title}"
        spots = {(pos.line, pos.col): (f"{f.key!r} of {owner}", raw)}
        if isinstance(f.type, MapOf) and isinstance(raw, LocDict):
            spots.update({(p.line, p.col): (f"{k!r} in {f.key!r} of {owner}", raw[k]) for k, p in raw.value_pos.items()})
        items = ctx.report.items
        for i in range(start, len(items)):
            spot = spots.get((items[i].line, items[i].col))
            if spot:
                items[i] = named_type_error(items[i], *spot)

    def schema(self):
        return {
            "type": "object",
            "description": self.doc or self.title,
            "properties": {f.key: {**f.type.schema(), **({"description": f.doc} if f.doc else {})} for f in self.fields},
            "required": [f.key for f in self.fields if f.required],
            "additionalProperties": False,
        }
