"""The forms real input takes, built from a real page excerpt, so event scores can be checked on each.

- `excerpt`: the page excerpt as the pool gives it (what a reader's tool returns);
- `title_body`: a headline line, then the excerpt: the headline is the page address's slug in words
  (`.../polres-x-gelar-apel-gelar-pasukan` -> "Polres X Gelar Apel Gelar Pasukan"), the title a CMS shows;
- `long`: the excerpt followed by other real news paragraphs (IndoSum headline news) up to
  LONG_WORDS words: a full-length page where the event sits in the first 2,000 characters and
  the rest dilutes it. Unrelated continuation, so the gold labels stay those of the excerpt.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

LONG_WORDS = 1500
FORMS = ("excerpt", "title_body", "long")


def slug_title(url: str) -> str:
    """Headline words from the last meaningful path segment of a page address; "" when it has none."""
    segs = [s for s in urlparse(url).path.split("/") if s]
    for seg in reversed(segs):
        words = [w for w in re.split(r"[-_+.]", re.sub(r"\.(html?|php|aspx?)$", "", seg)) if w]
        alpha = [w for w in words if re.fullmatch(r"[A-Za-z]+", w)]
        if len(alpha) >= 3:
            return " ".join(w.capitalize() if w.isalpha() else w for w in words if not re.fullmatch(r"\d{6,}|[0-9a-f]{8,}", w))
    return ""


def long_form(text: str, filler: list[str], start: int) -> str:
    """`text` followed by filler paragraphs (taken round-robin from `start`) until LONG_WORDS words."""
    paras, words, k = [text], len(text.split()), start
    while words < LONG_WORDS and filler:
        para = filler[k % len(filler)]
        paras.append(para)
        words += len(para.split())
        k += 1
    return "\n".join(paras)


def make_forms(records: list[dict], filler: list[str]) -> dict[str, list[str]]:
    """Texts of every form, aligned with `records` (records without a slug title keep the excerpt as is)."""
    out = {"excerpt": [r["text"] for r in records]}
    out["title_body"] = [(t + "\n" if (t := slug_title(r["meta"].get("url", ""))) else "") + r["text"] for r in records]
    out["long"] = [long_form(r["text"], filler, 7 * i) for i, r in enumerate(records)]
    return out
