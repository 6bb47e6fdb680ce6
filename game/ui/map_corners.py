"""Where the map's legend, its key to the numbered territories and its note go: each in the corner of the map
where it covers least of the lands the player deals with, clear of what is already placed there."""

from __future__ import annotations

import pygame

Ring = list[tuple[float, float]]
CORNERS = ("bottomleft", "topleft", "bottomright", "topright")


def land_mask(size: tuple[int, int], shapes: list[list[Ring]]) -> pygame.mask.Mask:
    """The pixels of the widget (its own coordinates) that the given shapes cover."""
    surf = pygame.Surface((max(1, size[0]), max(1, size[1])), pygame.SRCALPHA)
    for rings in shapes:
        for ring in rings:
            if len(ring) >= 3:
                pygame.draw.polygon(surf, (255, 255, 255, 255), ring)
    return pygame.mask.from_surface(surf)


def corner_box(size: tuple[int, int], box: tuple[int, int], corner: str, margin: int) -> pygame.Rect:
    """A box of this size in one corner of a widget of size, margin from its edges."""
    r = pygame.Rect(0, 0, *box)
    setattr(r, corner, {"bottomleft": (margin, size[1] - margin), "topleft": (margin, margin),
                        "bottomright": (size[0] - margin, size[1] - margin),
                        "topright": (size[0] - margin, margin)}[corner])
    return r


def best_corner(size: tuple[int, int], box: tuple[int, int], land: pygame.mask.Mask, taken: list[pygame.Rect],
                margin: int, corners: tuple[str, ...] = CORNERS) -> str:
    """The corner where a box of this size covers least land and nothing taken (the first such, on a tie)."""
    def cost(corner: str) -> int:
        r = corner_box(size, box, corner, margin)
        if r.w <= 0 or r.h <= 0:
            return 0
        over = land.overlap_area(pygame.mask.Mask(r.size, fill=True), r.topleft)
        return over + (10 ** 9 if r.collidelist(taken) >= 0 else 0)

    return min(corners, key=lambda c: (cost(c), corners.index(c)))


def flow(sizes: list[tuple[int, int]], width: int, gap: int) -> tuple[list[pygame.Rect], tuple[int, int]]:
    """Boxes of these sizes in rows no wider than width (at least one a row), and the size of the whole."""
    out: list[pygame.Rect] = []
    x = y = row_h = 0
    for w, h in sizes:
        if x and x + w > width:
            x, y, row_h = 0, y + row_h, 0
        out.append(pygame.Rect(x, y, w, h))
        x += w + gap
        row_h = max(row_h, h)
    return out, (max((r.right for r in out), default=0), y + row_h)
