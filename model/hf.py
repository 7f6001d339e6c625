"""warta in the Hugging Face ecosystem: Auto classes, the `warta-news` pipeline task, conversion.

    import warta                                   # registers everything below with transformers
    from transformers import AutoModel, pipeline
    nlp = pipeline("warta-news", model="model/default")
    nlp("Polres Bone menggelar rakor ...")         # the record Predictor gives: labels, scores, quotes, summary
    nlp([text1, text2])                            # one record per text, in order
    AutoModel.from_pretrained("model/default")     # a WartaModel (encoder + heads + n-gram scorer)

What is registered, and why:
- `AutoConfig`: model_type "warta" -> WartaConfig; `AutoModel`: WartaConfig -> WartaModel.
- the pipeline task "warta-news" (WartaNewsPipeline, CPU): the same records as `Predictor`, int8
  linear layers by default as `warta predict` runs (`quantize=False` for float32).
- `AutoModelForSequenceClassification`: WartaConfig -> a class that refuses with a message.
  warta's event scores fuse the encoder with a word n-gram scorer over whole articles read in
  windows; a text-classification head over one truncated window cannot give them, and a randomly
  initialised one (what transformers would otherwise build from an encoder config) gives noise.
Without `import warta`, transformers does not know model_type "warta" and refuses the folder.
No remote code is involved anywhere (no `trust_remote_code`, no `auto_map`).

Converting a checkpoint folder saved before the HF-native layout (heads in warta_heads.safetensors):

    python -m warta.hf convert FOLDER [--out OUT]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from transformers import AutoConfig, AutoModel, AutoModelForSequenceClassification, Pipeline
from transformers.pipelines import PIPELINE_REGISTRY

from .configuration import WartaConfig
from .modeling import CONFIG_FILE, HEADS_FILE, ModelLoadError, WartaModel, checkpoint_layout, load_checkpoint

TASK = "warta-news"


class WartaNewsPipeline(Pipeline):
    """`pipeline("warta-news", model=FOLDER)`: texts in, warta's records out (as `Predictor.predict`)."""

    _load_tokenizer = True
    _load_processor = False
    _load_image_processor = False
    _load_video_processor = False
    _load_feature_extractor = False

    def __init__(self, model, tokenizer=None, device=None, quantize: bool = True, **kwargs):
        import torch

        if device is not None and torch.device(device if not isinstance(device, int) else ("cpu" if device < 0 else f"cuda:{device}")).type != "cpu":
            raise ValueError(f"the {TASK} pipeline runs on CPU (device={device!r} asked)")
        super().__init__(model=model, tokenizer=tokenizer, device="cpu", **kwargs)
        from .predictor import Predictor, quantize_linear

        core = quantize_linear(self.model) if quantize else self.model
        self.predictor = Predictor(core.eval(), self.tokenizer, self.model.config.settings(),
                                   batch_size=self._batch_size or 8, lexical=getattr(self.model, "lexical", None))

    def _sanitize_parameters(self, **kwargs):
        if kwargs:
            raise TypeError(f"the {TASK} pipeline takes no parameters, got {sorted(kwargs)}")
        return {}, {}, {}

    def preprocess(self, text):
        return {"text": text}

    def _forward(self, model_inputs):
        return self.predictor.predict([model_inputs["text"]])[0]

    def postprocess(self, record):
        return record

    def __call__(self, inputs, **kwargs):
        """One record for a str, a list of records for a list (or any iterable) of str."""
        self._sanitize_parameters(**kwargs)
        if isinstance(inputs, str):
            return self.predictor.predict([inputs])[0]
        return self.predictor.predict(list(inputs))


class WartaIsNotATextClassifier:
    """Registered for AutoModelForSequenceClassification so that plain text-classification refuses."""

    config_class = WartaConfig

    @classmethod
    def from_pretrained(cls, pretrained_model_name_or_path=None, *args, **kwargs):
        raise ValueError(
            f"{pretrained_model_name_or_path or 'this'} is a warta model, not a text-classification head: its event "
            "scores fuse the encoder with a word n-gram scorer over whole articles read in windows. Use "
            f"pipeline({TASK!r}, model=...) after `import warta`, or warta.Predictor.load(...); "
            "the scores are in each record's `scores`.")

    @classmethod
    def from_config(cls, config=None, *args, **kwargs):
        return cls.from_pretrained(None)


