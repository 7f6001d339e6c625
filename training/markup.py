"""Authoring markup for the labeled corpus -> JSONL records with character offsets.

Annotators write articles with inline tags because counting character offsets by hand is
error-prone; this module strips the tags and computes offsets into the clean text, so
`text[start:end] == span` holds by construction.

A batch file holds articles, each starting with a `### ARTICLE` line, a header of
`key: value` lines, a `---` line, then the body:

    ### ARTICLE
    id: h1-001
    group: h1-001
    kind: positive            # positive | hard_negative | negative
    labels: rakor apel_gelar_pasukan
    region: Sulawesi Selatan
    date: 2024-08-12
    outlet: humas
    title: ...
    summary: ...
    ---
    “<q id=1 type=direct speaker="AKBP Malpa Malacoppo" role="Kapolres Tana Toraja">Kami siap.</q>” <cue id=1>ungkap<spk id=1>nya</spk></cue>.

Tags: `<q id=N type=direct|indirect speaker="..." role="...">` wraps the quoted words (quote
marks stay outside); `<cue id=N>` and `<spk id=N>` mark the cue word and the speaker mention;
their `id` may list several quotes ("2,3") when one cue serves a split quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("rakor", "apel_gelar_pasukan", "simulasi_sispam_kota")
KINDS = ("positive", "hard_negative", "negative")
HEADER_KEYS = ("id", "group", "kind", "labels", "region", "date", "outlet", "title", "summary")
OPEN_MARKS = "“\"”‘'"
CLOSE_MARKS = "”\"“’'"
TAG_RE = re.compile(r"<(/?)(q|cue|spk)\b([^<>]*)>")
ATTR_RE = re.compile(r'(\w+)=(?:"([^"]*)"|([^\s"]+))')


class MarkupError(ValueError):
    """A problem in an authored article, with its file and line."""


@dataclass
class _Open:
    tag: str
    attrs: dict[str, str]
    start: int
    line: int


@dataclass
class _Spans:
    quotes: dict[str, dict] = field(default_factory=dict)
    cues: dict[str, dict] = field(default_factory=dict)
    mentions: dict[str, dict] = field(default_factory=dict)


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in ATTR_RE.finditer(raw)}


def _strip_tags(body: str, where: str, first_line: int) -> tuple[str, _Spans]:
    """Remove tags from `body`, returning clean text and the spans each tag covered."""
    out: list[str] = []
    pos = 0
    length = 0
    stack: list[_Open] = []
    spans = _Spans()
    for m in TAG_RE.finditer(body):
        chunk = body[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        line = first_line + body.count("\n", 0, m.start())
        closing, tag, raw = m.group(1) == "/", m.group(2), m.group(3)
        if not closing:
            stack.append(_Open(tag, _attrs(raw), length, line))
            continue
        if not stack or stack[-1].tag != tag:
            raise MarkupError(f"{where}:{line}: </{tag}> closes nothing open (open: {[o.tag for o in stack]})")
        opened = stack.pop()
        span = {"start": opened.start, "end": length, "line": opened.line, **opened.attrs}
        ids = opened.attrs.get("id", "")
        if not ids:
            raise MarkupError(f"{where}:{opened.line}: <{tag}> has no id")
        target = {"q": spans.quotes, "cue": spans.cues, "spk": spans.mentions}[tag]
        for qid in ids.split(","):
            if tag == "q" and qid in target:
                raise MarkupError(f"{where}:{opened.line}: quote id {qid} used twice")
            target[qid.strip()] = span
    if stack:
        raise MarkupError(f"{where}:{stack[-1].line}: <{stack[-1].tag}> never closed")
    out.append(body[pos:])
    text = "".join(out)
    if "<" in text and re.search(r"</?\w", text):
        raise MarkupError(f"{where}: stray tag-like text left after parsing: {re.search(r'</?[^>]{0,30}', text).group(0)!r}")
    return text, spans


def _span(text: str, s: dict | None) -> dict | None:
    if s is None:
        return None
    return {"start": s["start"], "end": s["end"], "text": text[s["start"] : s["end"]]}


def _snap_direct(text: str, q: dict) -> None:
    """Canonical direct span: everything inside the marks except a trailing comma.

    Authors place `</q>` before or after the final period inconsistently; snapping makes the
    gold spans consistent. The comma before a closing mark belongs to the attribution
    (“…,” ujarnya), not to the statement.
    """
    end = q["end"]
    while end < len(text) and end - q["end"] < 2 and text[end] in ".!?,":
        end += 1
    if end < len(text) and text[end] in CLOSE_MARKS:
        q["end"] = end
    while q["end"] > q["start"] and text[q["end"] - 1] in ", ":
        q["end"] -= 1


def _check_quote(text: str, q: dict, where: str) -> None:
    line = q["line"]
    content = text[q["start"] : q["end"]]
    if not content.strip():
        raise MarkupError(f"{where}:{line}: empty quote")
    if content != content.strip():
        raise MarkupError(f"{where}:{line}: quote span starts or ends with whitespace: {content[:40]!r}")
    if q.get("type") not in ("direct", "indirect"):
        raise MarkupError(f"{where}:{line}: quote type must be direct or indirect, got {q.get('type')!r}")
    if not q.get("speaker", "").strip():
        raise MarkupError(f"{where}:{line}: quote has no speaker=\"...\"")
    if q["type"] == "direct":
        before = text[q["start"] - 1] if q["start"] > 0 else ""
        after = text[q["end"] : q["end"] + 2].lstrip(",")[:1]
        if before not in OPEN_MARKS or after not in CLOSE_MARKS:
            raise MarkupError(
                f"{where}:{line}: direct quote must sit right inside quote marks, got {before!r}…{after!r}"
            )


def _record(header: dict[str, str], body: str, where: str, first_line: int) -> dict:
    missing = [k for k in HEADER_KEYS if k not in header]
    if missing:
        raise MarkupError(f"{where}:{first_line}: header lacks {missing}")
    labels = header["labels"].replace(",", " ").split()
    bad = [lab for lab in labels if lab not in LABELS]
    if bad:
        raise MarkupError(f"{where}:{first_line}: unknown labels {bad}")
    if header["kind"] not in KINDS:
        raise MarkupError(f"{where}:{first_line}: kind must be one of {KINDS}")
    if (header["kind"] == "positive") != bool(labels):
        raise MarkupError(f"{where}:{first_line}: kind={header['kind']} disagrees with labels={labels}")
    text, spans = _strip_tags(body.strip("\n"), where, first_line)
    quotes = []
    for qid, q in sorted(spans.quotes.items(), key=lambda kv: kv[1]["start"]):
        if q.get("type") == "direct":
            _snap_direct(text, q)
        _check_quote(text, q, where)
        quotes.append(
            {
                **_span(text, q),
                "type": q["type"],
                "cue": _span(text, spans.cues.get(qid)),
                "speaker_mention": _span(text, spans.mentions.get(qid)),
                "speaker": q["speaker"].strip(),
                "speaker_role": q.get("role", "").strip(),
            }
        )
    dangling = (set(spans.cues) | set(spans.mentions)) - set(spans.quotes)
    if dangling:
        raise MarkupError(f"{where}: cue/spk ids {sorted(dangling)} match no <q>")
    return {
        "id": header["id"],
        "title": header["title"],
        "text": text,
        "labels": [lab for lab in LABELS if lab in labels],
        "quotes": quotes,
        "summary": header["summary"],
        "meta": {
            "region": header["region"],
            "date": header["date"],
            "outlet": header["outlet"],
            "group": header["group"],
            "kind": header["kind"],
            "source": where,
        },
    }


def parse_file(path: Path) -> list[dict]:
    """Parse one authored batch file into records; raises MarkupError on the first problem."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    starts = [i for i, ln in enumerate(lines) if ln.strip() == "### ARTICLE"]
    records = []
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        block = lines[s + 1 : end]
        try:
            sep = next(i for i, ln in enumerate(block) if ln.strip() == "---")
        except StopIteration:
            raise MarkupError(f"{path.name}:{s + 1}: article has no '---' line after its header") from None
        header = {}
        for ln in block[:sep]:
            if ln.strip():
                key, _, value = ln.partition(":")
                header[key.strip()] = value.strip()
        body = "\n".join(block[sep + 1 :])
        records.append(_record(header, body, path.name, s + sep + 3))
    return records


def main(argv: list[str] | None = None) -> int:
    """Check authored files: `python -m warta_training.markup FILE...` prints counts or the first error per file."""
    import argparse

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args(argv)
    status = 0
    for f in args.files:
        try:
            recs = parse_file(f)
        except MarkupError as e:
            print(f"ERROR {e}")
            status = 1
            continue
        nq = sum(len(r["quotes"]) for r in recs)
        nd = sum(q["type"] == "direct" for r in recs for q in r["quotes"])
        words = [len(r["text"].split()) for r in recs]
        print(f"OK {f.name}: {len(recs)} articles, {nd} direct + {nq - nd} indirect quotes, words {min(words, default=0)}-{max(words, default=0)}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
