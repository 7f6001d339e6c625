"""`WartaConfig`: everything needed to rebuild and run a warta model, as a transformers config.

It holds the base encoder's config (a nested `BertConfig`), the event labels (`id2label`) and the
settings inference reads: per-label thresholds, window length and stride, event pooling, the
lexical share of the event logit, summary length. A checkpoint
folder saved by this version keeps it in `config.json` (`model_type: warta`); folders saved before
keep the encoder's own `config.json` and `warta_config.json` beside it, from which
`WartaConfig.from_settings` derives the same object (modeling.load_checkpoint does).

This module imports transformers' configuration classes only (no model code), so the registration
with `AutoConfig` costs little.
"""

from __future__ import annotations

from typing import Any

from transformers import AutoConfig, PretrainedConfig

# The keys of warta_config.json that inference reads, and nothing else: the training record
# (history, dev metrics, train_args, base_model paths) stays in warta_config.json.
SETTINGS = ("labels", "tasks", "thresholds", "max_len", "stride", "event_pooling", "lexical_weight",
            "summary", "warta_version")


class WartaConfig(PretrainedConfig):
    model_type = "warta"
    sub_configs = {"encoder": AutoConfig}

    # Annotations are `Any`: transformers turns each subclass into a dataclass and would check these.
    encoder: Any = None  # the base encoder's config (a dict in JSON)
    tasks: Any = None
    thresholds: Any = None
    max_len: Any = 128
    stride: Any = 96
    event_pooling: Any = "document"
    lexical_weight: Any = 0.0
    summary: Any = None
    dropout: Any = 0.1
    sentence_features: Any = None  # features per sentence the heads read (batching.N_POS); None: 4, as saved before
    warta_version: Any = None

    def __post_init__(self, **kwargs):
        labels = kwargs.pop("labels", None)
        if labels is not None:
            self.id2label = dict(enumerate(labels))
            self.label2id = {lab: i for i, lab in enumerate(labels)}
            kwargs.pop("num_labels", None)
        if isinstance(self.encoder, dict):
            enc = dict(self.encoder)
            self.encoder = AutoConfig.for_model(enc.pop("model_type"), **enc)
        if isinstance(self.encoder, PretrainedConfig):
            self.encoder._name_or_path = ""  # a path would only leak the training machine's layout into config.json
        self.tasks = list(self.tasks) if self.tasks is not None else ["events"]
        self.thresholds = dict(self.thresholds or {})
        self.summary = dict(self.summary or {})
        if self.problem_type is None:
            self.problem_type = "multi_label_classification"
        super().__post_init__(**kwargs)

    @property
    def labels(self) -> list[str]:
        return [self.id2label[i] for i in sorted(self.id2label)]

    def settings(self) -> dict:
        """The inference settings as the dict `Predictor` takes (the warta_config.json keys)."""
        out = {key: getattr(self, key) for key in SETTINGS if key != "labels"}
        out["labels"] = self.labels
        return {k: (list(v) if isinstance(v, (list, tuple)) else dict(v) if isinstance(v, dict) else v) for k, v in out.items()}

    def update_settings(self, settings: dict) -> None:
        """Take the inference settings from a warta_config.json-style dict (other keys are ignored)."""
        for key in SETTINGS:
            if key not in settings:
                continue
            if key == "labels":
                self.id2label = dict(enumerate(settings["labels"]))
                self.label2id = {lab: i for i, lab in enumerate(settings["labels"])}
            else:
                setattr(self, key, settings[key])

    @classmethod
    def from_settings(cls, settings: dict, encoder: PretrainedConfig | dict, **kwargs) -> "WartaConfig":
        """A config from warta_config.json's settings and the encoder's config (older checkpoint folders)."""
        enc = encoder.to_dict() if isinstance(encoder, PretrainedConfig) else dict(encoder)
        known = {k: settings[k] for k in SETTINGS if k in settings}
        return cls(encoder=enc, **known, **kwargs)


from . import _register_with_transformers  # noqa: E402

_register_with_transformers(__name__)
