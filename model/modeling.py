"""warta's model: one encoder, task heads reading the same hidden states.

`WartaModel` is a transformers `PreTrainedModel` configured by `WartaConfig` (configuration.py):
`save_pretrained` / `from_pretrained` work as for any Hugging Face model, and `import warta`
registers both with `AutoConfig` / `AutoModel` (hf.py), so `AutoModel.from_pretrained(folder)`
gives the whole model. A checkpoint folder holds:

- `config.json`: the `WartaConfig` (`model_type: warta`: the nested encoder config, labels and
  every inference setting); `model.safetensors`: encoder and heads; the tokenizer files;
- `lexical.safetensors` + `lexical_vocab.json`: the n-gram half of the event scores, when present;
- `warta_config.json`: the training record (settings, history, dev metrics, train arguments).

Folders written before this layout (the encoder's own `config.json` and `model.safetensors`, the
heads in `warta_heads.safetensors`, the settings only in `warta_config.json`) still load, here and
through `from_pretrained`; `python -m warta.hf convert FOLDER` rewrites one in the layout above.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import torch
from torch import nn

from transformers import PreTrainedModel

from .batching import N_POS, N_POS_V1
from .configuration import SETTINGS, WartaConfig
from .labels import EVENT_LABELS
from .lexical import LexicalScorer

HEADS_FILE = "warta_heads.safetensors"  # the heads of checkpoints saved before the HF-native layout
CONFIG_FILE = "warta_config.json"
HF_CONFIG = "config.json"
WEIGHTS = "model.safetensors"


class ModelLoadError(RuntimeError):
    """The folder is not a usable warta checkpoint (missing or broken files)."""


# Heads that checkpoints saved before this version may carry and that no longer exist: the quote
# token tagger was removed (on real dev and test it changed no quote the rules gave), so its weights
# are dropped on load rather than refusing the checkpoint.
RETIRED_HEADS = ("tag_head.",)


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


def _config_for(encoder: nn.Module, n_labels: int, dropout: float, event_pooling: str, sentence_features: int) -> WartaConfig:
    labels = list(EVENT_LABELS) if n_labels == len(EVENT_LABELS) else [f"LABEL_{i}" for i in range(n_labels)]
    return WartaConfig(encoder=encoder.config.to_dict(), labels=labels, dropout=dropout, event_pooling=event_pooling, sentence_features=sentence_features)


class WartaModel(PreTrainedModel):
    """The encoder and the event and sentence heads.

    Built two ways: `WartaModel(config)` (what `from_pretrained` does: a fresh encoder from
    `config.encoder`, weights loaded after), or `WartaModel(encoder, n_labels, ...)` around an
    already loaded encoder (what training does, keeping the pretrained weights).
    """

    config_class = WartaConfig
    base_model_prefix = "warta"  # no attribute of that name: checkpoints carry the full key names
    main_input_name = "input_ids"
    _supports_sdpa = True

    def __init__(self, config: WartaConfig | nn.Module, n_labels: int | None = None, dropout: float = 0.1,
                 event_pooling: str = "document", sentence_features: int = N_POS):
        encoder = None
        if not isinstance(config, WartaConfig):
            encoder = config
            if n_labels is None:
                raise TypeError("WartaModel(encoder, n_labels, ...) needs n_labels")
            if event_pooling not in EVENT_POOLINGS:
                raise ValueError(f"event_pooling must be one of {EVENT_POOLINGS}, not {event_pooling!r}")
            config = _config_for(encoder, n_labels, dropout, event_pooling, sentence_features)
        if config.event_pooling not in EVENT_POOLINGS:
            raise ValueError(f"event_pooling must be one of {EVENT_POOLINGS}, not {config.event_pooling!r}")
        if config.encoder is None:
            raise ValueError("WartaConfig.encoder (the base encoder's config) is missing")
        super().__init__(config)
        given = encoder is not None
        if encoder is None:
            from transformers import AutoModel

            encoder = AutoModel.from_config(config.encoder)
        self.encoder = encoder
        self.event_pooling = config.event_pooling
        self.lexical: LexicalScorer | None = None  # the n-gram half, loaded beside the weights
        hidden = config.encoder.hidden_size
        n_labels = len(config.id2label)
        # "sentences": each sentence (read in its window's context) is scored, the article takes the
        # max: one reporting sentence decides, however much unrelated text (furniture, quotes, related
        # headlines) surrounds it, where a document mean is diluted by exactly that text.
        # sentence features the heads read: N_POS now, N_POS_V1 for checkpoints saved before (config without the key)
        self.n_pos = int(config.sentence_features or N_POS_V1)
        event_in = 2 * hidden + (self.n_pos if config.event_pooling == "sentences" else 0)
        self.event_head = nn.Sequential(nn.Dropout(config.dropout), nn.Linear(event_in, n_labels))
        self.sentence_head = nn.Sequential(nn.Dropout(config.dropout), nn.Linear(4 * hidden + self.n_pos, hidden), nn.GELU(), nn.Linear(hidden, 1))
        if given:
            # Around a loaded encoder (training): keep its weights and torch's own initialisation of
            # the heads, as before this class was a PreTrainedModel (same seed, same starting point).
            for module in self.modules():
                module._is_hf_initialized = True
        self.post_init()

    def token_states(self, batch) -> torch.Tensor:
        """One encoder pass over every window; overlapping windows averaged per token."""
        hidden = self.encoder(input_ids=batch.input_ids, attention_mask=batch.attention_mask).last_hidden_state
        flat, index = hidden.reshape(-1, hidden.shape[-1]), batch.token_index.reshape(-1)
        keep = index >= 0
        return _scatter_mean(flat[keep], index[keep], batch.n_tokens)

    def pooled(self, batch) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Mean+max of each article's and each sentence's token states (None without sentences)."""
        states = self.token_states(batch)
        doc_vec = mean_max(states, batch.token_doc, batch.n_docs)
        return doc_vec, mean_max(states, batch.token_sent, batch.n_sents) if batch.n_sents else None

    @staticmethod
    def sentence_rows(doc_vec: torch.Tensor, sent_vec: torch.Tensor, sent_pos: torch.Tensor, sent_doc: torch.Tensor) -> torch.Tensor:
        """The sentence head's input: a sentence is scored against its article (the same words weigh
        differently in other stories) and by where it sits (`sent_pos`)."""
        return torch.cat([sent_vec, doc_vec[sent_doc], sent_pos], dim=-1)

    def forward(self, batch) -> dict[str, torch.Tensor]:
        """Logits for one `batching.Batch` (windows of whole articles, see `batching.make_batch`)."""
        doc_vec, sent_vec = self.pooled(batch)
        sent_pos = batch.sent_pos[:, : self.n_pos]
        out: dict[str, torch.Tensor] = {}
        if self.event_pooling == "sentences":
            sent_events = self.event_head(torch.cat([sent_vec, sent_pos], dim=-1)) if batch.n_sents else torch.zeros(0, self.n_labels)
            out["event_logits"] = _scatter_max(sent_events, batch.sent_doc, batch.n_docs, empty=NO_EVIDENCE)
        else:
            out["event_logits"] = self.event_head(doc_vec)
        if batch.n_sents:
            out["sentence_logits"] = self.sentence_head(self.sentence_rows(doc_vec, sent_vec, sent_pos, batch.sent_doc)).squeeze(-1)
        else:
            out["sentence_logits"] = torch.zeros(0)
        return out

    @property
    def n_labels(self) -> int:
        return self.event_head[-1].out_features

    def heads_state(self) -> dict[str, torch.Tensor]:
        return {k: v for k, v in self.state_dict().items() if not k.startswith("encoder.")}

    def save(self, folder: Path, tokenizer, config: dict) -> None:
        """Write a checkpoint into `folder` (callers pass a temp folder from atomic_dir).

        `config` is the training record: its inference settings go into config.json (the
        WartaConfig), the whole of it, with paths made relative, into warta_config.json.
        """
        folder = Path(folder)
        self.config.update_settings(config)
        _quietly(self.save_pretrained, str(folder))
        tokenizer.save_pretrained(str(folder))
        record = json.dumps(portable_paths(config), indent=2, ensure_ascii=False)
        (folder / CONFIG_FILE).write_text(record + "\n", encoding="utf-8")

    def save_pretrained(self, save_directory, *args, **kwargs):
        """transformers' save_pretrained (config.json, model.safetensors), plus the lexical scorer."""
        out = super().save_pretrained(save_directory, *args, **kwargs)
        if self.lexical is not None:
            self.lexical.save(Path(save_directory))
        return out

    @classmethod
    def from_pretrained(cls, pretrained_model_name_or_path, *model_args, lexical: bool = True, **kwargs):
        """Load a checkpoint (a folder or a hub id) with every weight accounted for.

        Unlike transformers' default, a head weight missing from the checkpoint is an error
        (ModelLoadError), never a randomly initialised head. Older folders (heads in
        warta_heads.safetensors) load too. lexical=False leaves out the n-gram scorer.
        """
        want_info = kwargs.pop("output_loading_info", False)
        path = pretrained_model_name_or_path
        layout = checkpoint_layout(path) if os.path.isdir(path) else "hf"
        if layout == "legacy":
            model = _load_legacy(Path(path), lexical=lexical)
            info = {"missing_keys": set(), "unexpected_keys": set(), "mismatched_keys": set(), "error_msgs": []}
            return (model, info) if want_info else model
        if layout != "hf":
            raise ModelLoadError(f"{path} is not a warta checkpoint: {layout}")
        if not isinstance(kwargs.get("config"), (WartaConfig, str, os.PathLike, type(None))):
            kwargs.pop("config")  # an AutoConfig guess of another model type: the folder's own config decides
        model, info = super().from_pretrained(path, *model_args, output_loading_info=True, **kwargs)
        info["unexpected_keys"] = {k for k in info.get("unexpected_keys") or () if not str(k).startswith(RETIRED_HEADS)}
        bad = {k: sorted(map(str, info.get(k) or [])) for k in ("missing_keys", "unexpected_keys", "mismatched_keys")}
        if any(bad.values()):
            raise ModelLoadError(f"{path}: weights do not match the model ({', '.join(f'{k} {v}' for k, v in bad.items() if v)})")
        if lexical:
            model.lexical = _load_lexical(path, kwargs)
        return (model, info) if want_info else model


