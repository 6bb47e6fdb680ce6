"""Saving from the window: a new save, the autosave tried again, and what the player is told when a save fails.

A failed save is never silent: the save-failed dialog names the folder and the reason and offers to try again
or to save elsewhere; a save that works closes what asked for it and, if the player was leaving, leaves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import flow
from .settings import autosave_path, saves_dir


def save_game(app: Any, folder: Path | None = None, leaving: str = "") -> None:
    """Write a new save; if that works, close the menu or dialogs that asked and say where it went; if not,
    say why (in the save-failed dialog, or in a notice if the player chose another folder)."""
    from .session import SaveProblem

    try:
        path = app.session.save_new(folder)
    except OSError as exc:
        problem = SaveProblem.of(exc, folder or saves_dir(), app.session.view.week().turn)
        if folder is not None:
            app.notify(f"Cannot save in {folder}: {problem.reason}", "bad", 8.0)
        else:
            save_failed(app, problem, flow.SaveGame(leaving=leaving), leaving)
        return
    if folder is not None:
        app.settings.remember_save_folder(folder)
    saved(app, f"Saved: {path}", leaving)


def autosave(app: Any, leaving: str = "") -> None:
    """Try the autosave again after it failed."""
    if app.session.autosave():
        saved(app, "The game is saved.", leaving)
    else:
        save_failed(app, leaving=leaving)


def save_failed(app: Any, problem: Any = None, retry: Any = None, leaving: str = "") -> None:
    """Tell the player that a save failed, where and why (the autosave's problem unless another is given)."""
    problem = problem or app.session.save_problem
    if app.top_is("save_failed"):   # tried again in vain: the dialog stays, with the latest reason
        app.top.problem, app.top.stale = problem, True
        app.notify(f"Still not saved: {problem.reason}", "bad", 6.0)
        return
    app.open("save_failed", problem=problem, retry=retry or flow.Autosave(leaving), leaving=leaving)


def saved(app: Any, text: str, leaving: str) -> None:
    """A save worked: close what asked for it (the menu, the save dialogs), then leave if the player was."""
    while len(app.stack) > 1 and app.top.name in ("pause", "save_failed", "save_elsewhere"):
        app.stack.pop()
    app.invalidate()
    app.notify(text, "good")
    if leaving == "title":
        app.to_title(save=False)
    elif leaving == "quit":
        app.running = False


def rescue_note(app: Any) -> str:
    """Save the game in play beside (never over) the autosave; say so in a line for the crash log."""
    if app is None or app.session is None:
        return ""
    from ..engine.saves import DamagedState

    try:
        rescue = autosave_path().with_name("crash-rescue.json")
        app.session.rescue(rescue)   # a damaged state is never saved: it would only crash again
        return f"\nThe game at the moment of the crash was saved to {rescue}; the autosave is kept.\n"
    except DamagedState as exc:
        return f"\nThe game was not saved at the moment of the crash: {exc}.\n"
    except Exception:
        return "\nThe game could not be saved at the moment of the crash; the autosave is kept.\n"
