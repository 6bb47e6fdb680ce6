"""Hostile files and texts in the window: damaged settings, crashes mid-drawing, control characters,
over-long words and names, and strange things in the mods folder. The window never freezes or stays broken."""

from __future__ import annotations

import itertools

import pygame
import pytest

from game.ui.settings import Settings, config_dir


def write_settings(text: str) -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.json").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_settings_fall_back_to_defaults(depth):
    write_settings("[" * depth + "]" * depth)
    assert Settings.load() == Settings()
    write_settings('{"a":' * depth + "1" + "}" * depth)
    assert Settings.load() == Settings()


class Meter:
    id, name, min, max, start = "m", "A meter", 0, 100, 50


def test_a_crash_inside_the_chart_leaves_the_clip_as_it_was(app):
    """A bad value in the history raises while the chart's clip is set; the clip is restored all the same."""
    from game.ui.chart import draw_chart

    surf = pygame.Surface((600, 400))
    with pytest.raises(TypeError):
        draw_chart(surf, app.theme, pygame.Rect(50, 50, 300, 200), [{"m": 1}, {"m": "x"}], [0, 1], [Meter()])
    assert surf.get_clip() == surf.get_rect()


def test_a_crash_inside_a_scrolling_text_leaves_the_clip_as_it_was(app, monkeypatch):
    from game.ui.widgets import core
    from game.ui.widgets.text import Block

    text = core.ScrollText(pygame.Rect(10, 10, 300, 100), app.theme, [Block("body", "some words")])

    def boom(*args, **kwargs):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(core, "draw_lines", boom)
    surf = pygame.Surface((600, 400))
    with pytest.raises(RuntimeError):
        text.draw(surf, app.theme, False, False)
    assert surf.get_clip() == surf.get_rect()


def test_recovery_from_a_crash_resets_the_clip(app):
    """The safety net returns to the title with the whole window drawable, whatever the crash left behind."""
    from game.ui.screens.base import Screen
    from game.ui.screens.dialog import ErrorDialog

    class Clipped(Screen):
        def layout(self, theme, size):
            pass

        def draw(self, surf):
            surf.set_clip(pygame.Rect(100, 100, 50, 50))
            raise RuntimeError("drawing failed")

    app.push(Clipped(app))
    app.run(max_frames=3, safe=True)
    surf = pygame.display.get_surface()
    assert isinstance(app.top, ErrorDialog)
    assert surf.get_clip() == surf.get_rect()


@pytest.mark.parametrize("word", ["ш" * 20_000, "iW" * 10_000])
def test_a_20000_character_word_is_cut_into_lines_that_fit(app, word):
    """Every line fits, none could take the next character, and nothing is lost."""
    from game.ui.widgets.text import _wrap

    font = app.theme.font("sans")
    width = 400
    lines = _wrap(font, f"Before {word} after", width)
    pieces = lines[1:-1] if lines[-1] == "after" else [*lines[1:-1], lines[-1].removesuffix(" after")]
    assert lines[0] == "Before" and "".join(pieces) == word
    for line, following in itertools.pairwise(pieces):
        assert font.size(line)[0] <= width < font.size(line + following[0])[0]


def test_fit_ellipsizes_a_20000_character_text(app):
    from game.ui.widgets.text import fit

    font = app.theme.font("bold")
    short = fit(app.theme, "Molotov" * 3000, "strong", 300)
    assert short.endswith("…") and font.size(short)[0] <= 300 < font.size(short[:-1] + "ov…")[0]
    assert fit(app.theme, "Molotov", "strong", 300) == "Molotov"


CONTROLS = "\x00\x01\x07\x08\x0b\x0c\r\x1b\x7f\x85\x9f\ud800\udfff"


def test_text_with_control_characters_is_drawn_and_measured_without_them(app):
    from game.ui.widgets.text import fit, printable, render, wrap

    dirty = "Mini" + CONTROLS + "\tscenario\nsecond line"
    assert printable(dirty) == "Mini scenario second line"
    assert printable(dirty, lines=True) == "Mini scenario\nsecond line"
    assert render(app.theme, dirty, "title").get_size() == render(app.theme, printable(dirty), "title").get_size()
    assert wrap(app.theme.font("sans"), dirty, 1000) == ["Mini scenario", "second line"]
    assert fit(app.theme, dirty * 50, "body", 200).endswith("…")


