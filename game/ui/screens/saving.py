"""When a save fails: say where and why, try again, save elsewhere; and warn before Continue loads an older game."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pygame

from ..flow import LoadSave, Open, Pop, Quit, SaveGame, ToTitle
from ..save_list import save_info
from ..session import SaveProblem
from ..settings import autosave_path
from ..theme import Theme
from ..widgets.buttons import Option
from ..widgets.core import ScrollText
from ..widgets.field import TextField
from ..widgets.text import Block
from .dialog import Dialog

# the way on without saving: Esc always goes back (playing on), so leaving the game takes its own key
LEAVE = {"": ("Go on without saving", Pop, pygame.K_ESCAPE),
         "title": ("Quit without saving", lambda: ToTitle(save=False), pygame.K_q),
         "quit": ("Quit without saving", Quit, pygame.K_q)}


class SaveFailedDialog(Dialog):
    """A save failed: where, why, and the ways on. retry is the request that tries again; leaving is what the
    player was doing ("": playing on, "title" or "quit": leaving the game)."""

    name = "save_failed"
    stamp_text = "not saved"
    width, height = 0.62, 0.56

    def __init__(self, app: Any, problem: SaveProblem, retry: Any, leaving: str = ""):
        self.problem, self.leaving = problem, leaving
        label, leave, key = LEAVE[leaving]
        super().__init__(app, "The game could not be saved", [],
                         [("Try again", lambda: retry, pygame.K_t),
                          ("Save elsewhere…", lambda: Open("save_elsewhere", failed=problem.folder, leaving=leaving),
                           pygame.K_s),
                          (label, leave, key)])

    def body_blocks(self) -> list[Block]:
        p = self.problem
        then = ("If you quit now, this game is lost: Continue would load an older one. Esc goes back to the game."
                if self.leaving else
                "Until it is saved, Continue on the title screen would load an older game (it will say so). "
                "You will be told again if the next save fails.")
        unit = self.app.session.scenario.calendar.unit if self.app.session else "turn"
        return [Block("body", f"The game of {unit} {p.week} could not be written to the folder {p.folder}."),
                Block("type", f"Reason: {p.reason}"), Block("gap", ""),
                Block("body", "Nothing is lost while the game stays open. Free some space or fix the folder and "
                              "try again, or save the game in another folder (your documents, a USB stick)."),
                Block("gap", ""), Block("body", then)]


def suggested_folders(failed: Path) -> list[Path]:
    """Folders a player is likely to be able to write to, other than the one that failed."""
    home = Path.home()
    out: list[Path] = []
    for folder in (home / "Documents", home / "Desktop", home, Path(tempfile.gettempdir())):
        if folder.is_dir() and folder != failed and folder not in out:
            out.append(folder)
    return out


class SaveElsewhere(Dialog):
    """Type (or pick) another folder and save a copy of the game there."""

    name = "save_elsewhere"
    width, height = 0.62, 0.7

    def __init__(self, app: Any, failed: Path, leaving: str = ""):
        self.leaving = leaving
        self.folders = suggested_folders(failed)
        self.field: TextField | None = None   # made once: what was typed survives a new layout
        super().__init__(app, "Save elsewhere", [], [("Save in this folder", self.save_typed, None),
                                                     ("Back", lambda: Pop(), pygame.K_ESCAPE)])

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        intro = [Block("body", "Type the folder to save this game in (it is made if it does not exist) and press "
                               "Enter, or choose one below. The Load screen lists the saves of that folder too.")]
        text = self.add(ScrollText(pygame.Rect(body.x, body.y, body.w, body.h // 3), theme, intro, style_bg=None))
        text_h = text.rect.h = min(body.h // 3, text.height + theme.pad * 2)
        fh = theme.line_height("bold") + theme.pad * 2
        y = body.y + text_h + theme.pad
        rect = pygame.Rect(body.x, y, body.w, fh)
        if self.field is None:
            self.field = TextField(rect, str(self.folders[0]) if self.folders else "", self.save_to, wid="folder",
                                   tooltip="The folder to save in. Enter saves.")
        self.field.rect = rect
        self.add(self.field)
        y += fh + theme.pad * 2
        for folder in self.folders:
            if y + fh > body.bottom:
                break
            self.add(Option(pygame.Rect(body.x, y, body.w, fh), f"Save in {folder}",
                            (lambda f=folder: self.save_to(str(f))), wid=f"folder:{folder}"))
            y += fh + theme.pad

    def first_focus(self) -> int:
        return self.widgets.index(self.field) if self.field in self.widgets else super().first_focus()

    def save_typed(self) -> Any:
        return self.save_to(self.field.text if self.field is not None else "")

    def save_to(self, text: str) -> Any:
        from ..flow import Notice

        if not text.strip():
            return Notice("Type a folder first.", "bad")
        return SaveGame(Path(text.strip()).expanduser().absolute(), self.leaving)


class ContinueWarning(Dialog):
    """Continue was pressed, but the newest game could not be autosaved: say so before loading anything."""

    name = "continue_warning"
    stamp_text = "older"
    width, height = 0.62, 0.6

    def __init__(self, app: Any, failure: dict[str, Any]):
        self.failure = failure
        elsewhere = Path(failure["elsewhere"]) if failure.get("elsewhere") else None
        self.copy = elsewhere if elsewhere is not None and elsewhere.is_file() else None
        buttons: list[tuple[str, Any, int | None]] = []
        if self.copy is not None:
            buttons.append(("Load the copy saved elsewhere", lambda: LoadSave(self.copy), pygame.K_y))
        if autosave_path().is_file():
            buttons.append(("Load the older autosave", lambda: LoadSave(autosave_path()), pygame.K_o))
        buttons += [("Load a game", lambda: Open("load"), pygame.K_l), ("Back", lambda: Pop(), pygame.K_ESCAPE)]
        super().__init__(app, "The newest game was not saved", [], buttons)

    def body_blocks(self) -> list[Block]:
        f = self.failure
        folder = f.get("folder") or str(autosave_path().parent)
        if "week" in f:
            first = f"When turn {f['week']} ended, the game could not be saved to {folder}."
        else:   # on a full disk the marker holds no details
            first = (f"The last game played could not be saved to {folder} (the disk may be full, or the folder "
                     "may not be writable).")
        blocks = [Block("body", first + (f" Reason: {f['reason']}." if f.get("reason") else ""))]
        if autosave_path().is_file():
            info = save_info(autosave_path())
            held = f"{info.unit} {info.week}" if info.week is not None else "a game"
            when = f", saved {info.saved.day} {info.saved:%b %Y, %H:%M}" if info.saved else ""
            blocks += [Block("gap", ""), Block("body", f"The autosave holds an older game: {held}{when}.")]
        else:
            blocks += [Block("gap", ""), Block("body", "There is no autosave to fall back on.")]
        if self.copy is not None:
            blocks += [Block("gap", ""), Block("body", f"A copy of the newer game was saved to {self.copy}.")]
        return [*blocks, Block("gap", ""),
                Block("body", "Load a game lists every save, also those saved in other folders.")]


class LastGameEnded(Dialog):
    """Continue was pressed, but the game in the autosave is over: say so, and offer its ending (and debrief)."""

    name = "last_game_ended"
    stamp_text = "ended"
    width, height = 0.84, 0.56

    def __init__(self, app: Any, info: Any, new_game: Any):
        self.info = info
        buttons: list[tuple[str, Any, int | None]] = [
            ("The ending", lambda: LoadSave(autosave_path()), pygame.K_RETURN),
            ("New game", new_game, pygame.K_n), ("Load a game", lambda: Open("load"), pygame.K_l),
            ("Back", lambda: Pop(), pygame.K_ESCAPE)]
        super().__init__(app, "The last game has ended", [], buttons)

    def body_blocks(self) -> list[Block]:
        i = self.info
        game = f"Your last game of {i.scenario}" if i.scenario else "Your last game"
        ended = f"{game} has ended: ‘{i.outcome}’." if i.outcome else f"{game} has ended."
        return [Block("body", ended), Block("gap", ""),
                Block("body", "There is no unfinished game to continue. Open its ending to read the verdict and "
                              "export the debrief again, start a new game, or load another save.")]
