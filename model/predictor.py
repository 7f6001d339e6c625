"""The inference API: load a checkpoint once, call it on lists of texts.

    from warta import Predictor
    p = Predictor.load()            # the shipped default model
    p.predict(["Polres ... menggelar rakor lintas sektoral ..."])

One encoder pass per window feeds every head; rules that need no encoder (quote-mark pairing,
sentence splitting, speaker linking) run beside it on the same text. Every head reads the article
with its page furniture blanked (model/furniture.py); the blanking keeps lengths, so the offsets
in a record point into the text as given.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

import torch
from safetensors import SafetensorError

from .batching import encode, make_batch
from .furniture import mask_furniture
from .lexical import LexicalScorer, fuse
from .modeling import ModelLoadError, load_checkpoint
from .quotes.linker import LinkerError, SpeakerLinker, load_linker
from .readers import text_problem
from .sentences import split_sentences
from .summarize import select_sentences, trim_dateline

DEFAULT_MODEL = Path(__file__).resolve().parent / "default"
# Encoder weights a user folder may hold: safetensors only. A pickled pytorch_model.bin can run
# code when loaded, and transformers would fall back to one where these are missing.
SAFE_WEIGHTS = ("model.safetensors", "model.safetensors.index.json")


def quantize_linear(model: torch.nn.Module) -> torch.nn.Module:
    """int8 dynamic quantization of every nn.Linear (weights int8, activations quantized per batch).

    torch.ao.quantization is deprecated in favour of the separate torchao package, but the pinned
    torch (2.13) still ships it and its CPU kernels; its notices are silenced here because they
    speak to torch developers, not to warta users. Where a future torch drops it, the model runs
    in float32 instead of failing.
    """
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*torch.ao.quantization is deprecated.*")
            warnings.filterwarnings("ignore", message=".*quantized tensor creation functions.*")
            return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    except (AttributeError, ImportError, RuntimeError) as err:
        warnings.warn(f"int8 quantization unavailable ({err}); running in float32", RuntimeWarning, stacklevel=2)
        return model


class Predictor:
    def __init__(self, model, tokenizer, config: dict, batch_size: int = 8, lexical: LexicalScorer | None = None,
                 summary_sentences: int | None = None, speaker_linker: SpeakerLinker | None = None):
        self.model = model
        self.speaker_linker = speaker_linker  # None: the quote rules choose speakers alone
        self.lexical = lexical
        self.lexical_weight = float(config.get("lexical_weight", 0.0)) if lexical is not None else 0.0
        self.tok = tokenizer
        self.config = config
        self.labels: list[str] = list(config["labels"])
        self.thresholds: dict[str, float] = {lab: float(config.get("thresholds", {}).get(lab, 0.5)) for lab in self.labels}
        self.max_len = int(config.get("max_len", 128))
        self.stride = int(config.get("stride", 96))
        self.tasks = set(config.get("tasks", ["events"]))
        self.summary_cfg = config.get("summary", {})
        if summary_sentences is not None:  # the user's length overrides the dev-chosen one: exactly N sentences (fewer if the article has fewer)
            if summary_sentences < 1:
                raise ValueError(f"summary_sentences must be at least 1, not {summary_sentences}")
            self.summary_cfg = {"max_sentences": summary_sentences, "min_sentences": summary_sentences, "word_budget": 10**9, "min_score": 0.0,
                                "max_overlap": float(self.summary_cfg.get("max_overlap", 1.0))}
        self.batch_size = batch_size

    @classmethod
    def load(cls, path: str | Path | None = None, batch_size: int = 8, quantize: bool = True, lexical: bool = True,
             summary_sentences: int | None = None) -> "Predictor":
        """Load a checkpoint for CPU inference; `quantize` runs its linear layers in int8.

        lexical=False leaves out the checkpoint's n-gram scorer, so event scores come from the
        encoder alone (`encoder_only()` gives the same from an already loaded predictor).
        summary_sentences: summaries of exactly that many sentences instead of the length chosen on
        real dev (stored in the checkpoint).

        Dynamic int8 quantization speeds up the encoder on CPU for a small shift of the scores (both
        measured against float32 by scripts/bench_predict.py); `warta evaluate` measures the
        quantized model, because that is what `warta predict` runs. quantize=False keeps float32.
        """
        folder = Path(path) if path else DEFAULT_MODEL
        if folder.is_dir() and (folder / "config.json").is_file() and not any((folder / w).is_file() for w in SAFE_WEIGHTS):
            raise ModelLoadError(f"{folder} has no model.safetensors: warta loads encoder weights from safetensors only "
                                 "(pickled .bin/.pt weights can run code when loaded)")
        try:
            model, tok, config = load_checkpoint(folder)
            scorer = LexicalScorer.load(folder) if lexical else None
            linker = load_linker(folder)
        except ModelLoadError:
            raise
        except LinkerError as e:
            raise ModelLoadError(str(e)) from e
        except (OSError, ValueError, KeyError, TypeError, RuntimeError, SafetensorError) as e:
            # a truncated or corrupt weight file, a config that does not fit the weights: one line, not a traceback
            raise ModelLoadError(f"cannot load warta checkpoint {folder}: {type(e).__name__}: {e}") from e
        if quantize:
            model = quantize_linear(model)
        return cls(model, tok, config, batch_size, lexical=scorer, summary_sentences=summary_sentences, speaker_linker=linker)

    def encoder_only(self) -> "Predictor":
        """The same loaded model with event scores from the encoder alone (no n-gram half, no reload)."""
        return Predictor(self.model, self.tok, self.config, self.batch_size, speaker_linker=self.speaker_linker)

    def n_windows(self, text: str) -> int:
        """Encoder windows an article needs (long articles are read whole, never cut)."""
        doc = encode(self.tok, text, [])
        return len(make_batch([doc], 0, 0, 0, self.max_len, self.stride).input_ids)

    @torch.inference_mode()
    def _forward(self, texts: list[str]) -> list[dict]:
        texts = [mask_furniture(t) for t in texts]
        sents = [split_sentences(t) for t in texts]
        docs = [encode(self.tok, t, [(s.start, s.end) for s in ss]) for t, ss in zip(texts, sents)]
        batch = make_batch(docs, self.tok.cls_token_id, self.tok.sep_token_id, self.tok.pad_token_id, self.max_len, self.stride)
        out = self.model(batch)
        lexical = self.lexical.logits(texts) if self.lexical_weight > 0 else None
        probs = fuse(out["event_logits"].numpy(), lexical, self.lexical_weight).tolist()
        sent_scores = torch.sigmoid(out["sentence_logits"]).split([len(d.sentences) for d in docs])
        return [{"text": t, "probs": p, "sentences": ss, "sentence_scores": sc.tolist()}
                for t, p, ss, sc in zip(texts, probs, sents, sent_scores)]

    def raw(self, texts: list[str]) -> list[dict]:
        """Model outputs before post-processing, one article per model call.

        Why one article per call: dynamic int8 quantization scales each layer's activations over
        the whole input tensor, so batch-mates (and the padding they bring) shifted an article's
        scores: 83 of 250 records changed after a `--resume` regrouped them. Alone, an article's
        outputs depend on its own text only, bit for bit, whatever else is predicted with it; the
        windows of one article still run as one batch. Texts must pass `check_texts`.
        """
        check_texts(texts, strict=True)
        return [self._forward([t])[0] for t in texts]

    def event_probs(self, texts: list[str]) -> torch.Tensor:
        """Per-article label probabilities, shape (len(texts), n_labels)."""
        if not texts:
            return torch.zeros(0, len(self.labels))
        return torch.tensor([r["probs"] for r in self.raw(texts)])

    def _record(self, r: dict) -> dict:
        text = r["text"]  # furniture blanked, same offsets as the input
        scores = {lab: round(p, 4) for lab, p in zip(self.labels, r["probs"])}
        rec = {"labels": [lab for lab in self.labels if scores[lab] >= self.thresholds[lab]], "scores": scores}
        if "quotes" in self.tasks:
            from .quotes import extract_quotes

            rec["quotes"] = extract_quotes(text, linker=self.speaker_linker)
        if "summary" in self.tasks:
            chosen = [trim_dateline(r["sentences"][i]) for i in select_sentences(r["sentences"], r["sentence_scores"], **self.summary_cfg)]
            rec["summary"] = " ".join(s.text for s in chosen)
            rec["summary_sentences"] = [{"start": s.start, "end": s.end} for s in chosen]
        return rec

    def predict(self, texts: list[str]) -> list[dict]:
        """One dict per text, in order: labels and scores, plus quotes and summary where the model has those heads.

        `texts` is a list (or other iterable) of str; a bare str is refused (TypeError) rather than
        read as a list of characters: pass [text]. An item that is not a str raises TypeError naming
        its index. A text that is empty, over MAX_CHARS characters, holds NUL bytes or unpaired
        surrogates gets {"error": {"code", "message"}} in its place, as `warta predict` writes it
        (which also screens out text that does not look Indonesian; the API leaves that to the caller).
        """
        texts = check_texts(texts)
        problems = [text_problem(t, screen_language=False) for t in texts]
        good = iter(self.raw([t for t, p in zip(texts, problems) if p is None]))
        return [self._record(next(good)) if p is None else {"error": {"code": p[0], "message": p[1]}} for p in problems]


def check_texts(texts: Iterable[str], strict: bool = False) -> list[str]:
    """`texts` as a list, after the checks every entry point makes: a list of str, not a str.

    strict (for `raw`/`event_probs`, which return no records to carry an error): a text
    `predict` would answer with an error record raises ValueError naming its index instead,
    so no caller can feed the model an empty or unbounded text (one 1M-character string took 3.6 GB).
    """
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(f"texts must be a list of str, not a single {type(texts).__name__}: wrap one text as [text]")
    if not isinstance(texts, Iterable):
        raise TypeError(f"texts must be a list of str, not {type(texts).__name__}")
    texts = list(texts)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"texts[{i}] is {type(t).__name__}, not str")
        if strict and (problem := text_problem(t, screen_language=False)):
            raise ValueError(f"texts[{i}]: {problem[1]}")
    return texts
