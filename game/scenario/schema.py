"""The JSON Schema and the Markdown reference, both generated from the format's declarations."""

from __future__ import annotations

from typing import Any

from .compound import ListOf, Struct
from .format import SCENARIO, STEP
from .growth import MAX_LOG_ENTRIES
from .loader import OVERLAY_SECTIONS
from .spec import FIRST_DATE, ID_RE, LAST_DATE, LIST_LIMIT, MAX_TURNS, NUMBER_LIMIT, Text
from .vocabulary import CONDITION, EFFECT, Vocabulary


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of the scenario format, for editors' autocompletion. A file with `extends`
    is an overlay: the same fields, none of them required (it changes what its base gives)."""
    whole = SCENARIO.schema()
    whole["properties"] = {"extends": EXTENDS, **whole["properties"], "remove": _remove_schema()}
    overlay = _optional(whole)
    overlay["required"] = ["extends"]
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://moscow1939.invalid/schema/scenario.schema.json",
        "title": "Moscow 1939 scenario",
        "description": whole.pop("description"),
        "anyOf": [{**whole, "not": {"required": ["remove"]}}, overlay],
    }
    schema["$defs"] = {v.what: v.definition() for v in (CONDITION, EFFECT, STEP)}
    return schema


EXTENDS = {"type": "string", "minLength": 1, "maxLength": 1000,
           "description": "an overlay: the base scenario file it changes, relative to this file"}


def _remove_schema() -> dict:
    ids = {"type": "array", "items": {"type": "string", "pattern": ID_RE.pattern}}
    return {"type": "object", "description": "inherited items to delete, by section and id",
            "properties": {key: ids for key in sorted(OVERLAY_SECTIONS)}, "additionalProperties": False}


def _optional(schema: Any) -> Any:
    """A copy of a schema with no field required at any depth (an overlay's items give only what they change),
    and every field allowed to be null (an overlay's `null` unsets an inherited value)."""
    if isinstance(schema, list):
        return [_optional(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: _optional(v) for k, v in schema.items() if not (k == "required" and isinstance(v, list))}
    if isinstance(out.get("properties"), dict):
        out["properties"] = {k: {"anyOf": [v, {"type": "null"}]} for k, v in out["properties"].items()}
    return out


def _table(vocab: Vocabulary) -> list[str]:
    rows = [f"| {vocab.what} | form | meaning |", "|---|---|---|"]
    for entry in vocab.entries.values():
        fields = ""
        if isinstance(entry.arg, Struct):
            fields = "<br>fields: " + ", ".join(
                f"`{f.key}`{'' if f.required else '?'} ({f.type.describe()})" for f in entry.arg.fields)
        rows.append(f"| `{entry.name}` | `{entry.form}` | {entry.doc}{fields} |")
    return rows


def _other_lists(struct: Struct, path: str = "") -> list[tuple[str, int]]:
    """The lists of the format whose limit is not LIST_LIMIT, by their path."""
    found = []
    for f in struct.fields:
        kind, where = f.type, f"{path}{f.key}"
        if isinstance(kind, ListOf):
            if kind.max_items != LIST_LIMIT:
                found.append((where, kind.max_items))
            kind, where = kind.item, f"{where}[]"
        if isinstance(kind, Struct):
            found += _other_lists(kind, f"{where}.")
    return found


def _limits() -> list[str]:
    rows = [
        "| what | limit |", "|---|---|",
        f"| numbers | from {-NUMBER_LIMIT:,} to {NUMBER_LIMIT:,} (a field may allow less, as its type says); "
        "never `.nan` or `.inf` |",
        f"| dates | from {FIRST_DATE} to {LAST_DATE} |",
        f"| `calendar` | at most {MAX_TURNS} turns |",
        f"| texts | at most {Text().max_len:,} characters; most fields allow less (the JSON Schema gives each "
        "field's `maxLength`) |",
        f"| lists | at most {LIST_LIMIT} items, except: |",
    ]
    rows += [f"| `{path}` | at most {n:,} items |" for path, n in _other_lists(SCENARIO)]
    rows.append(f"| a game's log | at most {MAX_LOG_ENTRIES:,} entries, as `check` counts them: every event, "
                "action, effect and round of negotiation that can happen, as often as the calendar lets it |")
    return rows


def markdown_reference() -> dict[str, str]:
    """Markdown tables of conditions, effects, policy steps and the format's limits, keyed by section name."""
    tables = {v.what.replace(" ", "_"): "\n".join(_table(v)) for v in (CONDITION, EFFECT, STEP)}
    tables["limits"] = "\n".join(_limits())
    return tables


def update_markdown(text: str) -> str:
    """Replace the generated sections between `<!-- reference:NAME -->` and `<!-- end:NAME -->`."""
    for name, table in markdown_reference().items():
        start, end = f"<!-- reference:{name} -->", f"<!-- end:{name} -->"
        if start in text and end in text:
            head, rest = text.split(start, 1)
            _, tail = rest.split(end, 1)
            text = f"{head}{start}\n{table}\n{end}{tail}"
    return text
