"""`extract_quotes`: direct and indirect quotes with cue, mention, speaker and role, for one article.
"""

from __future__ import annotations

import re
from typing import Callable

from ..furniture import mask_furniture
from .text import Span, unwrap
from .marks import find_direct_quotes
from .cues import find_cue
from .statements import _nested_statement, is_statement
from .speakers import resolve_speakers
from .indirect import find_indirect_quotes
from .linker import SpeakerLinker, link_speakers


_ACT = "speech_act"  # resolved in sequence with the quotes, then dropped from the output
_SPLIT_QUOTE_GAP_RE = re.compile(r"[,.!?]?\s*[”\"’]\s*[^“”\"\n]*,\s*[“”\"]")


def _span_dict(text: str, sp: Span | None) -> dict | None:
    if sp is None:
        return None
    return {"start": sp[0], "end": sp[1], "text": text[sp[0] : sp[1]]}


def _shared_cue_for_split(text: str, spans: list[Span], cues: list[tuple[Span | None, Span | None]]) -> None:
    """“Kami siap,” lanjut Yayat, “semua …” — the second part shares the first part's cue."""
    for k in range(1, len(spans)):
        ps, pe = spans[k - 1]
        s, _ = spans[k]
        between = text[pe:s]
        if cues[k - 1][0] is not None and "\n" not in between and cues[k - 1][0][0] > pe and cues[k - 1][0][1] < s:
            if _SPLIT_QUOTE_GAP_RE.fullmatch(between):
                cues[k] = cues[k - 1]


def speaker_view(text: str) -> str:
    """The text speakers are resolved over: unwrapped, with "Baca juga:" headlines and other page
    furniture blanked (same length), since people named only there never speak in the story.
    The linker's training reads candidates through this same view."""
    return mask_furniture(unwrap(text))


def extract_quotes(
    text: str,
    statement: Callable[[Span], bool] | None = None,
    indirect: list[tuple[Span, Span | None, Span | None]] | None = None,
    linker: SpeakerLinker | None = None,
    keep_acts: bool = False,
) -> list[dict]:
    """All direct and indirect quotes with cue, mention, resolved speaker and role, sorted by start.

    `statement` and `indirect` let a learned tagger replace the two guesses the rules make
    (is this quoted phrase a statement? where are the indirect quotes?); pairing, cues and
    speaker resolution stay rule-based. With a `linker` (see linker.py, `load_linker`) the rules
    propose the candidate speakers and the linker picks one; without it the rules decide.
    `keep_acts` keeps the speech acts without a statement (type "speech_act") that are resolved
    in sequence with the quotes: the linker's training must see the sequence inference sees.
    """
    original, text = text, unwrap(text)  # offsets agree; reported strings come from the original
    statement = statement or (lambda sp: is_statement(text, sp))
    all_direct = find_direct_quotes(text)
    outer = [sp for sp in all_direct if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in all_direct)]
    direct = [sp for sp in all_direct if (statement(sp) if sp in outer else _nested_statement(text, sp))]
    direct = [sp for sp in direct if sp in outer or any(o[0] <= sp[0] and sp[1] <= o[1] for o in direct if o != sp)]
    cues = [find_cue(text, sp, "direct") if sp in outer else (None, None) for sp in direct]
    _shared_cue_for_split(text, direct, cues)
    quotes = [
        {"text": text[s:e], "start": s, "end": e, "type": "direct", "cue": _span_dict(text, c), "speaker_mention": _span_dict(text, m)}
        for (s, e), (c, m) in zip(direct, cues)
    ]
    acts: list[tuple[Span, Span, Span | None]] = []  # "X menyampaikan apresiasinya": no quote, but X speaks next
    for (s, e), c, m in (find_indirect_quotes(text, all_direct, acts) if indirect is None else indirect):
        quotes.append({"text": text[s:e], "start": s, "end": e, "type": "indirect", "cue": _span_dict(text, c), "speaker_mention": _span_dict(text, m)})
    for (s, e), c, m in acts:
        quotes.append({"text": text[s:e], "start": s, "end": e, "type": _ACT, "cue": _span_dict(text, c), "speaker_mention": _span_dict(text, m)})
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    people_text = speaker_view(original)
    speakers = resolve_speakers(people_text, quotes)
    if linker is not None:
        speakers = link_speakers(people_text, quotes, speakers, linker)
    for q, (spk, role) in zip(quotes, speakers):
        q["speaker"], q["speaker_role"] = spk, role
        q["text"] = original[q["start"] : q["end"]]
        for key in ("cue", "speaker_mention"):
            if q[key] is not None:
                q[key]["text"] = original[q[key]["start"] : q[key]["end"]]
    return quotes if keep_acts else [q for q in quotes if q["type"] != _ACT]
