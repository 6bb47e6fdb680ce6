"""Read untrusted YAML into plain values that remember where each node stood."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import NOWHERE, Diagnostic, Pos, Report, ScenarioError

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
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_SEQ_TAG = "tag:yaml.org,2002:seq"


class LocDict(dict):
    """A mapping that knows its own position and those of its keys and values."""

    pos: Pos
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]
    flow = False   # written inline, as {a: 1, b: 2}

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
        raise _fail(path, NOWHERE, f"file is larger than the limit of {MAX_BYTES:,} bytes")
    if not data.strip():
        raise _fail(path, NOWHERE, "file is empty")
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise _fail(path, Pos(line, 1), "file looks binary (it contains NUL bytes), not YAML text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before[before.rfind(b"\n") + 1:]
        col = len(line_start.decode("utf-8", errors="replace")) + 1
        raise _fail(path, Pos(line, col), f"file is not UTF-8 text (byte 0x{data[exc.start]:02x})") from None
    return text


def parse(text: str, path: str, report: Report | None = None) -> Any:
    """Parse YAML with the safe loader's event stream into located plain values.

    Building from events (not from composed nodes) keeps nesting, size and aliases under control
    before anything recursive runs: the C composer would crash the interpreter on deep nesting.
    A duplicate key keeps its first value; it is reported to `report` (so that the rest of the file is
    checked too), or raised at the end without one.
    """
    builder = _Builder(path, _Loader(text))
    try:
        value = builder.document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = (exc.problem or exc.context or "invalid YAML").strip()
        if "nesting depth" in message:  # libyaml's own limit, met while it scans ahead of our check
            raise _fail(path, _pos(mark), f"nesting deeper than {MAX_DEPTH} levels") from None
        if _colon_in_text(text, mark, message):
            other = "that the [ or { before it is closed" if "expected ','" in message else "this line's indentation"
            raise _fail(path, _pos(mark), "invalid YAML: a colon followed by a space inside unquoted text; if the "
                                          'colon belongs to the text, quote the text (text: "Note: this"); '
                                          f"otherwise check {other}") from None
        raise _fail(path, _pos(mark), f"invalid YAML: {message}") from None
    except yaml.YAMLError as exc:
        raise _fail(path, NOWHERE, f"invalid YAML: {exc}") from None
    finally:
        builder.loader.dispose()
    if report is not None:
        report.items.extend(builder.problems)
    elif builder.problems:
        raise ScenarioError(builder.problems)
    return value


def _colon_in_text(text: str, mark: Any, message: str) -> bool:
    """Whether YAML stopped at a colon that a writer meant as part of a text ('text: Note: this')."""
    if mark is None or not ("mapping values are not allowed" in message or "expected ','" in message):
        return False
    return text[mark.index: mark.index + 1] == ":"


class _Builder:
    """Turns a stream of YAML events into LocDict / LocList / scalars, iteratively."""

    def __init__(self, path: str, loader: Any):
        self.path = path
        self.loader = loader
        self.count = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.constructor = yaml.constructor.SafeConstructor()
        self.problems: list[Diagnostic] = []   # found, but the file can still be read past them

    def next_event(self) -> yaml.Event:
        return self.loader.get_event()

    def document(self) -> Any:
        self.next_event()  # StreamStart
        if self.loader.check_event(yaml.StreamEndEvent):
            raise _fail(self.path, NOWHERE, "file holds no YAML document")
        self.next_event()  # DocumentStart
        value = self.collection_or_scalar(self.next_event())
        self.next_event()  # DocumentEnd
        if not self.loader.check_event(yaml.StreamEndEvent):
            event = self.next_event()
            raise _fail(self.path, _pos(event.start_mark), "a scenario file holds one YAML document (found a second '---')")
        return value

    def grow(self, amount: int, event: yaml.Event) -> None:
        self.count += amount
        if self.count > MAX_NODES:
            raise _fail(self.path, _pos(event.start_mark), f"more than {MAX_NODES:,} values (are aliases expanding?)")

    def collection_or_scalar(self, event: yaml.Event) -> Any:
        """Build the value that starts with `event`, keeping an explicit stack instead of recursing."""
        root: list[Any] = []
        # each frame: [container, pending key, key position, anchor, size at start, open event]
        stack: list[list[Any]] = [[root, None, None, None, 0, event]]
        while True:
            cls = event.__class__
            if cls is yaml.ScalarEvent:
                self.on_scalar(stack, event)
            elif cls is yaml.AliasEvent:
                self.on_alias(stack, event)
            elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                self.on_open(stack, event, cls is yaml.MappingStartEvent)
            else:  # MappingEnd / SequenceEnd
                self.on_close(stack)
            if len(stack) == 1 and root:
                return root[0]
            event = self.next_event()

    def on_scalar(self, stack: list[list[Any]], event: yaml.Event) -> None:
        value = self.scalar(event)
        self.grow(1, event)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self.add(stack, value, event)

    def on_alias(self, stack: list[list[Any]], event: yaml.Event) -> None:
        if event.anchor not in self.anchors:
            raise _fail(self.path, _pos(event.start_mark),
                        f"alias *{event.anchor} refers to an unknown anchor (or to the collection that contains it)")
        value, size = self.anchors[event.anchor]
        self.grow(size, event)
        self.add(stack, value, event)

    def on_open(self, stack: list[list[Any]], event: yaml.Event, mapping: bool) -> None:
        """Start a mapping or sequence: push a new frame for it."""
        self.check_tag(event, _MAP_TAG if mapping else _SEQ_TAG)
        if len(stack) > MAX_DEPTH:
            raise _fail(self.path, _pos(event.start_mark), f"nesting deeper than {MAX_DEPTH} levels")
        self.grow(1, event)
        container: Any = LocDict() if mapping else LocList()
        container.pos = _pos(event.start_mark)
        if mapping:
            container.key_pos, container.value_pos = {}, {}
            container.flow = bool(event.flow_style)
        else:
            container.item_pos = []
        stack.append([container, None, None, event.anchor, self.count, event])

    def on_close(self, stack: list[list[Any]]) -> None:
        """End the innermost mapping or sequence and add it to its parent."""
        container, key, _, anchor, size0, opened = stack.pop()
        if key is not None:
            raise _fail(self.path, _pos(opened.start_mark), "a key without a value")
        if anchor:
            self.anchors[anchor] = (container, self.count - size0 + 1)
        self.add(stack, container, opened)

    def add(self, stack: list[list[Any]], value: Any, event: yaml.Event) -> None:
        frame = stack[-1]
        container = frame[0]
        pos = _pos(event.start_mark)
        if container.__class__ is LocDict:
            if frame[1] is None:
                frame[1], frame[2] = self.key(value, pos, container), pos
            else:
                key = frame[1]
                if key not in container:   # (a duplicate keeps the first value)
                    container.key_pos[key] = frame[2]
                    container.value_pos[key] = pos
                    container[key] = value
                frame[1] = None
        elif container.__class__ is LocList:
            container.item_pos.append(pos)
            container.append(value)
        else:
            container.append(value)

    def key(self, value: Any, pos: Pos, mapping: LocDict) -> str:
        if isinstance(value, (dict, list)):
            raise _fail(self.path, pos, "a key must be a plain word, not a list or mapping")
        key = str(value).lower() if isinstance(value, bool) else str(value)
        if key in mapping.key_pos or key in mapping:
            first = mapping.key_pos.get(key, pos).line
            self.problems.append(Diagnostic(self.path, pos.line, pos.col, f"duplicate key {key!r} (first at line {first})"))
        return key

    def check_tag(self, event: yaml.Event, allowed: str) -> None:
        tag = event.tag
        if tag not in (None, "!", allowed):
            raise _fail(self.path, _pos(event.start_mark), f"YAML tag {tag!r} is not allowed here")

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            return event.value
        pos = _pos(event.start_mark)
        if tag == "tag:yaml.org,2002:merge":
            raise _fail(self.path, pos, "merge keys (<<) are not supported; write the fields out")
        if tag not in _SCALAR_TAGS:
            raise _fail(self.path, pos, f"YAML tag {tag!r} is not allowed here")
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            if tag == _TIMESTAMP_TAG:  # '1939-02-30': left as text, for the field's own check to name
                return event.value
            raise _fail(self.path, pos, f"bad value {event.value!r}: {exc}") from None
        if isinstance(value, float) and not math.isfinite(value):
            raise _fail(self.path, pos, f"number {event.value!r} is not finite")
        return value


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
