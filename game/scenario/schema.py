"""The JSON Schema and the Markdown reference, both generated from the format's declarations."""

from __future__ import annotations

from .format import SCENARIO, STEP
from .spec import Struct
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


def markdown_reference() -> dict[str, str]:
    """Markdown tables of conditions, effects and policy steps, keyed by section name."""
    return {v.what.replace(" ", "_"): "\n".join(_table(v)) for v in (CONDITION, EFFECT, STEP)}


def update_markdown(text: str) -> str:
    """Replace the generated sections between `<!-- reference:NAME -->` and `<!-- end:NAME -->`."""
    for name, table in markdown_reference().items():
        start, end = f"<!-- reference:{name} -->", f"<!-- end:{name} -->"
        if start in text and end in text:
            head, rest = text.split(start, 1)
            _, tail = rest.split(end, 1)
            text = f"{head}{start}\n{table}\n{end}{tail}"
    return text
