"""`warta train`: fine-tune event and summary sentence scores from one encoder.

The embedded encoder (model/encoder) is the default base; any HF checkpoint works too.

    warta train --out runs/event                        # from model/encoder (offline)
    warta train --base-model indobenchmark/indobert-base-p1 --out runs/indobert

A plain loop rather than transformers.Trainer: an article is a variable-size bag of windows
pooled into one vector, which Trainer's fixed-shape batches would need a custom collator,
model wrapper and compute_loss to express; the loop is shorter than that glue.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
from tqdm.auto import tqdm

from warta.atomic import atomic_dir
from warta.batching import Encoded, encode, make_batch
from warta.labels import EVENT_LABELS
from warta.lexical import ANALYZERS, LexicalScorer, fuse
from warta.lexical_views import default_views
from warta.modeling import EVENT_POOLINGS, WartaModel, load_encoder
from warta.sentences import split_sentences

from .augment import augment
from .baselines import TfidfBaseline
from .corpus import load_split, without_furniture
from .indosum import indosum_split
from .real import has_summary, real_split
from .speaker_linker import carry_linker
from .metrics import event_metrics, tune_thresholds
from .targets import oracle_indices
from .tuning import SUMMARY_DEFAULTS, tune_summary

DEFAULT_BASE = str(Path(__file__).resolve().parent.parent / "model" / "encoder")


@dataclass
class TrainArgs:
    base_model: str = DEFAULT_BASE
    data: str = "data"
    out: str = "runs/warta"
    epochs: int = 15
    batch_size: int = 8  # articles per step
    lr: float = 3e-4
    head_lr: float = 1e-3
    weight_decay: float = 0.01
    warmup_frac: float = 0.1
    patience: int = 4
    max_len: int = 128
    stride: int = 96
    event_pooling: str = "document"  # "sentences" measured worse on dev and seeds (closing note of issue 4)
    lexical_weight: float = -1.0  # share of the n-gram scorer in the event logit (model/lexical.py); -1: chosen on real dev
    lexical_analyzer: str = "char_wb"  # n-grams of the lexical half: char_wb measured above word on real dev (0.937 vs 0.911 at 0.5)
    lexical_window: int = 320  # words per lexical window (0: whole text); real dev: excerpts kept at 0.952, 1,500-word pages 0.06 -> 0.89
    lexical_views: str = "focus"  # "focus": whole text + lead + each event's sentences (model/lexical_views.py); "whole": the text alone
    sentence_weight: float = 1.0  # loss weight of the sentence scorer against the event loss
    indosum_per_epoch: int = 600  # IndoSum train articles (extractive gold) drawn anew each epoch; 0: none, -1: all
    seed: int = 13
    random_init: bool = False  # same architecture, random weights: the pretraining ablation
    no_augment: bool = False  # skip the event-name variant copies of training articles (training/augment.py)
    threads: int = 0  # 0: torch's default
    corpus: str = "both"  # "authored", "real" or "both": which train articles (the real-test ablation)
    real_dir: str = ""  # the real page pool; "" : $WARTA_REAL_DIR or ../shared/real


HELP = {
    "base_model": "local folder or hub id of the encoder to fine-tune; the embedded model/encoder by default",
    "data": "folder with train.jsonl and dev.jsonl",
    "out": "where the best checkpoint is written (atomically)",
    "epochs": "most epochs to train",
    "batch_size": "articles per optimizer step",
    "lr": "learning rate of the encoder",
    "head_lr": "learning rate of the three heads",
    "weight_decay": "AdamW weight decay",
    "warmup_frac": "share of steps with linear warm-up",
    "patience": "stop after this many epochs without a better dev score",
    "max_len": "tokens per encoder window",
    "stride": "tokens between window starts (windows overlap by max_len - stride)",
    "event_pooling": "how an article's event score is read: 'document' pools all its tokens, 'sentences' takes the best-scoring sentence (measured worse on dev: 0.91 vs 0.99 macro-F1)",
    "lexical_weight": "share of the n-gram TF-IDF scorer in the event logits, 0 to 1 (0: encoder only, 1: n-grams only); -1: the best of 0, 0.25, 0.5, 0.75, 1 on (real) dev",
    "lexical_analyzer": "n-grams of the lexical half: char_wb (character 3-5-grams within words) or word (1-2-grams)",
    "lexical_window": "the lexical half scores texts longer than this many words by windows (half overlapping) and takes each label's best; 0: whole text",
    "lexical_views": "what the lexical half reads: 'focus' (the whole text, its lead and each event vocabulary's sentences as separate blocks) or 'whole' (the text alone)",
    "sentence_weight": "weight of the summary sentence loss against the event loss",
    "indosum_per_epoch": "IndoSum train articles (with their extractive gold) drawn anew for each epoch's summary training; 0: none, -1: all",
    "seed": "random seed",
    "random_init": "same architecture with random weights (the pretraining ablation)",
    "no_augment": "no event-name variant copies of the training articles",
    "threads": "torch threads (0: one per core)",
    "corpus": "train articles: authored (data/*.jsonl), real (data/real/ annotations over the page pool) or both; dev choices are made on real dev whenever it is present",
    "real_dir": "folder holding the real page pool pages.jsonl (default: $WARTA_REAL_DIR or ../shared/real)",
}


LEXICAL_VIEWS = ("focus", "whole")
CHOICES = {"event_pooling": EVENT_POOLINGS, "corpus": ("authored", "real", "both"), "lexical_analyzer": tuple(ANALYZERS),
           "lexical_views": LEXICAL_VIEWS}
WEIGHT_GRID = (0.0, 0.25, 0.5, 0.75, 1.0)


def parse_args(argv: list[str]) -> TrainArgs:
    ap = argparse.ArgumentParser(prog="warta train", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, default in asdict(TrainArgs()).items():
        flag = "--" + name.replace("_", "-")
        if isinstance(default, bool):
            ap.add_argument(flag, action="store_true", help=HELP[name])
        else:
            ap.add_argument(flag, type=type(default), default=default, choices=CHOICES.get(name),
                            help=f"{HELP[name]} (default: %(default)s)")
    args = TrainArgs(**vars(ap.parse_args(argv)))
    if not _weight_ok(args.lexical_weight):
        ap.error(f"--lexical-weight must lie in [0, 1] (or be -1: chosen on dev), not {args.lexical_weight}")
    return args


@dataclass
class Example:
    doc: Encoded
    events: np.ndarray  # multi-hot over EVENT_LABELS
    oracle: np.ndarray  # 1.0 for oracle summary sentences
    has_oracle: bool = True  # reference summary given: real pages labeled for events only train no sentence loss
    has_events: bool = True  # event labels given: IndoSum articles train the summary head only
    source: str = "authored"


def make_examples(tok, records: list[dict], progress: bool) -> list[Example]:
    """Tokenize once and derive every target (the oracle from IndoSum's gold sentences where given,
    else from the reference summary)."""
    out = []
    for r in tqdm(records, desc="targets", disable=not progress, mininterval=2):
        sents = split_sentences(r["text"])
        doc = encode(tok, r["text"], [(x.start, x.end) for x in sents])
        oracle = np.zeros(len(sents), dtype=np.float32)
        if has_summary(r):
            oracle[oracle_indices(sents, r)] = 1.0
        events = np.array([lab in r["labels"] for lab in EVENT_LABELS], dtype=np.float32)
        meta = r.get("meta", {})
        out.append(Example(doc, events, oracle, has_summary(r), meta.get("has_events", True), meta.get("source", "authored")))
    return out


def batch_of(tok, examples: list[Example], args: TrainArgs):
    return make_batch([e.doc for e in examples], tok.cls_token_id, tok.sep_token_id, tok.pad_token_id, args.max_len, args.stride)


def losses(model: WartaModel, tok, examples: list[Example], args: TrainArgs) -> dict[str, torch.Tensor]:
    out = model(batch_of(tok, examples, args))
    events = torch.tensor(np.stack([e.events for e in examples]))
    event_mask = torch.tensor([e.has_events for e in examples], dtype=torch.bool)
    oracle = torch.tensor(np.concatenate([e.oracle for e in examples]))
    oracle_mask = torch.tensor([e.has_oracle for e in examples for _ in e.oracle], dtype=torch.bool)
    bce = torch.nn.functional.binary_cross_entropy_with_logits
    return {
        # an article nobody annotated for a task teaches nothing about it: masked, not "no event" / "no summary"
        "events": bce(out["event_logits"][event_mask], events[event_mask]) if event_mask.any() else torch.zeros(()),
        "sentences": bce(out["sentence_logits"][oracle_mask], oracle[oracle_mask]) if oracle_mask.any() else torch.zeros(()),
    }


@torch.no_grad()
def dev_outputs(model: WartaModel, tok, examples: list[Example], args: TrainArgs, batch: int = 8) -> dict[str, np.ndarray]:
    model.eval()
    ev, sents = [], []
    for i in range(0, len(examples), batch):
        out = model(batch_of(tok, examples[i : i + batch], args))
        ev.append(out["event_logits"].numpy())
        sents.append(torch.sigmoid(out["sentence_logits"]).numpy())
    model.train()
    logits = np.concatenate(ev)
    return {"event_logits": logits, "events": fuse(logits, None, 0.0), "sentences": np.concatenate(sents)}


def oracle_recall(out: dict[str, np.ndarray], examples: list[Example], sources: tuple[str, ...] | None = None) -> float:
    """Share of oracle sentences among each article's top-3 scored sentences (articles with a
    reference summary, of the given sources)."""
    hits, total, k = 0.0, 0.0, 0
    for e in examples:
        scores = out["sentences"][k : k + len(e.oracle)]
        k += len(e.oracle)
        if not e.has_oracle or (sources and e.source not in sources):
            continue
        top = set(np.argsort(-scores)[:3].tolist())
        hits += sum(1 for i in np.flatnonzero(e.oracle) if i in top)
        total += e.oracle.sum()
    return float(hits) / max(float(total), 1.0)


def dev_scores(out: dict[str, np.ndarray], examples: list[Example], event_idx: np.ndarray | None = None) -> dict[str, float]:
    """Cheap per-epoch dev signals: event macro-F1 (on `event_idx`: the real dev articles where
    present) and oracle hit rate of the top-3 sentences on real news (IndoSum and real pages with a
    reference summary, where present; else every article with one)."""
    idx = np.arange(len(examples)) if event_idx is None else event_idx
    ev = float(event_metrics(np.stack([examples[i].events for i in idx]), out["events"][idx] >= 0.5)["macro_f1"])
    real = ("real", "indosum")
    sources = real if any(e.source in real and e.has_oracle for e in examples) else None
    sent = oracle_recall(out, examples, sources)
    return {"events_macro_f1": round(ev, 4), "oracle_recall_at3": round(sent, 4), "score": round((ev + sent) / 2, 4)}


def augmented_copies(records: list[dict], rng: random.Random) -> list[dict]:
    """One event-name variant per article naming an event."""
    return [c for c in (augment(r, rng) for r in records) if c is not None]


def load_corpus(args: TrainArgs, split: str) -> list[dict]:
    """Authored and/or real articles of one split (`args.corpus`); what is skipped is said on stderr.

    Dev always holds both corpora when they exist: real dev decides the event choices, authored
    dev (the only one with quotes and summaries so far) the quote and summary ones.
    """
    corpus = "both" if split == "dev" else args.corpus
    records = load_split(Path(args.data), split) if corpus in ("authored", "both") else []
    if corpus in ("real", "both"):
        real, note = real_split(Path(args.data), split, Path(args.real_dir) if args.real_dir else None)
        if note:
            print(f"warning: {note}", file=sys.stderr)
        records += real
    if not records:
        raise ValueError(f"no {split} articles for --corpus {args.corpus} (real pool missing?)")
    return without_furniture(records)


def indosum_records(args: TrainArgs, split: str) -> list[dict]:
    """IndoSum articles of our split (summary training and choices), furniture blanked as elsewhere;
    none when --indosum-per-epoch is 0 or the pool is absent (said on stderr)."""
    if args.indosum_per_epoch == 0:
        return []
    records, note = indosum_split(split, Path(args.real_dir) if args.real_dir else None)
    if note:
        print(f"warning: {note}", file=sys.stderr)
    return without_furniture(records)


def event_dev_index(records: list[dict]) -> np.ndarray:
    """Which dev articles decide event choices (epoch, thresholds, lexical weight): the real ones
    when any are present, since real news decides; else all."""
    real = np.array([r["meta"].get("source") == "real" for r in records])
    return np.flatnonzero(real) if real.any() else np.arange(len(records))


def _weight_ok(w: float) -> bool:
    return w == -1.0 or 0.0 <= w <= 1.0


def fit_lexical(args: TrainArgs, train_records: list[dict], dev_records: list[dict], dev_logits: np.ndarray,
                dev_y: np.ndarray) -> tuple[LexicalScorer | None, float, np.ndarray, dict[str, float]]:
    """Fit the n-gram half on the train split; return it, the lexical weight (args', or the best of
    WEIGHT_GRID on dev with thresholds tuned, ties to 0.5), the fused dev probabilities, and the
    dev macro-F1 at every weight of the grid, so the choice can be judged."""
    if args.lexical_weight == 0.0:
        return None, 0.0, fuse(dev_logits, None, 0.0), {}
    y = np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in train_records], dtype=int)
    views = default_views() if args.lexical_views == "focus" else None
    lexical = TfidfBaseline(seed=args.seed, analyzer=args.lexical_analyzer, views=views).fit([r["text"] for r in train_records], y).to_scorer()
    lexical.window_words = args.lexical_window
    lex_logits = lexical.logits([r["text"] for r in dev_records])
    sweep = {}
    for w in WEIGHT_GRID:
        probs = fuse(dev_logits, lex_logits, w)
        sweep[str(w)] = round(event_metrics(dev_y, probs >= np.array([tune_thresholds(dev_y, probs)[lab] for lab in EVENT_LABELS]))["macro_f1"], 4)
    weight = args.lexical_weight
    if weight == -1.0:
        weight = max(WEIGHT_GRID, key=lambda w: (sweep[str(w)], -abs(w - 0.5)))
    if weight == 0.0:
        return None, 0.0, fuse(dev_logits, None, 0.0), sweep
    return lexical, weight, fuse(dev_logits, lex_logits, weight), sweep


def event_choices(args: TrainArgs, originals: list[dict], dev_records: list[dict], event_logits: np.ndarray, dev_y: np.ndarray,
                  ev_idx: np.ndarray) -> tuple[LexicalScorer | None, float, dict[str, float], dict]:
    """The lexical half, its weight and the per-label thresholds, all chosen on the event-dev articles
    (real dev where present); returns them with the dev metrics behind the choice."""
    ev_records = [dev_records[i] for i in ev_idx]
    lexical, weight, probs, sweep = fit_lexical(args, originals, ev_records, event_logits[ev_idx], dev_y[ev_idx])
    thresholds = tune_thresholds(dev_y[ev_idx], probs)
    th = np.array([thresholds[lab] for lab in EVENT_LABELS])
    return lexical, weight, thresholds, {
        "dev_at_0.5": event_metrics(dev_y[ev_idx], probs >= 0.5), "dev_tuned": event_metrics(dev_y[ev_idx], probs >= th),
        "dev_lexical_sweep": sweep, "lexical_weight": weight, "thresholds": thresholds}


def refit_events(model_dir: Path, out_dir: Path, progress: bool = False, **overrides) -> dict:
    """Redo the event choices of a trained checkpoint (lexical half, its weight, thresholds) with
    other lexical settings, without retraining the encoder: the encoder never sees the lexical
    half, so this gives what `warta train` with those settings would have saved."""
    from warta.modeling import load_checkpoint

    model, tok, config = load_checkpoint(Path(model_dir))
    args = TrainArgs(**{**{k: v for k, v in config.get("train_args", {}).items() if k in TrainArgs.__dataclass_fields__}, **overrides})
    originals = load_corpus(args, "train")
    dev_records = load_corpus(args, "dev")
    ev_idx = event_dev_index(dev_records)
    ev_set = make_examples(tok, [dev_records[i] for i in ev_idx], progress)
    logits = np.zeros((len(dev_records), len(EVENT_LABELS)))
    logits[ev_idx] = dev_outputs(model, tok, ev_set, args)["event_logits"]
    dev_y = np.array([[lab in r["labels"] for lab in EVENT_LABELS] for r in dev_records], dtype=np.float32)
    lexical, weight, thresholds, events = event_choices(args, originals, dev_records, logits, dev_y, ev_idx)
    config.update(thresholds=thresholds, lexical_weight=weight, train_args=asdict(args), dev_lexical_sweep=events["dev_lexical_sweep"])
    config.setdefault("dev_metrics", {})["events"] = events["dev_tuned"]
    with atomic_dir(Path(out_dir)) as tmp:
        model.save(tmp, tok, config)
        if lexical is not None:
            lexical.save(tmp)
        carry_linker(Path(model_dir), tmp)
    return events


def build_model(args: TrainArgs):
    enc, tok = load_encoder(args.base_model)
    if args.random_init:
        from transformers import AutoModel

        enc = AutoModel.from_config(enc.config)
    return WartaModel(enc, len(EVENT_LABELS), event_pooling=args.event_pooling), tok


def make_optimizer(model: WartaModel, args: TrainArgs, steps: int):
    head = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    body = [p for n, p in model.named_parameters() if n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=args.weight_decay)
    warm = max(1, int(steps * args.warmup_frac))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    return opt, sched


def train(args: TrainArgs, progress: bool = True) -> dict:
    if not _weight_ok(args.lexical_weight):  # checked before training, not after an hour of it
        raise ValueError(f"--lexical-weight must lie in [0, 1] (or be -1: chosen on dev), not {args.lexical_weight}")
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    model, tok = build_model(args)
    train_records = load_corpus(args, "train")
    originals = list(train_records)
    if not args.no_augment:
        train_records += augmented_copies(originals, random.Random(args.seed))
    train_set = make_examples(tok, train_records, progress)
    summary_pool = make_examples(tok, indosum_records(args, "train"), progress)
    per_epoch = len(summary_pool) if args.indosum_per_epoch < 0 else min(args.indosum_per_epoch, len(summary_pool))
    dev_records = load_corpus(args, "dev") + indosum_records(args, "dev")
    dev_set = make_examples(tok, dev_records, progress)
    ev_idx = event_dev_index(dev_records)
    print(f"train: {len(originals)} articles ({sum(r['meta'].get('source') == 'real' for r in originals)} real) "
          f"+ {len(train_records) - len(originals)} variant copies + {per_epoch} of {len(summary_pool)} IndoSum articles an epoch; "
          f"dev: {len(dev_records)} (event choices on {len(ev_idx)}{' real' if len(ev_idx) < len(dev_records) else ''})", file=sys.stderr)
    steps = args.epochs * ((len(train_set) + per_epoch + args.batch_size - 1) // args.batch_size)
    opt, sched = make_optimizer(model, args, steps)
    weights = {"events": 1.0, "sentences": args.sentence_weight}
    best, best_state, bad, history = -1.0, None, 0, []
    t0 = time.time()
    rng = np.random.default_rng(args.seed)
    for epoch in range(1, args.epochs + 1):
        epoch_set = train_set + [summary_pool[i] for i in rng.choice(len(summary_pool), per_epoch, replace=False)] if per_epoch else train_set
        order = np.random.permutation(len(epoch_set))
        bar = tqdm(range(0, len(order), args.batch_size), desc=f"epoch {epoch}", disable=not progress, mininterval=2)
        totals = dict.fromkeys(weights, 0.0)
        for i in bar:
            parts = losses(model, tok, [epoch_set[j] for j in order[i : i + args.batch_size]], args)
            loss = sum(weights[k] * v for k, v in parts.items())
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            for k, v in parts.items():
                totals[k] += v.item()
            bar.set_postfix(loss=f"{loss.item():.3f}")
        scores = dev_scores(dev_outputs(model, tok, dev_set, args), dev_set, ev_idx)
        n_batches = max(1, len(bar))
        history.append({"epoch": epoch, **{f"train_{k}_loss": round(v / n_batches, 4) for k, v in totals.items()}, **scores})
        print(f"epoch {epoch}: " + ", ".join(f"{k} {v}" for k, v in history[-1].items() if k != "epoch"), file=sys.stderr)
        if scores["score"] > best:
            best, best_state, bad = scores["score"], copy.deepcopy(model.state_dict()), 0
        else:
            bad += 1
            if bad >= args.patience:
                print(f"early stop after epoch {epoch}", file=sys.stderr)
                break
    model.load_state_dict(best_state)
    out = dev_outputs(model, tok, dev_set, args)
    dev_y = np.stack([e.events for e in dev_set])
    lexical, weight, thresholds, events = event_choices(args, originals, dev_records, out["event_logits"], dev_y, ev_idx)
    sum_idx = [i for i, r in enumerate(dev_records) if has_summary(r) and r["meta"].get("source") in ("real", "indosum")]
    sum_idx = sum_idx or [i for i, r in enumerate(dev_records) if has_summary(r)]  # real news decides where present
    sent_split = np.split(out["sentences"], np.cumsum([len(e.oracle) for e in dev_set])[:-1])
    summary_cfg = tune_summary([dev_records[i] for i in sum_idx],
                               np.concatenate([sent_split[i] for i in sum_idx]) if sum_idx else np.zeros(0))
    result = {
        **events,
        "dev_scores": dev_scores(out, dev_set, ev_idx),
        "summary": summary_cfg,
        "history": history,
        "minutes": round((time.time() - t0) / 60, 2),
    }
    config = {
        "warta_version": "0.1.0",
        "tasks": ["events", "quotes", "summary"],
        "labels": list(EVENT_LABELS),
        "thresholds": thresholds,
        "summary": {k: v for k, v in summary_cfg.items() if k in SUMMARY_DEFAULTS},
        "max_len": args.max_len,
        "stride": args.stride,
        "event_pooling": args.event_pooling,
        "lexical_weight": weight,
        "base_model": args.base_model if not args.random_init else f"{args.base_model} (random init)",
        "train_args": asdict(args),
        "history": history,
        "dev_metrics": {"events": result["dev_tuned"], **result["dev_scores"]},
        "dev_lexical_sweep": result["dev_lexical_sweep"],
    }
    with atomic_dir(Path(args.out)) as tmp:
        model.save(tmp, tok, config)
        if lexical is not None:
            lexical.save(tmp)
    fit_speaker_linker(args)
    return result


def fit_speaker_linker(args: TrainArgs) -> None:
    """The speaker linker of the new checkpoint (rule features, learned from real train quotes), so a
    retrained model resolves speakers as the shipped one does; without real quote annotations the
    rules decide alone, and that is said."""
    from . import speaker_linker

    real_dir = Path(args.real_dir) if args.real_dir else None
    if not speaker_linker.has_real_quotes(Path(args.data), real_dir):
        print("note: no real train pages with quote annotations: no speaker linker, the quote rules choose speakers", file=sys.stderr)
        return
    speaker_linker.main(["--model", args.out, "--data", args.data] + (["--real-dir", args.real_dir] if args.real_dir else []))


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    result = train(args, progress=sys.stderr.isatty())
    print(json.dumps({k: v for k, v in result.items() if k != "history"}, indent=2))
    return 0
