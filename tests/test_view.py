"""The engine's view of one power: plain data, what that power may see, and the engine's own rules."""

from __future__ import annotations

import ast
import json

import pytest
import yaml

from game.engine import Action, Game, debrief
from game.engine.view import PowerView
from game.scenario import load_scenario
from tests.conftest import MINI, ROOT

UI = ROOT / "game" / "ui"


@pytest.fixture(scope="module")
def s1939():
    return load_scenario(ROOT / "scenarios" / "1939.yaml")


def played(sc, weeks: int = 3) -> Game:
    game = Game.new(sc, seed=7, humans=(sc.player,))
    for _ in range(weeks):
        for q in game.pending_choices(sc.player):
            game.submit(Action("choose", sc.player, q.id, option=q.default_choice().id))
        game.submit(Action("end_turn", sc.player))
    return game


def test_the_snapshot_is_json(s1939):
    view = PowerView(played(s1939), s1939.player)
    data = json.loads(json.dumps(view.snapshot()))
    assert data["power"] == s1939.player
    assert data["week"]["turn"] == 4
    assert {o["id"] for o in data["offers"]} == {o.id for o in s1939.offers if s1939.player in o.parties}


@pytest.mark.parametrize("power", ["ussr", "poland"])
def test_the_view_keeps_other_powers_secrets(s1939, power):
    """No hidden gauge, no other power's secret aims, no treaty the power is no party to."""
    view = PowerView(played(s1939), power)
    text = json.dumps(view.snapshot())
    hidden = [m for m in s1939.meters if m.hidden]
    assert hidden, "the scenario has hidden gauges to keep"
    assert all(m.id not in {g.id for g in view.gauges()} for m in hidden)
    assert all(m.id not in row for m in hidden for row in view.history())
    for p in s1939.powers:
        if p.id != power:
            assert all(aim not in text for aim in p.secret_objectives)
    others = [o for o in s1939.offers if power not in o.parties]
    assert others or power == "ussr", "Poland is no party to some treaty"
    assert all(o.id not in {x.id for x in view.offers()} for o in others)
    for offer in others:
        with pytest.raises(KeyError):
            view.offer(offer.id)


def test_the_view_shows_the_powers_own_secret_aims(s1939):
    view = PowerView(Game.new(s1939, seed=1, humans=(s1939.player,)), s1939.player)
    assert view.briefing().secret_objectives == s1939.power(s1939.player).secret_objectives


def test_toggling_a_clause_gives_the_draft_the_engine_accepts(s1939):
    game = Game.new(s1939, seed=1, humans=(s1939.player,))
    game.st.offers["german_pact"].status = "open"
    game.st.flags.add("spheres_discussed")
    view = PowerView(game, s1939.player)
    draft = view.toggle("german_pact", view.offer("german_pact").clauses, "sphere_baltic")
    assert {"sphere_baltic", "secret_protocol", "sphere_poland"} <= set(draft)
    assert view.draft("german_pact", draft).refusal == ""
    assert view.toggle("german_pact", draft, "secret_protocol") == view.offer("german_pact").clauses


def test_a_draft_differs_from_the_table_by_its_clauses_not_their_order(s1939):
    game = Game.new(s1939, seed=1, humans=(s1939.player,))
    game.st.offers["german_pact"].status = "open"
    game.st.flags.add("spheres_discussed")
    view = PowerView(game, s1939.player)
    table = view.offer("german_pact").clauses
    assert not view.draft("german_pact", tuple(reversed(table))).differs
    assert view.draft("german_pact", view.toggle("german_pact", table, "sphere_baltic")).differs


def test_a_clause_that_cannot_be_raised_is_not_added(s1939):
    game = Game.new(s1939, seed=1, humans=(s1939.player,))
    game.st.offers["german_pact"].status = "open"
    view = PowerView(game, s1939.player)
    table = view.offer("german_pact").clauses
    assert view.toggle("german_pact", table, "sphere_baltic") == table
    why = {c.id: c.refusal for c in view.clauses("german_pact")}
    assert why["sphere_baltic"] and not why["non_aggression"]


def test_actions_say_why_not(s1939):
    view = PowerView(Game.new(s1939, seed=1, humans=(s1939.player,)), s1939.player)
    acts = view.actions()
    assert any(a.available for a in acts) and any(not a.available for a in acts)
    assert all(bool(a.reason) != a.available for a in acts)
    legal = {a.target for a in view.legal_actions() if a.kind == "act"}
    assert legal == {a.id for a in acts if a.available}


