"""Number ranges of the scenario format: the bound every number keeps, range checks and how they read."""

from __future__ import annotations

import math

NUMBER_LIMIT = 1_000_000                                      # every number lies within ±this (a field may say less)


def in_range(value, lo, hi, pos, ctx):
    if value < lo or value > hi:
        return ctx.error(pos, f"{number_text(value)} is out of range ({lo:,}..{hi:,})")
    return value


def number_text(value: float) -> str:
    """A number as the author wrote it, or its size if it is too long to print."""
    if abs(value) < 10 ** 15:
        return str(value)
    if isinstance(value, int):
        return f"a number of {math.floor(math.log10(abs(value))) + 1} digits"
    return f"{value:.3g}"


def range_schema(base: dict, lo, hi) -> dict:
    return {**base, "minimum": lo, "maximum": hi}


def range_text(name: str, lo, hi) -> str:
    """How the docs name the type; the range only where it is narrower than every number's."""
    return name if (lo, hi) == (-NUMBER_LIMIT, NUMBER_LIMIT) else f"{name} {lo:,}..{hi:,}"
