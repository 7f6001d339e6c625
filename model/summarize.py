"""Choose summary sentences from the sentence scorer's output."""

from __future__ import annotations

import re

from .sentences import Sentence, is_boilerplate

# A dateline opening the lead: "KOTA – ", "KOTA, SITUS.COM – ", "Tribratanews.polri.go.id – Kota. ".
# The splitter keeps it with the first sentence (it is no sentence of its own), but it is page
# furniture, not news content, so a summary leaves it out.
_DATELINE_PREFIX_RE = re.compile(
    r"(?:[A-Za-z]+(?:\.[\w-]+){1,5}\s*[–—-]{1,2}\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*\.\s+"  # site – Place.
    r"|(?:[A-Z][A-Z'/ -]*[A-Z](?:,\s*[A-Za-z0-9.' -]{2,40}?)?|[A-Za-z]+(?:\.[\w-]+){1,5})\s*[–—-]{1,2}\s+)"  # PLACE[, SITE] –
)


def trim_dateline(sentence: Sentence) -> Sentence:
    """The sentence without a leading dateline; offsets stay true to the original text."""
    m = _DATELINE_PREFIX_RE.match(sentence.text)
    if not m or not any(ch.isalpha() for ch in sentence.text[m.end() :]):
        return sentence
    return Sentence(sentence.start + m.end(), sentence.end, sentence.text[m.end() :])


_WORD_RE = re.compile(r"\w+")


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _WORD_RE.findall(text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def select_sentences(sentences: list[Sentence], scores: list[float], max_sentences: int = 3, min_sentences: int = 2,
                     word_budget: int = 60, min_score: float = 0.0, max_overlap: float = 1.0) -> list[int]:
    """Indices of the chosen sentences, in document order.

    Highest-scoring first, never boilerplate (captions, "Baca juga", ads), stopping at
    max_sentences, or once min_sentences are in at the first sentence scoring below min_score
    (so a story with one gist gets a short summary and one with four gets four), and skipping a
    sentence that would pass the word budget once min_sentences are in. A sentence whose word
    trigrams are more than `max_overlap` already in the summary is skipped: news repeats its lead
    in a quote or a closing line, and the scorer rates both copies high (trigram blocking, as in
    BertSum; 1.0 turns it off).
    """
    ranked = sorted((i for i in range(len(sentences)) if not is_boilerplate(sentences[i].text)), key=lambda i: -scores[i])
    chosen: list[int] = []
    words = 0
    seen: set[tuple[str, ...]] = set()
    for i in ranked:
        text = trim_dateline(sentences[i]).text
        n = len(text.split())
        if len(chosen) >= max_sentences or (len(chosen) >= min_sentences and scores[i] < min_score):
            break
        if chosen and words + n > word_budget and len(chosen) >= min_sentences:
            continue
        grams = _trigrams(text)
        if chosen and grams and len(grams & seen) > max_overlap * len(grams):
            continue
        chosen.append(i)
        words += n
        seen |= grams
    return sorted(chosen)
