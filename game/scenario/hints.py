"""Plainer words for the commonest mistakes of scenario writers: what YAML made of their text, and where the
thing they named really is."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from .diagnostics import Diagnostic, Pos

_EXPECTED = re.compile(r"expected (?P<want>.+?), found (?P<found>.+)", re.S)
_OUT_OF_RANGE = re.compile(r"\S+ is out of range \(.*\)")
_KINDS = ("text", "a number", "true/false", "nothing", "a date")   # how a scalar of the wrong type is named


def suggest(word: str, choices: Any) -> str:
    """Return ' (did you mean 'x'?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def kind_of(value: Any) -> str:
    """What a value is, in a writer's words (text, a number, a list ...)."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def shown(value: Any) -> str:
    """A scalar as a writer would recognise it in the file."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return repr(value)
    return str(value)


def named_type_error(d: Diagnostic, what: str, value: Any) -> Diagnostic:
    """'expected a number, found text' at a field's value, said of that field (`what`) and its value:
    "'start' of meter 'x' must be a number, found 'high'"; a value out of range is said of its field too."""
    if _OUT_OF_RANGE.fullmatch(d.message):
        return d._replace(message=f"{what}: {d.message}")
    m = _EXPECTED.fullmatch(d.message)
    if m is None:
        return d
    found = m["found"]
    if found in _KINDS and not isinstance(value, (list, dict)):
        found = shown(value)
    return d._replace(message=f"{what} must be {m['want']}, found {found}")


def comma_in_flow(value: Any, key: str) -> str:
    """Why a key of an inline {…} mapping with no value may be a piece of the text before it ('' if it is not):
    in {id: a, name: Foo, Bar} the comma ends the name, and 'Bar' is read as a field of its own."""
    if not getattr(value, "flow", False) or value.get(key, "") is not None:
        return ""
    keys = list(value)
    before = keys[keys.index(key) - 1] if keys.index(key) > 0 else None
    if before is None or not isinstance(value[before], str):
        return ""
    return (f": in a {{...}} mapping a comma ends a field, so {key!r} is read as a field of its own; if it belongs "
            f"to the text of {before!r}, quote that text ({before}: \"{value[before]}, {key}\")")


def text_as_mapping(value: Any) -> str:
    """Why text came out as a mapping ('' if it did not look like text): 'Note: this' on a line of its own."""
    if isinstance(value, dict) and len(value) == 1:
        return " (a colon followed by a space makes a mapping of the text; quote the text)"
    return ""


def other_owners(defined: dict[str, dict[str, Pos]], what: str, ident: str) -> list[str]:
    """The owners of another scope in which an id of this kind is defined: the offers that have a clause."""
    prefix = f"{what}:"
    return [kind[len(prefix):] for kind, table in defined.items() if kind.startswith(prefix) and ident in table]
