"""Everything the command line writes passes here: control characters are shown, never obeyed, and text the
stream cannot encode is replaced instead of crashing the command."""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from ..scenario.spec import NOT_TEXT_RE

NOT_JSON_TEXT_RE = re.compile("[\x7f-\x9f]")   # what json.dumps leaves raw with ensure_ascii=False (it escapes C0)


def printable(text: str) -> str:
    """Control characters (ESC, BEL, CR, CSI and the rest of C0 and C1) as visible escapes like \\x1b."""
    return NOT_TEXT_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_text(data: Any, utf8: bool) -> str:
    """JSON with every control character escaped; non-ASCII as it is if the stream takes UTF-8, else escaped."""
    text = json.dumps(data, indent=2, ensure_ascii=not utf8)
    return NOT_JSON_TEXT_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def takes_utf8(stream: TextIO | None = None) -> bool:
    encoding = getattr(stream or sys.stdout, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


class Shown(io.TextIOBase):
    """A text stream that escapes control characters and replaces characters its encoding lacks."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.codec = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        self.stream.write(printable(text).encode(self.codec, "replace").decode(self.codec))
        return len(text)

    def status(self, text: str) -> None:
        """Write the command's own text as it is (a progress line that redraws itself with a carriage return)."""
        self.stream.write(text)
        self.stream.flush()

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:
        return self.codec


@contextlib.contextmanager
def shown() -> Iterator[None]:
    """While the command runs, standard output and error are Shown streams."""
    before = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (None if s is None else Shown(s) for s in before)   # None: pythonw, no console
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        sys.stdout, sys.stderr = before
