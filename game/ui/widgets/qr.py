"""A QR code of a text (the host's address), drawn with rectangles: segno makes the matrix, and the widget draws
its dark modules black on a white square with the quiet zone the standard asks for, whatever the theme."""

from __future__ import annotations

import pygame

from ..theme import Theme
from .core import Widget

QUIET = 4               # modules of white on every side: scanners need them to find the code
DARK, LIGHT = (0, 0, 0), (255, 255, 255)


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of the QR code of text, row by row, without the quiet zone (True: dark)."""
    import segno  # (imported with the first code: the title screen needs none)

    code = segno.make(text, error="m", boost_error=False)
    return [[bool(cell) for cell in line] for line in code.matrix]


class QrCode(Widget):
    """The code as large as fits in rect, centred in it, every module the same whole number of pixels."""

    focusable = False

    def __init__(self, rect: pygame.Rect, text: str, *, wid: str = "qr"):
        super().__init__(rect, wid=wid, tooltip=text)
        self.text = text
        self.matrix = qr_matrix(text)
        side = len(self.matrix) + 2 * QUIET
        self.module = max(1, min(self.rect.w, self.rect.h) // side)
        square = pygame.Rect(0, 0, side * self.module, side * self.module)
        square.center = self.rect.center
        self.rect = square

    def module_rect(self, row: int, col: int) -> pygame.Rect:
        """Where the module at (row, col) of the matrix is drawn."""
        m = self.module
        return pygame.Rect(self.rect.x + (col + QUIET) * m, self.rect.y + (row + QUIET) * m, m, m)

    def draw(self, surf: pygame.Surface, theme: Theme, focused: bool, hovered: bool) -> None:
        pygame.draw.rect(surf, LIGHT, self.rect)
        for r, line in enumerate(self.matrix):
            for c, dark in enumerate(line):
                if dark:
                    pygame.draw.rect(surf, DARK, self.module_rect(r, c))
