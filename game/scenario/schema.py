"""The JSON Schema and the Markdown reference, both generated from the format's declarations."""

from __future__ import annotations

from .format import SCENARIO, STEP
from .growth import MAX_LOG_ENTRIES
from .spec import FIRST_DATE, LAST_DATE, LIST_LIMIT, MAX_TURNS, NUMBER_LIMIT, ListOf, Struct, Text
from .vocabulary import CONDITION, EFFECT, Vocabulary


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of the scenario format, for editors' autocompletion."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://moscow1939.invalid/schema/scenario.schema.json",
        "title": "Moscow 1939 scenario",
        **SCENARIO.schema(),
    }
    schema["$defs"] = {v.what: v.definition() for v in (CONDITION, EFFECT, STEP)}
    return schema


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
