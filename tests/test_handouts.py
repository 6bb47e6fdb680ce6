"""Handouts printed from a scenario: role cards, source cards by perspective, a teacher's sheet; no card split."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from game.export.handouts import role_cards, write_handouts
from game.paths import DEFAULT_SCENARIO
from game.scenario import load_scenario
from tests.test_cli import MINI, main_py


def text_of(page: str) -> str:
    """What a reader sees: tags removed, entities read, white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sc():
    return load_scenario(DEFAULT_SCENARIO)


@pytest.fixture(scope="module")
def handouts(sc, tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("handouts")
    return {p.name.split("-", 1)[1].removesuffix(".html"): p.read_text(encoding="utf-8")
            for p in write_handouts(sc, folder)}


def cards(page: str) -> dict[str, str]:
    """Each card's text by its number."""
    found = re.findall(r'<section class="card[^"]*" id="card-([^"]+)">(.*?)</section>', page, re.S)
    return {code: text_of(body) for code, body in found}


def test_role_cards_hold_every_powers_name_briefing_and_aims(sc, handouts):
    text = text_of(handouts["role-cards"])
    for power in sc.powers:
        assert power.name in text
        for para in power.briefing.split("\n\n"):
            assert words(para) in text, (power.id, para[:40])
        assert all(words(aim) in text for aim in power.objectives)


def test_secret_aims_are_on_their_own_teams_card_only(sc, handouts):
    by_code = cards(handouts["role-cards"])
    for i, power in enumerate(sc.powers, 1):
        for aim in power.secret_objectives:
            holders = [code for code, body in by_code.items() if words(aim) in body]
            assert holders == [f"R{i}"], (power.id, aim)


def test_role_cards_say_what_each_power_can_do(sc, handouts):
    by_code = cards(handouts["role-cards"])
    for i, power in enumerate(sc.powers, 1):
        mine = " ".join(body for code, body in by_code.items() if code.startswith(f"R{i}."))
        assert all(a.name in mine for a in sc.actions_of(power.id))
        assert all(o.name in mine for o in sc.offers if power.id in o.parties)
        assert sc.power(power.id).leader.name in by_code[f"R{i}"]


def test_source_handouts_hold_every_source_under_its_perspective(sc, handouts):
    page = handouts["sources"]
    sections = re.findall(r'<div class="starts-page"><h1>(.*?)</h1>(.*?)</div>(?=<div class="starts-page">|\n)', page,
                          re.S)
    by_name = {html.unescape(name): text_of(body) for name, body in sections}
    for source in sc.sources:
        assert words(source.title) in by_name[sc.perspective(source.perspective).name], source.id
        assert words(source.reference) in by_name[sc.perspective(source.perspective).name]


def test_the_teachers_sheet_lists_the_fixed_events_and_the_record(sc, handouts):
    text = text_of(handouts["teacher"])
    fixed = [e for e in sc.events if e.date and e.when is None]
    assert fixed and all(e.title in text for e in fixed)
    assert all(words(r.text) in text for r in sc.record)
    assert "What is documented and what is the game's model" in text
    assert all(o.title in text and all(words(q) in text for q in o.questions) for o in sc.outcomes)


def test_the_teachers_sheet_lists_the_checkpoints_and_the_events_a_teacher_may_bring_in(sc, handouts):
    text = text_of(handouts["teacher"])
    assert sc.checkpoints and all(c.title in text and words(c.note) in text for c in sc.checkpoints)
    assert all(e.title in text for e in sc.events if e.injectable)


def test_every_text_in_the_handouts_is_escaped(tmp_path):
    source = MINI.read_text(encoding="utf-8").replace(
        "    name: Red Republic\n", "    name: Red <script>alert(1)</script> Republic\n"
                                    "    briefing: \"Trust <b>nobody</b> & wait\"\n")
    path = tmp_path / "mini.yaml"
    path.write_text(source, encoding="utf-8")
    page = role_cards(load_scenario(path))
    assert "<script>" not in page and "<b>nobody</b>" not in page
    assert "Red &lt;script&gt;alert(1)&lt;/script&gt; Republic" in page and "Trust &lt;b&gt;nobody&lt;/b&gt; &amp; wait" in page


def test_the_handouts_command_writes_three_files(tmp_path):
    out = main_py("handouts", str(MINI), "--out", str(tmp_path / "h"))
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "h").iterdir()) == ["mini-role-cards.html", "mini-sources.html",
                                                                    "mini-teacher.html"]
    assert out.stdout.splitlines() == [str(tmp_path / "h" / n) for n in
                                       ("mini-role-cards.html", "mini-sources.html", "mini-teacher.html")]


def test_the_handouts_command_needs_a_folder_it_can_write(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    out = main_py("handouts", str(MINI), "--out", str(blocker / "sub"))
    assert out.returncode == 1 and "error: cannot write the handouts" in out.stderr and "Traceback" not in out.stderr
    assert main_py("handouts", str(MINI)).returncode == 2   # --out is required


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
PDFTOTEXT = shutil.which("pdftotext")


def _print(html_path: Path, pdf: Path, profile: Path) -> None:
    """Print an HTML file to PDF with headless Chromium (one at a time: several at once lose some files)."""
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html_path.as_uri()],
                   capture_output=True, timeout=120, check=False)
    assert pdf.is_file(), f"chromium did not print {html_path.name}"


@pytest.mark.skipif(not (CHROMIUM and PDFTOTEXT), reason="needs chromium and pdftotext (apt-get install -y chromium "
                                                          "poppler-utils); CI does not install them")
def test_no_card_is_split_across_printed_pages(sc, tmp_path):
    pages = {}
    for paper in ("A4", "letter"):
        for path in write_handouts(sc, tmp_path / paper, paper):
            pages[path] = path.with_suffix(".pdf")
    for html_path, pdf in pages.items():
        _print(html_path, pdf, tmp_path / "profile")
        text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        starts: dict[str, list[int]] = {}
        ends: dict[str, list[int]] = {}
        for number, page in enumerate(text.split("\f"), 1):
            for code in re.findall(r"card (\S+) ·", page):
                starts.setdefault(code, []).append(number)
            for code in re.findall(r"(\S+) · end\b", page):
                ends.setdefault(code, []).append(number)
        assert starts and starts.keys() == ends.keys(), pdf
        split = {code: (starts[code], ends[code]) for code in starts if len(starts[code]) != 1 or starts[code] != ends[code]}
        assert not split, f"{pdf.parent.name}/{pdf.name}: cards split across pages {split}"
    lessons = 1 if sc.checkpoints else 0
    assert len(starts) == 2 + lessons + len(sc.outcomes)   # the teacher's sheet, printed last: all its cards


def test_a_long_list_of_actions_is_printed_on_several_cards(sc):
    from game.export.handouts import ACTIONS_PER_CARD, _action_chunks

    acts = list(sc.actions_of("ussr"))
    chunks = _action_chunks(acts)
    assert len(chunks) > 1 and [a for chunk in chunks for a in chunk] == acts
    assert all(sum(len(a.name) + len(a.text) + 40 for a in chunk) <= ACTIONS_PER_CARD for chunk in chunks)
    assert "card R1.a2 · USSR · actions 2 of" in html.unescape(role_cards(sc))
