"""`dev.py bundle` makes a folder from which `dev.py play` installs with no network."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NO_NETWORK = {"PIP_CONFIG_FILE": os.devnull, "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
              "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}


def test_bundle_installs_and_plays_with_no_network(tmp_path: Path) -> None:
    out = tmp_path / "lab"
    made = subprocess.run([sys.executable, str(ROOT / "dev.py"), "bundle", "--here", "--out", str(out)],
                          capture_output=True, text=True)
    if made.returncode and not os.environ.get("CI"):
        pytest.skip(f"no package index reachable to make the bundle: {made.stderr.strip()}")
    assert made.returncode == 0, made.stderr
    assert any(w.name.startswith("pygame_ce-") for w in (out / "wheels").iterdir())
    assert not (out / ".venv").exists() and not (out / ".git").exists()
    env = {**os.environ, **NO_NETWORK, "SDL_VIDEODRIVER": "dummy"}
    played = subprocess.run([sys.executable, "dev.py", "play", "check", "scenarios/1939.yaml"], cwd=out,
                            capture_output=True, text=True, env=env)
    assert played.returncode == 0, played.stdout + played.stderr
    assert "from wheels/" in played.stdout
    assert "scenarios/1939.yaml: ok" in played.stdout