def register() -> None:
    """Register warta with transformers (idempotent; `import warta` arranges for it to run)."""
    AutoConfig.register(WartaConfig.model_type, WartaConfig, exist_ok=True)
    AutoModel.register(WartaConfig, WartaModel, exist_ok=True)
    AutoModelForSequenceClassification.register(WartaConfig, WartaIsNotATextClassifier, exist_ok=True)
    PIPELINE_REGISTRY.register_pipeline(TASK, pipeline_class=WartaNewsPipeline, pt_model=WartaModel, type="text")


# --- conversion of older checkpoint folders ---------------------------------------------------

# Files of the older layout that the converted folder replaces.
_LEGACY_ONLY = {HEADS_FILE}
_REWRITTEN = {"config.json", "model.safetensors", CONFIG_FILE, "tokenizer.json", "tokenizer_config.json",
              "special_tokens_map.json", "lexical.safetensors", "lexical_vocab.json"}


def convert(folder: Path, out: Path | None = None) -> Path:
    """Rewrite an older checkpoint folder in the HF-native layout (in place unless `out`).

    The converted folder is checked before it replaces anything: it must load as a WartaModel and
    give the same float32 outputs as the original on a probe article.
    """
    import torch

    from .atomic import atomic_dir
    from .predictor import Predictor

    folder, out = Path(folder), Path(out) if out else Path(folder)
    layout = checkpoint_layout(folder)
    if layout == "hf":
        if out != folder:
            shutil.copytree(folder, out, dirs_exist_ok=False)
        return out
    if layout != "legacy":
        raise ModelLoadError(f"{folder} is not a warta checkpoint: {layout}")
    model, tok, record = load_checkpoint(folder, lexical=True)
    record = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
    before = Predictor.load(folder, quantize=False)
    probe = ["Polres Bone menggelar rakor lintas sektoral kesiapan pengamanan Pilkada.\n"
             "“Kami siap mengamankan seluruh tahapan,” ujar Kapolres AKBP Malpa Malacoppo. Personel sudah disiagakan."]
    with atomic_dir(out) as tmp:
        for extra in folder.iterdir():  # anything else in the folder (a README, metrics) comes along
            if extra.name not in _LEGACY_ONLY | _REWRITTEN and extra.is_file():
                shutil.copy2(extra, tmp / extra.name)
        model.save(tmp, tok, record)
        after = Predictor.load(tmp, quantize=False)
        a, b = before.raw(probe)[0], after.raw(probe)[0]
        if not (torch.allclose(torch.tensor(a["probs"]), torch.tensor(b["probs"]), atol=1e-6)
                and torch.allclose(torch.tensor(a["sentence_scores"]), torch.tensor(b["sentence_scores"]), atol=1e-6)):
            raise ModelLoadError(f"conversion of {folder} changed the model's outputs; nothing written")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.hf", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="action", required=True)
    conv = sub.add_parser("convert", help="rewrite an older checkpoint folder in the HF-native layout")
    conv.add_argument("folder", type=Path, help="checkpoint folder (warta_config.json + warta_heads.safetensors + encoder files)")
    conv.add_argument("--out", type=Path, default=None, help="write the converted folder here (default: replace FOLDER)")
    args = ap.parse_args(argv)
    try:
        out = convert(args.folder, args.out)
    except ModelLoadError as e:
        print(f"python -m warta.hf convert: {e}", file=sys.stderr)
        return 1
    print(f"{out}: HF-native warta checkpoint (config.json model_type warta)", file=sys.stderr)
    return 0


from . import _register_with_transformers  # noqa: E402

_register_with_transformers(__name__)

if __name__ == "__main__":
    raise SystemExit(main())
