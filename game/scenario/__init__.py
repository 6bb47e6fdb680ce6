"""Scenario files: safe loading, validation with located errors, the immutable model."""

from .diagnostics import Diagnostic, ScenarioError
from .loader import check_scenario, load_scenario
from .model import Scenario

__all__ = ["Diagnostic", "Scenario", "ScenarioError", "check_scenario", "load_scenario"]
