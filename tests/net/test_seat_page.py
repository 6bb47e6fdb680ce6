"""The browser seat's files, read without a browser: offline, labelled, and never putting data in as HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import ROOT

STATIC = ROOT / "game" / "net" / "static"
FIELDS = ("input", "textarea", "select")


class Page(HTMLParser):
    """The elements of a page with their attributes, and the text inside each button and label."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.open: list[list] = []          # [tag, attrs, text] of the buttons and labels not yet closed
        self.texts: list[tuple[str, dict[str, str], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.elements.append((tag, found))
        if tag in ("button", "label", "a", "h1", "h2"):
            self.open.append([tag, found, ""])

    def handle_data(self, data: str) -> None:
        for entry in self.open:
            entry[2] += data

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                entry = self.open.pop(i)
                self.texts.append((entry[0], entry[1], entry[2].strip()))
                break


def parsed(name: str = "index.html") -> Page:
    page = Page()
    page.feed((STATIC / name).read_text(encoding="utf-8"))
    return page


def test_every_field_of_the_page_has_a_label() -> None:
    page = parsed()
    labelled = {attrs.get("for") for tag, attrs, _text in page.texts if tag == "label"}
    fields = [attrs for tag, attrs in page.elements if tag in FIELDS and attrs.get("type") != "hidden"]
    assert fields, "the join form and the reason box are fields"
    assert [f.get("id") for f in fields if f.get("id") not in labelled and not f.get("aria-label")] == []


def test_every_button_and_link_has_a_name() -> None:
    page = parsed()
    nameless = [attrs for tag, attrs, text in page.texts if tag in ("button", "a") and not text
                and not attrs.get("aria-label")]
    assert nameless == []


def test_the_page_has_landmarks_a_language_and_one_main_heading_per_part() -> None:
    page = parsed()
    tags = [tag for tag, _attrs in page.elements]
    assert ("html", {"lang": "en"}) in page.elements
    assert {"header", "main", "nav"} <= set(tags)
    assert any(attrs.get("aria-live") for _tag, attrs in page.elements), "updates are announced"
    ids = [attrs["id"] for _tag, attrs in page.elements if "id" in attrs]
    assert len(ids) == len(set(ids)), "ids are unique"
    labelled_by = [attrs["aria-labelledby"] for _tag, attrs in page.elements if "aria-labelledby" in attrs]
    assert all(ref in ids for refs in labelled_by for ref in refs.split())


def test_the_page_loads_nothing_from_outside_and_nothing_inline() -> None:
    """It works on a school network with no internet, under the host's CSP (default-src 'self')."""
    page = parsed()
    for tag, attrs in page.elements:
        for key in ("src", "href", "action"):
            value = attrs.get(key, "")
            assert not re.match(r"^(?:[a-z]+:)?//", value), f"<{tag} {key}={value}> leaves the host"
        assert not [k for k in attrs if k.startswith("on")], f"<{tag}> has an inline handler"
        assert "style" not in attrs, f"<{tag}> has an inline style"
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), "no inline script"
    assert "<style" not in (STATIC / "index.html").read_text(encoding="utf-8")
    css = (STATIC / "seat.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css, "no outside font or image"


def test_the_script_never_puts_data_in_as_html() -> None:
    script = (STATIC / "seat.js").read_text(encoding="utf-8")
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert risky not in script, risky
    assert "textContent" in script


def test_every_file_the_page_asks_for_is_in_the_folder_the_host_serves() -> None:
    page = parsed()
    asked = [attrs.get("src") or attrs.get("href") for tag, attrs in page.elements if tag in ("script", "link")]
    assert asked and all(Path(STATIC / a.removeprefix("/static/")).is_file() for a in asked), asked
    names = [p.name for p in STATIC.iterdir()]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,40}\.[a-z]{2,4}", n) for n in names), names
