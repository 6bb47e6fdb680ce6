"""Handouts printed from a scenario: a role card set for every power, the source cards grouped by perspective,
and a teacher's sheet. Each card is kept whole on one printed page (A4 or Letter) and carries its number at its
start ("card R1 · ...") and its end ("R1 · end"), so a teacher can sort a pile and a test can check the pages."""

from __future__ import annotations

from pathlib import Path

from ..files import write_atomic
from ..scenario.model import ActionDef, Calendar, Offer, Power, Scenario
from .html_kit import document, esc, paras
from .sheets import day, source_cards, teacher_sheet

STYLE = """
.card { break-inside: avoid; page-break-inside: avoid; border: 1px solid #8a7c64; padding: 4mm 5mm;
        margin: 0 0 5mm; background: #fbf7ec; }
.card h1 { font-size: 1.45em; } .card h2 { font-size: 1.05em; margin: .8em 0 .2em; border-bottom: 1px solid #c8b896; }
.card h3 { font-size: 1em; margin: .5em 0 .1em; }
.card p, .card li { margin: .2em 0; }
.mark { font-size: .75em; color: #6b604f; margin: 0; white-space: nowrap; }
.mark.end { text-align: right; }
.secret { border: 2px solid #7a2a22; padding: 1mm 3mm; }
.starts-page { break-before: page; }
.small { font-size: .9em; }
@media print { body { font-size: 10pt; } .card { background: none; } .small { font-size: 8.6pt; } }
"""


def card(code: str, label: str, body: str, classes: str = "") -> str:
    """One card: a block printed whole, with its number at its start and its end."""
    return (f'<section class="card {classes}" id="card-{esc(code)}"><p class="mark">card {esc(code)} · {esc(label)}</p>'
            f'{body}<p class="mark end">{esc(code)} · end</p></section>')


def _people(power: Power) -> str:
    rows = [(power.leader, "Leader"), (power.foreign_minister, "Foreign minister")] + [(p, "") for p in power.people]
    return "<ul>" + "".join(f"<li><b>{esc(p.name)}</b> — {esc(p.title or role)}</li>" for p, role in rows if p.name) + "</ul>"


def _role(sc: Scenario, power: Power, code: str) -> str:
    aims = "".join(f"<li>{esc(a)}</li>" for a in power.objectives)
    secret = "".join(f"<li>{esc(a)}</li>" for a in power.secret_objectives)
    cal = sc.calendar
    body = (f"<h1>{esc(power.name)}</h1><p class=\"meta\">{esc(sc.title)} · {day(cal.start)} to "
            f"{day(cal.end)} · capital {esc(power.capital or '—')} · {power.actions_per_turn} action points "
            f"a {cal.unit}</p><h2>People</h2>{_people(power)}<h2>Briefing</h2>{paras(power.briefing)}"
            + (f"<h2>Aims</h2><ul>{aims}</ul>" if aims else "")
            + (f'<div class="secret"><h2>Secret aims — for the {esc(power.short)} team only</h2><ul>{secret}</ul></div>'
               if secret else ""))
    return card(code, f"{power.short} · role card", body, "starts-page")


def _action(a: ActionDef, cal: Calendar) -> str:
    terms = [f"{a.cost} point{'s' if a.cost != 1 else ''}"]
    if a.once:
        terms.append("once only")
    elif a.cooldown:
        terms.append(f"then {cal.turns(a.cooldown)} before again")
    return f"<li><b>{esc(a.name)}</b> <i>({esc(', '.join(terms))})</i> {esc(' '.join(a.text.split()))}</li>"


ACTIONS_PER_CARD = 3500   # characters of action text a card holds and still prints on one A4 or Letter page


def _action_chunks(acts: list[ActionDef]) -> list[list[ActionDef]]:
    """The actions split into runs short enough for one printed page each, in their order."""
    chunks: list[list[ActionDef]] = [[]]
    size = 0
    for a in acts:
        length = len(a.name) + len(a.text) + 40
        if chunks[-1] and size + length > ACTIONS_PER_CARD:
            chunks.append([])
            size = 0
        chunks[-1].append(a)
        size += length
    return chunks


def _actions(sc: Scenario, power: Power, code: str) -> str:
    acts = list(sc.actions_of(power.id))
    head = f"<h1>What the {esc(power.short)} can do</h1>"
    if not acts:
        return card(code, f"{power.short} · actions", head + "<p>No actions of its own: it answers drafts.</p>")
    chunks = _action_chunks(acts)
    cards = []
    for n, chunk in enumerate(chunks, 1):
        intro = (f"<p>Each {sc.calendar.unit}: {power.actions_per_turn} action points for the actions below and for "
                 f"drafts of treaties; answers cost nothing.</p>" if n == 1 else f"<p>(continued, {n} of {len(chunks)})</p>")
        label = f"{power.short} · actions" + (f" {n} of {len(chunks)}" if len(chunks) > 1 else "")
        body = head + intro + f'<ul class="small">{"".join(_action(a, sc.calendar) for a in chunk)}</ul>'
        cards.append(card(code if n == 1 else f"{code}{n}", label, body))
    return "".join(cards)


def _offer(sc: Scenario, offer: Offer, power: Power, code: str) -> str:
    others = ", ".join(sc.power(p).short for p in offer.parties if p != power.id)
    clauses = "".join(
        f"<li><b>{esc(c.name)}</b>{' <i>(secret)</i>' if c.secret else ''}{' <i>(always part of it)</i>' if c.required else ''}"
        f"{': ' + esc(' '.join(c.text.split())) if c.text else ''}</li>" for c in offer.clauses)
    status = "on the table from the start" if offer.open else "not yet on the table"
    body = (f"<h2>Treaty: {esc(offer.name)}</h2><p>With {esc(others)} · {status}.</p>{paras(offer.description)}"
            f'<h3>Clauses a draft may hold</h3><ul class="small">{clauses}</ul>')
    return card(code, f"{power.short} · treaty", body)


def role_cards(sc: Scenario, paper: str = "auto") -> str:
    """Every power's set: its role card (briefing, aims, secret aims, people), its actions, its treaties."""
    parts = []
    for i, power in enumerate(sc.powers, 1):
        parts.append(_role(sc, power, f"R{i}"))
        parts.append(_actions(sc, power, f"R{i}.a"))
        offers = [o for o in sc.offers if power.id in o.parties]
        parts += [_offer(sc, o, power, f"R{i}.t{j}") for j, o in enumerate(offers, 1)]
    return document(f"{sc.title} — role cards", "".join(parts), STYLE, paper)


def write_handouts(sc: Scenario, folder: Path, paper: str = "auto") -> list[Path]:
    """Write the three handouts into folder (named for the scenario; written again, they are the same)."""
    pages = {"role-cards": role_cards(sc, paper),
             "sources": document(f"{sc.title} — sources", source_cards(sc, card), STYLE, paper),
             "teacher": document(f"{sc.title} — teacher's sheet", teacher_sheet(sc, card), STYLE, paper)}
    written = []
    for kind, page in pages.items():
        path = folder / f"{sc.id}-{kind}.html"
        write_atomic(path, page)
        written.append(path)
    return written
