"""The code shape bars (docs/ARCHITECTURE.md): no function above 60 lines and no module above 450 lines, in the
game, its tools, benchmarks and tests. The third bar, cyclomatic complexity 15, is ruff's C901 (pyproject.toml)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

FUNCTION_LINES = 60
MODULE_LINES = 450
CODE = ("game", "tools", "bench", "tests", "main.py", "dev.py")


def sources(*tops: str) -> list[Path]:
    """The Python files under the named folders and files of the repository."""
    found = []
    for top in tops:
        path = ROOT / top
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def test_no_function_is_longer_than_sixty_lines():
    long = []
    for path in sources(*CODE):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name} has {lines} lines")
    assert long == []


def test_no_module_is_longer_than_450_lines():
    long = [f"{path.relative_to(ROOT)}: {n} lines" for path in sources(*CODE)
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES]
    assert long == []
