"""The grading sheet: one printed page per class (A4 or Letter), to grade from; the full report is its own file.

It holds the class and its teams, the code, each decision with its reason and vote beside the documented record,
the gauges at the end, and the discussion questions with room to answer. What does not fit on the page (a long
game, long reasons) is cut visibly and pointed to the full report: the page is sized by a budget of printed lines.
"""

from __future__ import annotations

import math
from typing import Any

from ..engine.notes import votes_text
from ..engine.report import better
from ..scenario.calendar import day_words
from .html_kit import document, esc

# A page's printed lines at 8 pt (line height 1.25: 3.5 mm) in the height A4 and Letter share (Letter's, 279 mm,
# less margins of 14 mm), and the characters a line of each column holds at that size.
PAGE_LINES = 62
COLUMN_CHARS = {"decisions": 72, "record": 36, "full": 120}
REASON_CHARS = 220      # a reason longer than this is cut on the sheet (whole in the report and the CSV)
RECORD_CHARS = 90

STYLE = """
body { font-size: 8pt; line-height: 1.25; }
h1 { font-size: 1.35em; margin: 0; } h2 { font-size: 1.05em; margin: .5em 0 .15em; }
table.grade td, table.grade th { padding: .1em .25em; } td.week { width: 3.4em; white-space: nowrap; }
td.record { width: 30%; color: #3d352c; } .who { font-weight: bold; } .why { display: inline; margin: 0; }
.vote { color: #5a5046; } .meta { margin: 0; } .more { font-style: italic; }
.gauges { columns: 3; column-gap: 1.5em; margin: 0; padding: 0; list-style: none; }
ol.questions { margin: 0; padding-left: 1.4em; } ol.questions li { margin: 0; }
.answer span { height: 1.45em; }
@media print { body { font-size: 8pt; } }
"""


def _lines(text: str, column: str) -> int:
    """Printed lines a text takes in a column (at least one)."""
    return max(1, math.ceil(len(text) / COLUMN_CHARS[column]))


def _cut(text: str, limit: int) -> str:
    """The text, cut at a word with "…" if longer than limit."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.—") + "…"


def _decision_text(d: dict[str, Any]) -> tuple[str, str]:
    """A decision as plain text (to count its lines) and as HTML."""
    team = f"{d['short']}" + (f" ({d['team']})" if d.get("team") else "")
    why = f" — “{_cut(d['why'], REASON_CHARS)}”" if d.get("why") else " — (no reason given)"
    vote = f" [vote: {votes_text(d['votes'])}]" if d.get("votes") else ""
    plain = f"{team}: {d['title']}{why}{vote}"
    html = (f'<div><span class="who">{esc(team)}</span>: {esc(d["title"])}<span class="why">{esc(why)}</span>'
            f'<span class="vote">{esc(vote)}</span></div>')
    return plain, html


def _week_rows(data: dict[str, Any], budget: int, unit: str) -> tuple[str, int]:
    """The table's rows, one a week with a decision, while they fit in budget lines; and how many decisions were
    left out."""
    decisions, record = data.get("decisions", []), data.get("historical_decisions", [])
    rows, used, left = [], 0, 0
    for week in sorted({d["turn"] for d in decisions}):
        mine = [_decision_text(d) for d in decisions if d["turn"] == week]
        done_text = [f"{r['short']}: {_cut(r['title'], RECORD_CHARS)}" for r in record if r["turn"] == week]
        need = max(sum(_lines(p, "decisions") for p, _h in mine), sum(_lines(t, "record") for t in done_text) or 1)
        if left or used + need > budget:
            left += len(mine)
            continue
        used += need
        rows.append(f'<tr><td class="week">{unit.capitalize()} {week}</td><td>{"".join(h for _p, h in mine)}</td>'
                    f'<td class="record">{"<br>".join(esc(t) for t in done_text) or "—"}</td></tr>')
    return "".join(rows), left


def _gauges(scores: list[dict]) -> tuple[str, int]:
    items = [f"<li>{esc(s['name'])}: {s['start']:g} → <b>{s['value']:.0f}</b> "
             f"<small>({esc(better(s['good_when'], s['interest']))})</small></li>" for s in scores]
    return f'<ul class="gauges">{"".join(items)}</ul>', math.ceil(len(items) / 3) * 2


def _questions(questions: list[str]) -> tuple[str, int]:
    items = "".join(f'<li>{esc(q)}<div class="answer"><span></span><span></span></div></li>' for q in questions)
    return f'<ol class="questions">{items}</ol>', sum(_lines(q, "full") + 3 for q in questions)


def grading_html(data: dict[str, Any], scenario: Any, written: str = "", report: str = "", paper: str = "auto") -> str:
    """The one-page grading sheet; data: export.debrief.class_debrief(...); report: the full report's file name."""
    sc = scenario
    teams = "; ".join(f"{s['short']} — {s['team']}" if s["team"] else s["short"] for s in data.get("seats", []))
    unit = sc.calendar.unit
    ending = data.get("title") or f"Game in progress ({unit} {data.get('week', '?')})"
    gauges, gauge_lines = _gauges(data.get("scores", []))
    questions, question_lines = _questions(data.get("questions", []))
    budget = PAGE_LINES - 11 - gauge_lines - question_lines
    rows, left = _week_rows(data, budget, unit)
    more = (f'<tr><td></td><td class="more" colspan="2">{left} more decisions: see the full report'
            f'{" (" + esc(report) + ")" if report else ""}.</td></tr>') if left else ""
    body = f"""<p class="meta">{esc(sc.title)} · grading sheet{' · written ' + esc(written) if written else ''}</p>
<h1>Class {esc(data.get('class') or '(no name)')} · code {esc(data.get('code', ''))}</h1>
<p class="meta">Teams: {esc(teams)}. The game played every other power. Outcome: <b>{esc(ending)}</b>
{('(' + esc(day_words(data['end_date'])) + ')') if data.get('end_date') else ''}</p>
<h2>Decisions, reasons and votes beside the documented record</h2>
<table class="grade"><tr><th>{unit.capitalize()}</th><th>What the teams decided, and why</th><th>The record</th></tr>
{rows or '<tr><td></td><td>No decision yet.</td><td></td></tr>'}{more}</table>
<h2>The gauges{' at the end' if data.get('title') else ' now'}</h2>{gauges}
<h2>Questions for discussion</h2>{questions}
{'<p class="meta">The full report (epilogue, comparison with history, the gauges {unit} by {unit}, the sources): '
 + esc(report) + '</p>' if report else ''}"""
    return document(f"Grading sheet — {data.get('class') or sc.title} — code {data.get('code', '')}", body, STYLE,
                    paper)
