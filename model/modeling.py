"""warta's model: one encoder, task heads reading the same hidden states.

A checkpoint folder is a plain Hugging Face encoder checkpoint (config.json, model.safetensors,
tokenizer files: `AutoModel.from_pretrained(folder)` loads it) plus `warta_heads.safetensors`
(the small task heads) and `warta_config.json` (labels, thresholds, window sizes, metrics).
"""

from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn

from .batching import N_POS

HEADS_FILE = "warta_heads.safetensors"
CONFIG_FILE = "warta_config.json"


class ModelLoadError(RuntimeError):
    """The folder is not a usable warta checkpoint (missing or broken files)."""


TAGS = ("O", "B-DQ", "I-DQ", "B-IQ", "I-IQ", "B-CUE", "I-CUE", "B-SPK", "I-SPK")


def _scatter_mean(values: torch.Tensor, index: torch.Tensor, n: int) -> torch.Tensor:
    total = torch.zeros(n, values.shape[-1], dtype=values.dtype).index_add_(0, index, values)
    count = torch.zeros(n, 1, dtype=values.dtype).index_add_(0, index, torch.ones(len(index), 1, dtype=values.dtype))
    return total / count.clamp(min=1)


def _scatter_max(values: torch.Tensor, index: torch.Tensor, n: int, empty: float = 0.0) -> torch.Tensor:
    """Row-wise max of `values` per group; a group with no row gets `empty`."""
    idx = index.unsqueeze(1).expand_as(values)
    return torch.full((n, values.shape[-1]), empty, dtype=values.dtype).scatter_reduce(0, idx, values, reduce="amax", include_self=False)


def mean_max(values: torch.Tensor, index: torch.Tensor, n: int) -> torch.Tensor:
    """Mean and max of the rows of `values` grouped by `index` (rows with index < 0 are skipped).

    Token-level pooling rather than [CLS]: a small encoder's [CLS] carries little signal, and an
    event is often decided by a few words anywhere in a long article.
    """
    keep = index >= 0
    values, index = values[keep], index[keep]
    return torch.cat([_scatter_mean(values, index, n), _scatter_max(values, index, n)], dim=-1)


EVENT_POOLINGS = ("document", "sentences")
NO_EVIDENCE = -20.0  # event logit of an article without a sentence to score (empty text)


class WartaModel(nn.Module):
    def __init__(self, encoder: nn.Module, n_labels: int, n_tags: int = len(TAGS), dropout: float = 0.1,
                 event_pooling: str = "document"):
        super().__init__()
        if event_pooling not in EVENT_POOLINGS:
            raise ValueError(f"event_pooling must be one of {EVENT_POOLINGS}, not {event_pooling!r}")
        self.encoder = encoder
        self.event_pooling = event_pooling
        hidden = encoder.config.hidden_size
        # "sentences": each sentence (read in its window's context) is scored, the article takes the
        # max: one reporting sentence decides, however much unrelated text (furniture, quotes, related
        # headlines) surrounds it, where a document mean is diluted by exactly that text.
        event_in = 2 * hidden + (N_POS if event_pooling == "sentences" else 0)
        self.event_head = nn.Sequential(nn.Dropout(dropout), nn.Linear(event_in, n_labels))
        self.tag_head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, n_tags))
        self.sentence_head = nn.Sequential(nn.Dropout(dropout), nn.Linear(4 * hidden + N_POS, hidden), nn.GELU(), nn.Linear(hidden, 1))

    def token_states(self, batch) -> torch.Tensor:
        """One encoder pass over every window; overlapping windows averaged per token."""
        hidden = self.encoder(input_ids=batch.input_ids, attention_mask=batch.attention_mask).last_hidden_state
        flat, index = hidden.reshape(-1, hidden.shape[-1]), batch.token_index.reshape(-1)
        keep = index >= 0
        return _scatter_mean(flat[keep], index[keep], batch.n_tokens)

    def forward(self, batch) -> dict[str, torch.Tensor]:
        states = self.token_states(batch)
        doc_vec = mean_max(states, batch.token_doc, batch.n_docs)
        sent_vec = mean_max(states, batch.token_sent, batch.n_sents) if batch.n_sents else None
        out = {"tag_logits": self.tag_head(states)}
        if self.event_pooling == "sentences":
            sent_events = self.event_head(torch.cat([sent_vec, batch.sent_pos], dim=-1)) if batch.n_sents else torch.zeros(0, self.n_labels)
            out["event_logits"] = _scatter_max(sent_events, batch.sent_doc, batch.n_docs, empty=NO_EVIDENCE)
        else:
            out["event_logits"] = self.event_head(doc_vec)
        if batch.n_sents:
            # a sentence is scored against its article: the same words weigh differently in other stories
            feats = torch.cat([sent_vec, doc_vec[batch.sent_doc], batch.sent_pos], dim=-1)
            out["sentence_logits"] = self.sentence_head(feats).squeeze(-1)
        else:
            out["sentence_logits"] = torch.zeros(0)
        return out

    @property
    def n_labels(self) -> int:
        return self.event_head[-1].out_features

    def heads_state(self) -> dict[str, torch.Tensor]:
        return {k: v for k, v in self.state_dict().items() if not k.startswith("encoder.")}

    def save(self, folder: Path, tokenizer, config: dict) -> None:
        """Write a checkpoint into `folder` (callers pass a temp folder from atomic_dir)."""
        from safetensors.torch import save_file

        folder = Path(folder)
        self.encoder.save_pretrained(str(folder), safe_serialization=True)
        tokenizer.save_pretrained(str(folder))
        save_file({k: v.contiguous() for k, v in self.heads_state().items()}, str(folder / HEADS_FILE))
        (folder / CONFIG_FILE).write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_encoder(name_or_path: str):
    """Encoder + tokenizer from a local folder or a hub id, in float32, never with remote code."""
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()  # the MLM head / pooler load report is expected noise
    hf_logging.disable_progress_bar()
    try:
        tok = AutoTokenizer.from_pretrained(name_or_path)
        enc = AutoModel.from_pretrained(name_or_path, dtype=torch.float32)
    finally:
        hf_logging.set_verbosity(verbosity)
        hf_logging.enable_progress_bar()
    return enc, tok


def load_checkpoint(folder: Path) -> tuple[WartaModel, object, dict]:
    """Load a warta checkpoint folder for inference."""
    from safetensors.torch import load_file

    folder = Path(folder)
    for name in (CONFIG_FILE, HEADS_FILE, "config.json"):
        if not (folder / name).is_file():
            raise ModelLoadError(f"{folder} is not a warta checkpoint: {name} is missing")
    try:
        config = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
        enc, tok = load_encoder(str(folder))
        model = WartaModel(enc, len(config["labels"]), event_pooling=config.get("event_pooling", "document"))
        missing, unexpected = model.load_state_dict(load_file(str(folder / HEADS_FILE)), strict=False)
    except (OSError, ValueError, KeyError, json.JSONDecodeError) as e:
        raise ModelLoadError(f"cannot load warta checkpoint {folder}: {e}") from e
    missing = [k for k in missing if not k.startswith("encoder.")]
    if missing or unexpected:
        raise ModelLoadError(f"{folder}: head weights do not match (missing {missing}, unexpected {unexpected})")
    model.eval()
    return model, tok, config
