"""Join codes, seat tokens and the join rate limit of a class's network game.

A join code is 8 symbols drawn by `secrets` from a 31-symbol alphabet with no look-alikes (no 0/O, 1/I/L):
31**8 ≈ 8.5e11 codes, 39.6 bits. A student types it once; the host answers with a bearer token of 32 random
bytes (`secrets.token_urlsafe(32)`, 256 bits) that the browser keeps. The host keeps only each token's SHA-256
digest, so a save (or a look at the teacher's disk) does not give a token away; the codes themselves are kept,
since the teacher must be able to show them again after a restart.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"   # 31 symbols: no 0, O, 1, I or L
CODE_LENGTH = 8
CODE_BITS = 39.6                                # log2(31 ** 8)
TOKENS_PER_SEAT = 8                             # devices of one team joined at once (the oldest one is dropped)


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def typed_code(text: str) -> str:
    """A code as a student typed it, in the form it is stored: capitals, no spaces or hyphens."""
    return "".join(ch for ch in text.upper() if ch not in " -\t")[:2 * CODE_LENGTH]


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass
class SeatKeys:
    """Each seat's join code and the digests of the tokens given out for it (several devices of one team)."""

    codes: dict[str, str]
    tokens: dict[str, list[str]] = field(default_factory=dict)
    reissued: set[str] = field(default_factory=set)   # seats given a new code: it is only ever the teacher's to tell

    @classmethod
    def fresh(cls, seats: Iterable[str]) -> SeatKeys:
        codes: dict[str, str] = {}
        for seat in seats:
            code = new_code()
            while code in codes.values():
                code = new_code()
            codes[seat] = code
        return cls(codes, {seat: [] for seat in codes})

    def seat_of_code(self, typed: str) -> str | None:
        code = typed_code(typed)
        found = None
        for seat, known in self.codes.items():   # every code compared in constant time, whichever matches
            if secrets.compare_digest(known.encode(), code.encode()):
                found = seat
        return found

    def issue(self, seat: str) -> str:
        """A new token for the seat (its digest kept; the oldest dropped beyond TOKENS_PER_SEAT)."""
        token = secrets.token_urlsafe(32)
        held = self.tokens.setdefault(seat, [])
        held.append(digest(token))
        del held[:-TOKENS_PER_SEAT]
        return token

    def seat_of_token(self, token: str) -> str | None:
        wanted = digest(token)
        for seat, held in self.tokens.items():
            if any(secrets.compare_digest(wanted, d) for d in held):
                return seat
        return None

    def revoke(self, seat: str) -> str:
        """Cancel every token of the seat and give it a new code (returned, for the teacher to hand out)."""
        self.tokens[seat] = []
        code = new_code()
        while code in self.codes.values():
            code = new_code()
        self.codes[seat] = code
        self.reissued.add(seat)
        return code

    def to_dict(self) -> dict[str, Any]:
        return {"codes": dict(self.codes), "tokens": {s: list(d) for s, d in self.tokens.items()},
                "reissued": sorted(self.reissued)}

    @classmethod
    def from_dict(cls, data: Any, seats: Iterable[str]) -> SeatKeys:
        """Read back what `to_dict` wrote; ValueError if it does not fit the game's seats."""
        seats = list(seats)
        if not isinstance(data, dict) or not isinstance(data.get("codes"), dict):
            raise ValueError("expected the seats' codes")
        codes, tokens = data["codes"], data.get("tokens", {})
        if sorted(codes) != sorted(seats) or not all(isinstance(c, str) and c == typed_code(c) and c
                                                        for c in codes.values()):
            raise ValueError(f"the codes do not fit the game's seats ({', '.join(seats)})")
        if not isinstance(tokens, dict) or not all(
                s in codes and isinstance(d, list) and all(isinstance(x, str) and len(x) == 64 for x in d)
                for s, d in tokens.items()):
            raise ValueError("the token digests are damaged")
        reissued = data.get("reissued", [])
        if not isinstance(reissued, list) or not all(s in codes for s in reissued):
            raise ValueError("the seats given a new code are damaged")
        return cls(dict(codes), {s: list(tokens.get(s, [])) for s in seats}, set(reissued))


class JoinLimiter:
    """Slows down guessing: after FREE wrong codes from one address within WINDOW seconds, every join from it
    is refused until the window has passed (the answer says how long: Retry-After)."""

    FREE = 10
    WINDOW = 60.0

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.failures: dict[str, list[float]] = {}

    def wait(self, addr: str) -> int:
        """Seconds the address must wait before it may try again (0: it may try now)."""
        now = self.clock()
        recent = [t for t in self.failures.get(addr, []) if now - t < self.WINDOW]
        if recent:
            self.failures[addr] = recent
        else:
            self.failures.pop(addr, None)
        if len(recent) < self.FREE:
            return 0
        return max(1, int(recent[-self.FREE] + self.WINDOW - now + 0.999))

    def failed(self, addr: str) -> None:
        """Count one more try from the address (a wrong code; for OddsLimiter, a draft weighed)."""
        self.failures.setdefault(addr, []).append(self.clock())
        if len(self.failures) > 10_000:   # a flood of addresses: forget the oldest
            self.failures.pop(next(iter(self.failures)))


class OddsLimiter(JoinLimiter):
    """A seat's drafts weighed (`POST /api/odds`): FREE within WINDOW seconds, as fast as a team ticks boxes, then
    it must wait; keyed by seat."""

    FREE = 30
    WINDOW = 10.0
