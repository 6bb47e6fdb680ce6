"""Offer observers: powers that read an offer's drafts, answers and news without being parties."""

from __future__ import annotations

import json

import pytest

from game.engine import Action, Game
from game.engine.view import PowerView
from game.scenario import check_scenario, load_scenario
from tests.conftest import MINI

# grey watches the Red-Blue alliance; blue watches the Red-Grey pact, whose protocol is secret
WATCHED = """extends: mini.yaml
offers:
  - {id: alliance, observers: [grey]}
  - {id: pact, observers: [blue], open: true}
"""


@pytest.fixture
def watched(tmp_path):
    (tmp_path / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "watched.yaml").write_text(WATCHED, encoding="utf-8")
    return load_scenario(tmp_path / "watched.yaml")


def test_an_observer_reads_the_drafts_and_answers_of_the_talks_it_watches(watched):
    game = Game.new(watched, seed=1, humans=("red", "blue"))
    assert game.submit(Action("propose", "blue", "alliance", ("assistance", "passage"))).ok
    assert game.submit(Action("reject", "red", "alliance")).ok
    seen = [(e.kind, e.ref) for e in PowerView(game, "grey").inbox()]
    assert ("propose", "alliance") in seen and ("reject", "alliance") in seen


def test_an_observer_cannot_propose_or_answer(watched):
    game = Game.new(watched, seed=1, humans=("red", "grey"))
    assert game.submit(Action("propose", "red", "alliance", ("assistance",))).ok
    for action in (Action("propose", "grey", "alliance", ("assistance",)), Action("accept", "grey", "alliance")):
        result = game.check(action)
        assert not result.ok and "watches the talks" in result.reason
    assert all(a.target != "alliance" for a in game.legal_actions("grey"))


def test_the_view_shows_watched_talks_apart_from_the_powers_own(watched):
    game = Game.new(watched, seed=1, humans=("red",))
    game.submit(Action("propose", "red", "alliance", ("assistance", "passage")))
    view = PowerView(game, "grey")
    assert [o.id for o in view.offers()] == ["pact"] and not view.offer("pact").watching
    [alliance] = view.watched()
    assert alliance.id == "alliance" and alliance.watching and not alliance.awaits_me
    assert alliance.clauses == ("assistance", "passage")
    assert all(why for _kind, why in alliance.answers)
    snapshot = json.loads(json.dumps(view.snapshot()))
    assert [o["id"] for o in snapshot["watched"]] == ["alliance"] and "alliance" in snapshot["clauses"]
    with pytest.raises(KeyError):
        view.draft("alliance", ("assistance",))


def test_an_observer_never_reads_a_secret_clause(watched):
    game = Game.new(watched, seed=1, humans=("red", "blue"))
    game.submit(Action("act", "red", "open_talks"))
    assert game.submit(Action("propose", "red", "pact", ("non_aggression", "protocol"))).ok
    blue = PowerView(game, "blue")
    drafts = [e for e in blue.inbox() if e.kind == "propose" and e.ref == "pact"]
    assert [e.clauses for e in drafts] == [("non_aggression",)] and "Secret protocol" not in drafts[0].text
    assert blue.offer("pact").clauses == ("non_aggression",)
    assert "protocol" not in {c.id for c in blue.clauses("pact")}
    red = [e for e in PowerView(game, "red").inbox() if e.kind == "propose" and e.ref == "pact"]
    assert [e.clauses for e in red] == [("non_aggression", "protocol")]


def test_without_observers_a_power_no_party_to_the_talks_reads_nothing_of_them():
    game = Game.new(load_scenario(MINI), seed=1, humans=("red",))
    assert game.submit(Action("propose", "red", "alliance", ("assistance",))).ok
    assert all(e.ref != "alliance" for e in PowerView(game, "grey").inbox())
    assert PowerView(game, "grey").watched() == []


@pytest.mark.parametrize("observers, words", [
    ("[red]", "'red' is a party to 'alliance'; an observer is not a party"),
    ("[grey, grey]", "an observer is listed twice"),
    ("[gray]", "unknown power 'gray' (did you mean 'grey'?)"),
])
def test_observers_are_checked(tmp_path, observers, words):
    (tmp_path / "mini.yaml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "bad.yaml"
    path.write_text(f"extends: mini.yaml\noffers:\n  - {{id: alliance, observers: {observers}}}\n", encoding="utf-8")
    found = [str(d) for d in check_scenario(path)[1].errors]
    assert len(found) == 1 and found[0].startswith(f"{path}:3:") and words in found[0]
