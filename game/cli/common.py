"""Helpers shared by the commands: loading a scenario and choosing a policy."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import DEFAULT_SCENARIO

if TYPE_CHECKING:
    from ..scenario import Scenario


class UsageError(Exception):
    """A command-line mistake: exit 2 with the message."""


def load_or_exit(path: str | None) -> Scenario:
    """Load a scenario or raise SystemExit(1) after printing located errors."""
    from ..scenario import ScenarioError, load_scenario

    try:
        return load_scenario(Path(path) if path else DEFAULT_SCENARIO)
    except ScenarioError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic, file=sys.stderr)
        raise SystemExit(1) from None


def check_policy(scenario: Scenario, power: str | None, policy: str) -> str:
    """The power the policy plays; raise UsageError if either is unknown."""
    from ..engine.controllers import policy_names

    power = power or scenario.player
    if power not in scenario.index["powers"]:
        raise UsageError(f"unknown power {power!r}; choose from {', '.join(p.id for p in scenario.powers)}")
    names = policy_names(scenario, power)
    if policy not in names:
        raise UsageError(f"unknown policy {policy!r} for {power}; choose from {', '.join(names)}")
    return power


def check_seats(scenario: Scenario, text: str) -> tuple[str, ...]:
    """The powers people play, from 'ussr,britain'; raise UsageError for an unknown, repeated or missing one."""
    from ..scenario.spec import suggest

    known = [p.id for p in scenario.powers]
    seats = [s.strip().lower() for s in text.split(",")]
    if not any(seats) or not all(seats):
        raise UsageError(f"--seats needs at least one power, separated by commas; choose from {', '.join(known)}")
    for seat in seats:
        if seat not in known:
            raise UsageError(f"unknown power {seat!r} in --seats{suggest(seat, known)}; choose from {', '.join(known)}")
    repeated = sorted({s for s in seats if seats.count(s) > 1})
    if repeated:
        raise UsageError(f"--seats names {', '.join(repeated)} more than once")
    return tuple(seats)
