"""Train a SentencePiece unigram tokenizer and save it as a transformers fast tokenizer.

SentencePiece trains the pieces; transformers' AlbertTokenizer (a fast Unigram tokenizer in
transformers v5) takes them as (piece, score) pairs, so `AutoTokenizer.from_pretrained(folder)`
loads the result with no sentencepiece model file and no remote code.
"""

from __future__ import annotations

import io
from pathlib import Path

SPECIALS = ["<pad>", "<unk>", "[CLS]", "[SEP]", "[MASK]"]  # ids 0..4, the order AlbertTokenizer expects
# Quote marks and dashes must be single pieces: quote tagging depends on them.
REQUIRED_CHARS = "“”‘’\"'–—-()/.,:;!?%"


def train_sentencepiece(lines: list[str], vocab_size: int, lowercase: bool, seed: int = 13) -> list[tuple[str, float]]:
    """Return the unigram vocabulary as (piece, log-prob) pairs, specials first."""
    import sentencepiece as spm

    if lowercase:
        lines = [ln.lower() for ln in lines]
    spm.set_random_generator_seed(seed)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,  # a small corpus yields fewer pieces instead of an error
        model_type="unigram",
        character_coverage=0.9995,
        required_chars=REQUIRED_CHARS,
        # identity normalisation keeps character offsets exact; NFKC would shift them
        normalization_rule_name="identity",
        split_digits=True,
        pad_id=0,
        unk_id=1,
        bos_id=-1,
        eos_id=-1,
        user_defined_symbols=SPECIALS[2:],
        pad_piece=SPECIALS[0],
        unk_piece=SPECIALS[1],
        input_sentence_size=2_000_000,
        shuffle_input_sentence=True,
        num_threads=2,
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_proto=model.getvalue())
    return [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]


def make_tokenizer(vocab: list[tuple[str, float]], lowercase: bool, model_max_length: int = 512):
    from transformers import AlbertTokenizer

    assert [p for p, _ in vocab[: len(SPECIALS)]] == SPECIALS, vocab[:6]
    return AlbertTokenizer(
        vocab=vocab,
        do_lower_case=lowercase,
        keep_accents=True,
        model_max_length=model_max_length,
    )


def build_tokenizer(lines: list[str], out_dir: Path, vocab_size: int, lowercase: bool):
    """Train and save; returns the loaded tokenizer."""
    tok = make_tokenizer(train_sentencepiece(lines, vocab_size, lowercase), lowercase)
    tok.save_pretrained(str(out_dir))
    return tok


def fertility(tok, texts: list[str]) -> float:
    """Tokens per whitespace word: sequence length, hence encoder cost, scales with it."""
    words = sum(len(t.split()) for t in texts)
    pieces = sum(len(tok(t, add_special_tokens=False)["input_ids"]) for t in texts)
    return pieces / max(words, 1)
