"""`main.py test`: a scenario's scripted playthroughs with expectations, failures located in the tests file."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

SCENARIO = ROOT / "scenarios" / "1939.yaml"
TESTS = ROOT / "scenarios" / "1939.tests.yaml"


def main_py(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_the_1939_scenario_passes_at_least_ten_tests():
    out = main_py("test", str(SCENARIO))
    assert out.returncode == 0, out.stdout + out.stderr
    passed, total = map(int, re.search(r"(\d+) of (\d+) tests passed", out.stdout).groups())
    assert passed == total >= 10


def test_a_changed_expected_date_fails_located_in_the_tests_file(tmp_path):
    text = TESTS.read_text(encoding="utf-8")
    assert "end_date: 1939-08-23\n" in text
    changed = tmp_path / "1939.tests.yaml"
    changed.write_text(text.replace("end_date: 1939-08-23\n", "end_date: 1939-08-22\n", 1), encoding="utf-8")
    line = text[: text.index("end_date: 1939-08-23\n")].count("\n") + 1
    out = main_py("test", str(SCENARIO), "--tests", str(changed))
    assert out.returncode == 1
    assert re.search(rf"^{re.escape(str(changed))}:{line}:\d+: error: test '.*': expected the game to end 1939-08-22, "
                     r"it ended on 1939-08-23", out.stdout, re.M), out.stdout


def write_tests(tmp_path, text: str):
    path = tmp_path / "t.tests.yaml"
    path.write_text(text, encoding="utf-8")
    return main_py("test", str(SCENARIO), "--tests", str(path)), str(path)


def test_an_unknown_field_of_a_test_is_located_with_a_hint(tmp_path):
    out, path = write_tests(tmp_path, "tests:\n  - name: x\n    policy: passive\n    expekt: {outcome: isolation}\n")
    assert out.returncode == 1
    assert f"{path}:4:5: error: unknown field 'expekt' in a test (did you mean 'expect'?)" in out.stdout


def test_an_unknown_outcome_is_located_with_a_hint(tmp_path):
    out, path = write_tests(tmp_path, "tests:\n  - name: x\n    policy: passive\n    expect: {outcome: isolaton}\n")
    assert out.returncode == 1 and f"{path}:4:23: error: unknown outcome 'isolaton' (did you mean 'isolation'?)" in out.stdout


def test_a_refused_script_step_fails_at_the_step(tmp_path):
    out, path = write_tests(tmp_path, "tests:\n  - name: x\n    actions:\n      - {turn: 1, kind: act, target: send_zhukov}\n"
                                      "      - {turn: 1, kind: act, target: send_zhukov}\n    expect: {}\n")
    assert out.returncode == 1
    refused = "error: test 'x': week 1: ussr act send_zhukov refused: There is no fighting"
    assert re.search(rf"^{re.escape(path)}:4:9: {refused}", out.stdout, re.M), out.stdout


def test_a_meter_comparison_that_fails_says_the_value(tmp_path):
    out, path = write_tests(tmp_path, "tests:\n  - name: x\n    policy: passive\n    expect:\n"
                                      "      meters: {war_danger: '< -1000'}\n")
    assert out.returncode == 1 and re.search(rf"^{re.escape(path)}:5:\d+: error: test 'x': expected war_danger < -1000, it is ",
                                             out.stdout, re.M), out.stdout


def test_a_scenario_without_tests_is_a_usage_error(tmp_path):
    out = main_py("test", str(tmp_path / "none.yaml"))
    assert out.returncode == 2 and "no tests file" in out.stderr


def test_the_title_screen_does_not_offer_a_tests_file_as_a_scenario():
    from game.ui.scenario_lookup import scenario_files

    files = scenario_files()
    assert SCENARIO in files and TESTS not in files
