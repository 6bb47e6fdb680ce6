"""Settings remembered between sessions, and the folders for saves, autosaves, mods and logs."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..files import write_atomic

APP = "moscow1939"
MAX_SAVE_FOLDERS = 8
WINDOW_SIZES = ((1280, 720), (1600, 900), (1920, 1080), (2560, 1440), (3840, 2160))


def window_sizes(screen: tuple[int, int] | None, current: tuple[int, int]) -> list[tuple[int, int]]:
    """The window sizes to offer: those that fit the screen (all, if its size is not known), and the current one."""
    sizes = [s for s in WINDOW_SIZES if screen is None or (s[0] <= screen[0] and s[1] <= screen[1])]
    return sorted({*sizes, (int(current[0]), int(current[1]))})


def _home(kind: str) -> Path:
    """The platform folder of a kind (config, data, log); MOSCOW1939_HOME overrides all (tests, portable use)."""
    override = os.environ.get("MOSCOW1939_HOME")
    if override:
        return Path(override) / kind
    import platformdirs

    if kind == "config":
        return Path(platformdirs.user_config_dir(APP, appauthor=False))
    if kind == "log":
        return Path(platformdirs.user_log_dir(APP, appauthor=False))
    if kind == "cache":
        return Path(platformdirs.user_cache_dir(APP, appauthor=False))
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    return _home("config")


def data_dir() -> Path:
    return _home("data")


def saves_dir() -> Path:
    return data_dir() / "saves"


def mods_dir() -> Path:
    return data_dir() / "mods"


def debrief_dir() -> Path:
    return data_dir() / "debriefs"


def exports_dir() -> Path:
    """Where the window writes what is printed: handouts, and a class's grading pages."""
    return data_dir() / "exports"


def cache_dir() -> Path:
    """What can be computed again: the simulated games behind the ending's verdict."""
    return _home("cache")


def log_dir() -> Path:
    return _home("log")


def autosave_path() -> Path:
    return saves_dir() / "autosave.json"


def _window(value: Any) -> tuple[int, int] | None:
    if (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)
            and 320 <= value[0] <= 8000 and 240 <= value[1] <= 5000):
        return value[0], value[1]
    return None


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


# How each setting is read from the file: its value, or None if it is missing or malformed (the default stays).
READERS: dict[str, Callable[[Any], Any]] = {
    "text_step": lambda v: max(0, min(3, v)) if isinstance(v, int) and not isinstance(v, bool) else None,
    "high_contrast": _flag,
    "fullscreen": _flag,
    "window": _window,
    "scenario": lambda v: v if isinstance(v, str) else None,
    "save_folders": lambda v: [x for x in v if isinstance(x, str)][:MAX_SAVE_FOLDERS] if isinstance(v, list) else None,
}


@dataclass
class Settings:
    text_step: int = 1
    high_contrast: bool = False
    fullscreen: bool = False
    window: tuple[int, int] = (1280, 720)
    scenario: str = ""
    save_folders: list[str] = field(default_factory=list)   # other folders the player saved to (Load lists them)

    @classmethod
    def load(cls) -> Settings:
        """Read the settings; anything missing or malformed falls back to the default."""
        s = cls()
        try:
            data = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):   # RecursionError: nested too deep to decode
            return s
        if not isinstance(data, dict):
            return s
        for name, read in READERS.items():
            value = read(data.get(name))
            if value is not None:
                setattr(s, name, value)
        return s

    def remember_save_folder(self, folder: Path) -> None:
        """Add a folder the player saved to (most recent first) and save the settings."""
        self.save_folders = [str(folder), *(f for f in self.save_folders if f != str(folder))][:MAX_SAVE_FOLDERS]
        self.save()

    def save(self) -> None:
        path = config_dir() / "settings.json"
        with contextlib.suppress(OSError):   # settings are a convenience: never fail the game over them
            write_atomic(path, json.dumps(asdict(self), indent=1))
