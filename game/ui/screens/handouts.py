"""Writing the scenario's handouts (role cards, source handouts, a teacher's sheet) to a folder, from the title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from ..flow import Notice, Pop
from ..settings import exports_dir
from ..theme import Theme
from ..widgets.caption import Caption
from ..widgets.core import ScrollText
from ..widgets.line import LineEdit
from ..widgets.text import Block
from .dialog import Dialog


class HandoutsDialog(Dialog):
    """The folder to write into (the game's exports folder unless another is typed), then where they went."""

    name = "handouts"
    width, height = 0.66, 0.7

    def __init__(self, app: Any, scenario_path: Path):
        self.scenario_path = scenario_path
        self.field: LineEdit | None = None   # made once: what was typed survives a new layout
        self.written: list[Path] = []
        super().__init__(app, "Handouts to print", [], [("Write the handouts", self.write, None),
                                                        ("Back", lambda: Pop(), pygame.K_ESCAPE)])

    def body_blocks(self) -> list[Block]:
        blocks = [Block("body", "Three pages to print (A4 or Letter) from the scenario: a role card for every power "
                                "(its secret aims for that team only), the source cards grouped by perspective, and "
                                "a teacher's sheet. Open them in a web browser and print. Written again, they are "
                                "the same files.")]
        if self.written:
            blocks += [Block("gap", ""), Block("strong", f"Written to {self.written[0].parent}:")]
            blocks += [Block("type", path.name) for path in self.written]
        return blocks

    def layout_body(self, theme: Theme, body: pygame.Rect) -> None:
        fh = theme.line_height("bold") + theme.pad * 2
        label_h = theme.line_height("bold") + theme.pad
        rect = pygame.Rect(body.x, body.y + label_h, body.w, fh)
        self.add(ScrollText(pygame.Rect(body.x, rect.bottom + theme.pad, body.w, body.bottom - rect.bottom - theme.pad),
                            theme, self.body_blocks(), wid="handouts-text"))
        self.add(Caption(pygame.Rect(body.x, body.y, body.w, 0), theme, "Folder:", "strong", wid="folder-label"))
        if self.field is None:
            self.field = LineEdit(rect, str(exports_dir()), wid="folder", limit=1000,
                                  tooltip="The folder to write the handouts into (it is made if it does not exist)")
        self.field.rect = rect
        self.add(self.field)

    def write(self) -> Any:
        from ...export.handouts import write_handouts
        from ..scenario_lookup import read_scenario

        typed = self.field.text.strip() if self.field is not None else ""
        if not typed:
            return Notice("Type a folder first.", "bad")
        folder = Path(typed).expanduser().absolute()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.written = write_handouts(read_scenario(self.scenario_path), folder)
        except OSError as exc:
            return Notice(f"Could not write the handouts to {folder}: {exc.strerror or exc}", "bad")
        except Exception as exc:   # a scenario with errors
            return Notice(f"Could not make the handouts: {exc}", "bad")
        self.stale = True
        return Notice(f"Handouts written to {folder}", "good")
