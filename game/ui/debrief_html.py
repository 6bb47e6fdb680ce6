"""The debrief as one self-contained HTML file (inline CSS and SVG; no scripts, no external files)."""

from __future__ import annotations

import html
from typing import Any

from .chart import SERIES_COLORS, spread
from .wording import better


def _svg_chart(history: list[dict], meters: list[dict]) -> str:
    if not history or not meters:
        return ""
    w, h, left, right, top, bottom = 760, 300, 40, 200, 10, 30
    pw, ph = w - left - right, h - top - bottom
    lo = min(m["min"] for m in meters)
    hi = max(m["max"] for m in meters)
    span = (hi - lo) or 1
    n = len(history)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
           f'aria-label="Meters over the game">']
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y = top + ph - ph * frac
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#bbb"/>')
        out.append(f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{lo + span * frac:g}</text>')
    ends: list[tuple[float, int]] = []
    for i, m in enumerate(meters):
        r, g, b = SERIES_COLORS[i % len(SERIES_COLORS)]
        pts = []
        for t, row in enumerate(history):
            v = row.get(m["id"], m["start"])
            pts.append((left + pw * t / max(1, n - 1), top + ph - ph * (v - lo) / span))
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
        out.append(f'<polyline fill="none" stroke="rgb({r},{g},{b})" stroke-width="2" points="{path}"/>')
        ends.append((pts[-1][1], i))
    for y, i in spread(ends, 13, top, top + ph + 4):   # labels that end close together are stacked
        r, g, b = SERIES_COLORS[i % len(SERIES_COLORS)]
        out.append(f'<text x="{left + pw + 6}" y="{y + 4:.1f}" font-size="11" fill="rgb({r},{g},{b})">'
                   f'{html.escape(meters[i]["name"])}</text>')
    out.append(f'<text x="{left + pw / 2}" y="{h - 6}" font-size="11" text-anchor="middle">weeks 0–{n - 1}</text>')
    out.append("</svg>")
    return "".join(out)


STYLE = """
body { font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; background: #ece2c8; color: #221e1a;
       max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
h1 { font-size: 1.8em; margin-bottom: .2em; } h2 { border-bottom: 1px solid #b0a082; margin-top: 1.6em; }
.stamp { display: inline-block; color: #a82824; border: 3px double #a82824; padding: .1em .6em;
          transform: rotate(-4deg); font-weight: bold; text-transform: uppercase; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #c8b896; padding: .3em;
        vertical-align: top; text-align: left; }
.telegram { font-family: 'Fira Code', 'DejaVu Sans Mono', monospace; background: #f2e8c4; padding: .8em; }
@media print { body { background: white; } }
"""


def _paras(text: str | None) -> str:
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in (text or "").split("\n\n") if p.strip())


def _score_rows(scores: list[dict]) -> str:
    e = html.escape
    return "".join(f"<tr><td>{e(s['name'])}</td><td>{s['start']:g}</td><td><b>{s['value']:.0f}</b></td>"
                   f"<td>{e(better(s['good'], s.get('interest', '')))}</td></tr>" for s in scores)


def _timeline_rows(mine: list[dict], hist: list[dict]) -> str:
    """One row a week: the player's decisions beside the historical ones."""
    e = html.escape
    rows = []
    for wk in sorted({d["turn"] for d in mine} | {d["turn"] for d in hist}):
        a = "<br>".join(e(d["title"]) for d in mine if d["turn"] == wk) or "—"
        b = "<br>".join(e(d["title"]) for d in hist if d["turn"] == wk) or "—"
        date = next((d["date"] for d in mine + hist if d["turn"] == wk), "")
        rows.append(f"<tr><td>Week {wk}<br><small>{e(str(date))}</small></td><td>{a}</td><td>{b}</td></tr>")
    return "".join(rows)


def _sources(sources: list) -> str:
    e = html.escape
    items = "".join(f"<li><b>{e(s.title)}</b> — {e(s.author)}, {e(str(s.date))}. <i>{e(s.text.strip())}</i> "
                    f"<small>({e(s.reference)})</small></li>" for s in sources)
    return f"<h2>Sources</h2><ul>{items}</ul>" if items else ""


def build_html(data: dict[str, Any], scenario: Any, power: str) -> str:
    """data: game.engine.debrief(game, power)."""
    e = html.escape
    sc = scenario
    meters = [{"id": m.id, "name": m.name, "min": m.min, "max": m.max, "start": m.start}
              for m in sc.meters if not m.hidden]
    questions = "".join(f"<li>{e(q)}</li>" for q in data.get("questions", []))
    timeline = _timeline_rows(data.get("decisions", []), data.get("historical_decisions", []))
    verdict = "the historical outcome" if data.get("historical") else "an alternative outcome"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Debrief — {e(data.get('title', ''))} — {e(sc.title)}</title>
<style>{STYLE}</style></head><body>
<p>{e(sc.title)} · debrief for {e(sc.power(power).name)} · ended {e(str(data.get('end_date') or ''))}</p>
<h1>{e(data.get('title', ''))}</h1>
<p><span class="stamp">{e(verdict)}</span></p>
<div class="telegram">{_paras(data.get('summary', ''))}</div>
<h2>Epilogue</h2>{_paras(data.get('epilogue', ''))}
<h2>Compared with history</h2>{_paras(data.get('comparison', ''))}
<h2>Scores</h2><p>There is no single right answer: each gauge measures something different.</p>
<table><tr><th>Gauge</th><th>Start</th><th>End</th><th></th></tr>{_score_rows(data.get('scores', []))}</table>
<h2>The gauges week by week</h2>{_svg_chart(data.get('history', []), meters)}
<h2>Your decisions beside the historical ones</h2>
<table><tr><th>Week</th><th>Your decisions</th><th>What the Soviet government did</th></tr>{timeline}</table>
<h2>Questions for discussion</h2><ol>{questions}</ol>
{_sources(data.get('sources', []))}
<p><small>Moscow 1939 — free software (GPL-3.0-or-later). All prose is the project's own; quotations are short
and attributed.</small></p>
</body></html>
"""
