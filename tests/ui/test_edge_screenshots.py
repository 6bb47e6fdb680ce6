"""`screenshot` on generated scenarios at the edges of the format: every one renders, none crashes."""

from __future__ import annotations

import pytest

from tests import edge_scenarios


@pytest.mark.parametrize("case", list(edge_scenarios.CASES))
def test_screenshot_renders_an_edge_scenario(tmp_path, case, capsys, monkeypatch):
    """Every screen is drawn; writing the PNG files (tested in test_screenshots.py) is left out, for speed."""
    import pygame

    from game.cli import main

    monkeypatch.setattr(pygame.image, "save", lambda surface, path: open(path, "wb").close())

    path = edge_scenarios.write(tmp_path / f"{case}.yaml", edge_scenarios.CASES[case]())
    assert main(["check", str(path)]) == 0
    assert main(["screenshot", str(path), "--out", str(tmp_path / "shots")]) == 0, capsys.readouterr().err
    names = " ".join(p.name for p in (tmp_path / "shots").iterdir())
    assert "title" in names and "ending" in names


def test_screenshot_out_naming_a_file_is_a_usage_error(tmp_path, capsys):
    from game.cli import main

    out = tmp_path / "a-file.png"
    out.write_bytes(b"")
    assert main(["screenshot", "--out", str(out)]) == 2
    assert "is a file" in capsys.readouterr().err


def test_screenshot_of_an_invalid_scenario_prints_located_errors(tmp_path, capsys):
    from game.cli import main

    path = tmp_path / "bad.yaml"
    path.write_text("format: 1\nid: x\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["screenshot", str(path), "--out", str(tmp_path / "shots")])
    assert exit_.value.code == 1
    assert f"{path}:" in capsys.readouterr().err
