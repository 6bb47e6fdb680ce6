"""The command-line contract of DESIGN.md: exit codes, JSON shapes, no tracebacks."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from game.paths import is_scenario_file
from tests.conftest import MINI, ROOT


def main_py(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def test_check_valid_file_exits_0_and_counts():
    out = main_py("check", str(MINI))
    assert out.returncode == 0 and "ok (3 powers, 2 offers, 4 clauses" in out.stdout
    data = json.loads(main_py("check", "--json", str(MINI)).stdout)
    assert data == [{"path": str(MINI), "valid": True, "errors": [], "warnings": [], "counts": {
        "powers": 3, "offers": 2, "clauses": 4, "actions": 2, "events": 3, "sources": 2, "outcomes": 3}, "extends": []}]


@pytest.mark.parametrize("args", [["check"], ["simulate", "--games", "x"], ["nonsense"],
                                  ["run", str(MINI)], ["simulate", str(MINI), "--policy", "nope"],
                                  ["simulate", str(MINI), "--games", "0"]])
def test_usage_errors_exit_2_without_traceback(args):
    out = main_py(*args)
    assert out.returncode == 2, out
    assert "Traceback" not in out.stderr + out.stdout and "error" in out.stderr


def test_simulate_json_shape_and_policy_outcomes():
    out = main_py("simulate", str(MINI), "--games", "50", "--seed", "7", "--policy", "passive", "--json")
    data = json.loads(out.stdout)
    assert {"games", "seed", "policy", "outcomes", "seconds", "games_per_second"} <= set(data)
    assert data["games"] == 50 and data["seed"] == 7 and data["policy"] == "passive"
    assert data["outcomes"] == {"pact_signed": 0, "alliance_signed": 0, "alone": 50}


def test_simulate_never_imports_pygame():
    code = (f"import sys; from game.cli import main; main(['simulate', {str(MINI)!r}, '--games', '5']); "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_engine_and_scenario_layers_never_import_pygame():
    for folder in ("engine", "scenario"):
        for path in (ROOT / "game" / folder).glob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(import|from)\s+pygame", text, re.M), path


def test_run_policy_json_has_final_state_and_dated_log():
    data = json.loads(main_py("run", str(MINI), "--policy", "eager", "--seed", "1", "--json").stdout)
    assert data["outcome"] == "pact_signed" and data["end_date"] == "1939-04-17"
    assert data["log"][0] == {"turn": 1, "date": "1939-04-17", "kind": "event", "title": "The season opens",
                              "text": "Talks begin.", "power": None, "ref": "opening", "visible_to": None}
    assert data["treaties"] == {"pact": ["non_aggression", "protocol"]}


def test_run_numbers_the_weeks_as_the_desk_does():
    out = main_py("run", str(ROOT / "scenarios" / "1939.yaml"), "--policy", "passive", "--seed", "1")
    assert "Outcome: isolation on 1939-09-01 (after week 19 of 19)" in out.stdout
    data = json.loads(main_py("run", str(MINI), "--policy", "passive", "--seed", "1", "--json").stdout)
    assert data["weeks"] == 8 and data["turn"] == 8


def test_run_script_plays_the_steps_and_then_ends_weeks(tmp_path):
    script = tmp_path / "s.yaml"
    script.write_text("seed: 4\nactions:\n  - {turn: 2, kind: act, target: speech}\n"
                      "  - {turn: 3, kind: choose, target: offer_from_grey, option: listen}\n", encoding="utf-8")
    data = json.loads(main_py("run", str(MINI), "--script", str(script), "--json").stdout)
    assert data["seed"] == 4 and data["actions"][0] == {"kind": "end_turn", "power": "red"}
    assert {"kind": "act", "power": "red", "target": "speech"} in data["actions"]
    assert any(e["kind"] == "choice" and e["ref"] == "offer_from_grey" for e in data["log"])
    assert data["outcome"] is not None


def test_run_script_errors_are_located(tmp_path):
    script = tmp_path / "s.yaml"
    script.write_text("actions:\n  - {kind: act, target: speech}\n  - {kind: act, target: speech}\n",
                      encoding="utf-8")
    out = main_py("run", str(MINI), "--script", str(script))
    assert out.returncode == 1 and out.stdout.startswith(f"{script}:3:5: error:") and "Already done this week" in out.stdout
    script.write_text("actions:\n  - {kind: fly, target: speech}\n", encoding="utf-8")
    out = main_py("run", str(MINI), "--script", str(script))
    assert out.returncode == 1 and f"{script}:2:5: error: action kind must be one of" in out.stdout
    script.write_text("!!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    out = main_py("run", str(MINI), "--script", str(script))
    assert out.returncode == 1 and "not allowed" in out.stdout and "hacked" not in out.stdout


def test_a_step_blocked_by_a_question_says_how_to_answer_it(tmp_path):
    script = tmp_path / "s.yaml"
    script.write_text("actions:\n  - {turn: 3, kind: act, target: speech}\n", encoding="utf-8")
    out = main_py("run", str(MINI), "--script", str(script))
    assert out.returncode == 1 and f"{script}:2:5: error: week 3: red act speech refused: First answer" in out.stdout
    assert "{turn: 3, power: red, kind: choose, target: offer_from_grey, option: ...} (options: listen, ignore)" in out.stdout


def test_the_readme_script_example_runs(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("A script for `run --script`")[1].split("```yaml\n")[1].split("```")[0]
    script = tmp_path / "example.yaml"
    script.write_text(example, encoding="utf-8")
    out = main_py("run", "--script", str(script), "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    data = json.loads(out.stdout)
    assert data["seed"] == 3 and any(e["ref"] == "litvinov_question" and e["kind"] == "choice" for e in data["log"])


def test_schema_command_matches_the_shipped_file_and_is_valid():
    jsonschema = pytest.importorskip("jsonschema")
    out = main_py("schema")
    assert out.stdout == (ROOT / "schema" / "scenario.schema.json").read_text(encoding="utf-8")
    schema = json.loads(out.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    import yaml

    for path in [MINI, *sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if is_scenario_file(p))]:
        document = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(document, schema)


def test_modding_guide_reference_is_generated_from_the_registry():
    from game.scenario.schema import update_markdown

    text = (ROOT / "docs" / "MODDING.md").read_text(encoding="utf-8")
    assert update_markdown(text) == text, "run: python tools/update_reference.py"


def test_a_run_gives_the_same_bytes_whatever_the_string_hash_seed():
    """Python randomises string hashing per process, and with it the order of sets: nothing a game does may
    depend on that order."""
    import os

    outputs = []
    for hash_seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", "--policy", "random", "--seed", "7",
                              "--json"], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
        assert out.returncode == 0, out.stderr
        outputs.append(out.stdout)
    assert outputs[0] == outputs[1] == outputs[2] and json.loads(outputs[0])["outcome"]


def test_check_of_every_yaml_in_scenarios_reads_tests_files_as_tests():
    """`check scenarios/*.yaml` also meets NAME.tests.yaml: it is checked as the tests of NAME.yaml, not as a
    scenario that lacks every field."""
    out = main_py("check", "scenarios/1939.yaml", "scenarios/1939.tests.yaml")
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"^scenarios/1939\.tests\.yaml: ok \(\d+ tests\)$", out.stdout, re.M), out.stdout


def test_check_of_a_broken_tests_file_is_located_in_it(tmp_path):
    scenario = tmp_path / "mini.yaml"
    scenario.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    tests = tmp_path / "mini.tests.yaml"
    tests.write_text("tests:\n  - name: t\n    policy: passive\n    expect: {outcom: x}\n", encoding="utf-8")
    out = main_py("check", str(tests))
    assert out.returncode == 1
    assert re.search(rf"^{re.escape(str(tests))}:4:\d+: error: ", out.stdout, re.M), out.stdout


def test_check_of_a_tests_file_without_its_scenario_says_so(tmp_path):
    tests = tmp_path / "lost.tests.yaml"
    tests.write_text("tests: []\n", encoding="utf-8")
    out = main_py("check", str(tests))
    assert out.returncode == 1
    assert f"{tests}:1:1: error: no scenario lost.yaml beside this tests file" in out.stdout
