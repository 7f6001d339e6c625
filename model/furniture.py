"""Blank out web-page furniture (related-headline blocks, share and comment widgets) before reading.

Scraped Indonesian news pages interleave the story with "Baca Juga:" lists of other headlines,
"BERITA TERKAIT" blocks and trailing lists of the outlet's latest stories. Those headlines are
other police news, which is exactly what the event classifier learns to call "none of these", so a
rakor article with three unrelated headlines in its first window reads as other news. The
furniture is replaced by spaces of the same length, not cut: every character offset the
predictor reports (quotes, summary sentences) still points into the text the user gave.

Hand-written rules rather than a boilerplate library (trafilatura, justext): those work on HTML,
and warta's input is mostly text already extracted from pages, where only line shapes remain.
The rules are conservative: a line is blanked only after a furniture marker, inside a run of
headline-shaped lines at the very end, or when it is a short line the summarizer's boilerplate
test (model/sentences.py) already calls page debris.
"""

from __future__ import annotations

import re

from . import lexicon
from .sentences import is_boilerplate

# A line opening a list of links to other stories; what follows on the same line is a headline.
MARKER = re.compile(lexicon.section("furniture")["marker"], re.IGNORECASE)
BULLET = re.compile(r"\s*(?:[-•*·▪►»]|\d{1,2}[.)])\s+")
WIDGET_MAX_WORDS = 12  # is_boilerplate judges sentences; a long line ending in "(Foto: Humas)" is still story
SENTENCE_END = tuple('.!?"”’)…')
QUOTE_MARKS = set('"“”‘’«»')


def is_widget(line: str) -> bool:
    """Share buttons, comment forms, bylines, view counters: the summarizer's boilerplate, as whole lines."""
    return bool(line.strip()) and len(line.split()) <= WIDGET_MAX_WORDS and is_boilerplate(line)


def headline_shaped(line: str) -> bool:
    """A link to another story: a short line with no sentence ending and no quotation."""
    body = BULLET.sub("", line, count=1).strip()
    words = body.split()
    return 3 <= len(words) <= 30 and not body.endswith(SENTENCE_END) and not QUOTE_MARKS & set(body)


def furniture_lines(lines: list[str]) -> set[int]:
    """Indices of the lines to blank."""
    out: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if MARKER.match(line):
            out.add(i)
            # the block runs on over blank lines, bullets and headline-shaped lines
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or BULLET.match(lines[j]) or headline_shaped(lines[j])):
                if lines[j].strip():
                    out.add(j)
                j += 1
            i = j
            continue
        if is_widget(line):
            out.add(i)
        i += 1
    out |= trailing_headlines(lines, out)
    return out


def trailing_headlines(lines: list[str], blanked: set[int]) -> set[int]:
    """A run of two or more headline-shaped lines that ends the page (the outlet's latest stories)."""
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i].strip() or i in blanked:
            continue
        if not headline_shaped(lines[i]):
            break
        run.append(i)
    return set(run) if len(run) >= 2 else set()


def mask_furniture(text: str) -> str:
    """The text with furniture lines replaced by spaces (same length, newlines kept)."""
    lines = text.split("\n")
    drop = furniture_lines(lines)
    if not drop or len(drop) == sum(1 for line in lines if line.strip()):
        return text  # nothing to blank, or nothing but "furniture": then it is what the user wants read
    return "\n".join(" " * len(line) if i in drop else line for i, line in enumerate(lines))
