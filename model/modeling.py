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

HEADS_FILE = "warta_heads.safetensors"
CONFIG_FILE = "warta_config.json"


class ModelLoadError(RuntimeError):
    """The folder is not a usable warta checkpoint (missing or broken files)."""


def pool_windows(cls: torch.Tensor, doc_index: torch.Tensor, n_docs: int) -> torch.Tensor:
    """Article vectors from window [CLS] states: mean and max over each article's windows."""
    h = cls.shape[-1]
    summed = torch.zeros(n_docs, h, dtype=cls.dtype).index_add_(0, doc_index, cls)
    counts = torch.bincount(doc_index, minlength=n_docs).clamp(min=1).unsqueeze(1).to(cls.dtype)
    index = doc_index.unsqueeze(1).expand_as(cls)
    maxed = torch.zeros(n_docs, h, dtype=cls.dtype).scatter_reduce(0, index, cls, reduce="amax", include_self=False)
    return torch.cat([summed / counts, maxed], dim=-1)


class WartaModel(nn.Module):
    def __init__(self, encoder: nn.Module, n_labels: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.event_head = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * hidden, n_labels))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, doc_index: torch.Tensor, n_docs: int) -> dict:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        pooled = pool_windows(hidden[:, 0], doc_index, n_docs)
        return {"event_logits": self.event_head(pooled), "hidden": hidden}

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
    try:
        tok = AutoTokenizer.from_pretrained(name_or_path)
        enc = AutoModel.from_pretrained(name_or_path, dtype=torch.float32)
    finally:
        hf_logging.set_verbosity(verbosity)
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
        model = WartaModel(enc, len(config["labels"]))
        missing, unexpected = model.load_state_dict(load_file(str(folder / HEADS_FILE)), strict=False)
    except (OSError, ValueError, KeyError, json.JSONDecodeError) as e:
        raise ModelLoadError(f"cannot load warta checkpoint {folder}: {e}") from e
    missing = [k for k in missing if not k.startswith("encoder.")]
    if missing or unexpected:
        raise ModelLoadError(f"{folder}: head weights do not match (missing {missing}, unexpected {unexpected})")
    model.eval()
    return model, tok, config
