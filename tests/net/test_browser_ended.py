"""A game the teacher ended, on the seat's page (Chromium via Playwright, as tests/net/test_browser.py): talks
that were waiting for answers no longer say so, since nobody will answer them now."""

from __future__ import annotations

from tests.net import test_browser as real

WAIT_MS, expect, join, pytestmark = real.WAIT_MS, real.expect, real.join, real.pytestmark
browser, served, page_of = real.browser, real.served, real.page_of      # the fixtures of the seat in a browser


def test_a_game_the_teacher_ended_shows_no_talks_awaiting_answers(served, page_of) -> None:
    host, url = served
    page = page_of(url)
    join(page, host.keys.codes["britain"])
    expect(page.locator("#treaties")).to_contain_text("Awaiting answers from", timeout=WAIT_MS)
    assert host.teacher("stop", why="The bell rang.")["ok"]
    expect(page.locator("#ending-title")).to_have_text("Stopped by the teacher", timeout=WAIT_MS)
    expect(page.locator("#treaties")).not_to_contain_text("Awaiting answers from")
