"""Helpers shared by the commands: loading a scenario and choosing a policy."""

from __future__ import annotations

import sys
from pathlib import Path

from ..engine.controllers import policy_names
from ..scenario import Scenario, ScenarioError, load_scenario
from .paths import DEFAULT_SCENARIO


class UsageError(Exception):
    """A command-line mistake: exit 2 with the message."""


def load_or_exit(path: str | None) -> Scenario:
    """Load a scenario or raise SystemExit(1) after printing located errors."""
    try:
        return load_scenario(Path(path) if path else DEFAULT_SCENARIO)
    except ScenarioError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic, file=sys.stderr)
        raise SystemExit(1) from None


def check_policy(scenario: Scenario, power: str | None, policy: str) -> str:
    """The power the policy plays; raise UsageError if either is unknown."""
    power = power or scenario.player
    if power not in scenario.index["powers"]:
        raise UsageError(f"unknown power {power!r}; choose from {', '.join(p.id for p in scenario.powers)}")
    names = policy_names(scenario, power)
    if policy not in names:
        raise UsageError(f"unknown policy {policy!r} for {power}; choose from {', '.join(names)}")
    return power
