"""Regenerate the format reference in docs/MODDING.md and schema/scenario.schema.json.

    python tools/update_reference.py

Run it after changing a field, condition, effect or policy step; the tests fail until the two agree.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.cli.schema_cmd import render as schema_text  # noqa: E402
from game.scenario.schema import update_markdown  # noqa: E402


def main() -> None:
    guide = ROOT / "docs" / "MODDING.md"
    guide.write_text(update_markdown(guide.read_text(encoding="utf-8")), encoding="utf-8")
    (ROOT / "schema" / "scenario.schema.json").write_text(schema_text(), encoding="utf-8")


if __name__ == "__main__":
    main()