def test_a_view_checks_only_its_own_powers_actions(s1939):
    view = PowerView(Game.new(s1939, seed=1, humans=(s1939.player,)), s1939.player)
    assert not view.check(Action("end_turn", "germany")).ok
    assert view.check(Action("end_turn", s1939.player)).ok


def _reads_game_state(tree: ast.AST) -> list[int]:
    """Lines that read `<...>game.state` / `game.st`, or import GameState."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("state", "st"):
            base = node.value
            name = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else ""
            if name == "game":
                found.append(node.lineno)
        elif "GameState" in _names(node):
            found.append(node.lineno)
    return found


def _names(node: ast.AST) -> set[str]:
    """The names an import brings in, or the name a Name node reads."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {a.name for a in node.names}
    return {node.id} if isinstance(node, ast.Name) else set()


def test_the_ui_reads_the_game_only_through_the_view():
    offending = {str(p.relative_to(ROOT)): lines for p in sorted(UI.rglob("*.py"))
                 if (lines := _reads_game_state(ast.parse(p.read_text(encoding="utf-8"))))}
    assert offending == {}


def test_the_state_check_finds_a_reader():
    assert _reads_game_state(ast.parse("x = session.game.state.turn\nfrom game.engine import GameState"))


def test_offer_statuses_are_the_formats_words(s1939):
    from game.scenario.vocabulary import OFFER_STATUSES, OfferStatus

    assert OFFER_STATUSES == ("closed", "open", "proposed", "signed") == tuple(OfferStatus)
    view = PowerView(Game.new(s1939, seed=1, humans=(s1939.player,)), s1939.player)
    assert all(isinstance(o.status, OfferStatus) for o in view.offers())


def _gauged(tmp_path, meters: list[dict]) -> Game:
    data = yaml.safe_load(MINI.read_text(encoding="utf-8"))
    data["meters"] += meters
    path = tmp_path / "gauged.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return Game.new(load_scenario(path), seed=1)


def _gauge(game: Game, power: str, meter: str):
    return next(g for g in PowerView(game, power).gauges() if g.id == meter)


def test_a_gauge_is_good_one_way_only_for_the_power_whose_interest_it_measures(tmp_path):
    game = _gauged(tmp_path, [{"id": "sphere", "name": "Red sphere", "start": 0, "power": "red",
                               "interest": "the Red state"}])
    mine, theirs = _gauge(game, "red", "sphere"), _gauge(game, "blue", "sphere")
    assert (mine.good_when, mine.better) == ("higher", "higher is better for the Red state")
    assert (theirs.good_when, theirs.better) == ("none", "measures the interest of the Red state")


def test_a_world_gauge_is_good_the_same_way_for_every_viewer_unless_the_scenario_says(tmp_path):
    game = _gauged(tmp_path, [{"id": "war", "name": "War danger", "start": 10, "good": "low",
                               "good_for": {"grey": "high"}}])
    assert [_gauge(game, p, "war").good_when for p in ("red", "blue", "grey")] == ["lower", "lower", "higher"]


def test_a_gauge_is_shown_only_to_the_powers_the_scenario_names(tmp_path):
    game = _gauged(tmp_path, [{"id": "plan", "name": "Red plan", "start": 0, "power": "red", "shown_to": ["red"]}])
    assert "plan" in [g.id for g in PowerView(game, "red").gauges()]
    assert "plan" not in [g.id for g in PowerView(game, "blue").gauges()]
    assert all("plan" not in row for row in PowerView(game, "blue").history())
    assert "plan" not in [s["id"] for s in debrief(game, "blue")["scores"]]


def test_replace_litvinov_says_why_from_the_part_that_fails_now(s1939):
    """Before 3 May the question is not asked yet; once Litvinov is dismissed in it, the reason says so for good."""
    game = Game.new(s1939, seed=1, humans=(s1939.player,))
    view = PowerView(game, s1939.player)

    def reason() -> str:
        return {a.id: a.reason for a in view.actions()}["replace_litvinov"]

    assert "3 May" in reason()
    for _ in range(30):
        if any(e.id == "litvinov_question" for e in game.pending_choices(s1939.player)):
            break
        for e in game.pending_choices(s1939.player):
            game.submit(Action("choose", s1939.player, e.id, option=e.default_choice().id))
        game.submit(Action("end_turn", s1939.player))
    assert game.submit(Action("choose", s1939.player, "litvinov_question", option="dismiss")).ok
    for _ in range(3):
        for e in game.pending_choices(s1939.player):
            game.submit(Action("choose", s1939.player, e.id, option=e.default_choice().id))
        assert "no longer in office" in reason() and "still in office" not in reason()
        game.submit(Action("end_turn", s1939.player))


