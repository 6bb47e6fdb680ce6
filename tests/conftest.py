"""Shared fixtures: the repository root and the small test scenario."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"


@pytest.fixture(scope="session")
def mini():
    from game.scenario import load_scenario

    return load_scenario(MINI)
