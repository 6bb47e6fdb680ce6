"""Where the project's own files are (shared by the command line and the window)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
DEFAULT_SCENARIO = SCENARIOS / "1939.yaml"
TESTS_SUFFIX = ".tests.yaml"   # a scenario's scripted tests (main.py test), beside it: never a scenario itself


def is_scenario_file(path: Path) -> bool:
    """Whether a .yaml file in a scenarios or mods folder is a scenario (not a scenario's tests)."""
    return path.suffix == ".yaml" and not path.name.endswith(TESTS_SUFFIX) and path.is_file()
