"""The class timer on the seat's page (Chromium via Playwright, as tests/net/test_browser.py): it does not count
down before every team has joined, since the host's week has not begun; then it does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from game.engine import Game
from game.engine.classroom import ClassOptions
from game.net.host import NetworkHost
from tests.net import test_browser as real

WAIT_MS, expect, join, pytestmark = real.WAIT_MS, real.expect, real.join, real.pytestmark
browser, page_of = real.browser, real.page_of      # the fixtures of the seat in a browser


@pytest.fixture
def timed(s1939, tmp_path) -> Iterator[tuple[NetworkHost, str]]:
    """A class game of two seats with a five-minute week, served on a free port of 127.0.0.1."""
    game = Game.new(s1939, seed=11, humans=("ussr", "britain"), options=ClassOptions(turn_timer_minutes=5))
    with real.hosting(game, tmp_path / "host.json") as served:
        yield served


def test_the_page_waits_for_every_team_before_it_counts_the_week_down(timed, page_of) -> None:
    host, url = timed
    page = page_of(url, 390, 844)
    join(page, host.keys.codes["ussr"])
    clock = page.locator("#clock")
    expect(clock).to_have_text("5 min for the week, from when every team has joined.", timeout=WAIT_MS)
    host.join(host.keys.codes["britain"], "10.0.0.2")
    expect(clock).to_contain_text("s left of this week's time", timeout=WAIT_MS)
