"""Split an article into overlapping encoder windows, keeping character offsets.

Articles are often longer than the encoder's window; they are read whole in strided windows
(never silently truncated), and every token keeps its offsets into the caller's text so token
heads can answer in the caller's coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Window:
    doc: int  # index of the article in the batch
    ids: list[int]  # with [CLS] ... [SEP]
    offsets: list[tuple[int, int]]  # per id; (0, 0) for specials
    first_token: int  # index of ids[1] among the article's tokens


def tokenize(tok, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    enc = tok(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    return enc["input_ids"], [tuple(o) for o in enc["offset_mapping"]]


def make_windows(tok, text: str, doc: int, max_len: int, stride: int) -> list[Window]:
    """Windows of at most max_len tokens; consecutive windows start `stride` tokens apart."""
    ids, offsets = tokenize(tok, text)
    body = max_len - 2
    stride = max(1, min(stride, body))
    windows = []
    start = 0
    while True:
        piece = ids[start : start + body]
        windows.append(
            Window(doc, [tok.cls_token_id, *piece, tok.sep_token_id], [(0, 0), *offsets[start : start + body], (0, 0)], start)
        )
        if start + body >= len(ids):
            return windows
        start += stride


def pad_batch(windows: list[Window], pad_id: int):
    """Stack windows into (input_ids, attention_mask) tensors padded to the longest one."""
    import torch

    width = max(len(w.ids) for w in windows)
    ids = torch.full((len(windows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(windows), width), dtype=torch.long)
    for i, w in enumerate(windows):
        ids[i, : len(w.ids)] = torch.tensor(w.ids)
        mask[i, : len(w.ids)] = 1
    return ids, mask
