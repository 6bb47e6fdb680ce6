"""The row and column arithmetic the screens share."""

from __future__ import annotations

import pygame

from game.ui.layout import column, equal_row, fits, row


def test_a_row_from_the_left_starts_at_the_area_and_keeps_its_gaps():
    cells = row(pygame.Rect(10, 20, 500, 30), [100, 50], 8)
    assert cells == [pygame.Rect(10, 20, 100, 30), pygame.Rect(118, 20, 50, 30)]


def test_a_row_aligned_right_ends_at_the_right_edge():
    cells = row(pygame.Rect(10, 20, 500, 30), [100, 50], 8, align="right")
    assert cells[-1].right == 510 and cells[0].right + 8 == cells[1].x


def test_an_equal_row_never_runs_past_its_area():
    cells = equal_row(pygame.Rect(0, 0, 101, 10), 3, 5)
    assert len({c.w for c in cells}) == 1 and cells[-1].right <= 101


def test_a_column_stacks_cells_as_wide_as_its_area():
    cells = column(pygame.Rect(5, 5, 40, 500), [10, 20], 2)
    assert [(c.y, c.h, c.w) for c in cells] == [(5, 10, 40), (17, 20, 40)]


def test_fits_counts_the_gaps():
    assert fits([50, 50], 10, 110) and not fits([50, 50], 10, 109)


def test_the_desk_tabs_fill_the_strip_to_its_edge_whatever_the_text_size(app):
    from game.ui.screens.desk import DeskScreen

    for avail in (200, 400, 900):
        widths = DeskScreen.tab_widths(app.theme, [("Actions", pygame.K_1), ("Treaties •", pygame.K_2),
                                                   ("Powers", pygame.K_3), ("Telegrams", pygame.K_4)], avail)
        assert sum(widths) == avail and min(widths) > 0
