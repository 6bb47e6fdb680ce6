"""The projector follows the seats' joining as it happens, not at the next step a seat takes."""

from __future__ import annotations

from game.ui.screens.host import grouped
from tests.ui.test_host_window import hosted, join, seat_text, step  # noqa: F401  (hosted: a fixture)


def test_a_seat_that_joins_is_marked_and_its_code_hidden_before_it_takes_a_step(app, hosted):  # noqa: F811
    codes = {s.power: s.code for s in app.host.seats()}
    join(app, "britain")
    step(hosted)
    text = seat_text(app)
    assert grouped(codes["britain"]) not in text and grouped(codes["ussr"]) in text
    assert "•••• •••• (joined)" in text.splitlines()
