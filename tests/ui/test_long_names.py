"""Names at their length limit in the window: every header cuts them with "…" and shows them whole in a tooltip;
the map's labels keep to a third of the map (the hostile texts of tests/ui/test_hostile_files.py, at length)."""

from __future__ import annotations

import pygame
import pytest

# The limits of the format for each kind of name.
LIMITS = {"name": 100, "title": 200, "short": 40}
WORDS = ["Ribbentrop", "Schulenburg", "Molotov", "plenipotentiary", "W" * 30]


def at_limit(n: int, seed: int) -> str:
    """n characters of words (one of them thirty Ws wide), different for each seed."""
    text = ""
    while len(text) < n:
        text += WORDS[seed % len(WORDS)] + " "
        seed += 1
    return text[:n - 1] + "X"


def long_names(source: str) -> str:
    """The scenario with every name, short name and title (block or flow style) at its length limit."""
    import re

    count = iter(range(10**6))

    def block(m):
        return f'{m.group(1)}{m.group(2)}: "{at_limit(LIMITS[m.group(2)], next(count))}"'

    source = re.sub(r"^(\s*(?:- )?)(name|title|short): (?![|>]).*$", block, source, flags=re.M)
    return re.sub(r"(\{|, )(name|title|short): (?![\"'])[^,}\n]+", block, source)


@pytest.fixture(scope="module")
def long_1939(tmp_path_factory):
    from game.paths import DEFAULT_SCENARIO
    from game.scenario import load_scenario

    path = tmp_path_factory.mktemp("long") / "long.yaml"
    path.write_text(long_names(DEFAULT_SCENARIO.read_text(encoding="utf-8")), encoding="utf-8")
    load_scenario(path)   # valid: every name is within its limit
    return path


@pytest.fixture
def long_game(app, long_1939):
    from game.ui.session import Session

    session = Session.new(long_1939, seed=7)
    app.session = session
    app.stack = []
    app.open("desk")
    return app


def captions(screen):
    from game.ui.widgets.caption import Caption

    screen.ensure_layout()
    return {w.wid: w for w in screen.widgets if isinstance(w, Caption)}


def assert_cut(caption, whole: str, room: pygame.Rect, app) -> None:
    from game.ui.widgets.text import font_of

    assert caption.text.endswith("…") and caption.tooltip == whole and caption.focusable
    assert room.contains(caption.rect)
    assert font_of(app.theme, caption.style).size(caption.text)[0] <= caption.rect.w
    app.draw(pygame.Surface(app.size))


def test_the_negotiation_header_cuts_long_names(long_game):
    app = long_game
    sc = app.session.scenario
    offer = next(o for o in sc.offers if app.session.power in o.parties)
    screen = app.open("negotiation", offer_id=offer.id)
    found = captions(screen)
    assert_cut(found["offer-name"], offer.name, screen.head, app)
    assert_cut(found["offer-parties"], "Parties: " + " · ".join(sc.power(q).name for q in offer.parties),
               screen.head, app)
    screen.hover = screen.widgets.index(found["offer-name"])
    assert screen.current_tooltip()[0] == offer.name


def test_a_telegram_shows_a_long_title_whole_at_the_head_of_its_text(long_game):
    """The header says TELEGRAM (and its date), uncut; the question's title, however long, is the telegram's
    first lines, wrapped within the sheet (nothing of it cut)."""
    from game.ui.widgets.core import ScrollText
    from game.ui.widgets.text import font_of

    app = long_game
    event = next(e for e in app.session.scenario.events if e.choices)
    screen = app.open("event", event=event)
    header = captions(screen)["dialog-title"]
    assert not header.tooltip and screen.rect.contains(header.rect)
    telegram = next(w for w in screen.widgets if isinstance(w, ScrollText))
    heading = [line for line in telegram.lines if line.style == "type_head"]
    assert " ".join(line.text for line in heading).split() == event.title.upper().split()
    assert all(line.x + font_of(app.theme, line.style).size(line.text)[0] <= telegram.rect.w for line in heading)
    app.draw(pygame.Surface(app.size))


def test_the_ending_cuts_a_long_outcome_title(long_game, long_1939):
    from game.ui.screenshots import _ended

    app = long_game
    app.session = _ended(long_1939)
    app.stack = []
    screen = app.open("ending")
    assert_cut(captions(screen)["outcome-title"], screen.data["title"], screen.left, app)


def test_an_archive_tab_cuts_a_long_perspective_name(long_game):
    app = long_game
    screen = app.open("archive")
    screen.ensure_layout()
    w = app.size[0]
    for p in app.session.scenario.perspectives:
        tab = next(t for t in screen.widgets if t.wid == f"filter:{p.id}")
        assert tab.rect.right <= w and tab.rect.w <= w // 3
        assert tab.face(app.theme).text.endswith("…") and tab.tooltip.startswith(p.name + ". ")
    app.draw(pygame.Surface(app.size))


def test_map_labels_keep_to_a_third_of_the_map(long_game):
    from game.ui.map_view import MapView
    from game.ui.widgets.text import font_of

    app = long_game
    screen = app.open("map")
    screen.ensure_layout()
    view = next(w for w in screen.widgets if isinstance(w, MapView))
    app.draw(pygame.Surface(app.size))
    widest = (view.rect.w - 4) // 3
    labels = [(lab.lines, lab.box, lab.style) for lab in view.label_boxes if lab.kind == "territory" and lab.shown]
    assert labels
    for lines, box, style in labels:
        assert all(font_of(app.theme, style).size(line)[0] <= widest for line in lines), lines
        assert box.w <= widest + 4
    legend = [view.legend_name(app.theme, q) for q in app.session.scenario.powers]
    assert all(font_of(app.theme, "small").size(name)[0] <= view.rect.w // 3 for name in legend)
    assert any(name.endswith("…") for name in legend)
