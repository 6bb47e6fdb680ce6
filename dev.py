"""Set up a virtual environment in .venv when needed, then play or test.

    python3 dev.py play [ARGS...]   install what the game needs, then start it
    python3 dev.py test [ARGS...]   install what the tests need, then run ruff and pytest
    python3 dev.py bundle [--out DIR] [--here] [--tests]
                                    copy the game with the wheels it needs for Windows, macOS and
                                    Linux into DIR, for lab machines with no network

A copy made by `bundle` has a wheels/ folder; there `play` and `test` install from it alone (pip's
--no-index), never from the network.

Only the standard library is used here, so this works on a fresh machine with Python 3.10+.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = {"play": "requirements.txt", "test": "requirements-dev.txt"}
WHEELS = ROOT / "wheels"
BUNDLE_PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")
BUNDLE_PLATFORMS = ("win_amd64", "win32", "macosx_12_0_x86_64", "macosx_12_0_arm64",
                    "manylinux2014_x86_64", "manylinux2014_aarch64")
LEFT_OUT = {".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", "wheels"}


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
        offline = ["--no-index", "--find-links", str(WHEELS)] if WHEELS.is_dir() else []
        print(f"Installing {REQUIREMENTS[mode]}{' from wheels/' if offline else ''} ...", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", *offline,
                        "-r", str(ROOT / REQUIREMENTS[mode])], check=True)
        stamp.write_text(wanted)
    return python


def copy_sources(out: Path) -> None:
    """Copy the game's files into `out`, leaving out environments, caches and VCS data."""
    def ignore(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n in LEFT_OUT or n.endswith((".pyc", ".tmp"))
                or Path(folder, n).resolve() == out.resolve()}
    shutil.copytree(ROOT, out, ignore=ignore, dirs_exist_ok=True)


def download_wheels(wheels: Path, requirements: Path, here: bool) -> list[str]:
    """Download wheels for every bundled Python and platform (or only this one); return what had none."""
    targets = [[]] if here else [["--python-version", v, "--platform", p]
                                 for v in BUNDLE_PYTHONS for p in BUNDLE_PLATFORMS]
    missing = []
    for target in targets:
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "-q",
                               "--only-binary=:all:", "-d", str(wheels), *target, "-r", str(requirements)],
                              capture_output=True, text=True)
        if done.returncode:
            missing.append(" ".join(target[1::2]) or "this machine")
    return missing


def bundle(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="dev.py bundle", description="Copy the game with its wheels into DIR.")
    parser.add_argument("--out", default="moscow1939-offline", help="folder to make (default: moscow1939-offline)")
    parser.add_argument("--here", action="store_true", help="only wheels for this machine's Python and system")
    parser.add_argument("--tests", action="store_true", help="also the wheels the tests need")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    copy_sources(out)
    requirements = ROOT / REQUIREMENTS["test" if args.tests else "play"]
    print(f"Downloading wheels into {out / 'wheels'} ...", flush=True)
    missing = download_wheels(out / "wheels", requirements, args.here)
    for target in missing:
        print(f"dev.py bundle: no wheels for Python/system {target}; leave it out of the lab", file=sys.stderr)
    if len(missing) == (1 if args.here else len(BUNDLE_PYTHONS) * len(BUNDLE_PLATFORMS)):
        print("dev.py bundle: no wheels could be downloaded; is the network reachable?", file=sys.stderr)
        return 1
    print(f"Done. Copy {out} to each machine and run: python3 dev.py play")
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "bundle":
        return bundle(argv[1:])
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
