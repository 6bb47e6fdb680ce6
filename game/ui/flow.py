"""What a screen's handler returns: the next screen, a change of the stack, a notice, or an engine Action."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Push:
    screen: Any


@dataclass
class Replace:
    screen: Any


@dataclass
class Reset:
    """Clear the stack down to this screen (e.g. back to the title)."""

    screen: Any


@dataclass
class Pop:
    count: int = 1


@dataclass
class Notice:
    text: str
    kind: str = "info"  # info | good | bad


@dataclass
class Quit:
    pass


@dataclass
class Many:
    """Several results in order (e.g. submit an action, then close the dialog)."""

    items: tuple
