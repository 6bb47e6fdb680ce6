"""Declarative field types: one description drives validation, JSON Schema and docs."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from .diagnostics import Pos, Report
from .hints import kind_of, other_owners, suggest, text_as_mapping
from .ranges import NUMBER_LIMIT, in_range, range_schema, range_text

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
# Bounds of what a scenario may ask for, so that every valid scenario can be drawn, counted and played in memory.
FIRST_DATE, LAST_DATE = dt.date(1800, 1, 1), dt.date(2100, 12, 31)
DATE_PATTERN = r"^(18[0-9]{2}|19[0-9]{2}|20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$"
LIST_LIMIT = 100                                              # items in a list (a field may allow more)
MAX_TURNS = 500                                               # turns in a calendar: a game's history grows with them
# control characters (C0 but tab and line feed, DEL, C1): nothing a text may show (YAML refuses lone surrogates)
NOT_TEXT_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Invalid:
    """Marks a value that failed validation (an error has been reported)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID = Invalid()


class Context:
    """Validation state: the report, defined ids, pending references and scopes."""

    def __init__(self, report: Report):
        self.report = report
        self.defined: dict[str, dict[str, Pos]] = {}
        self.refs: list[tuple[str, str, Pos]] = []
        self.scope: dict[str, str] = {}
        self.flags_set: dict[str, Pos] = {}
        self.flags_tested: dict[str, Pos] = {}
        self.later: list[Callable[[dict], None]] = []   # checks of the whole scenario's fields, once they are known

    def error(self, pos: Pos, message: str) -> Invalid:
        self.report.error(pos, message)
        return INVALID

    def define(self, kind: str, ident: str, pos: Pos) -> None:
        table = self.defined.setdefault(kind, {})
        if ident in table:
            self.error(pos, f"duplicate {kind.split(':')[0]} id {ident!r} (first at line {table[ident].line})")
        else:
            table[ident] = pos

    def ref(self, kind: str, ident: str, pos: Pos) -> None:
        self.refs.append((kind, ident, pos))

    def resolve_refs(self) -> None:
        for kind, ident, pos in self.refs:
            known = self.defined.get(kind, {})
            if ident not in known:
                what, _, owner = kind.partition(":")
                where = f" in {owner!r}" if owner else ""
                elsewhere = other_owners(self.defined, what, ident) if owner else []
                hint = f" ({ident!r} is a {what} of {elsewhere[0]!r})" if elsewhere else suggest(ident, known)
                self.error(pos, f"unknown {what} {ident!r}{where}{hint}")


class T:
    """Base of all field types."""

    name = "value"

    def check(self, value: Any, pos: Pos, ctx: Context) -> Any:
        raise NotImplementedError

    def schema(self) -> dict:
        raise NotImplementedError

    def describe(self) -> str:
        return self.name


def check_text(value: str, max_len: int, pos: Pos, ctx: Context) -> str | Invalid:
    """Every text of a scenario passes here: its length, and no control characters (tabs and line breaks
    are fine)."""
    if len(value) > max_len:
        return ctx.error(pos, f"text is {len(value)} characters; the limit is {max_len}")
    bad = NOT_TEXT_RE.search(value)
    if bad:
        return ctx.error(pos, f"text holds the control character U+{ord(bad.group()):04X} at character "
                              f"{bad.start() + 1}; only tabs and line breaks may appear in text")
    return value.strip()


class Text(T):
    name = "text"

    def __init__(self, max_len: int = 20_000):
        self.max_len = max_len

    def check(self, value, pos, ctx):
        if not isinstance(value, str):
            return ctx.error(pos, f"expected text, found {kind_of(value)}{text_as_mapping(value)}")
        return check_text(value, self.max_len, pos, ctx)

    def schema(self):
        return {"type": "string", "maxLength": self.max_len}


def as_yaml(value: Any) -> str:
    """A value as a modder wrote it: YAML's null, true and false, not Python's None, True and False."""
    return {None: "null", True: "true", False: "false"}.get(value, repr(value)) \
        if value is None or isinstance(value, bool) else repr(value)


class Ident(T):
    """An id being defined (kind given) or a free-form name such as a flag."""

    name = "id"

    def __init__(self, flag: str | None = None):
        self.flag = flag

    def check(self, value, pos, ctx):
        if not isinstance(value, str) or not ID_RE.match(value):
            return ctx.error(pos, f"expected an id in snake_case (like 'my_id'), found {as_yaml(value)}")
        if self.flag == "set":
            ctx.flags_set.setdefault(value, pos)
        elif self.flag == "test":
            ctx.flags_tested.setdefault(value, pos)
        return value

    def schema(self):
        return {"type": "string", "pattern": ID_RE.pattern}


