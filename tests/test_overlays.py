"""Overlays: `extends:` and `remove:` in scenario files (game/scenario/overlay.py), one test per rule."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

from game.engine import Action, Game
from game.engine.saves import load_game, save_game
from game.scenario import check_scenario, load_scenario
from tests.conftest import MINI, ROOT

MINI_TEXT = MINI.read_text(encoding="utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def overlay(tmp_path: Path, text: str, base: str = MINI_TEXT) -> Path:
    """mini.yaml as base.yaml, and an overlay of it holding `text`."""
    write(tmp_path, "base.yaml", base)
    return write(tmp_path, "variant.yaml", "extends: base.yaml\n" + text)


def errors(path: Path) -> list[str]:
    return [str(d) for d in check_scenario(path)[1].errors]


def line_of(path: Path, words: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if words in line)


# ------------------------------------------------------------------------------------------------ merging
def test_top_level_values_the_overlay_gives_replace_the_base(tmp_path):
    sc = load_scenario(overlay(tmp_path, "title: A variant\n"))
    assert (sc.title, sc.summary) == ("A variant", "Two suitors and a deadline.")


def test_an_item_with_an_inherited_id_is_merged_field_by_field(tmp_path):
    sc = load_scenario(overlay(tmp_path, "meters:\n  - {id: security, start: 35}\n"))
    meter = sc.meter("security")
    assert (meter.start, meter.name, meter.drift, meter.power) == (35, "Security", -1, "red")
    assert [m.id for m in sc.meters] == ["security", "urgency"]


def test_mappings_are_merged_recursively(tmp_path):
    sc = load_scenario(overlay(tmp_path, "calendar: {end: 1939-06-26}\n"
                                         "offers:\n  - {id: alliance, ai: {blue: {threshold: 4}}}\n"))
    assert (str(sc.calendar.start), str(sc.calendar.end), sc.calendar.turn_days) == ("1939-04-17", "1939-06-26", 7)
    party = sc.offer("alliance").ai["blue"]
    assert (party.threshold, party.trust_weight) == (4, 0.5)


def test_lists_inside_items_are_replaced_not_merged(tmp_path):
    text = ("offers:\n  - id: alliance\n    clauses:\n"
            "      - {id: assistance, name: Assistance, required: true, default: true, values: {red: 1}}\n")
    sc = load_scenario(overlay(tmp_path, text))
    assert [c.id for c in sc.offer("alliance").clauses] == ["assistance"]
    assert sc.offer("alliance").clause("assistance").values == {"red": 1}


def test_a_condition_is_replaced_whole_not_merged(tmp_path):
    sc = load_scenario(overlay(tmp_path, "outcomes:\n  - {id: pact_signed, when: {all: [{treaty: pact}, "
                                         "{flag: talks}]}}\n"))
    when = sc.outcome("pact_signed").when
    assert when.kind == "all" and [s.kind for s in when.arg] == ["treaty", "flag"]


def test_an_item_with_a_new_id_is_appended(tmp_path):
    sc = load_scenario(overlay(tmp_path, "events:\n  - {id: news, title: News, date: 1939-05-01, text: Word.}\n"))
    assert [e.id for e in sc.events] == ["opening", "offer_from_grey", "leak", "news"]


def test_the_same_inherited_id_twice_in_an_overlay_is_a_duplicate(tmp_path):
    path = overlay(tmp_path, "meters:\n  - {id: security, start: 30}\n  - {id: security, start: 40}\n")
    assert f"{path}:4:10: error: duplicate meter id 'security' (first at line 3)" in errors(path)


# ------------------------------------------------------------------------------------------------ remove
def test_remove_deletes_inherited_items_by_id(tmp_path):
    sc = load_scenario(overlay(tmp_path, "remove: {events: [leak], policies: [eager]}\n"))
    assert [e.id for e in sc.events] == ["opening", "offer_from_grey"] and sc.policies == ()


def test_removing_an_unknown_id_is_a_located_error_with_a_suggestion(tmp_path):
    path = overlay(tmp_path, "remove:\n  events: [opening, leek]\n")
    assert errors(path) == [f"{path}:3:21: error: cannot remove 'leek': the base has no such item in events "
                            "(did you mean 'leak'?)"]


def test_removing_from_a_section_without_ids_is_a_located_error(tmp_path):
    path = overlay(tmp_path, "remove:\n  evnts: [leak]\n")
    [found] = errors(path)
    assert found.startswith(f"{path}:3:3: error: cannot remove from 'evnts'") and "did you mean 'events'?" in found


def test_remove_without_extends_is_an_error(tmp_path):
    path = write(tmp_path, "alone.yaml", MINI_TEXT + "remove: {events: [leak]}\n")
    [found] = errors(path)
    assert found.startswith(f"{path}:{line_of(path, 'remove:')}:1: error: 'remove' deletes inherited items")


def test_a_reference_to_a_removed_item_is_an_error_where_the_base_refers_to_it(tmp_path):
    path = overlay(tmp_path, "remove: {sources: [card_two]}\n")
    base = tmp_path / "base.yaml"
    found = errors(path)
    assert found and all(f.startswith(f"{base}:") and "unknown source 'card_two'" in f for f in found)
    assert f"{base}:{line_of(base, 'sources: [card_two]')}:" in found[0]


# ------------------------------------------------------------------------------------------ locations
def test_an_error_in_the_base_is_located_in_the_base(tmp_path):
    path = overlay(tmp_path, "title: A variant\n", base=MINI_TEXT.replace("reply_weeks: 1", "reply_weeks: 99"))
    base = tmp_path / "base.yaml"
    assert errors(path) == [f"{base}:{line_of(base, 'reply_weeks: 99')}:18: error: "
                            "'reply_weeks' of power 'blue': 99 is out of range (0..52)"]


def test_an_error_in_the_overlay_is_located_in_the_overlay(tmp_path):
    path = overlay(tmp_path, "meters:\n  - {id: security, start: 250}\n")
    assert errors(path) == [f"{path}:3:27: error: start 250 lies outside 0..100"]


def test_a_missing_base_is_a_located_error(tmp_path):
    path = write(tmp_path, "variant.yaml", "title: x\nextends: nothere.yaml\n")
    assert errors(path) == [f"{path}:2:10: error: the base {tmp_path / 'nothere.yaml'} does not exist"]


def test_a_cycle_of_bases_is_a_located_error(tmp_path):
    write(tmp_path, "a.yaml", "extends: b.yaml\n")
    write(tmp_path, "b.yaml", "title: B\nextends: a.yaml\n")
    [found] = errors(tmp_path / "a.yaml")
    assert found.startswith(f"{tmp_path / 'b.yaml'}:2:10: error: 'extends' makes a cycle: ")
    assert found.endswith(f"{tmp_path / 'a.yaml'} -> {tmp_path / 'b.yaml'} -> {tmp_path / 'a.yaml'}")


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs")
def test_a_base_that_is_not_a_regular_file_is_refused(tmp_path):
    os.mkfifo(tmp_path / "base.yaml")
    path = write(tmp_path, "variant.yaml", "extends: base.yaml\n")
    [found] = errors(path)
    assert found.startswith(f"{path}:1:10: error: cannot read the base") and "not a regular file" in found


def test_a_base_outside_the_scenarios_folder_is_fine(tmp_path):
    write(tmp_path, "shared/base.yaml", MINI_TEXT)
    path = write(tmp_path, "mods/variant.yaml", "extends: ../shared/base.yaml\ntitle: Elsewhere\n")
    sc = load_scenario(path)
    assert sc.title == "Elsewhere" and sc.bases == (str(tmp_path / "shared" / "base.yaml"),)


# ---------------------------------------------------------------------------------------------- the chain
def test_a_chain_of_overlays_applies_each_in_turn(tmp_path):
    overlay(tmp_path, "title: Middle\nmeters:\n  - {id: security, start: 30}\n")
    path = write(tmp_path, "top.yaml", "extends: variant.yaml\nmeters:\n  - {id: security, drift: 2}\n")
    sc = load_scenario(path)
    assert (sc.title, sc.meter("security").start, sc.meter("security").drift) == ("Middle", 30, 2)
    assert sc.bases == (str(tmp_path / "variant.yaml"), str(tmp_path / "base.yaml"))


def test_check_names_the_chain(tmp_path, capsys):
    from main import main

    overlay(tmp_path, "title: Middle\n")
    path = write(tmp_path, "top.yaml", "extends: variant.yaml\n")
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"{path}: ok (extends variant.yaml, which extends base.yaml; ")
    assert main(["check", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["extends"] == [str(tmp_path / "variant.yaml"),
                                                                 str(tmp_path / "base.yaml")]


def test_check_json_names_the_base_an_error_was_found_in(tmp_path, capsys):
    from main import main

    path = overlay(tmp_path, "title: x\n", base=MINI_TEXT.replace("reply_weeks: 1", "reply_weeks: 99"))
    assert main(["check", "--json", str(path)]) == 1
    [error] = json.loads(capsys.readouterr().out)[0]["errors"]
    assert error["path"] == str(tmp_path / "base.yaml") and error["message"] == "'reply_weeks' of power 'blue': 99 is out of range (0..52)"


def test_the_hash_of_a_file_that_extends_nothing_is_that_of_its_bytes():
    assert load_scenario(MINI).sha256 == hashlib.sha256(MINI.read_bytes()).hexdigest()


def test_the_hash_covers_every_file_of_the_chain(tmp_path):
    path = overlay(tmp_path, "title: A variant\n")
    before = load_scenario(path).sha256
    write(tmp_path, "base.yaml", MINI_TEXT.replace("Two suitors", "Three suitors"))
    assert load_scenario(path).sha256 != before


def test_a_save_notices_that_the_base_changed(tmp_path):
    path = overlay(tmp_path, "title: A variant\n")
    game = Game.new(load_scenario(path), seed=5, humans=["red"])
    game.submit(Action("act", "red", "speech"))
    save_game(game, tmp_path / "save.json")
    write(tmp_path, "base.yaml", MINI_TEXT.replace("Two suitors", "Three suitors"))
    _game, notes = load_game(tmp_path / "save.json", load_scenario(path))
    assert any("scenario has changed" in n for n in notes)


def test_the_json_schema_accepts_an_overlay_and_refuses_remove_without_extends():
    jsonschema = pytest.importorskip("jsonschema")
    from game.scenario.schema import json_schema

    schema = json_schema()
    jsonschema.validate({"extends": "1939.yaml", "remove": {"events": ["a"]},
                         "events": [{"id": "munich", "title": "Munich"}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "remove": {"events": ["a"]}}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"extends": "1939.yaml", "remove": {"evnts": ["a"]}}, schema)


def test_the_overlay_example_in_the_modding_guide_checks_clean(tmp_path):
    guide = (ROOT / "docs" / "MODDING.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Overlays"):guide.index("## Top level")]
    example = section[section.index("```yaml\n") + 8:]
    write(tmp_path, "1939.yaml", (ROOT / "scenarios" / "1939.yaml").read_text(encoding="utf-8"))
    scenario, report = check_scenario(write(tmp_path, "example.yaml", example[:example.index("```")]))
    assert scenario is not None and report.items == [], [str(d) for d in report.items]
    assert scenario.offer("anglo_french_alliance").observers == ("poland",)


# ------------------------------------------------------------------------------------------------ a new player
def warnings(path: Path) -> list[str]:
    return [str(d) for d in check_scenario(path)[1].warnings]


def test_an_overlay_changing_the_player_is_warned_of_inherited_texts_at_its_player_line(tmp_path):
    base = MINI_TEXT.replace("player: red\n", "player: red\ntexts: {title: RED YEAR, stamp: Red stamp}\n", 1)
    path = overlay(tmp_path, "player: blue\ntexts: {title: BLUE YEAR}\n", base)
    found = [w for w in warnings(path) if "texts" in w]
    assert found == [f"{path}:{line_of(path, 'player: blue')}:1: warning: the player is now 'blue', but texts stamp "
                     "are inherited from the base, written for 'red': give them here, or 'null' to take the default"]


def test_an_overlay_changing_the_player_is_warned_of_the_old_players_gauges_shown_to_it(tmp_path):
    path = overlay(tmp_path, "player: blue\n")
    assert any("meters security are shown to it and measure the interest of 'red'" in w for w in warnings(path))
    hidden = overlay(tmp_path, "player: blue\nmeters:\n  - {id: security, shown_to: [red]}\n")
    assert not any("meters" in w for w in warnings(hidden))


def test_null_in_an_overlay_unsets_an_inherited_key(tmp_path):
    base = MINI_TEXT.replace("player: red\n", "player: red\ntexts: {title: RED YEAR, stamp: Red stamp}\n", 1)
    path = overlay(tmp_path, "player: blue\ntexts: {title: BLUE YEAR, stamp: null}\n", base)
    assert not any("texts" in w for w in warnings(path))
    assert load_scenario(path).texts.stamp == ""


def test_a_missing_id_says_null_not_none(tmp_path):
    path = write(tmp_path, "bad.yaml", MINI_TEXT.replace("id: mini", "id: null", 1))
    assert any("found null" in e for e in errors(path)), errors(path)


def test_the_json_schema_lets_an_overlay_unset_a_key_with_null():
    jsonschema = pytest.importorskip("jsonschema")
    from game.scenario.schema import json_schema

    jsonschema.validate({"extends": "1939.yaml", "texts": {"stamp": None}, "meters": [{"id": "x", "shown_to": None}]},
                        json_schema())
