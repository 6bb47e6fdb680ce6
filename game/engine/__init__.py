"""The rules engine: pure Python, deterministic, never imports pygame."""

from .actions import Action, Result
from .controllers import policy_names
from .game import Game
from .state import GameState, LogEntry

__all__ = ["Action", "Game", "GameState", "LogEntry", "Result", "policy_names"]
