"""Hostile, malformed, huge, binary and wrongly-encoded files: a located error, never a traceback or a hang.

Each case goes through `check_data` (the Diagnostic's line and col are pinned) and through
`main.py check` in a subprocess (exit 1, `PATH:LINE:COL: error: ...` on stdout, no traceback).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import pytest

from game.scenario import yamlsource
from game.scenario.loader import check_data, check_scenario
from tests.conftest import MINI, ROOT

MINI_BYTES = MINI.read_bytes()
LIMIT = yamlsource.MAX_BYTES


def laughs(levels: int = 9, width: int = 9) -> bytes:
    """The classic billion-laughs alias bomb: width ** levels leaves from a few hundred bytes."""
    lines = [b"format: 1", b"l0: &l0 [" + b", ".join([b"lol"] * width) + b"]"]
    for i in range(1, levels):
        refs = b", ".join([b"*l%d" % (i - 1)] * width)
        lines.append(b"l%d: &l%d [%s]" % (i, i, refs))
    return b"\n".join(lines) + b"\n"


def deep_block_mapping(levels: int) -> bytes:
    lines = ["format: 1"] + [" " * i + f"k{i}:" for i in range(levels)] + [" " * levels + "leaf"]
    return ("\n".join(lines) + "\n").encode()


# name -> (bytes, line, col, words that must appear in the message)
CASES: dict[str, tuple[bytes, int, int, tuple[str, ...]]] = {
    "empty": (b"", 1, 1, ("empty",)),
    "whitespace": (b"  \n\t\n   \n", 1, 1, ("empty",)),
    "comment_only": (b"# nothing here\n", 1, 1, ("no YAML document",)),
    "nul_bytes": (b"format: 1\nid: a\x00b\n", 2, 1, ("binary", "NUL")),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, 1, ("binary",)),
    "latin1": ("format: 1\ntitle: café\n".encode("latin-1"), 2, 11, ("not UTF-8", "0xe9")),
    "latin1_line3": ("format: 1\nid: x\nname: Gruße\n".encode("latin-1"), 3, 10, ("not UTF-8", "0xdf")),
    "cp1252_quote": (b"format: 1\ntitle: \x93quoted\x94\n", 2, 8, ("not UTF-8", "0x93")),
    "utf16": ("format: 1\ntitle: Молотов\n".encode("utf-16"), 1, 1, ()),
    "utf16_no_ascii": ("Молотов".encode("utf-16"), 1, 1, ("not UTF-8", "0xff")),
    "over_limit": (b"#" * LIMIT + b"\n", 1, 1, ("limit", f"{LIMIT:,}")),
    "unclosed_flow": (b"format: 1\nid: [unclosed\ntitle: x\n", 3, 6,
                      ("invalid YAML", "quote the text", "that the [ or { before it is closed")),
    "bad_indent": (b"format: 1\n  id: x\n", 2, 5, ("invalid YAML", "quote the text", "check this line's indentation")),
    "tab_indent": (b"format: 1\nmeters:\n\t- x\n", 3, 1, ("invalid YAML",)),
    "unclosed_quote": (b'format: 1\ntitle: "abc\n', 3, 1, ("invalid YAML", "end of stream")),
    "undefined_alias": (b"format: 1\nid: *nope\n", 2, 5, ("*nope", "unknown anchor")),
    "two_documents": (b"format: 1\n---\nformat: 1\n", 2, 1, ("one YAML document",)),
    "duplicate_key": (b"format: 1\nid: a\ntitle: t\nid: b\n", 4, 1, ("duplicate key 'id'", "first at line 2")),
    "duplicate_nested": (b"format: 1\ncalendar:\n  start: 1939-04-17\n  end: 1939-06-05\n  start: 1939-04-18\n",
                         5, 3, ("duplicate key 'start'", "first at line 3")),
    "python_apply": (b"format: 1\nid: !!python/object/apply:os.system ['echo pwned']\n", 2, 5,
                     ("python/object/apply:os.system", "not allowed")),
    "python_name": (b"format: 1\nid: !!python/name:os.system\n", 2, 5, ("python/name:os.system", "not allowed")),
    "python_new": (b"format: 1\nid: !!python/object/new:subprocess.Popen [['true']]\n", 2, 5, ("not allowed",)),
    "python_module": (b"format: 1\nid: !!python/module:os\n", 2, 5, ("not allowed",)),
    "python_tuple": (b"format: 1\nlist: !!python/tuple [1, 2]\n", 2, 7, ("not allowed",)),
    "python_top": (b"!!python/object/apply:os.system ['echo pwned']\n", 1, 1, ("not allowed",)),
    "python_key": (b"format: 1\n!!python/name:os.system : 1\n", 2, 1, ("not allowed",)),
    "custom_tag": (b"format: 1\nid: !foo bar\n", 2, 5, ("'!foo'", "not allowed")),
    "custom_tag_map": (b"format: 1\ncalendar: !foo {start: 1939-04-17}\n", 2, 11, ("'!foo'", "not allowed")),
    "custom_tag_seq": (b"format: 1\npowers: !foo [a]\n", 2, 9, ("'!foo'", "not allowed")),
    "verbatim_tag": (b"format: 1\nid: !<tag:example.com,2000:app/foo> x\n", 2, 5, ("not allowed",)),
    "set_tag": (b"format: 1\nflags: !!set {a, b}\n", 2, 8, ("not allowed",)),
    "binary_tag": (b"format: 1\nblob: !!binary aGVsbG8=\n", 2, 7, ("not allowed",)),
    "recursive_alias": (b"format: 1\nloop: &a [1, *a]\n", 2, 14, ("alias *a", "contains it")),
    "recursive_alias_map": (b"format: 1\nloop: &a\n  self: *a\n", 3, 9, ("alias *a", "contains it")),
    # the top-level mapping is level 1: the 64th bracket opens level 65
    # libyaml (PyYAML >= 6.0.4) scans far ahead inside flow lists and may stop first, further along the line
    "deep_flow_lists": (b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n", 1, None, ("nesting deeper than 64",)),
    "deep_flow_maps": (b"a: " + b"{a: " * 1000 + b"1" + b"}" * 1000 + b"\n", 1, 256, ("nesting deeper than 64",)),
    "deep_block_mappings": (deep_block_mapping(200), 66, 65, ("nesting deeper than 64",)),
    "deep_block_sequences": (b"- " * 100_000 + b"x\n", 1, 129, ("nesting deeper than 64",)),
    "brackets_in_comments": (b"a: " + b"[#]\n" * 100_000 + b"1" + b"]" * 100_000 + b"\n", 64, 1,
                             ("nesting deeper than 64",)),
    "brackets_in_strings": (b"a: " + b'["]",' * 1000 + b"1" + b"]" * 1000 + b"\n", 1, 319,
                            ("nesting deeper than 64",)),
    "merge_key": (b"format: 1\nbase: &b {x: 1}\nthing:\n  <<: *b\n  y: 2\n", 4, 3, ("merge keys", "<<")),
    "complex_key": (b"format: 1\n? [a, b]\n: 1\n", 2, 3, ("key must be a plain word",)),
    "top_level_list": (b"- format: 1\n- id: x\n", 1, 1, ("must be a mapping",)),
    "top_level_scalar": (b"just some words\n", 1, 1, ("must be a mapping",)),
    "top_level_null": (b"~\n", 1, 1, ("must be a mapping",)),
    "format_2": (b"format: 2\nid: x\n", 1, 9, ("unsupported format 2", "format: 1")),
    "format_text": (b'format: "1"\nid: x\n', 1, 9, ("unsupported format '1'",)),
    "format_missing": (b"id: x\ntitle: y\n", 1, 1, ("missing 'format: 1'",)),
    "nan": (b"format: 1\nx: .nan\n", 2, 4, ("not finite", ".nan")),
    "inf": (b"format: 1\nx: .inf\n", 2, 4, ("not finite",)),
    "minus_inf": (b"format: 1\nx: [1, -.Inf]\n", 2, 8, ("not finite",)),
    "huge_int": (b"format: 1\nx: " + b"9" * 5000 + b"\n", 2, 4, ("bad value",)),
}


def where(data: bytes, needle: bytes) -> tuple[int, int]:
    """1-based line and column of a unique ASCII needle."""
    assert data.count(needle) == 1, needle
    index = data.index(needle)
    return data.count(b"\n", 0, index) + 1, index - data.rfind(b"\n", 0, index)


def first_error(data: bytes, name: str = "bad.yaml"):
    scenario, report = check_data(data, name)
    assert scenario is None
    assert report.errors, report.items
    return report.errors[0]


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_data_gives_a_located_error(case):
    data, line, col, words = CASES[case]
    error = first_error(data, f"{case}.yaml")
    col = error.col if col is None else col
    assert (error.line, error.col) == (line, col), str(error)
    for word in words:
        assert word in error.message, str(error)
    assert str(error).startswith(f"{case}.yaml:{line}:{col}: error: ")


def test_utf16_is_refused_as_binary_or_not_utf8():
    message = first_error("format: 1\ntitle: Молотов\n".encode("utf-16")).message
    assert "binary" in message or "UTF-8" in message


def test_a_utf8_bom_and_crlf_line_ends_are_accepted():
    scenario, report = check_data(b"\xef\xbb\xbf" + MINI_BYTES.replace(b"\n", b"\r\n"), "crlf.yaml")
    assert scenario is not None and not report.errors
    error = first_error(MINI_BYTES.replace(b"\n", b"\r\n").replace(b"player: red", b"player: redd"))
    line, col = where(MINI_BYTES, b"player: red")
    assert (error.line, error.col) == (line, col + 8) and "unknown power 'redd'" in error.message


def test_a_file_of_exactly_the_limit_is_read(tmp_path):
    data = MINI_BYTES + b"#" * (LIMIT - len(MINI_BYTES) - 1) + b"\n"
    assert len(data) == LIMIT
    path = tmp_path / "exact.yaml"
    path.write_bytes(data)
    scenario, report = check_scenario(path)
    assert scenario is not None, report.items
    path.write_bytes(data + b"\n")
    scenario, report = check_scenario(path)
    assert scenario is None and "limit" in report.errors[0].message


def test_bad_byte_column_counts_characters():
    # "title: Мир " is 11 characters but 14 bytes: the column counts characters, as YAML errors do
    error = first_error("format: 1\ntitle: Мир ".encode() + b"\xe9\n")
    assert (error.line, error.col) == (2, 12) and "0xe9" in error.message


def test_bad_byte_after_a_bom_is_located():
    error = first_error(b"\xef\xbb\xbfformat: 1\ntitle: caf\xe9\n")
    assert (error.line, error.col) == (2, 11) and "0xe9" in error.message
    error = first_error(b"\xef\xbb\xbfformat: 1\n\xe9x: 1\n")
    assert (error.line, error.col) == (2, 1) and "0xe9" in error.message


def test_oversize_message_does_not_misstate_the_size(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"#" * (5 * 1024 * 1024) + b"\n")
    scenario, report = check_scenario(path)
    assert scenario is None
    message = report.errors[0].message
    assert f"{LIMIT:,}" in message and "4,194,305" not in message  # only LIMIT+1 bytes are read


def test_python_tags_never_run_code(monkeypatch, tmp_path):
    def forbidden(*args, **kwargs):
        raise AssertionError("os.system was called")

    monkeypatch.setattr(os, "system", forbidden)
    monkeypatch.setattr(subprocess, "Popen", forbidden)
    marker = tmp_path / "pwned"
    for tag in ("!!python/object/apply:os.system", "!!python/object/new:os.system"):
        data = f"format: 1\nid: {tag} ['touch {marker}']\n".encode()
        error = first_error(data)
        assert "not allowed" in error.message and (error.line, error.col) == (2, 5)
    for data in (b"format: 1\nid: !!python/name:os.system\n", b"!!python/object/apply:os.system ['true']\n"):
        assert "not allowed" in first_error(data).message
    assert not marker.exists()


def test_billion_laughs_fails_fast():
    started = time.perf_counter()
    error = first_error(laughs(levels=10, width=10))
    assert time.perf_counter() - started < 2.0
    assert "more than" in error.message and "aliases" in error.message


def test_nesting_limit_is_exact():
    # the top-level mapping is level 1, so 63 brackets make 64 levels (read) and 64 make 65 (refused)
    ok = b"format: 1\nx: " + b"[" * 63 + b"]" * 63 + b"\n"
    assert "nesting" not in " ".join(d.message for d in check_data(ok, "ok.yaml")[1].items)
    error = first_error(b"format: 1\nx: " + b"[" * 64 + b"]" * 64 + b"\n")
    assert (error.line, error.col) == (2, 67) and "nesting deeper than 64" in error.message


def test_brackets_in_comments_and_text_are_not_nesting():
    # 70 unmatched brackets in prose are text, not nesting
    text = MINI_BYTES.replace(b"summary: Two suitors and a deadline.", b"summary: '" + b"[" * 70 + b"'")
    scenario, report = check_data(text + b"# " + b"{" * 70 + b"\n", "prose.yaml")
    assert scenario is not None, report.items


def test_node_limit_counts_scalars(monkeypatch):
    # a flat list of scalars counts too (a 4 MB flat list once took ~25 s and ~1 GB to refuse)
    monkeypatch.setattr(yamlsource, "MAX_NODES", 1000)
    data = b"format: 1\nitems: [" + b"1, " * 1500 + b"1]\n"
    error = first_error(data)
    assert "more than 1,000 values" in error.message and error.line == 2


def test_node_limit_counts_alias_expansion(monkeypatch):
    monkeypatch.setattr(yamlsource, "MAX_NODES", 1000)
    data = b"format: 1\nbase: &b [" + b"1, " * 300 + b"1]\ncopies: [*b, *b, *b, *b]\n"
    error = first_error(data)
    assert "more than 1,000 values" in error.message and error.line == 3
    monkeypatch.setattr(yamlsource, "MAX_NODES", 2000)
    assert all("more than" not in d.message for d in check_data(data, "ok.yaml")[1].items)


def test_missing_file_and_directory(tmp_path):
    scenario, report = check_scenario(tmp_path / "nope.yaml")
    assert scenario is None and [(d.line, d.col, d.message) for d in report.errors] == [(1, 1, "no such file")]
    scenario, report = check_scenario(tmp_path)
    assert scenario is None and "directory" in report.errors[0].message
    assert str(report.errors[0]) == f"{tmp_path}:1:1: error: is a directory, not a file"


# ---------------------------------------------------------------- through the command line

def main_py(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


CLI_CASES = [*sorted(CASES), "missing", "directory"]
ONE_BY_ONE = ["nul_bytes", "unclosed_flow", "format_2", "directory"]


@pytest.fixture(scope="module")
def cli_results(tmp_path_factory):
    """`main.py check` on every case: all files in one run, and a few files each in its own run (in parallel)."""
    folder = tmp_path_factory.mktemp("bad")
    paths = {"missing": folder / "missing.yaml", "directory": folder}
    for case in CASES:
        paths[case] = folder / f"{case}.yaml"
        paths[case].write_bytes(CASES[case][0])

    def start(*files):
        return subprocess.Popen([sys.executable, "main.py", "check", *map(str, files)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    batch = start(*(paths[case] for case in CLI_CASES))
    single = {case: start(paths[case]) for case in ONE_BY_ONE}
    out, err = batch.communicate(timeout=60)
    results = {"batch": (batch.returncode, out, err)}
    for case, proc in single.items():
        out, err = proc.communicate(timeout=60)
        results[case] = (proc.returncode, out, err)
    return {case: str(path) for case, path in paths.items()}, results


@pytest.mark.parametrize("case", CLI_CASES)
def test_cli_check_reports_located_errors(cli_results, case):
    paths, results = cli_results
    code, out, err = results["batch"]
    assert code == 1 and "Traceback" not in out + err and "internal error" not in err
    path = paths[case]
    mine = [line for line in out.splitlines() if re.match(rf"^{re.escape(path)}:\d+:\d+: ", line)]
    assert mine, out
    assert all(re.match(rf"^{re.escape(path)}:\d+:\d+: error: ", line) for line in mine), mine
    if case in CASES:
        _, line, col, _ = CASES[case]
        assert re.match(rf"^{re.escape(path)}:{line}:{col or '[0-9]+'}: error: ", mine[0]), mine[0]


@pytest.mark.parametrize("case", ONE_BY_ONE)
def test_cli_check_exits_1_for_each_bad_file(cli_results, case):
    paths, results = cli_results
    code, out, err = results[case]
    assert code == 1, (code, out, err)
    assert "Traceback" not in out + err and err == ""
    lines = out.splitlines()
    assert lines and all(re.match(rf"^{re.escape(paths[case])}:\d+:\d+: error: ", line) for line in lines), lines


def test_cli_deep_flow_nesting_does_not_crash_the_interpreter(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_bytes(b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n")
    out = main_py("check", str(path))
    assert out.returncode == 1, out
    assert re.match(rf"^{re.escape(str(path))}:1:[0-9]+: error: nesting deeper than 64 levels", out.stdout)
    assert "Traceback" not in out.stderr


def test_cli_python_tag_does_not_run_the_command(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f"format: 1\nid: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    out = main_py("check", str(path))
    assert out.returncode == 1 and f"{path}:2:5: error: " in out.stdout
    assert not marker.exists()


def check_with_small_stack(path) -> subprocess.CompletedProcess:
    """`main.py check PATH` with a 2 MB stack (Windows gives the main thread 1 MB; Linux usually 8 MB),
    so that unbounded recursion in the C YAML parser shows up at a modest, fast depth."""
    resource = pytest.importorskip("resource")

    def limit_stack():
        _soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
        wanted = 2 << 20
        resource.setrlimit(resource.RLIMIT_STACK, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))

    return subprocess.run([sys.executable, "main.py", "check", str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=30, preexec_fn=limit_stack)


def test_cli_deep_flow_nesting_with_a_small_stack(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_bytes(b"a: " + b"[" * 100_000 + b"]" * 100_000 + b"\n")
    out = check_with_small_stack(path)
    assert out.returncode == 1
    assert re.match(rf"^{re.escape(str(path))}:1:[0-9]+: error: nesting deeper than 64 levels", out.stdout)


def test_cli_deep_block_sequences_do_not_crash(tmp_path):
    path = tmp_path / "dashes.yaml"
    path.write_bytes(b"- " * 100_000 + b"x\n")
    out = check_with_small_stack(path)
    assert out.returncode == 1, out.returncode
    assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: error: ", out.stdout)


def test_cli_flow_nesting_hidden_by_commented_brackets_does_not_crash(tmp_path):
    path = tmp_path / "sneaky.yaml"
    path.write_bytes(b"a: " + b"[#]\n" * 30_000 + b"1" + b"]" * 30_000 + b"\n")
    out = check_with_small_stack(path)
    assert out.returncode == 1, out.returncode
    assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: error: ", out.stdout)


def test_cli_json_mixes_valid_and_invalid(tmp_path):
    warned = tmp_path / "warned.yaml"
    warned.write_bytes(MINI_BYTES.replace(b"when: {treaty: alliance}", b"when: {flag: never_set}"))
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(MINI_BYTES.replace(b"player: red", b"player: redd"))
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01\x02")
    out = main_py("check", "--json", str(MINI), str(warned), str(broken), str(binary))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    data = json.loads(out.stdout)
    assert [entry["path"] for entry in data] == [str(MINI), str(warned), str(broken), str(binary)]
    assert [entry["valid"] for entry in data] == [True, True, False, False]
    for entry in data:
        assert set(entry) == {"path", "valid", "errors", "warnings", "counts", "extends"}
        for item in entry["errors"] + entry["warnings"]:
            assert set(item) == {"line", "col", "message"}
    counts = {"powers": 3, "offers": 2, "clauses": 4, "actions": 2, "events": 3, "sources": 2, "outcomes": 3}
    assert data[0]["counts"] == counts and data[1]["counts"] == counts
    assert data[0]["errors"] == data[0]["warnings"] == []
    line, col = where(warned.read_bytes(), b"never_set")
    assert data[1]["errors"] == [] and data[1]["warnings"] == [
        {"line": line, "col": col, "message": "flag 'never_set' is tested but never set"}]
    line, col = where(broken.read_bytes(), b"redd")
    assert data[2]["errors"] == [{"line": line, "col": col, "message": "unknown power 'redd' (did you mean 'red'?)"}]
    assert data[3]["errors"][0]["line"] == 1 and "binary" in data[3]["errors"][0]["message"]


def test_cli_json_all_valid_exits_0(tmp_path):
    out = main_py("check", "--json", str(MINI), str(MINI))
    assert out.returncode == 0
    assert [entry["valid"] for entry in json.loads(out.stdout)] == [True, True]


@pytest.mark.parametrize("args", [["check"], ["check", "--json"], ["check", "--bogus", str(MINI)],
                                  ["check", str(MINI), "--strict"]])
def test_cli_usage_errors_exit_2(args):
    out = main_py(*args)
    assert out.returncode == 2, out
    assert "usage:" in out.stderr and "error:" in out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""


def test_missing_format_is_reported_with_the_other_errors():
    scenario, report = check_data(b"title: X\npowerz: []\n", "mod.yaml")
    assert scenario is None
    messages = [(e.line, e.message) for e in report.errors]
    assert messages[0] == (1, "missing 'format: 1' (the version of the scenario format); add it as the first line")
    assert (2, "unknown field 'powerz' in scenario (did you mean 'powers'?)") in messages
