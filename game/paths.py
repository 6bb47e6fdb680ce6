"""Where the project's own files are (shared by the command line and the window)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
DEFAULT_SCENARIO = SCENARIOS / "1939.yaml"
