"""Read untrusted YAML into plain values that remember where each node stood."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import NOWHERE, Diagnostic, Pos, ScenarioError

MAX_BYTES = 4 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class LocDict(dict):
    """A mapping that knows its own position and those of its keys and values."""

    pos: Pos
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]

    def at(self, key: str) -> Pos:
        return self.value_pos.get(key, self.pos)


class LocList(list):
    """A sequence that knows its own position and those of its items."""

    pos: Pos
    item_pos: list[Pos]

    def at(self, index: int) -> Pos:
        return self.item_pos[index] if index < len(self.item_pos) else self.pos


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else NOWHERE


def _fail(path: str, pos: Pos, message: str) -> ScenarioError:
    return ScenarioError([Diagnostic(path, pos.line, pos.col, message)])


def decode(data: bytes, path: str) -> str:
    """Check size, binary content and encoding; return the text."""
    if len(data) > MAX_BYTES:
        raise _fail(path, NOWHERE, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    if not data.strip():
        raise _fail(path, NOWHERE, "file is empty")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise _fail(path, Pos(line, 1), "file looks binary (it contains NUL bytes), not YAML text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise _fail(path, Pos(line, col), f"file is not UTF-8 text (byte 0x{data[exc.start]:02x})") from None
    return text


_BRACKETS = re.compile(r"[\[\]{}\n]")


def _check_nesting(text: str, path: str) -> None:
    """Refuse flow collections nested deeper than the parser can safely follow."""
    depth = 0
    line = 1
    for match in _BRACKETS.finditer(text):
        ch = match.group()
        if ch == "\n":
            line += 1
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                col = match.start() - text.rfind("\n", 0, match.start())
                raise _fail(path, Pos(line, col), f"nesting deeper than {MAX_DEPTH} levels")
        else:
            depth = max(0, depth - 1)


def parse(text: str, path: str) -> Any:
    """Compose YAML with a safe loader and convert it to located plain values."""
    _check_nesting(text, path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = (exc.problem or exc.context or "invalid YAML").strip()
        raise _fail(path, _pos(mark), f"invalid YAML: {message}") from None
    except yaml.YAMLError as exc:
        raise _fail(path, NOWHERE, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise _fail(path, NOWHERE, "nesting too deep") from None
    if node is None:
        raise _fail(path, NOWHERE, "file holds no YAML document")
    return _Converter(path).convert(node, 0)


class _Converter:
    def __init__(self, path: str):
        self.path = path
        self.count = 0
        self.active: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, depth: int, pos: Pos | None = None) -> Any:
        self.count += 1
        if node.__class__ is yaml.ScalarNode:
            if node.tag == _STR_TAG:
                return node.value
            return self.scalar(node, pos or _pos(node.start_mark))
        pos = pos or _pos(node.start_mark)
        if self.count > MAX_NODES:
            raise _fail(self.path, pos, f"more than {MAX_NODES:,} values (are aliases expanding?)")
        if depth > MAX_DEPTH:
            raise _fail(self.path, pos, f"nesting deeper than {MAX_DEPTH} levels")
        if id(node) in self.active:
            raise _fail(self.path, pos, "an alias refers to the collection that contains it")
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, pos, depth)
            return self.sequence(node, pos, depth)
        finally:
            self.active.discard(id(node))

    def scalar(self, node: yaml.ScalarNode, pos: Pos) -> Any:
        if node.tag == _STR_TAG:
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise _fail(self.path, pos, f"YAML tag {node.tag!r} is not allowed here")
        try:
            value = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise _fail(self.path, pos, f"bad value {node.value!r}: {exc}") from None
        if isinstance(value, float) and not math.isfinite(value):
            raise _fail(self.path, pos, f"number {node.value!r} is not finite")
        return value

    def mapping(self, node: yaml.MappingNode, pos: Pos, depth: int) -> LocDict:
        if node.tag != _MAP_TAG:
            raise _fail(self.path, pos, f"YAML tag {node.tag!r} is not allowed here")
        result = LocDict()
        key_pos: dict[str, Pos] = {}
        value_pos: dict[str, Pos] = {}
        result.pos, result.key_pos, result.value_pos = pos, key_pos, value_pos
        for key_node, value_node in node.value:
            kmark = key_node.start_mark
            kpos = Pos(kmark.line + 1, kmark.column + 1)
            if key_node.__class__ is not yaml.ScalarNode:
                raise _fail(self.path, kpos, "a key must be a plain word, not a list or mapping")
            if key_node.tag == _STR_TAG:
                key = key_node.value
            elif key_node.tag == "tag:yaml.org,2002:merge":
                raise _fail(self.path, kpos, "merge keys (<<) are not supported; write the fields out")
            else:
                key = self.scalar(key_node, kpos)
                key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in key_pos:
                raise _fail(self.path, kpos, f"duplicate key {key!r} (first at line {key_pos[key].line})")
            key_pos[key] = kpos
            vmark = value_node.start_mark
            vpos = value_pos[key] = Pos(vmark.line + 1, vmark.column + 1)
            result[key] = self.convert(value_node, depth + 1, vpos)
        return result

    def sequence(self, node: yaml.SequenceNode, pos: Pos, depth: int) -> LocList:
        if node.tag != _SEQ_TAG:
            raise _fail(self.path, pos, f"YAML tag {node.tag!r} is not allowed here")
        result = LocList()
        result.pos, result.item_pos = pos, []
        for item in node.value:
            mark = item.start_mark
            ipos = Pos(mark.line + 1, mark.column + 1)
            result.item_pos.append(ipos)
            result.append(self.convert(item, depth + 1, ipos))
        return result


def read_file(path: Path, display: str | None = None) -> Any:
    """Read and parse a YAML file, raising ScenarioError with a located message."""
    name = display or str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _fail(name, NOWHERE, "no such file") from None
    except IsADirectoryError:
        raise _fail(name, NOWHERE, "is a directory, not a file") from None
    except OSError as exc:
        raise _fail(name, NOWHERE, f"cannot read file: {exc.strerror or exc}") from None
    return parse(decode(data, name), name)