def portable_paths(config: dict) -> dict:
    """The training record with absolute paths made relative to the working folder (or cut to
    their last part when outside it), so a saved checkpoint names no machine's layout."""

    def fix(value):
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, str) and os.path.isabs(value):
            try:
                return str(Path(value).resolve().relative_to(Path.cwd().resolve()))
            except ValueError:
                return Path(value).name
        return value

    return fix(config)


def update_settings(folder, changes: dict) -> None:
    """Change inference settings of a saved checkpoint: config.json (the WartaConfig, which loading
    reads) and warta_config.json (the training record) together, so the two never disagree."""
    from .atomic import write_text_atomic

    folder = Path(folder)
    unknown = set(changes) - set(SETTINGS)
    if unknown:
        raise ValueError(f"not inference settings: {sorted(unknown)}")
    if (folder / CONFIG_FILE).is_file():
        record = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
        write_text_atomic(folder / CONFIG_FILE, json.dumps({**record, **changes}, indent=2, ensure_ascii=False) + "\n")
    if checkpoint_layout(folder) == "hf":
        config = WartaConfig.from_pretrained(str(folder))
        config.update_settings(changes)
        write_text_atomic(folder / HF_CONFIG, config.to_json_string())


def checkpoint_layout(folder) -> str:
    """"hf" (config.json is a WartaConfig), "legacy" (heads beside a plain encoder), or why neither."""
    folder = Path(folder)
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not (folder / HF_CONFIG).is_file():
        return f"{HF_CONFIG} is missing"
    try:
        model_type = json.loads((folder / HF_CONFIG).read_text(encoding="utf-8")).get("model_type")
    except (OSError, ValueError, AttributeError) as e:
        return f"{HF_CONFIG} is not readable JSON ({e})"
    if model_type == WartaConfig.model_type:
        return "hf"
    for name in (CONFIG_FILE, HEADS_FILE):
        if not (folder / name).is_file():
            return f"{name} is missing"
    return "legacy"


