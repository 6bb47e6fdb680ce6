"""The browser seat's week steps in a real browser (Chromium via Playwright, as tests/net/test_browser.py): the
reason a class requires in view, a draft not yet delivered, the odds of the team's own draft, a question first,
and the question before a step that cannot be taken back."""

from __future__ import annotations

from typing import Any

from game.engine import Action
from game.engine.view import PowerView
from game.net.host import NetworkHost
from tests.net import test_browser as real

WAIT_MS, expect, join, pytestmark = real.WAIT_MS, real.expect, real.join, real.pytestmark
browser, served, page_of = real.browser, real.served, real.page_of      # the fixtures of the seat in a browser


def test_when_the_class_requires_reasons_the_reason_box_shows_without_opening_the_fold(served, page_of) -> None:
    host, url = served
    page = page_of(url, 390, 844)
    join(page, host.keys.codes["britain"])
    card = page.locator("#actions li.card:not(.unavailable)").first
    expect(card.locator("textarea")).to_be_visible(timeout=WAIT_MS)     # no fold to open first
    card.locator("textarea").fill("Our reason, on the first try.")
    card.get_by_role("button").click()
    expect(page.locator("#actions-box .done")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("#refusal")).to_be_empty()
    with host.reading() as game:
        assert [a.why for a in game.record if a.kind == "act"] == ["Our reason, on the first try."]


def test_a_draft_that_has_not_reached_the_seat_yet_says_so_in_the_view_s_words(served, page_of) -> None:
    host, url = served
    offer = "anglo_french_alliance"
    page = page_of(url)
    join(page, host.keys.codes["britain"])
    with host.reading() as game:    # the USSR's draft at the start reaches Britain in a later week
        why = PowerView(game, "britain").offer(offer).refusal("accept")
    assert "not yet reached" in why, why
    article = page.locator("#treaties article", has_text="Awaiting answers from").first
    expect(article).to_contain_text(why, timeout=WAIT_MS)


def test_the_team_s_own_draft_shows_the_odds_of_its_starting_clauses_before_any_tick(served, page_of) -> None:
    host, url = served
    offer = "anglo_french_alliance"
    page = page_of(url)
    join(page, host.keys.codes["ussr"])
    page.click(f"[data-key='fold:draft:{offer}']")
    shown = page.locator(f"#draft-odds-{offer}")
    expect(shown).to_contain_text("How the others would likely answer your draft", timeout=WAIT_MS)
    with host.reading() as game:
        france = next(x for x in PowerView(game, "ussr").draft(offer, game.state.offers[offer].clauses).odds
                      if x.party == "france")
    low, high = (int(v * 100 + 0.5) for v in (france.low, france.high))
    expect(shown).to_contain_text(f"France: {f'{high}% chance' if low == high else f'{low}%–{high}% chance'}")


def desk_with_a_question(served: tuple[NetworkHost, str], page_of: Any) -> Any:
    """The USSR's desk on a phone in the week a question awaits it (Litvinov's fate)."""
    host, url = served
    page = page_of(url, 390, 844)
    join(page, host.keys.codes["ussr"])
    while True:
        with host.reading() as game:
            if game.pending_choices("ussr"):
                break
        for seat in ("ussr", "britain"):
            assert host.end_turn(seat)["ok"]
    expect(page.locator("#questions")).to_be_visible(timeout=WAIT_MS)
    return page


def test_with_a_question_pending_the_actions_say_it_comes_first_in_the_view_s_words(served, page_of) -> None:
    host, _url = served
    page = desk_with_a_question(served, page_of)
    with host.reading() as game:
        reasons = {a.reason for a in PowerView(game, "ussr").actions()}
    assert len(reasons) == 1
    expect(page.locator("#actions")).to_contain_text(reasons.pop(), timeout=WAIT_MS)


def test_a_step_that_cannot_be_taken_back_asks_first_and_the_answer_names_the_option(served, page_of) -> None:
    host, _url = served
    page = desk_with_a_question(served, page_of)
    with host.reading() as game:
        event = game.pending_choices("ussr")[0]
        view = PowerView(game, "ussr")
        final = next(c for c in event.choices if view.irreversible(Action("choose", "ussr", event.id, option=c.id)))
    page.locator("#questions textarea").fill("Our reason.")
    button = page.locator(f"[data-key='choose:{event.id}:{final.id}']")
    button.click()
    ask = page.locator("#questions .ask")
    expect(ask).to_contain_text("cannot be taken back", timeout=WAIT_MS)
    expect(ask.get_by_role("button", name="Back")).to_be_focused()
    page.keyboard.press("Enter")                     # Back: nothing is sent, the focus returns to the step
    expect(ask).to_have_count(0)
    expect(button).to_be_focused()
    with host.reading() as game:
        assert game.pending_choices("ussr")
    button.click()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")                     # Yes, take this step
    done = page.locator("#desk .done")
    expect(done).to_contain_text(final.text.rstrip("."), timeout=WAIT_MS)
    expect(done).to_be_focused()
    with host.reading() as game:
        assert [(a.target, a.option) for a in game.record if a.kind == "choose"] == [(event.id, final.id)]
