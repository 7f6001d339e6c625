"""Pack articles into one encoder batch whose windows merge back into per-article token states.

Every head reads the same merged token states: the event head pools an article's tokens, the
tag head reads each token, the sentence head pools each sentence's tokens. Tokens seen by two
overlapping windows get the mean of both states.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import torch

from .windows import tokenize


@dataclass
class Encoded:
    """One article, tokenized once."""

    ids: list[int]
    offsets: list[tuple[int, int]]
    sentences: list[tuple[int, int]]  # character spans of the sentences the summarizer scores
    token_sent: list[int]  # sentence index of each token, -1 outside every sentence
    sent_feats: list[list[float]]  # sentence_features() of each sentence


def encode(tok, text: str, sentences: list[tuple[int, int]]) -> Encoded:
    ids, offsets = tokenize(tok, text)
    token_sent = [-1] * len(ids)
    k = 0
    for t, (a, b) in enumerate(offsets):
        while k < len(sentences) and sentences[k][1] <= a:
            k += 1
        if k < len(sentences) and b > sentences[k][0] and a < sentences[k][1]:
            token_sent[t] = k
    return Encoded(ids, offsets, sentences, token_sent, sentence_features(text, sentences))


N_POS = 10  # features per sentence; checkpoints read the first config.sentence_features (4 before paragraphs and length, 8 before overlap)
N_POS_V1 = 4
_WORD_RE = re.compile(r"\w+", re.UNICODE)


def position_features(k: int, n: int) -> list[float]:
    """Sentence k of n: news puts the gist first, and the encoder windows cannot see that."""
    return [1.0 / (1 + k), k / max(1, n - 1), float(k == 0), float(k < 3)]


def _overlap(words: set[str], other: Counter) -> float:
    return sum(1 for w in words if other[w] > 0) / max(1, len(words))


def sentence_features(text: str, sentences: list[tuple[int, int]]) -> list[list[float]]:
    """What news structure says of each sentence, beside what its words say: its place in the article
    (position_features), its paragraph's place and whether it opens that paragraph (a lead is the
    first paragraph, often one sentence), its length (captions, datelines and one-line furniture
    are short; a summary sentence carries a full who-what-where), and how much of its vocabulary the
    rest of the article and the first sentence share (a summary sentence restates the story's gist;
    the encoder's 128-token windows cannot compare a sentence with text outside its window)."""
    words = [{w.lower() for w in _WORD_RE.findall(text[a:b]) if len(w) > 2} for a, b in sentences]
    total = Counter(w for ws in words for w in ws)
    out: list[list[float]] = []
    para, prev_end = -1, None
    for k, (a, b) in enumerate(sentences):
        opens = prev_end is None or "\n" in text[prev_end:a]
        para += opens
        n_words = len(text[a:b].split())
        rest = total - Counter(words[k])
        lead = Counter(words[0]) if k else Counter()
        out.append([*position_features(k, len(sentences)), 1.0 / (1 + para), float(opens), min(n_words, 60) / 60, float(n_words < 8),
                    _overlap(words[k], rest), _overlap(words[k], lead)])
        prev_end = b
    return out


def window_starts(n_tokens: int, body: int, stride: int) -> list[int]:
    starts = [0]
    while starts[-1] + body < n_tokens:
        starts.append(starts[-1] + stride)
    return starts


@dataclass
class DocBatch:
    input_ids: torch.Tensor  # (windows, width)
    attention_mask: torch.Tensor
    token_index: torch.Tensor  # (windows, width): global token position, -1 for specials and padding
    token_doc: torch.Tensor  # (tokens,): article of each token
    token_sent: torch.Tensor  # (tokens,): global sentence index, -1 outside sentences
    sent_doc: torch.Tensor  # (sentences,): article of each sentence
    sent_pos: torch.Tensor  # (sentences, N_POS): where each sentence sits in its article
    n_docs: int

    @property
    def n_tokens(self) -> int:
        return int(self.token_doc.numel())

    @property
    def n_sents(self) -> int:
        return int(self.sent_doc.numel())


def make_batch(docs: list[Encoded], cls_id: int, sep_id: int, pad_id: int, max_len: int, stride: int) -> DocBatch:
    body = max_len - 2
    stride = max(1, min(stride, body))
    rows, index_rows = [], []
    token_doc, token_sent, sent_doc, sent_pos = [], [], [], []
    tok_base = sent_base = 0
    for d, doc in enumerate(docs):
        n = len(doc.ids)
        for s in window_starts(n, body, stride):
            piece = doc.ids[s : s + body]
            rows.append([cls_id, *piece, sep_id])
            index_rows.append([-1, *range(tok_base + s, tok_base + s + len(piece)), -1])
        token_doc += [d] * n
        token_sent += [k + sent_base if k >= 0 else -1 for k in doc.token_sent]
        sent_doc += [d] * len(doc.sentences)
        sent_pos += doc.sent_feats
        tok_base += n
        sent_base += len(doc.sentences)
    width = max(len(r) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    index = torch.full((len(rows), width), -1, dtype=torch.long)
    for i, (r, ix) in enumerate(zip(rows, index_rows)):
        ids[i, : len(r)] = torch.tensor(r)
        index[i, : len(ix)] = torch.tensor(ix)
    mask = (torch.arange(width)[None, :] < torch.tensor([len(r) for r in rows])[:, None]).long()
    return DocBatch(ids, mask, index, torch.tensor(token_doc, dtype=torch.long), torch.tensor(token_sent, dtype=torch.long),
                    torch.tensor(sent_doc, dtype=torch.long), torch.tensor(sent_pos, dtype=torch.float).reshape(-1, N_POS), len(docs))