def test_the_weeks_are_numbered_as_they_are_played(s1939, mini):
    """1939's calendar runs into a 20th week, but 1 September ends the game as it begins: the player's last desk
    is 'week 19 of 19', never 'week 19 of 20'."""
    game = Game.new(s1939, seed=1, humans=(s1939.player,))
    view = PowerView(game, s1939.player)
    desks = []
    while not game.over:
        for e in game.pending_choices(s1939.player):
            game.submit(Action("choose", s1939.player, e.id, option=e.default_choice().id))
        if not game.over:
            desks.append((view.week().turn, view.week().last_turn))
            game.submit(Action("end_turn", s1939.player))
    assert desks[-1] == (19, 19) and {n for _t, n in desks} == {19}
    assert game.state.outcome == "isolation" and game.state.end_date == "1939-09-01"
    assert PowerView(Game.new(mini, seed=1), "red").week().last_turn == mini.calendar.last_turn


def test_the_teachers_console_numbers_the_weeks_as_the_desk(s1939):
    from game.engine.facilitator import ConsoleView

    game = Game.new(s1939, seed=1, humans=(s1939.player,))
    assert ConsoleView(game).week() == (1, PowerView(game, s1939.player).week().last_turn) == (1, 19)


def test_map_marks_show_while_their_condition_holds_and_only_to_whom_they_may():
    """The Khalkhin Gol front appears once the fighting has begun (11 May), not before; the Red Army's
    preparations are shown to the USSR only."""
    sc = load_scenario(ROOT / "scenarios" / "1939.yaml")
    game = Game.new(sc, seed=7, policies={p.id: "passive" for p in sc.powers})
    ussr = PowerView(game, "ussr")
    assert "khalkhin_gol_front" not in {m.id for m in ussr.map_marks()}
    assert {"guarantee_poland", "guarantee_romania"} <= {m.id for m in ussr.map_marks()}
    while "khalkhin_gol_begins" not in game.state.fired and not game.over:
        game.submit(Action("end_turn", "ussr"))
    marks = {m.id: m for m in ussr.map_marks()}
    assert marks["khalkhin_gol_front"].at == "khalkhin_gol" and marks["khalkhin_gol_front"].kind == "front"
    game.state.meters["red_army_readiness"] = 80
    assert "soviet_readiness" in {m.id for m in PowerView(game, "ussr").map_marks()}
    assert "soviet_readiness" not in {m.id for m in PowerView(game, "germany").map_marks()}


def choose_until(game: Game, event_id: str, option: str) -> None:
    """End weeks (default answers) until the question event_id is asked, then answer it with option."""
    for _ in range(30):
        waiting = game.pending_choices("ussr")
        mine = [e for e in waiting if e.id == event_id]
        if mine:
            assert game.submit(Action("choose", "ussr", event_id, option=option)).ok
            return
        for e in waiting:
            game.submit(Action("choose", "ussr", e.id, option=e.default_choice().id))
        game.submit(Action("end_turn", "ussr"))
    raise AssertionError(f"{event_id} was never asked")


def test_an_action_an_event_decided_is_settled(s1939):
    """Litvinov dismissed in the question: replacing him can never be done again, and the view says so."""
    game = Game.new(s1939, seed=3, humans=["ussr"])
    choose_until(game, "litvinov_question", "dismiss")
    act = {a.id: a for a in PowerView(game, "ussr").actions()}
    assert act["replace_litvinov"].settled == "Litvinov is no longer in office: Molotov already heads the " \
                                              "Commissariat."   # its rule's words, whatever else is wanting
    assert not act["replace_litvinov"].available
    assert not act["deepen_german_contacts"].settled   # not possible now, but it may be later


def test_a_once_action_taken_in_an_earlier_week_is_settled(s1939):
    game = Game.new(s1939, seed=3, humans=["ussr"])
    choose_until(game, "litvinov_question", "keep")
    assert game.submit(Action("act", "ussr", "replace_litvinov")).ok
    assert {a.id: a for a in PowerView(game, "ussr").actions()}["replace_litvinov"].done_this_week
    game.submit(Action("end_turn", "ussr"))
    week = game.state.taken["replace_litvinov"]
    assert {a.id: a for a in PowerView(game, "ussr").actions()}["replace_litvinov"].settled == f"Done in week {week}."
