"""The seat in a real browser: the distribution's Chromium, driven by Playwright, against a host on 127.0.0.1.

Skipped when Playwright or Chromium is missing (CI installs Playwright from requirements-dev.txt but not a
browser). One browser serves the whole module; Playwright's waiting for an element is not a timing assertion:
each check waits for what the page must come to show, and fails if it never does."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.engine import Game, saves
from game.engine.classroom import ClassOptions
from game.engine.script import finish_weeks
from game.engine.signing import long_day
from game.engine.view import PowerView
from game.net.codes import SeatKeys
from game.net.host import NetworkHost
from game.net.server import start_in_thread

playwright_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright (requirements-dev.txt)")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="needs the distribution's Chromium (apt-get install chromium)")
expect = playwright_api.expect
WAIT_MS = 15_000      # how long the page may take to come to show something before the test fails


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@contextlib.contextmanager
def hosting(game: Game, save: Path) -> Iterator[tuple[NetworkHost, str]]:
    """A network host of the game, served on a free port of 127.0.0.1 while the block runs: it and its address."""
    host = NetworkHost(game, save)
    handle = start_in_thread(host, "127.0.0.1", 0)
    try:
        yield host, handle.url
    finally:
        handle.stop()


@pytest.fixture
def served(s1939, tmp_path) -> Iterator[tuple[NetworkHost, str]]:
    """A class game with two network seats (reasons required), served on a free port of 127.0.0.1."""
    game = Game.new(s1939, seed=11, humans=("ussr", "britain"), options=ClassOptions(require_reason=True))
    with hosting(game, tmp_path / "host.json") as served:
        yield served


@pytest.fixture
def page_of(browser) -> Iterator[Any]:
    """A new page in a context of its own (each seat keeps its token in its own tab's storage)."""
    contexts = []

    def open_page(url: str, width: int = 1280, height: int = 800) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.errors = errors
        page.goto(url)
        return page

    yield open_page
    for context in contexts:
        context.close()


def join(page: Any, code: str) -> None:
    page.fill("#code", code)
    page.click("#join button[type=submit]")
    expect(page.locator("#desk")).to_be_visible(timeout=WAIT_MS)


def first_open_action(page: Any) -> Any:
    return page.locator("#actions button:not([aria-disabled])").first


def take_first_open_action(page: Any, reason: str) -> None:
    """Open the first action that may be taken, write the team's reason beside it and take it."""
    card = page.locator("#actions li.card:not(.unavailable)").first
    card.locator("summary").click()
    card.locator("textarea").fill(reason)
    card.locator("button").click()


def test_two_seats_each_play_a_week_and_both_see_it_turn(served, page_of) -> None:
    host, url = served
    pages = {seat: page_of(url) for seat in ("ussr", "britain")}
    for seat, page in pages.items():
        join(page, host.keys.codes[seat])
        expect(page.locator("#when")).to_contain_text("Week 1 of", timeout=WAIT_MS)
    for seat, page in pages.items():
        take_first_open_action(page, f"The {seat} team's reason <b>in bold</b>?")
        expect(page.locator("#desk .done")).not_to_be_empty(timeout=WAIT_MS)
        expect(page.locator("#refusal")).to_be_empty()
        page.click("#end-turn")
        if page.locator("#confirm").is_visible():
            page.click("#confirm-yes")
        if seat == "ussr":
            expect(page.locator("#waiting")).to_contain_text("Waiting for: Britain", timeout=WAIT_MS)
    dates = host.view(None)["calendar"]["dates"]
    for page in pages.values():
        expect(page.locator("#when")).to_contain_text("Week 2 of", timeout=WAIT_MS)
        expect(page.locator("#notice")).to_contain_text("Week 2 of", timeout=WAIT_MS)
        expect(page.locator("#when")).to_contain_text(dates)      # one date for the week, in the heading
        expect(page.locator("#notice")).to_contain_text(dates)    # and in the notice of the new week
        assert not page.errors
    with host.reading() as game:
        reasons = {a.power: a.why for a in game.record if a.kind == "act"}
    assert reasons == {seat: f"The {seat} team's reason <b>in bold</b>?" for seat in pages}
    ussr = pages["ussr"]
    ussr.click("#inbox-earlier-summary")    # last week's telegrams are folded under this week's
    ussr.locator("#inbox-earlier").get_by_text("The ussr team's reason <b>in bold</b>?", exact=False).first.wait_for()
    assert ussr.locator(".telegrams b").count() == 0, "a reason is shown as text, never as HTML"


def test_an_action_without_the_reason_the_class_requires_shows_the_refusal(served, page_of) -> None:
    host, url = served
    page = page_of(url)
    join(page, host.keys.codes["britain"])
    first_open_action(page).click()
    expect(page.locator("#refusal")).to_contain_text("reason", timeout=WAIT_MS)
    expect(page.locator("#actions .beside")).to_contain_text("reason")   # and beside the button pressed
    expect(page.locator("#actions li.card:not(.unavailable) textarea").first).to_be_visible()   # its box opened
    with host.reading() as game:
        assert not [a for a in game.record if a.kind == "act"]


def test_the_keyboard_alone_joins_and_takes_an_action(served, page_of) -> None:
    host, url = served
    page = page_of(url)
    expect(page.locator("#code")).to_be_focused(timeout=WAIT_MS)
    page.keyboard.type(host.keys.codes["ussr"])
    page.keyboard.press("Enter")
    expect(page.locator("#desk")).to_be_visible(timeout=WAIT_MS)
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        reached.append(focused)
        if focused["fold"] == "closed" and focused["open_card"]:
            page.keyboard.press("Enter")      # the action's fold: what it does, and the box for the reason
        if focused["id"].startswith("why-act-"):
            page.keyboard.type("Typed at the keyboard.")
        if focused["text"] == "Take this action" and focused["disabled"] is None:
            page.keyboard.press("Enter")
            break
    else:
        pytest.fail(f"Tab never reached an action that may be taken: {reached}")
    expect(page.locator("#desk .done")).not_to_be_empty(timeout=WAIT_MS)
    with host.reading() as game:
        assert [a.why for a in game.record if a.kind == "act"] == ["Typed at the keyboard."]


FOCUSED = """() => {
  const e = document.activeElement;
  const details = e.tagName === 'SUMMARY' ? e.parentElement : null;
  return {id: e.id, key: e.getAttribute('data-key') || '', text: e.textContent, disabled: e.getAttribute('aria-disabled'),
          fold: details ? (details.open ? 'open' : 'closed') : '', open_card: !!e.closest('#actions li.card:not(.unavailable)')};
}"""


def desk_on_a_phone(served: tuple[NetworkHost, str], page_of: Any, seat: str) -> Any:
    """The seat's desk in a page the size of a phone (360 x 740), drawn."""
    host, url = served
    page = page_of(url, 360, 740)
    join(page, host.keys.codes[seat])
    expect(page.locator("#actions li").first).to_be_visible(timeout=WAIT_MS)
    return page


def test_tab_from_the_top_reaches_the_week_s_steps_before_end_my_turn_and_end_my_turn_last(served, page_of) -> None:
    page = desk_on_a_phone(served, page_of, "ussr")
    keys = []
    for _ in range(120):
        page.keyboard.press("Tab")
        keys.append(page.evaluate(FOCUSED)["key"] or page.evaluate(FOCUSED)["id"])
        if keys[-1] == "end-turn":
            break
    else:
        pytest.fail(f"Tab never reached End my turn: {keys}")
    first_action = next(i for i, k in enumerate(keys) if k.startswith(("act:", "fold:act:")))
    assert first_action < keys.index("end-turn")
    page.keyboard.press("Tab")
    after = page.evaluate("() => document.activeElement.closest('.telegrams, .column:last-child') !== null")
    assert after, "after End my turn come the telegrams and the reference, not another of the week's steps"


def test_ending_the_turn_with_points_left_asks_first(served, page_of) -> None:
    host, url = served
    page = page_of(url)
    join(page, host.keys.codes["ussr"])
    page.click("#end-turn")
    expect(page.locator("#confirm")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("#confirm-text")).to_contain_text("action point")
    page.click("#confirm-no")
    expect(page.locator("#confirm")).to_be_hidden(timeout=WAIT_MS)
    assert not host.finished("ussr")
    page.click("#end-turn")
    page.click("#confirm-yes")
    expect(page.locator("#waiting")).to_contain_text("Waiting for: Britain", timeout=WAIT_MS)
    assert host.finished("ussr")


def test_a_page_finds_its_seat_again_after_the_host_restarts_without_its_tokens(s1939, tmp_path, page_of) -> None:
    """The host is stopped and resumed from its save, knowing the codes but no device: the page reconnects by
    itself, is refused its old token, joins again with the code it kept, and finds its desk as it was."""
    game = Game.new(s1939, seed=11, humans=("ussr", "britain"))
    host = NetworkHost(game, tmp_path / "host.json")
    handle = start_in_thread(host, "127.0.0.1", 0)
    page = page_of(handle.url)
    join(page, host.keys.codes["britain"])
    take_first_open_action(page, "Before the host stopped.")
    expect(page.locator("#points")).to_contain_text("0 action points", timeout=WAIT_MS)
    handle.stop()
    expect(page.locator("#link")).to_contain_text("lost", timeout=WAIT_MS)
    saved, _notes = saves.load_game(tmp_path / "host.json", s1939)
    resumed = NetworkHost(saved, tmp_path / "host.json", SeatKeys(dict(host.keys.codes)))
    handle = start_in_thread(resumed, "127.0.0.1", handle.port)
    try:
        expect(page.locator("#link")).to_contain_text("Connected", timeout=WAIT_MS)
        expect(page.locator("#points")).to_contain_text("0 action points")
        page.click("#end-turn")
        expect(page.locator("#waiting")).to_contain_text("Waiting for: USSR", timeout=WAIT_MS)
        assert resumed.finished("britain")
    finally:
        handle.stop()


LABELS_AND_NAMES = """() => {
  const unlabelled = [...document.querySelectorAll('input, textarea, select, meter')]
    .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
    .map(e => e.id || e.outerHTML);
  const nameless = [...document.querySelectorAll('button, a[href]')]
    .filter(e => !e.textContent.trim() && !e.getAttribute('aria-label')).map(e => e.outerHTML);
  const names = [...document.querySelectorAll('#actions-box button')]
    .map(e => e.getAttribute('aria-label') || e.textContent.trim());
  const alike = names.filter((n, i) => names.indexOf(n) !== i);
  return {unlabelled, nameless, alike};
}"""


def test_the_desk_has_a_label_for_every_field_and_fits_a_phone_and_a_laptop(served, page_of) -> None:
    page = desk_on_a_phone(served, page_of, "britain")
    assert page.evaluate(LABELS_AND_NAMES) == {"unlabelled": [], "nameless": [], "alike": []}
    assert page.evaluate("() => document.body.scrollHeight") <= 12 * 740, "a week's desk is a few screens on a phone"
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, "nothing runs off the side"


def test_a_watcher_sees_the_public_view_and_no_desk(served, page_of) -> None:
    host, url = served
    page = page_of(url)
    page.click("#watch-button")
    expect(page.locator("#watch")).to_be_visible(timeout=WAIT_MS)
    expect(page.locator("#watch-when")).to_contain_text("Week 1 of", timeout=WAIT_MS)
    expect(page.locator("#watch-waiting")).to_contain_text("USSR", timeout=WAIT_MS)
    assert page.locator("#desk").is_hidden()
    host.act("ussr", {"kind": "end_turn"})
    host.act("britain", {"kind": "end_turn"})
    expect(page.locator("#watch-when")).to_contain_text("Week 2 of", timeout=WAIT_MS)


def test_a_code_given_in_the_address_leaves_the_address_bar_and_the_history_once_joined(served, page_of) -> None:
    host, url = served
    code = host.keys.codes["ussr"]
    page = page_of(f"{url}?code={code}")
    expect(page.locator("#code")).to_have_value(code, timeout=WAIT_MS)
    entries = page.evaluate("() => history.length")
    page.click("#join button[type=submit]")
    expect(page.locator("#desk")).to_be_visible(timeout=WAIT_MS)
    expect(page).to_have_url(url, timeout=WAIT_MS)
    assert page.evaluate("() => history.length") == entries, "the address with the code was replaced, not kept"
    page.go_back()
    assert code not in page.url


def test_a_seat_and_a_watcher_read_that_the_lesson_has_stopped(s1939, tmp_path, page_of) -> None:
    game = Game.new(s1939, seed=11, humans=("ussr", "britain"), options=ClassOptions(stop="litvinov_question"))
    with hosting(game, tmp_path / "host.json") as (host, url):
        page = page_of(url)
        join(page, host.keys.codes["ussr"])
        for _week in (1, 2):
            for seat in ("ussr", "britain"):
                assert host.end_turn(seat)["ok"]
        said = "The lesson stops here, at “The question of Litvinov (1–7 May)”, 3 May 1939"
        expect(page.locator("#lesson")).to_contain_text(said, timeout=WAIT_MS)
        expect(page.locator("#end-turn")).to_be_hidden()
        watcher = page_of(url)
        watcher.click("#watch-button")
        expect(watcher.locator("#watch-waiting")).to_contain_text(said, timeout=WAIT_MS)
        assert not page.errors and not watcher.errors


def test_a_team_s_own_draft_shows_its_odds_as_its_clauses_are_ticked(served, page_of) -> None:
    """The odds under the draft are the window's for the same draft (PowerView.draft, through POST /api/odds)."""
    host, url = served
    page = page_of(url)
    join(page, host.keys.codes["ussr"])
    offer = "anglo_french_alliance"
    page.click(f"[data-key='fold:draft:{offer}']")
    page.check(f"#clause-{offer}-senior_delegation")
    with host.reading() as game:
        table = list(game.state.offers[offer].clauses)
        order = [c.id for c in game.scenario.offer(offer).clauses]
        draft = sorted(set(table) | {"senior_delegation"}, key=order.index)
        odds = PowerView(game, "ussr").draft(offer, draft).odds
    shown = page.locator(f"#draft-odds-{offer}")
    assert {x.party for x in odds} == {"britain", "france"}
    for x in odds:
        if x.low is None:       # Britain is a team's seat: its team decides
            expect(shown).to_contain_text(f"{game.short(x.party)}: their team decides", timeout=WAIT_MS)
            continue
        low, high = (int(v * 100 + 0.5) for v in (x.low, x.high))
        words = f"{high}% chance" if low == high else f"{low}%–{high}% chance"
        expect(shown).to_contain_text(f"{game.short(x.party)}: {words} of accepting", timeout=WAIT_MS)


def test_an_ended_game_shows_its_ending_in_the_scenario_s_words_and_no_week_past_the_last(s1939, tmp_path,
                                                                                          page_of) -> None:
    game = Game.new(s1939, seed=11, humans=("ussr",))
    while not game.over:
        finish_weeks(game)
    outcome = s1939.outcome(game.state.outcome)
    with hosting(game, tmp_path / "host.json") as (host, url):
        page = page_of(url, 360, 740)
        join(page, host.keys.codes["ussr"])
        expect(page.locator("#ending-title")).to_have_text(outcome.title, timeout=WAIT_MS)
        expect(page.locator("#when")).to_have_text("The end · " + long_day(game.state.end_date))
        expect(page.locator("#ending-text")).to_contain_text(outcome.summary.split("\n")[0].strip()[:40])
        assert outcome.id not in page.locator("#desk").inner_text()
        expect(page.locator("#end-turn")).to_be_hidden()
        assert not page.errors


def test_after_an_action_on_a_phone_the_confirmation_is_beside_it_in_view_and_has_the_focus(served, page_of) -> None:
    host, url = served
    page = page_of(url, 390, 844)
    join(page, host.keys.codes["ussr"])
    card = page.locator("#actions li.card:not(.unavailable)").nth(2)
    card.locator("summary").click()
    card.locator("textarea").fill("A reason.")
    card.locator("button").click()
    done = page.locator("#actions-box .done")
    expect(done).to_be_focused(timeout=WAIT_MS)
    expect(done).not_to_be_empty()
    expect(done).to_be_in_viewport()
    assert done.get_attribute("role") == "status"
    assert page.evaluate("() => document.activeElement !== document.body")


def test_at_the_lesson_s_stop_the_desk_shows_no_week_s_steps_points_or_end_turn(s1939, tmp_path, page_of) -> None:
    game = Game.new(s1939, seed=11, humans=("ussr", "britain"),
                    options=ClassOptions(stop="litvinov_question", require_reason=True))
    with hosting(game, tmp_path / "host.json") as (host, url):
        page = page_of(url, 390, 844)
        join(page, host.keys.codes["ussr"])
        for _week in (1, 2):
            for seat in ("ussr", "britain"):
                assert host.end_turn(seat)["ok"]
        expect(page.locator("#lesson")).to_be_visible(timeout=WAIT_MS)
        for hidden in ("#actions-box", "#questions", "#end", "#points", "#toc-questions"):
            expect(page.locator(hidden)).to_be_hidden()
        assert page.locator(".toc-week:visible").count() == 0, "no link to a hidden part of the desk"
        assert page.locator("#desk button:visible, #desk textarea:visible, #desk input:visible").count() == 0
        for shown in ("#inbox", "#briefing-title", "#sources-title", "#treaties"):
            expect(page.locator(shown)).to_be_visible()
        assert not page.errors
