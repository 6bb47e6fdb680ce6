"""The projector follows the seats as it happens: a join at once, and the end of the game on every card."""

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


def test_a_game_the_teacher_ended_is_told_on_the_projector_without_seats_that_ended_a_week(app, hosted):  # noqa: F811
    assert app.host.host.teacher("stop", why="The bell rang.")["ok"]
    step(hosted)
    app.top.ensure_layout()
    texts = [w.text for w in app.top.widgets if hasattr(w, "text")]
    assert any("The game has ended: Stopped by the teacher." in t for t in texts), texts
    assert "has ended the week" not in seat_text(app) and seat_text(app).count("the game has ended") == 2
