"""The scenario's calendar: its days, its turns, and the words a turn goes by."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Calendar:
    start: dt.date
    end: dt.date
    turn_days: int = 7

    def turn_start(self, turn: int) -> dt.date:
        """First day of a turn (turn 1 starts on `start`)."""
        return self.start + dt.timedelta(days=(turn - 1) * self.turn_days)

    def turn_end(self, turn: int) -> dt.date:
        return self.turn_start(turn) + dt.timedelta(days=self.turn_days - 1)

    def turn_of(self, day: dt.date) -> int:
        """The turn that contains a day."""
        return (day - self.start).days // self.turn_days + 1

    @property
    def last_turn(self) -> int:
        return self.turn_of(self.end)

    @property
    def unit(self) -> str:
        """What a turn is called: 'week' when a turn is seven days, else 'turn'."""
        return "week" if self.turn_days == 7 else "turn"

    def turns(self, n: int) -> str:
        """A number of turns in words: '2 weeks', '1 turn'."""
        return f"{n} {self.unit}{'' if n == 1 else 's'}"

    def numbered(self, turn: int) -> str:
        """'Week 4', 'Turn 4'."""
        return f"{self.unit.capitalize()} {turn}"

    def of_last(self, turn: int, last: int) -> str:
        """'Week 4 of 20', 'Turn 4 of 13' (last: the view's `last_turn`, the turns the powers act in)."""
        return f"{self.numbered(turn)} of {last}"

    @staticmethod
    def day(date: dt.date | str, year: bool = True) -> str:
        """A day as the game writes it: '17 April 1939' (or '17 April'); see day_words."""
        return day_words(date, year)

    def span(self, turn: int) -> str:
        """The days of a turn: '17 April to 23 April 1939'."""
        start, end = self.turn_start(turn), self.turn_end(turn)
        return f"{self.day(start, year=start.year != end.year)} to {self.day(end)}"

    def words(self, text: str) -> str:
        """A text written in weeks, in this calendar's turns: 'End week' becomes 'End turn' when a turn is not
        seven days (the one place the game's words follow the turn's length)."""
        if self.turn_days == 7:
            return text
        return _WEEK.sub(lambda m: _TURN[m.group(0)], text)


def day_words(day: dt.date | str, year: bool = True) -> str:
    """A day as every screen, report and paper words it: '4 June 1939', or '4 June' without the year (never
    '04 June' or '1939-06-04'). A date already in words (a source's 'September 1938') is kept as written."""
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day)
        except ValueError:
            return day
    return f"{day.day} {day:%B %Y}" if year else f"{day.day} {day:%B}"


_WEEK = re.compile(r"\b(?:weeks|week|Weeks|Week|WEEKS|WEEK)\b")
_TURN = {"week": "turn", "weeks": "turns", "Week": "Turn", "Weeks": "Turns", "WEEK": "TURN", "WEEKS": "TURNS"}