def nul_scenario(title: str, summary: str):
    """The mini scenario with texts that `check` refuses, as if it had come from elsewhere (a save, an old game)."""
    import dataclasses

    from game.scenario import load_scenario
    from tests.conftest import MINI

    return dataclasses.replace(load_scenario(MINI), title=title, summary=summary)


def test_a_scenario_with_control_characters_never_blocks_the_title_or_the_chooser(app, monkeypatch):
    """Whatever reaches the screen, its control characters are not drawn: the title and the chooser open."""
    from game.ui import catalog, scenario_lookup
    from game.ui.screens.title import ScenarioChooser
    from tests.ui.driver import Driver

    dirty = nul_scenario("Nul\x00title" + CONTROLS, "A summary\x00 with a NUL" + CONTROLS)
    monkeypatch.setattr(scenario_lookup, "read_scenario", lambda path: dirty)
    monkeypatch.setattr(catalog, "_known", {})   # what the chooser reads now is forgotten after the test
    title = app.top
    title.load_meta()
    d = Driver(app)
    d.frame()
    app.push(ScenarioChooser(app, title))
    d.settle()
    assert title.scenario_title == dirty.title
    assert dirty.title in [getattr(w, "label", "") for w in app.top.widgets]


def mod_with(tmp_path, name: str, old: bytes, new: bytes):
    from tests.conftest import MINI

    path = tmp_path / name
    path.write_bytes(MINI.read_bytes().replace(old, new, 1))
    return path


@pytest.mark.parametrize("why", ["nul", "gone"])
def test_a_remembered_scenario_that_no_longer_loads_is_forgotten_with_a_notice(tmp_path, why):
    """A mod chosen last time whose summary now holds a NUL escape (or that was deleted): the title shows the
    game's own scenario, says why, and the setting is forgotten, so the next start is clean too."""
    from game.ui.app import App
    from game.ui.screens.title import DEFAULT_SCENARIO, TitleScreen

    mod = mod_with(tmp_path, "mod.yaml", b"summary: Two suitors", b'summary: "Two\\0 suitors"')
    if why == "gone":
        mod.unlink()
    settings = Settings(scenario=str(mod))
    settings.save()
    pygame.display.init()
    pygame.font.init()
    app = App(settings, None, size=(1280, 720), window=False)
    title = TitleScreen(app, seed=1)
    app.push(title)
    while app.tasks:
        app.tasks.pop(0)()
    app.draw(pygame.Surface(app.size))
    assert title.scenario_path == DEFAULT_SCENARIO and title.scenario_title == "Moscow 1939"
    assert app.notice is not None and app.notice.kind == "bad"
    assert "chosen last time" in app.notice.text and "mod.yaml" in app.notice.text
    assert Settings.load().scenario == ""


