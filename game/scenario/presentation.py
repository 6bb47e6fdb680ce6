"""What the window says of a scenario itself (title screen, help, map title), with the scenario's own `texts`
where it gives them and otherwise defaults made from its title, player and calendar: no front end has a word of
its own about any one crisis, year or power."""

from __future__ import annotations

from dataclasses import replace

from .calendar import day_words
from .model import Scenario, Texts


def texts(sc: Scenario) -> Texts:
    """The scenario's texts, every empty field filled with its default."""
    given = sc.texts or Texts()
    player, cal = sc.power(sc.player), sc.calendar
    defaults = Texts(
        title=sc.title,
        subtitle=f"{player.name}, {months(sc)}",
        role=f"You play {player.name}: you run its foreign policy.",
        ends=f"The game ends when one of its outcomes comes about, or on {day(cal.end)}.",
        map_title="The map",
    )
    return replace(defaults, **{k: getattr(given, k) for k in Texts.__dataclass_fields__ if getattr(given, k)})


def day(date) -> str:
    """1 September 1939 (the calendar's words)."""
    return day_words(date)


def months(sc: Scenario) -> str:
    """The calendar's span in months: 'April – September 1939', 'July 1914', 'May 1925 – March 1926'."""
    start, end = sc.calendar.start, sc.calendar.end
    if (start.year, start.month) == (end.year, end.month):
        return f"{end:%B %Y}"
    first = f"{start:%B}" if start.year == end.year else f"{start:%B %Y}"
    return f"{first} – {end:%B %Y}"
