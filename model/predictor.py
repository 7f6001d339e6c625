"""The inference API: load a checkpoint once, call it on lists of texts.

    from warta import Predictor
    p = Predictor.load()            # the shipped default model
    p.predict(["Polres ... menggelar rakor lintas sektoral ..."])
"""

from __future__ import annotations

from pathlib import Path

import torch

from .modeling import load_checkpoint, pool_windows
from .windows import Window, make_windows, pad_batch

DEFAULT_MODEL = Path(__file__).resolve().parent / "default"


class Predictor:
    def __init__(self, model, tokenizer, config: dict, batch_windows: int = 16):
        self.model = model
        self.tok = tokenizer
        self.config = config
        self.labels: list[str] = list(config["labels"])
        self.thresholds: dict[str, float] = {lab: float(config.get("thresholds", {}).get(lab, 0.5)) for lab in self.labels}
        self.max_len = int(config.get("max_len", 128))
        self.stride = int(config.get("stride", 96))
        self.batch_windows = batch_windows

    @classmethod
    def load(cls, path: str | Path | None = None, batch_windows: int = 16) -> "Predictor":
        model, tok, config = load_checkpoint(Path(path) if path else DEFAULT_MODEL)
        return cls(model, tok, config, batch_windows)

    def windows(self, texts: list[str]) -> list[Window]:
        return [w for i, t in enumerate(texts) for w in make_windows(self.tok, t, i, self.max_len, self.stride)]

    @torch.inference_mode()
    def event_probs(self, texts: list[str]) -> torch.Tensor:
        """Per-article label probabilities, shape (len(texts), n_labels)."""
        wins = self.windows(texts)
        cls_states = []
        for i in range(0, len(wins), self.batch_windows):
            chunk = wins[i : i + self.batch_windows]
            ids, mask = pad_batch(chunk, self.tok.pad_token_id)
            hidden = self.model.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            cls_states.append(hidden[:, 0])

        doc_index = torch.tensor([w.doc for w in wins])
        pooled = pool_windows(torch.cat(cls_states), doc_index, len(texts))
        return torch.sigmoid(self.model.event_head(pooled))

    def predict(self, texts: list[str]) -> list[dict]:
        """One dict per text: {"labels": [...], "scores": {label: probability}}."""
        if not texts:
            return []
        probs = self.event_probs(texts)
        out = []
        for row in probs.tolist():
            scores = {lab: round(p, 4) for lab, p in zip(self.labels, row)}
            out.append({"labels": [lab for lab in self.labels if scores[lab] >= self.thresholds[lab]], "scores": scores})
        return out
