"""What on the map may be chosen: the scenario's territories, then the lands of powers that hold no territory of
the scenario (Britain, France); and which of them lies next in a direction, for the arrow keys."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pygame

# the arrow keys as directions on the screen (y grows downwards)
DIRECTIONS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}
CONE = math.tan(math.radians(60))   # a place lies "that way" if it is within 60° of the direction


@dataclass(frozen=True)
class Place:
    """A territory of the scenario (territory set), or a power's own land (power set), drawn as shape."""

    shape: str
    territory: Any = None
    power: str | None = None


def places(sc: Any, home_shapes: list[str]) -> list[Place]:
    """The scenario's territories in its order, then the powers' own lands."""
    return [Place(t.map, territory=t) for t in sc.territories] + [Place(s, power=s) for s in home_shapes]


def next_place(centres: list[tuple[float, float] | None], start: int, direction: tuple[int, int]) -> int:
    """The place whose centre lies nearest that way from start's: of those within 60° of the direction, the one
    nearest along it, a step across counting double; start if there is none (a place without a centre on the
    map is never chosen)."""
    if not 0 <= start < len(centres) or centres[start] is None:
        return next((i for i, c in enumerate(centres) if c is not None), start)
    sx, sy = centres[start]
    dx, dy = direction
    best, score = start, math.inf
    for i, c in enumerate(centres):
        if i == start or c is None:
            continue
        vx, vy = c[0] - sx, c[1] - sy
        along, across = vx * dx + vy * dy, abs(vx * dy - vy * dx)
        if along > 0 and across <= along * CONE and along + 2 * across < score:
            best, score = i, along + 2 * across
    return best
