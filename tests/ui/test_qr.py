"""The QR code of the host's address: drawn module for module as segno makes it, large enough to scan from the
back of a classroom, with its quiet zone."""

from __future__ import annotations

import pygame
import segno

from game.ui.theme import Theme
from game.ui.widgets.qr import QUIET, QrCode

URL = "http://192.168.1.23:8039/"
MIN_MODULE = 4      # screen pixels a module at least: a phone reads that from a projected picture


def read_back(surf: pygame.Surface, code: QrCode) -> list[list[bool]]:
    """The modules as a scanner would see them: the colour at each module's centre, without the quiet zone."""
    side = code.rect.w // code.module
    return [[surf.get_at(code.module_rect(r, c).center)[:3] == (0, 0, 0) for c in range(side - 2 * QUIET)]
            for r in range(side - 2 * QUIET)]


def drawn(rect: pygame.Rect, size=(1280, 720)) -> tuple[pygame.Surface, QrCode]:
    pygame.font.init()
    surf = pygame.Surface(size)
    surf.fill((74, 52, 38))
    code = QrCode(rect, URL)
    code.draw(surf, Theme(size), False, False)
    return surf, code


def test_the_drawn_modules_are_segnos_matrix():
    surf, code = drawn(pygame.Rect(40, 60, 300, 280))
    expected = [[bool(cell) for cell in line] for line in segno.make(URL, error="m", boost_error=False).matrix]
    assert read_back(surf, code) == expected


def test_the_code_has_a_white_quiet_zone_of_four_modules():
    surf, code = drawn(pygame.Rect(40, 60, 300, 280))
    ring = code.rect.inflate(-2 * QUIET * code.module, -2 * QUIET * code.module)
    for x in range(code.rect.left, code.rect.right):
        for y in range(code.rect.top, code.rect.bottom):
            if not ring.collidepoint(x, y):
                assert surf.get_at((x, y))[:3] == (255, 255, 255), (x, y)
    assert surf.get_at((code.rect.left - 1, code.rect.top))[:3] != (255, 255, 255)   # it stops there


def test_the_code_is_as_large_as_fits_in_whole_pixels_and_never_outside_its_box():
    box = pygame.Rect(40, 60, 300, 280)
    _surf, code = drawn(box)
    side = len(code.matrix) + 2 * QUIET
    assert box.contains(code.rect) and code.rect.center == box.center
    assert code.module == 280 // side >= MIN_MODULE