def _load_lexical(path, hub_kwargs: dict) -> LexicalScorer | None:
    from safetensors import SafetensorError

    from .lexical import LEXICAL_VOCAB, LEXICAL_WEIGHTS

    try:
        if os.path.isdir(path):
            return LexicalScorer.load(Path(path))
        from transformers.utils import cached_file

        keep = {k: hub_kwargs[k] for k in ("cache_dir", "revision", "token", "local_files_only", "subfolder") if k in hub_kwargs}
        weights = cached_file(path, LEXICAL_WEIGHTS, _raise_exceptions_for_missing_entries=False, **keep)
        if weights is None:
            return None
        cached_file(path, LEXICAL_VOCAB, **keep)
        return LexicalScorer.load(Path(weights).parent)
    except (OSError, ValueError, KeyError, SafetensorError) as e:
        raise ModelLoadError(f"cannot load the lexical scorer of {path}: {e}") from e


def load_encoder(name_or_path: str):
    """Encoder + tokenizer from a local folder or a hub id, in float32, never with remote code.

    A warta checkpoint gives its fine-tuned encoder (the heads are left out).
    """
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
    if isinstance(enc, WartaModel):
        enc = enc.encoder
    return enc, tok


def _load_legacy(folder: Path, lexical: bool = True) -> WartaModel:
    """A checkpoint saved before the HF-native layout: encoder folder + warta_heads + warta_config."""
    from safetensors.torch import load_file

    settings = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
    enc, _ = load_encoder(str(folder))
    heads = load_file(str(folder / HEADS_FILE))
    # sentence features the heads were trained with: the sentence head's input width tells (4 before they grew)
    width = heads.get("sentence_head.1.weight")
    n_pos = int(width.shape[1]) - 4 * enc.config.hidden_size if width is not None else N_POS_V1
    model = WartaModel(enc, len(settings["labels"]), event_pooling=settings.get("event_pooling", "document"), sentence_features=n_pos)
    model.config.update_settings(settings)
    missing, unexpected = model.load_state_dict(heads, strict=False)
    missing = [k for k in missing if not k.startswith("encoder.")]
    unexpected = [k for k in unexpected if not k.startswith(RETIRED_HEADS)]
    if missing or unexpected:
        raise ModelLoadError(f"{folder}: head weights do not match (missing {missing}, unexpected {unexpected})")
    if lexical:
        model.lexical = _load_lexical(folder, {})
    return model


