"""Drawing inside a rectangle: the clip is always restored, even when the drawing fails."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pygame


@contextmanager
def clipped(surf: pygame.Surface, rect: pygame.Rect | None) -> Iterator[None]:
    """Draw within rect (and within the clip already set); None leaves the clip as it is."""
    old = surf.get_clip()
    if rect is not None:
        surf.set_clip(rect.clip(old))
    try:
        yield
    finally:
        surf.set_clip(old)
