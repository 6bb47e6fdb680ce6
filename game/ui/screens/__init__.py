"""The screens, registered by name: handlers in a stack that return requests (game.ui.flow) to the app.

A screen's module is imported when the screen is first opened, so that the title appears before the engine
is loaded. Each screen class names itself with the same key (its `name` attribute).
"""

from __future__ import annotations

import importlib
from typing import Any

SCREENS: dict[str, str] = {
    "title": "title:TitleScreen",
    "scenarios": "title:ScenarioChooser",
    "class_setup": "class_setup:ClassSetupScreen",
    "handouts": "handouts:HandoutsDialog",
    "desk": "desk:DeskScreen",
    "negotiation": "negotiation:NegotiationScreen",
    "briefing": "briefing:BriefingScreen",
    "archive": "archive:ArchiveScreen",
    "map": "map_screen:MapScreen",
    "pause": "pause:PauseScreen",
    "settings": "pause:SettingsScreen",
    "load": "pause:LoadScreen",
    "event": "event:EventDialog",
    "week_report": "event:WeekReport",
    "ending": "ending:EndingScreen",
    "signing": "signing:SigningCard",
    "handover": "handover:HandoverScreen",
    "console": "console:ConsoleScreen",
    "console_pin": "console:PinDialog",
    "console_inject": "console:InjectDialog",
    "console_rewind": "console:RewindDialog",
    "console_seats": "console:SeatsDialog",
    "console_codes": "console_codes:CodesDialog",
    "console_code": "console_codes:NewCodeDialog",
    "host": "host:HostScreen",
    "lesson_end": "lesson_end:LessonEndScreen",
    "dialog": "dialog:Dialog",
    "error": "dialog:ErrorDialog",
    "help": "dialog:HelpDialog",
    "confirm": "dialog:ConfirmDialog",
    "decide": "decide:DecideDialog",
    "save_failed": "saving:SaveFailedDialog",
    "save_elsewhere": "saving:SaveElsewhere",
    "continue_warning": "saving:ContinueWarning",
    "last_game_ended": "saving:LastGameEnded",
}


def screen_class(name: str) -> Any:
    """The class of the screen registered under name (KeyError for a name nobody registered)."""
    module, cls = SCREENS[name].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), cls)


# the screens whose keys README's table lists, in the order a player meets them
KEYED = ("title", "desk", "negotiation", "event", "week_report", "briefing", "archive", "map", "pause", "settings",
         "load", "ending")


def keys_table() -> str:
    """README's table of keys: each screen's `keys`, as F1 shows them (tests/ui/test_help.py compares the two)."""
    rows = ["| screen | key | what it does |", "|---|---|---|"]
    for name in KEYED:
        for key, does in screen_class(name).keys:
            rows.append(f"| {name.replace('_', ' ')} | {key} | {does} |")
    return "\n".join(rows)
