"""The rules engine: pure Python, deterministic, never imports pygame."""

from .actions import Action, Result
from .controllers import policy_names
from .debrief import debrief
from .game import Game
from .negotiation import toggle
from .state import GameState, LogEntry

__all__ = ["Action", "Game", "GameState", "LogEntry", "Result", "debrief", "policy_names", "toggle"]
