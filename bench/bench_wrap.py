"""Wrapping and ellipsizing over-long texts: the time should grow in proportion to the length.

    python bench/bench_wrap.py            (SDL's dummy driver; prints milliseconds per length)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def main() -> int:
    import pygame

    from game.ui.theme import Theme
    from game.ui.widgets.text import _wrap, fit

    pygame.font.init()
    theme = Theme((1920, 1080), 1, False)
    font = theme.font("sans")
    for n in (1_000, 4_000, 20_000, 100_000):
        word = "ш" * n
        t0 = time.perf_counter()
        lines = _wrap(font, word, 600)
        t1 = time.perf_counter()
        fit(theme, word, "body", 600)
        t2 = time.perf_counter()
        print(f"{n:>7} characters: wrap {1000 * (t1 - t0):8.1f} ms ({len(lines)} lines), "
              f"fit {1000 * (t2 - t1):6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