def _quietly(fn, *args, **kwargs):
    from transformers.utils import logging as hf_logging

    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        return fn(*args, **kwargs)
    finally:
        hf_logging.set_verbosity(verbosity)
        hf_logging.enable_progress_bar()


def load_checkpoint(folder: Path, lexical: bool = False) -> tuple[WartaModel, object, dict]:
    """Load a warta checkpoint folder (either layout) for inference: (model, tokenizer, settings).

    settings is warta_config.json (the training record, when present) with the inference
    settings of the model's WartaConfig over it; the two agree unless one was edited by hand.
    """
    from safetensors import SafetensorError
    from transformers import AutoTokenizer

    folder = Path(folder)
    layout = checkpoint_layout(folder)
    if layout not in ("hf", "legacy"):
        raise ModelLoadError(f"{folder} is not a warta checkpoint: {layout}")
    try:
        model = _quietly(WartaModel.from_pretrained, str(folder), dtype=torch.float32, lexical=lexical)
        tok = _quietly(AutoTokenizer.from_pretrained, str(folder))
        record = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8")) if (folder / CONFIG_FILE).is_file() else {}
    except ModelLoadError:
        raise
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, SafetensorError) as e:
        # a truncated or corrupt weight file, a config that does not fit the weights: one line, not a traceback
        raise ModelLoadError(f"cannot load warta checkpoint {folder}: {type(e).__name__}: {e}") from e
    settings = model.config.settings()
    differ = sorted(k for k in settings if k in record and record[k] != settings[k])
    if differ:
        warnings.warn(f"{folder}: {CONFIG_FILE} and {HF_CONFIG} disagree on {differ}; {HF_CONFIG} is used", RuntimeWarning, stacklevel=2)
    model.eval()
    return model, tok, {**record, **settings}


from . import _register_with_transformers  # noqa: E402

_register_with_transformers(__name__)