class Ref(T):
    """A reference to an id defined elsewhere; `scope` names the enclosing owner."""

    def __init__(self, kind: str, scope: str | None = None, nullable: bool = False):
        self.kind = kind
        self.scope = scope
        self.nullable = nullable
        self.name = f"{kind} id" + (" or null" if nullable else "")

    def check(self, value, pos, ctx):
        if value is None and self.nullable:
            return None
        if not isinstance(value, str) or not ID_RE.match(value):
            return ctx.error(pos, f"expected a {self.kind} id, found {as_yaml(value)}")
        if self.scope and self.scope not in ctx.scope:
            return value  # the owner has no valid id: that error is reported already
        kind = f"{self.kind}:{ctx.scope[self.scope]}" if self.scope else self.kind
        ctx.ref(kind, value, pos)
        return value

    def schema(self):
        base = {"type": "string", "pattern": ID_RE.pattern}
        return {"anyOf": [base, {"type": "null"}]} if self.nullable else base


class Int(T):
    """A whole number within [lo, hi] (by default ±NUMBER_LIMIT)."""

    name = "integer"

    def __init__(self, lo: float | None = None, hi: float | None = None):
        self.lo = -NUMBER_LIMIT if lo is None else lo
        self.hi = NUMBER_LIMIT if hi is None else hi

    def check(self, value, pos, ctx):
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.error(pos, f"expected a whole number, found {kind_of(value)}")
        return in_range(value, self.lo, self.hi, pos, ctx)

    def schema(self):
        return range_schema({"type": "integer"}, self.lo, self.hi)

    def describe(self):
        return range_text("integer", self.lo, self.hi)


class Number(Int):
    name = "number"

    def check(self, value, pos, ctx):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return ctx.error(pos, f"expected a number, found {kind_of(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            return ctx.error(pos, f"expected a finite number, found {value}")
        return in_range(value, self.lo, self.hi, pos, ctx)

    def schema(self):
        return range_schema({"type": "number"}, self.lo, self.hi)

    def describe(self):
        return range_text("number", self.lo, self.hi)


class Bool(T):
    name = "true/false"

    def check(self, value, pos, ctx):
        if not isinstance(value, bool):
            return ctx.error(pos, f"expected true or false, found {kind_of(value)}")
        return value

    def schema(self):
        return {"type": "boolean"}


class Date(T):
    name = "date"

    def check(self, value, pos, ctx):
        day = _date(value)
        if day is None:
            return ctx.error(pos, f"expected a date like 1939-08-23, found {as_yaml(value)}{_why_not_a_day(value)}")
        if not FIRST_DATE <= day <= LAST_DATE:
            return ctx.error(pos, f"{day} is out of range (dates from {FIRST_DATE} to {LAST_DATE})")
        return day

    def schema(self):
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}


def _why_not_a_day(value: Any) -> str:
    """' (day is out of range for month)' for text shaped like a date that names no real day, else ''."""
    if not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return ""
    try:
        dt.date(*map(int, value.split("-")))
    except ValueError as exc:
        return f" ({exc})"
    return ""


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


class DateOrText(T):
    """A date, or free text for imprecise dates ('1961', 'summer 1939')."""

    name = "date or text"
    max_len = 100

    def check(self, value, pos, ctx):
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return check_text(str(value), self.max_len, pos, ctx)
        return ctx.error(pos, f"expected a date or a year, found {kind_of(value)}")

    def schema(self):
        return {"type": ["string", "integer"], "maxLength": self.max_len}


class Color(T):
    name = "colour #rrggbb"

    def check(self, value, pos, ctx):
        if not isinstance(value, str) or not COLOR_RE.match(value):
            return ctx.error(pos, f"expected a colour like '#6b6f78', found {as_yaml(value)}")
        return value.lower()

    def schema(self):
        return {"type": "string", "pattern": COLOR_RE.pattern}


class Enum(T):
    def __init__(self, *values: str):
        self.values = values
        self.name = " | ".join(values)

    def check(self, value, pos, ctx):
        if value not in self.values:
            return ctx.error(pos, f"expected one of {', '.join(self.values)}, found {value!r}{suggest(value, self.values)}")
        return value

    def schema(self):
        return {"enum": list(self.values)}
