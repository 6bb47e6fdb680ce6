"""A tiny seeded generator whose whole state is one integer: a 128-bit linear congruential generator read from
its top 53 bits (the multiplier and increment are PCG's), started from a hashed seed so that neighbouring seeds
give unrelated streams."""

from __future__ import annotations

MASK = (1 << 128) - 1
MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645
INCREMENT = 0x5851F42D4C957F2D14057B7EF767814F
UNIT = 1.0 / (1 << 53)  # a 53-bit integer times UNIT is a float in [0, 1)
SHIFT = 128 - 53


def _mix64(value: int) -> int:
    """SplitMix64's finaliser: a 64-bit integer scrambled so that close inputs give unrelated outputs."""
    z = (value + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return z ^ (z >> 31)


def seed_state(seed: int) -> int:
    """Turn any integer seed into a generator state."""
    low = seed & 0xFFFFFFFFFFFFFFFF
    return (_mix64(low ^ (seed >> 64 & 0xFFFFFFFFFFFFFFFF)) << 64) | _mix64(low ^ 0x6A09E667F3BCC909)


def draw(state: int) -> tuple[int, float]:
    """Advance the state; return the new state and a float in [0, 1)."""
    state = (state * MULTIPLIER + INCREMENT) & MASK
    return state, (state >> SHIFT) * UNIT
