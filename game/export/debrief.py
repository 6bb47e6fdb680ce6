"""The debrief of one game for one class: a sheet to grade first (decisions with their reasons and votes beside
the documented record, the final gauges, questions with space to answer), then the background to read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..engine import debrief
from ..engine.debrief import sides
from ..engine.decisive import decisive_text
from ..engine.game import Game
from ..engine.notes import votes_text
from ..engine.report import better
from ..scenario.calendar import day_words
from .chart_svg import svg_chart
from .decisions import ClassInfo, class_decisions, class_record, seat_rows
from .html_kit import document, esc, paras

STYLE = """
.stamp { display: inline-block; color: #a82824; border: 3px double #a82824; padding: .05em .5em;
          font-weight: bold; text-transform: uppercase; font-size: .9em; }
.who { font-weight: bold; } .when { color: #5a5046; font-size: .9em; }
td.week { width: 6.5em; } td.record { width: 38%; }
.chart svg { max-height: 75mm; }
@media print { table.timeline { font-size: 8.6pt; } td.week { width: 4em; } }
"""


def class_debrief(game: Game, seats: Sequence[str], info: ClassInfo | None = None) -> dict[str, Any]:
    """Everything the printed debrief shows, as plain data: engine.debrief's outcome, scores, history and
    questions, with the class, its code and every seat's decisions beside the record of the seats' powers."""
    info = info or ClassInfo()
    data = debrief(game, seats[0])
    rows = seat_rows(game, seats, info)
    data.update({"class": info.name, "code": game.state.seed, "week": game.state.turn, "seats": rows,
                 "sides": [dict(side, team=row["team"]) for side, row in zip(sides(game, seats), rows, strict=True)],
                 "decisions": class_decisions(game, seats, info), "historical_decisions": class_record(game, seats)})
    return data


def _decision(d: dict[str, Any]) -> str:
    team = f" ({esc(d['team'])})" if d.get("team") else ""
    why = f'<span class="why">“{esc(d["why"])}”</span>' if d.get("why") else ""
    votes = f'<span class="votes">Vote: {esc(votes_text(d["votes"]))}</span>' if d.get("votes") else ""
    return (f'<div><span class="who">{esc(d["short"])}</span>{team} <span class="when">{esc(day_words(d["date"]))}</span> '
            f'{esc(d["title"])}{why}{votes}</div>')


def _record(r: dict[str, Any]) -> str:
    return (f'<div><span class="who">{esc(r["short"])}</span> <span class="when">{esc(day_words(r["date"]))}</span> '
            f'{esc(r["title"])}</div>')


def _timeline(decisions: list[dict], record: list[dict], unit: str) -> str:
    """One row a week: the seats' decisions beside the documented record."""
    rows = []
    for week in sorted({d["turn"] for d in decisions} | {r["turn"] for r in record}):
        mine = "".join(_decision(d) for d in decisions if d["turn"] == week) or "—"
        done = "".join(_record(r) for r in record if r["turn"] == week) or "—"
        rows.append(f'<tr><td class="week">{unit.capitalize()} {week}</td><td>{mine}</td><td class="record">{done}</td></tr>')
    return "".join(rows)


def _scores(scores: list[dict]) -> str:
    return "".join(f"<tr><td>{esc(s['name'])}</td><td>{s['start']:g}</td><td><b>{s['value']:.0f}</b></td>"
                   f"<td>{esc(better(s['good_when'], s['interest']))}</td></tr>" for s in scores)


def _verdict(verdict: list[dict], side: str = "") -> str:
    """The result against history and the scenario's own policies in simulation ("" when there is none)."""
    if not verdict:
        return ""
    items = "".join(f"<li>{esc(v['text'])}.</li>" for v in verdict)
    head = f"{esc(side)}: against history and the simulated policies" if side else \
        "Against history and the simulated policies"
    return (f"<h2>{head}</h2><ul>{items}</ul><p>Computed from "
            f"{verdict[0]['games']} games of the scenario's own policies for this power, every other power played by "
            "the game. History: the historical policy's result.</p>")


def _decisive(decisive: list[dict], side: str = "") -> str:
    """The decisions that moved the seat's scores most, with what each moved ("" when there are none)."""
    if not decisive:
        return ""
    items = "".join(f"<li>{esc(decisive_text(d))}</li>" for d in decisive)
    head = f"{esc(side)}: the decisions that decided it" if side else "The decisions that decided it"
    return (f"<h2>{head}</h2><ol>{items}</ol><p>The decisions whose own effects moved these scores most "
            "(what events later made of them is not counted).</p>")


def _sides(data: dict[str, Any]) -> str:
    """Each seat's decisive decisions and verdict; a game of one seat names no seat."""
    sides = data.get("sides") or [{"short": "", "verdict": data.get("verdict", []),
                                   "decisive": data.get("decisive", [])}]
    many = len(sides) > 1
    return "".join(_decisive(s.get("decisive", []), s["short"] if many else "")
                   + _verdict(s.get("verdict", []), s["short"] if many else "") for s in sides)


def _seats(seats: list[dict]) -> str:
    return ", ".join(f"{esc(s['name'])}" + (f" — {esc(s['team'])}" if s["team"] else "") for s in seats)


def _sources(sources: list) -> str:
    items = "".join(f"<li><b>{esc(s.title)}</b> — {esc(s.author)}, {esc(day_words(s.date))}. <i>{esc(s.text.strip())}</i> "
                    f"<small>({esc(s.reference)})</small></li>" for s in sources)
    return f"<h2>Sources</h2><ul>{items}</ul>" if items else ""


def build_html(data: dict[str, Any], scenario: Any, written: str = "", paper: str = "auto") -> str:
    """The debrief as one self-contained HTML file; data: class_debrief(...). `written`: when it was written."""
    sc = scenario
    meters = [{"id": m.id, "name": m.name, "min": m.min, "max": m.max, "start": m.start}
              for m in sc.meters if not m.hidden]
    klass = f"Class {esc(data['class'])} · " if data.get("class") else ""
    verdict = ("stopped by the teacher" if data.get("stopped") else
               "the historical outcome" if data.get("historical") else "an alternative outcome")
    questions = "".join(f'<li>{esc(q)}<div class="answer">{"<span></span>" * 3}</div></li>' for q in data.get("questions", []))
    body = f"""<p class="meta">{esc(sc.title)} · {klass}code <b>{esc(data.get('code', ''))}</b> · ended
{esc(day_words(data['end_date']) if data.get('end_date') else '')}{' · written ' + esc(written) if written else ''}</p>
<p class="meta">Played by people: {_seats(data.get('seats', []))}. Every other power was played by the game.</p>
<h1>{esc(data.get('title', ''))} <span class="stamp">{esc(verdict)}</span></h1>
<div class="telegram">{paras(data.get('summary', ''))}</div>
<h2>Decisions and reasons beside the documented record</h2>
<table class="timeline"><tr><th>{sc.calendar.unit.capitalize()}</th><th>What the class decided, and why</th>
<th>What the governments did (the record)</th></tr>
{_timeline(data.get('decisions', []), data.get('historical_decisions', []), sc.calendar.unit)}</table>
<h2>The gauges at the end</h2><p>There is no single right answer: each gauge measures something different.</p>
<table><tr><th>Gauge</th><th>Start</th><th>End</th><th></th></tr>{_scores(data.get('scores', []))}</table>
{_sides(data)}
<h2>Questions for discussion</h2><ol>{questions}</ol>
<div class="new-page"><h2>Epilogue</h2>{paras(data.get('epilogue', ''))}
<h2>Compared with history</h2>{paras(data.get('comparison', ''))}
<h2>The gauges {sc.calendar.unit} by {sc.calendar.unit}</h2>
<div class="chart">{svg_chart(data.get('history', []), data.get('history_weeks', []), meters, sc.calendar.unit)}</div>
{_sources(data.get('sources', []))}</div>"""
    title = f"Debrief — {data.get('class') or sc.title} — {data.get('title', '')}"
    return document(title, body, STYLE, paper)
