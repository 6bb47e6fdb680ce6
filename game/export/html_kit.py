"""What every printed page shares: escaping, paragraphs, and one self-contained HTML document with print CSS."""

from __future__ import annotations

import html

BASE_STYLE = """
body { font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; background: #ece2c8; color: #221e1a;
       max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin: .2em 0; } h2 { border-bottom: 1px solid #b0a082; margin-top: 1.4em; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #c8b896; padding: .3em;
        vertical-align: top; text-align: left; }
.meta { color: #5a5046; }
.telegram { font-family: 'Fira Code', 'DejaVu Sans Mono', monospace; background: #f2e8c4; padding: .8em; }
.why { display: block; font-style: italic; margin: .15em 0 .15em .8em; }
.votes { display: block; font-size: .9em; color: #5a5046; margin-left: .8em; }
.answer { margin: .2em 0 .8em; } .answer span { display: block; height: 1.7em; border-bottom: 1px solid #9a8c74; }
.new-page { break-before: page; }
@media print {
  body { background: white; max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .telegram { background: none; border: 1px solid #999; }
  h2, h3 { break-after: avoid; } tr, li { break-inside: avoid; }
}
"""


def page_css(paper: str = "auto") -> str:
    """The @page rule: "auto" prints on whatever paper the printer has (A4 or Letter); every layout is sized to fit
    the narrower width (A4) and the shorter height (Letter) of the two."""
    size = "" if paper == "auto" else f"size: {paper}; "
    return f"@page {{ {size}margin: 14mm 13mm; }}"


def esc(value: object) -> str:
    """Text made safe to put in HTML, between tags or inside a quoted attribute."""
    return html.escape(str(value), quote=True)


def paras(text: str | None) -> str:
    """Paragraphs (separated by a blank line) as <p> elements, escaped."""
    return "".join(f"<p>{esc(p.strip())}</p>" for p in (text or "").split("\n\n") if p.strip())


def document(title: str, body: str, style: str = "", paper: str = "auto") -> str:
    """A whole HTML file: no scripts, no external files."""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n<title>{esc(title)}</title>\n'
            f"<style>{page_css(paper)}{BASE_STYLE}{style}</style></head><body>\n{body}\n"
            "<p><small>Moscow 1939 — free software (GPL-3.0-or-later). All prose is the project's own; quotations "
            "are short and attributed.</small></p>\n</body></html>\n")
