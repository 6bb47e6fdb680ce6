"""The seeded generator: values in [0, 1), reproducible, and unrelated streams for neighbouring seeds."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from game.engine import rng


def stream(seed: int, n: int) -> list[float]:
    state, values = rng.seed_state(seed), []
    for _ in range(n):
        state, value = rng.draw(state)
        values.append(value)
    return values


@given(st.integers(-2**130, 2**130))
def test_values_are_in_the_unit_interval_and_reproducible(seed):
    values = stream(seed, 50)
    assert all(0.0 <= v < 1.0 for v in values)
    assert values == stream(seed, 50)


def test_neighbouring_seeds_share_no_values():
    """A generator seeded by adding the seed to its state gives seed s+1 the stream of seed s shifted by one draw;
    simulate's games, seeded 1, 2, 3, ..., would then replay each other's luck."""
    for seed in range(200):
        assert not set(stream(seed, 100)) & set(stream(seed + 1, 100)), seed


def test_draws_look_uniform_and_independent_across_seeds():
    firsts = [stream(seed, 1)[0] for seed in range(4000)]
    assert abs(sum(firsts) / len(firsts) - 0.5) < 0.02
    deciles = [0] * 10
    for v in firsts:
        deciles[int(v * 10)] += 1
    assert all(330 < n < 470 for n in deciles), deciles
    pairs = list(itertools.pairwise(firsts))
    mean = sum(firsts) / len(firsts)
    cov = sum((a - mean) * (b - mean) for a, b in pairs) / len(pairs)
    assert abs(cov / (1 / 12)) < 0.05  # neighbouring seeds' first draws are uncorrelated
