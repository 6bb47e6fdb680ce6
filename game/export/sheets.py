"""The source handouts (every source card, grouped by perspective) and the teacher's sheet of a scenario."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..scenario.calendar import day_words
from ..scenario.model import Scenario, Source
from .html_kit import esc, paras

Card = Callable[..., str]   # handouts.card(code, label, body, classes="")


def day(d: dt.date | str) -> str:
    """17 April 1939 (the calendar's words)."""
    return day_words(d)


def _source(s: Source, code: str, card: Card) -> str:
    body = (f"<h2>{esc(s.title)}</h2><p class=\"meta\"><b>{esc(s.author)}</b> · {esc(day(s.date))} · {esc(s.kind)}</p>"
            f"{paras(s.text)}<p class=\"meta\">Reference: {esc(s.reference)}</p>")
    return card(code, s.kind, body)


def source_cards(sc: Scenario, card: Card) -> str:
    """One section a perspective (each on a new page), holding its source cards in date order."""
    parts, n = [], 0
    for perspective in sc.perspectives:
        found = sorted((s for s in sc.sources if s.perspective == perspective.id), key=lambda s: str(s.date))
        if not found:
            continue
        cards = []
        for s in found:
            n += 1
            cards.append(_source(s, f"S{n}", card))
        parts.append(f'<div class="starts-page"><h1>{esc(perspective.name)}</h1>{paras(perspective.description)}'
                     f'{"".join(cards)}</div>')
    return "".join(parts)


def _timeline(sc: Scenario, card: Card) -> str:
    fixed = sorted((e for e in sc.events if e.date and e.when is None), key=lambda e: e.date)
    rows = "".join(f"<tr><td>{esc(day(e.date))}</td><td>{esc(e.title)}"
                   f"{' <i>(a question for ' + esc(sc.power(e.chooser or sc.player).short) + ')</i>' if e.choices else ''}"
                   "</td></tr>" for e in fixed)
    others = len(sc.events) - len(fixed)
    body = (f"<h1>Timeline of fixed events</h1><p>These happen on their dates in every game, whatever the "
            f"players do. {others} other events depend on play: on conditions, on chance or on both.</p>"
            f'<table class="small"><tr><th>Date</th><th>Event</th></tr>{rows}</table>')
    return card("T1", "teacher's sheet · timeline", body, "starts-page")


def _lessons(sc: Scenario, card: Card) -> str:
    """Where a lesson can start and stop, and the events a teacher may bring in ("" if the scenario has neither)."""
    events = [e for e in sc.events if e.injectable]
    if not sc.checkpoints and not events:
        return ""
    cal = sc.calendar
    rows = "".join(f"<tr><td>{cal.numbered(cal.turn_of(c.date))}, from {esc(day(cal.turn_start(cal.turn_of(c.date))))}</td>"
                   f"<td><b>{esc(c.title)}</b><br>{esc(c.note)}</td></tr>" for c in sc.checkpoints)
    body = "<h1>Lessons: checkpoints and events to bring in</h1>"
    if rows:
        body += ("<p>A class game can start at a checkpoint (the documented path is played up to it) and stop at "
                 f"one (the game is saved under the class's name and code). Each stands at the start of its {cal.unit}."
                 f'</p><table class="small"><tr><th>{cal.unit.capitalize()}</th><th>Checkpoint</th></tr>{rows}</table>')
    if events:
        items = "".join(f"<li><b>{esc(e.title)}</b></li>" for e in events)
        body += ("<h2>Events a teacher may bring in</h2><p>From the teacher's console (F9), with a note why; the "
                 f'note is printed in the debrief.</p><ul class="small">{items}</ul>')
    return card("TL", "teacher's sheet · lessons", body)


def _model(sc: Scenario, card: Card) -> str:
    gauges = "".join(f"<li><b>{esc(m.name)}</b>{' <i>(hidden from the players)</i>' if m.hidden else ''}: "
                     f"{esc(m.description)}</li>" for m in sc.meters)
    body = ("<h1>What is documented and what is the game's model</h1>"
            "<h2>Documented</h2><ul><li>The dates of the fixed events and the documented record of each power's "
            "decisions (below and in the debrief's record column).</li><li>The source cards: short quotations and "
            "documents with speaker, date and reference, and historians' interpretations labelled by "
            "perspective.</li><li>The historical outcome and its epilogue.</li></ul>"
            "<h2>The game's model</h2><ul><li>The gauges and their numbers: a way to weigh consequences, not "
            "measurements.</li><li>How each computer-played power values a treaty's clauses, and the odds of its "
            "answers.</li><li>The chance of events that depend on play, and every outcome other than the "
            "historical one.</li></ul>"
            f'<h2>The gauges</h2><ul class="small">{gauges}</ul>')
    return card("T2", "teacher's sheet · model and record", body)


def _record(sc: Scenario) -> str:
    rows = "".join(f"<tr><td>{esc(day(r.date))}</td><td>{esc(sc.power(r.power).short)}</td><td>{esc(r.text)}</td>"
                   f"<td>{esc(sc.source(r.source).title)}</td></tr>" for r in sorted(sc.record, key=lambda r: r.date))
    if not rows:
        return ""
    return ('<div class="starts-page"><h1>The documented record</h1><table class="small"><tr><th>Date</th>'
            f"<th>Power</th><th>Decision</th><th>Source card</th></tr>{rows}</table></div>")


def _endings(sc: Scenario, card: Card) -> str:
    """One card an ending: its title, whether it is what happened, and its questions for discussion."""
    parts = []
    for n, outcome in enumerate(sc.outcomes, 1):
        questions = "".join(f"<li>{esc(q)}</li>" for q in outcome.questions)
        body = (f"<h2>{esc(outcome.title)}{' <i>(what happened)</i>' if outcome.historical else ''}</h2>"
                f"{paras(outcome.summary)}" + (f'<ol class="small">{questions}</ol>' if questions else ""))
        parts.append(card(f"T{n + 2}", "teacher's sheet · ending", body, "starts-page" if n == 1 else ""))
    return "".join(parts)


def teacher_sheet(sc: Scenario, card: Card) -> str:
    """The timeline, the lessons' checkpoints, what is the model and what the record, the endings and their
    questions, the record."""
    return _timeline(sc, card) + _lessons(sc, card) + _model(sc, card) + _endings(sc, card) + _record(sc)
