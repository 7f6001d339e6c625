"""Choose summary sentences from the sentence scorer's output."""

from __future__ import annotations

from .sentences import Sentence, is_boilerplate


def select_sentences(sentences: list[Sentence], scores: list[float], max_sentences: int = 3, min_sentences: int = 2,
                     word_budget: int = 60) -> list[int]:
    """Indices of the chosen sentences, in document order.

    Highest-scoring first, never boilerplate (captions, "Baca juga", ads), stopping at
    max_sentences or when the next sentence would pass the word budget once min_sentences are in.
    """
    ranked = sorted((i for i in range(len(sentences)) if not is_boilerplate(sentences[i].text)), key=lambda i: -scores[i])
    chosen: list[int] = []
    words = 0
    for i in ranked:
        n = len(sentences[i].text.split())
        if len(chosen) >= max_sentences:
            break
        if chosen and words + n > word_budget and len(chosen) >= min_sentences:
            continue
        chosen.append(i)
        words += n
    return sorted(chosen)
