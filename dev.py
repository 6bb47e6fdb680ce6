"""Set up a virtual environment in .venv when needed, then play or test.

    python3 dev.py play [ARGS...]   install what the game needs, then start it
    python3 dev.py test [ARGS...]   install what the tests need, then run ruff and pytest

Only the standard library is used here, so this works on a fresh machine with Python 3.10+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = {"play": "requirements.txt", "test": "requirements-dev.txt"}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def requirements_stamp(name: str) -> str:
    text = "".join((ROOT / f).read_text(encoding="utf-8") for f in sorted(set(REQUIREMENTS.values())))
    return hashlib.sha256((name + text).encode()).hexdigest()


def ensure_environment(mode: str) -> Path:
    """Create .venv and install the requirements for `mode` unless they are already there."""
    if sys.version_info < (3, 10):  # noqa: UP036 - this file must run on any Python to say so
        sys.exit("Moscow 1939 needs Python 3.10 or newer.")
    python = venv_python()
    if not python.exists():
        print("Creating a virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{mode}"
    wanted = requirements_stamp(REQUIREMENTS[mode])
    if not stamp.exists() or stamp.read_text() != wanted:
        print(f"Installing {REQUIREMENTS[mode]} ...", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        "-r", str(ROOT / REQUIREMENTS[mode])], check=True)
        stamp.write_text(wanted)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in REQUIREMENTS:
        print(__doc__)
        return 2
    mode, rest = argv[0], argv[1:]
    try:
        python = ensure_environment(mode)
    except subprocess.CalledProcessError as exc:
        print(f"dev.py: installing failed (exit {exc.returncode}); see the messages above.", file=sys.stderr)
        return 1
    if mode == "play":
        return subprocess.call([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT)
    lint = subprocess.call([str(python), "-m", "ruff", "check", "."], cwd=ROOT)
    if lint:
        return lint
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
