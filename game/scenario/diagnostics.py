"""Located messages about scenario and save files."""

from __future__ import annotations

from typing import NamedTuple


class Pos(NamedTuple):
    """A 1-based line and column in a file; `path` names the file when it is not the one being reported on
    (a base an overlay extends)."""

    line: int
    col: int
    path: str = ""


NOWHERE = Pos(1, 1)


class Diagnostic(NamedTuple):
    """One error or warning, printed as PATH:LINE:COL: severity: message."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    def to_json(self) -> dict:
        return {"line": self.line, "col": self.col, "message": self.message}


class ScenarioError(Exception):
    """Raised when a file cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))


class Report:
    """Collects diagnostics for one file."""

    def __init__(self, path: str):
        self.path = path
        self.items: list[Diagnostic] = []

    def error(self, pos: Pos, message: str) -> None:
        self.items.append(Diagnostic(pos.path or self.path, pos.line, pos.col, message))

    def warn(self, pos: Pos, message: str) -> None:
        self.items.append(Diagnostic(pos.path or self.path, pos.line, pos.col, message, "warning"))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]
