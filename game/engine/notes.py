"""A decision's reason and vote tally: cleaned where people type them, checked strictly where files hold them."""

from __future__ import annotations

import unicodedata
from typing import Any

MAX_REASON = 1000       # characters of a reason
MAX_LABEL = 32          # characters of a vote's label ("for", "against", an option's name)
MAX_VOTE_LABELS = 10
MAX_VOTES = 10_000      # votes under one label

Votes = tuple[tuple[str, int], ...]
"""A tally in the order it was given: (("for", 5), ("against", 2), ("abstain", 1))."""

# Characters that steer the direction of the text around them: a reason could reverse what follows it.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _unwanted(ch: str, keep_newlines: bool) -> bool:
    if ch == "\n":
        return not keep_newlines
    return ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")


def clean_text(text: str, limit: int, keep_newlines: bool = True) -> str:
    """What a typed reason or label becomes: NFC, tabs as spaces, control characters dropped, trimmed, cut to
    `limit` characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    text = "".join(ch for ch in text if not _unwanted(ch, keep_newlines))
    return text.strip()[:limit].rstrip()


def clean_reason(text: str) -> str:
    """A reason as typed, made safe to keep (see clean_text)."""
    return clean_text(text, MAX_REASON)


def clean_votes(tally: dict[str, int] | Votes) -> Votes:
    """A tally as entered, labels cleaned; raise ValueError if a count is not a whole number in range."""
    pairs = list(tally.items()) if isinstance(tally, dict) else list(tally)
    return check_votes([(clean_text(str(label), MAX_LABEL, False), count) for label, count in pairs])


def check_reason(value: Any) -> str:
    """A reason read from a file: it must already be clean (ValueError says why not)."""
    if not isinstance(value, str):
        raise ValueError(f"a reason must be text, not {type(value).__name__}")
    if len(value) > MAX_REASON:
        raise ValueError(f"a reason is at most {MAX_REASON} characters (this one has {len(value)})")
    if value != clean_text(value, MAX_REASON):
        raise ValueError("a reason may not hold control characters or surrounding spaces")
    return value


def check_votes(value: Any) -> Votes:
    """A tally read from a file, as a mapping {label: count} or a list of [label, count] pairs (ValueError if not)."""
    if isinstance(value, dict):
        pairs = list(value.items())
    elif isinstance(value, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in value):
        pairs = [tuple(p) for p in value]
    else:
        raise ValueError("votes must be a mapping like {for: 5, against: 2, abstain: 1}")
    if len(pairs) > MAX_VOTE_LABELS:
        raise ValueError(f"votes have at most {MAX_VOTE_LABELS} labels")
    seen: set[str] = set()
    for label, count in pairs:
        _check_vote(label, count, seen)
        seen.add(label)
    return tuple((label, count) for label, count in pairs)


def _check_vote(label: Any, count: Any, seen: set[str]) -> None:
    """One label and count of a tally read from a file (ValueError if either is wrong or the label repeats)."""
    if not isinstance(label, str) or not label or label != clean_text(label, MAX_LABEL, False):
        raise ValueError(f"a vote's label must be a short line of text (at most {MAX_LABEL} characters), "
                         f"not {label!r}")
    if label in seen:
        raise ValueError(f"the vote {label!r} is given twice")
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_VOTES:
        raise ValueError(f"the votes {label!r} must be a whole number from 0 to {MAX_VOTES}, not {count!r}")


def votes_text(votes: Votes) -> str:
    """A tally in words: "for 5, against 2, abstain 1"."""
    return ", ".join(f"{label} {count}" for label, count in votes)



def note_entries(entries: list[Any], action: Any, kind: str) -> None:
    """Give the log entries a decision wrote (of its kind, by its power) the decision's reason and votes."""
    for entry in entries:
        if entry.kind == kind and entry.power == action.power:
            entry.why, entry.votes = action.why, action.votes