def make_fifo(path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    os.mkfifo(path)


def finishes(fn, seconds: float = 20) -> bool:
    """Run fn in a thread; True if it returned within the time (a FIFO opened for reading waits for ever)."""
    import threading

    worker = threading.Thread(target=fn, daemon=True)
    worker.start()
    worker.join(seconds)
    return not worker.is_alive()


def test_the_loader_refuses_a_fifo_without_waiting_on_it(tmp_path):
    from game.scenario.loader import check_scenario

    fifo = tmp_path / "x.yaml"
    make_fifo(fifo)
    found = {}
    assert finishes(lambda: found.update(result=check_scenario(fifo)))
    scenario, report = found["result"]
    assert scenario is None and "not a regular file" in report.errors[0].message


def test_a_fifo_in_the_mods_folder_is_not_offered(app):
    from game.ui.screens.title import ScenarioChooser
    from game.ui.settings import mods_dir
    from tests.ui.driver import Driver

    mods_dir().mkdir(parents=True)
    make_fifo(mods_dir() / "x.yaml")
    (mods_dir() / "folder.yaml").mkdir()
    d = Driver(app, "keys")
    assert finishes(lambda: (d.key(pygame.K_s), d.settle()))
    assert isinstance(app.top, ScenarioChooser)
    wids = {w.wid for w in app.top.widgets}
    assert str(mods_dir() / "x.yaml") not in wids and str(mods_dir() / "folder.yaml") not in wids


def test_the_chooser_reads_a_file_again_only_when_it_changed(app, monkeypatch):
    import os

    from game.ui import scenario_lookup
    from game.ui.settings import mods_dir
    from tests.conftest import MINI
    from tests.ui.driver import Driver

    mods_dir().mkdir(parents=True)
    mod = mods_dir() / "mod.yaml"
    mod.write_bytes(MINI.read_bytes())
    reads = []
    original = scenario_lookup.read_scenario
    monkeypatch.setattr(scenario_lookup, "read_scenario", lambda path: reads.append(path) or original(path))
    d = Driver(app, "keys")

    def open_chooser():
        d.key(pygame.K_s)
        d.settle()
        labels = [getattr(w, "label", "") for w in app.top.widgets]
        d.key(pygame.K_ESCAPE)
        return labels

    assert "Mini scenario" in open_chooser()
    assert reads.count(mod) == 1
    open_chooser()
    assert reads.count(mod) == 1
    mod.write_bytes(MINI.read_bytes().replace(b"title: Mini scenario", b"title: Mini scenario, revised"))
    stamp = mod.stat().st_mtime_ns + 10**9
    os.utime(mod, ns=(stamp, stamp))
    assert "Mini scenario, revised" in open_chooser()
    assert reads.count(mod) == 2


def test_the_window_answers_while_the_chooser_reads_a_slow_file(app, monkeypatch):
    """The files are read off the window's thread: their rows say so and cannot be chosen yet, and a close
    request is honoured at once."""
    import threading

    from game.ui import scenario_lookup
    from game.ui.settings import mods_dir
    from tests.conftest import MINI
    from tests.ui.driver import Driver

    mods_dir().mkdir(parents=True)
    mod = mods_dir() / "slow.yaml"
    mod.write_bytes(MINI.read_bytes())
    release = threading.Event()
    original = scenario_lookup.read_scenario

    def slow(path):
        if path == mod:
            release.wait(30)
        return original(path)

    monkeypatch.setattr(scenario_lookup, "read_scenario", slow)
    d = Driver(app, "keys")
    d.key(pygame.K_s)
    row = next(w for w in app.top.widgets if w.wid == str(mod))
    assert row.item.sub == "Reading the file…" and not row.enabled
    app.handle(pygame.event.Event(pygame.QUIT))
    assert not app.running
    release.set()
    d.settle()
    row = next(w for w in app.top.widgets if w.wid == str(mod))
    assert row.label == "Mini scenario" and row.enabled


def test_a_fifo_given_as_a_save_is_refused_without_waiting_on_it(tmp_path):
    from game.engine.saves import read_document
    from game.scenario import ScenarioError

    fifo = tmp_path / "autosave.json"
    make_fifo(fifo)
    found = {}

    def read():
        try:
            read_document(fifo)
        except ScenarioError as exc:
            found["error"] = str(exc.diagnostics[0])

    assert finishes(read)
    assert "not a regular file" in found["error"]
    with pytest.raises(ScenarioError, match="is a directory"):
        read_document(tmp_path)


def test_the_title_shows_a_summary_of_one_20000_character_word(tmp_path):
    """The longest summary the format allows, as one word: the title screen lays it out and draws it."""
    from game.ui.app import App
    from game.ui.screens.title import TitleScreen
    from game.ui.widgets.core import ScrollText

    mod = mod_with(tmp_path, "wide.yaml", b"summary: Two suitors and a deadline.", b"summary: " + b"W" * 20_000)
    pygame.display.init()
    pygame.font.init()
    app = App(Settings(scenario=str(mod)), None, size=(1280, 720), window=False)
    title = TitleScreen(app, seed=1)
    app.push(title)
    while app.tasks:
        app.tasks.pop(0)()
    app.draw(pygame.Surface(app.size))
    assert title.summary == "W" * 20_000 and app.notice is None
    text = next(w for w in title.widgets if isinstance(w, ScrollText))
    assert "".join(line.text for line in text.lines if set(line.text) == {"W"}) == "W" * 20_000


def test_every_screen_draws_names_holding_control_characters(tmp_path, monkeypatch):
    """Were a text with control characters to get past `check` (a save, a future format), no screen would
    fail to draw it: every name and title of mini.yaml holds a NUL, an escape, a line break and a tab."""
    import re

    from game.scenario import spec
    from game.ui.screenshots import render_all
    from tests.conftest import MINI

    text = re.sub(r"((?:name|title): )([^\"{}\[\],\n]+)",
                  lambda m: f'{m.group(1)}"{m.group(2).strip()}\\0\\e\\n\\ttail"', MINI.read_text(encoding="utf-8"))
    path = tmp_path / "controls.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(spec, "NOT_TEXT_RE", re.compile("(?!)"))   # check lets them through
    shots = render_all(tmp_path / "shots", path)
    assert len(shots) >= 15
