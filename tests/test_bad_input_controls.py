"""Control characters in a scenario's text: refused where they are, with a located error (issue 15, item 4)."""

from __future__ import annotations

import re

import pytest

from game.scenario.loader import check_data
from tests.test_bad_input import MINI_BYTES, first_error, main_py, where

# Every text field of the format passes one check.
# text in mini.yaml -> the field it fills
TEXT_FIELDS = {
    b"Mini scenario": "scenario title",
    b"Two suitors and a deadline.": "scenario summary",
    b"Red Republic": "power name",
    b"Leader Blue": "person name",
    b"Buffer State": "territory name",
    b"A note proposing talks.": "source text",
    b"Mutual assistance": "clause name",
    b"The season opens": "event title",
}
CONTROLS = {"nul": "\\0", "escape": "\\e", "bell": "\\a", "return": "\\r", "delete": "\\x7f", "c1": "\\x85"}


def with_text(value: bytes, escaped: str) -> bytes:
    """mini.yaml with one text replaced by a double-quoted YAML string holding an escape in its middle."""
    head, _, tail = value.partition(b" ")
    return MINI_BYTES.replace(value, b'"' + head + escaped.encode() + tail + b'"', 1)


@pytest.mark.parametrize("field", sorted(TEXT_FIELDS))
@pytest.mark.parametrize("control", sorted(CONTROLS))
def test_control_characters_in_text_are_refused_where_they_are(field, control):
    data = with_text(field, CONTROLS[control])
    error = first_error(data)
    assert (error.line, error.col) == where(data, b'"' + field.split(b" ")[0]), str(error)
    assert "control character U+" in error.message, str(error)
    assert error.message.endswith("only tabs and line breaks may appear in text")


def test_a_control_character_in_a_free_text_date_is_refused():
    data = MINI_BYTES.replace(b"date: 1939-05-03, perspective", b'date: "Mai\\0 1939", perspective')
    error = first_error(data)
    assert (error.line, error.col) == where(data, b'"Mai') and "U+0000" in error.message


def test_tabs_and_line_breaks_in_text_are_accepted():
    data = with_text(b"Two suitors and a deadline.", "\\t").replace(b"Red Republic", b'"Red\\nRepublic"')
    scenario, report = check_data(data, "ok.yaml")
    assert scenario is not None, report.items
    assert "\t" in scenario.summary and scenario.power("red").name == "Red\nRepublic"


def test_cli_check_refuses_a_nul_escape_in_a_title(tmp_path):
    path = tmp_path / "nul.yaml"
    path.write_bytes(with_text(b"Mini scenario", "\\0"))
    out = main_py("check", str(path))
    assert out.returncode == 1 and "Traceback" not in out.stdout + out.stderr
    assert re.match(rf"^{re.escape(str(path))}:4:8: error: text holds the control character U\+0000", out.stdout)
