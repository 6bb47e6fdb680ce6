"""The refusal of a network request, shared by the host and the helpers it calls."""

from __future__ import annotations


class Refused(Exception):
    """A request the host will not carry out: the HTTP status, a reason a person can read, and headers."""

    def __init__(self, status: int, reason: str, headers: dict[str, str] | None = None):
        super().__init__(reason)
        self.status, self.reason, self.headers = status, reason, headers or {}
