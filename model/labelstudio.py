"""`warta labelstudio`: label (or correct) warta's output in Label Studio and bring it back as corpus records.

    warta labelstudio config > config.xml                    # the labeling interface (Settings > Labeling Interface)
    warta labelstudio export articles/ -o tasks.json         # tasks with warta's predictions to start from
    warta labelstudio import export.json -o records.jsonl    # a Label Studio JSON export -> corpus records

The interface: `events` (choices, several allowed), `kind` (hard_negative or negative, for
articles without an event), spans labeled direct_quote / indirect_quote / cue / speaker_mention,
relations quote -> cue -> speaker_mention (or quote -> speaker_mention where the article gives no
cue; relation direction and labels are not needed), per-quote text fields `speaker` (the fullest
name form in the article) and `speaker_role`, and text fields `summary`, `region`, `date`
(YYYY-MM-DD) and `outlet`. Annotation rules: data/GUIDELINES.md; record schema: data/README.md.

Offsets: Label Studio counts UTF-16 code units (as JavaScript does), warta counts code points
(Python); export and import convert, so an emoji before a quote moves nothing.

Import takes, per task, the ground-truth annotation if one is marked, else the latest annotation
that was not cancelled; tasks without one are skipped (and counted). A task that cannot become a
valid record (a span whose text disagrees with the article, a quote without a speaker, no summary,
a missing region/date/outlet) is reported on stderr as `task ID: problem` and left out.

Exit codes (as `warta predict`): 0 every input or annotated task converted; 1 usage, input-setup
or model error, nothing written; 3 written, but some inputs or tasks carried errors (on stderr).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .labels import EVENT_LABELS

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 3
TEXT, SPANS, EVENTS, KIND, SUMMARY, SPEAKER, ROLE = "text", "span", "events", "kind", "summary", "speaker", "speaker_role"
META = ("region", "date", "outlet")
QUOTE_LABEL = {"direct": "direct_quote", "indirect": "indirect_quote"}
QUOTE_TYPE = {v: k for k, v in QUOTE_LABEL.items()}
CUE, MENTION = "cue", "speaker_mention"
NEGATIVE_KINDS = ("hard_negative", "negative")
MAX_SUMMARY_WORDS = 60  # as data/README.md and `warta validate`
COLORS = {"direct_quote": "#1f77b4", "indirect_quote": "#2ca02c", CUE: "#ff7f0e", MENTION: "#9467bd"}


def labeling_config(labels=EVENT_LABELS) -> str:
    """The Label Studio labeling config (XML) for warta's tasks."""
    q = quoteattr
    span_labels = "\n".join(f'    <Label value={q(v)} background={q(c)}/>' for v, c in COLORS.items())
    choices = "\n".join(f"    <Choice value={q(lab)}/>" for lab in labels)
    kinds = "\n".join(f"    <Choice value={q(k)}/>" for k in NEGATIVE_KINDS)
    meta = "\n".join(f'  <TextArea name={q(m)} toName="{TEXT}" rows="1" maxSubmissions="1" editable="true" '
                     f'placeholder={q("YYYY-MM-DD" if m == "date" else m)}/>' for m in META)
    return f"""<View>
  <Labels name="{SPANS}" toName="{TEXT}">
{span_labels}
  </Labels>
  <Relations>
    <Relation value="cue"/>
    <Relation value="speaker"/>
  </Relations>
  <Text name="{TEXT}" value="$text"/>
  <View visibleWhen="region-selected">
    <Header value="Quote: the fullest name form of its speaker in the article, and the speaker's role"/>
    <TextArea name="{SPEAKER}" toName="{TEXT}" perRegion="true" rows="1" maxSubmissions="1" editable="true" placeholder="speaker"/>
    <TextArea name="{ROLE}" toName="{TEXT}" perRegion="true" rows="1" maxSubmissions="1" editable="true" placeholder="speaker_role"/>
  </View>
  <Header value="Events reported (none: leave empty and pick a kind)"/>
  <Choices name="{EVENTS}" toName="{TEXT}" choice="multiple" showInline="true">
{choices}
  </Choices>
  <Choices name="{KIND}" toName="{TEXT}" choice="single" showInline="true">
{kinds}
  </Choices>
  <Header value="Summary: 1-3 sentences, at most {MAX_SUMMARY_WORDS} words"/>
  <TextArea name="{SUMMARY}" toName="{TEXT}" rows="3" maxSubmissions="1" editable="true"/>
  <Header value="Region, date, outlet"/>
{meta}
</View>
"""


# --- offsets ---------------------------------------------------------------------------------

def utf16_index(text: str) -> list[int]:
    """UTF-16 offset of every code-point offset 0..len(text)."""
    out, pos = [0], 0
    for ch in text:
        pos += 2 if ord(ch) > 0xFFFF else 1
        out.append(pos)
    return out


# --- export ----------------------------------------------------------------------------------

def model_version(folder: Path) -> str:
    """`warta-VERSION/FOLDER@HASH`: the hash of the weights and config, so two models never share a name."""
    from . import __version__

    h = hashlib.sha1()
    for name in ("config.json", "model.safetensors", "warta_heads.safetensors", "lexical.safetensors"):
        if (Path(folder) / name).is_file():
            with open(Path(folder) / name, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
    return f"warta-{__version__}/{Path(folder).resolve().name}@{h.hexdigest()[:10]}"


def task_score(record: dict) -> float:
    """How sure the model is of its label set: the smallest max(p, 1 - p) over the labels (sort by
    it, lowest first, to label the uncertain articles first)."""
    scores = record.get("scores") or {}
    return round(min((max(p, 1 - p) for p in scores.values()), default=1.0), 4)


def prediction_result(text: str, record: dict) -> list[dict]:
    """Label Studio result items for one warta record (regions deduplicated, relations quote -> cue -> speaker)."""
    u16 = utf16_index(text)
    result: list[dict] = []
    regions: dict[tuple[str, int, int], str] = {}

    def region(label: str, span: dict, score: float | None = None) -> str:
        key = (label, span["start"], span["end"])
        if key not in regions:
            regions[key] = rid = f"{label[0]}{len(regions)}"
            item = {"id": rid, "from_name": SPANS, "to_name": TEXT, "type": "labels",
                    "value": {"start": u16[span["start"]], "end": u16[span["end"]], "text": text[span["start"]:span["end"]], "labels": [label]}}
            if score is not None:
                item["score"] = score
            result.append(item)
        return regions[key]

    def relation(a: str, b: str) -> None:
        result.append({"type": "relation", "from_id": a, "to_id": b, "direction": "right", "labels": []})

    if record.get("labels"):
        result.append({"id": EVENTS, "from_name": EVENTS, "to_name": TEXT, "type": "choices", "value": {"choices": list(record["labels"])}})
    for q in record.get("quotes") or []:
        qid = region(QUOTE_LABEL[q["type"]], q, q.get("score"))
        where = {"start": u16[q["start"]], "end": u16[q["end"]]}
        for name in (SPEAKER, ROLE):
            if q.get(name):
                result.append({"id": qid, "from_name": name, "to_name": TEXT, "type": "textarea", "value": {**where, "text": [q[name]]}})
        cue = region(CUE, q["cue"]) if q.get("cue") else None
        if cue:
            relation(qid, cue)
        if q.get("speaker_mention"):
            relation(cue or qid, region(MENTION, q["speaker_mention"]))
    if record.get("summary"):
        result.append({"id": SUMMARY, "from_name": SUMMARY, "to_name": TEXT, "type": "textarea", "value": {"text": [record["summary"]]}})
    return result


def to_task(item_id: str, text: str, title: str | None, record: dict | None, version: str) -> dict:
    data = {"text": text, "id": item_id}
    if title:
        data["title"] = title
    task: dict = {"data": data}
    if record is not None:
        task["predictions"] = [{"model_version": version, "score": task_score(record), "result": prediction_result(text, record)}]
    return task


def _export(args) -> int:
    import itertools

    from .readers import iter_inputs

    predictor, version = None, ""
    if not args.no_predictions:
        from .modeling import ModelLoadError
        from .predictor import DEFAULT_MODEL, Predictor

        folder = Path(args.model) if args.model else DEFAULT_MODEL
        try:
            predictor = Predictor.load(folder, batch_size=args.batch_size, quantize=not args.fp32)
        except ModelLoadError as e:
            print(f"warta labelstudio export: {e}", file=sys.stderr)
            return EXIT_USAGE
        version = model_version(folder)
    if args.output is not None and not args.output.parent.is_dir():
        print(f"warta labelstudio export: output folder {args.output.parent} does not exist", file=sys.stderr)
        return EXIT_USAGE
    tasks, failed = [], 0
    items = iter_inputs(args.inputs, args.text_key, args.id_key)
    while block := list(itertools.islice(items, 64)):
        good = [it for it in block if it.ok]
        records = _predict(predictor, good) if predictor else [None] * len(good)
        by_item = dict(zip(map(id, good), records))
        for it in block:
            rec = by_item.get(id(it))
            if not it.ok or (rec is not None and "error" in rec):
                code, message = (it.error_code, it.error_message) if not it.ok else (rec["error"]["code"], rec["error"]["message"])
                print(f"{it.id}: {code}: {message}", file=sys.stderr)
                failed += 1
                continue
            tasks.append(to_task(it.id, it.text, it.title, rec, version))
    _write(args.output, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    if failed:
        print(f"warta labelstudio export: {len(tasks)} tasks written, {failed} inputs left out", file=sys.stderr)
    return EXIT_PARTIAL if failed else EXIT_OK


def _predict(predictor, items) -> list[dict]:
    """Records for items; a batch that fails is retried one by one so a bad record costs only itself."""
    try:
        return predictor.predict([it.text for it in items])
    except Exception:  # noqa: BLE001
        out = []
        for it in items:
            try:
                out.append(predictor.predict([it.text])[0])
            except Exception as e:  # noqa: BLE001
                out.append({"error": {"code": "model_error", "message": f"{type(e).__name__}: {e}"}})
        return out


# --- import ----------------------------------------------------------------------------------

class TaskError(ValueError):
    pass


def pick_annotation(task: dict) -> dict | None:
    """The ground-truth annotation if any, else the latest one not cancelled."""
    anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not anns:
        return None
    truth = [a for a in anns if a.get("ground_truth")]
    return max(truth or anns, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") or 0))


def _textarea(item: dict) -> str:
    text = item.get("value", {}).get("text", [])
    return " ".join(t.strip() for t in ([text] if isinstance(text, str) else text) if t.strip())


def task_to_record(task: dict, defaults: dict | None = None) -> dict | None:
    """The corpus record of one exported task (None when it has no annotation); TaskError if it cannot be one."""
    ann = pick_annotation(task)
    if ann is None:
        return None
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise TaskError("data.text is missing or empty")
    cp = {u: i for i, u in enumerate(utf16_index(text))}
    spans: dict[str, dict] = {}
    per_region: dict[str, dict[str, str]] = {}
    links: dict[str, set[str]] = {}
    choices: dict[str, list[str]] = {}
    fields: dict[str, str] = {}
    for item in ann.get("result") or []:
        kind, name, value = item.get("type"), item.get("from_name"), item.get("value") or {}
        if kind == "relation":
            a, b = item.get("from_id"), item.get("to_id")
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
        elif kind == "labels" and name == SPANS:
            labels = value.get("labels") or []
            if len(labels) != 1 or labels[0] not in COLORS:
                raise TaskError(f"span {item.get('id')} has labels {labels}, expected one of {list(COLORS)}")
            s, e = cp.get(value.get("start")), cp.get(value.get("end"))
            if s is None or e is None or not s < e:
                raise TaskError(f"span {item.get('id')} has offsets {value.get('start')}..{value.get('end')} outside the text")
            if "text" in value and value["text"] != text[s:e]:
                raise TaskError(f"span {item.get('id')} text {value['text']!r} differs from the article's {text[s:e]!r}")
            spans[item["id"]] = {"label": labels[0], "start": s, "end": e, "text": text[s:e]}
        elif kind == "choices":
            choices[name] = list(value.get("choices") or [])
        elif kind == "textarea" and item.get("id") is not None and name in (SPEAKER, ROLE) and "start" in value:
            per_region.setdefault(item["id"], {})[name] = _textarea(item)
        elif kind == "textarea":
            fields[name] = _textarea(item)
    labels = choices.get(EVENTS, [])
    bad = [lab for lab in labels if lab not in EVENT_LABELS]
    if bad:
        raise TaskError(f"unknown event labels {bad}")
    labels = [lab for lab in EVENT_LABELS if lab in labels]
    if labels:
        kind = "positive"
    elif len(choices.get(KIND, [])) == 1 and choices[KIND][0] in NEGATIVE_KINDS:
        kind = choices[KIND][0]
    else:
        raise TaskError(f"no event chosen and no kind ({' or '.join(NEGATIVE_KINDS)})")

    def linked(rid: str, label: str) -> dict | None:
        found = [spans[o] for o in links.get(rid, ()) if o in spans and spans[o]["label"] == label]
        if len(found) > 1:
            raise TaskError(f"{spans[rid]['label']} {spans[rid]['text'][:40]!r} is linked to {len(found)} {label} spans")
        return found[0] if found else None

    quotes = []
    for rid, sp in spans.items():
        if sp["label"] not in QUOTE_TYPE:
            continue
        cue = linked(rid, CUE)
        cue_id = next((o for o in links.get(rid, ()) if spans.get(o) is cue), None) if cue else None
        mention = (linked(cue_id, MENTION) if cue_id else None) or linked(rid, MENTION)
        given = per_region.get(rid, {})
        speaker = given.get(SPEAKER) or (mention["text"] if mention else "")
        if not speaker.strip():
            raise TaskError(f"quote {sp['text'][:40]!r} has no speaker (no speaker text and no linked speaker_mention)")
        quotes.append({"start": sp["start"], "end": sp["end"], "text": sp["text"], "type": QUOTE_TYPE[sp["label"]],
                       "cue": {k: cue[k] for k in ("start", "end", "text")} if cue else None,
                       "speaker_mention": {k: mention[k] for k in ("start", "end", "text")} if mention else None,
                       "speaker": speaker, "speaker_role": given.get(ROLE, "")})
    quotes.sort(key=lambda q: (q["start"], q["end"]))
    summary = fields.get(SUMMARY, "")
    if not 0 < len(summary.split()) <= MAX_SUMMARY_WORDS:
        raise TaskError(f"summary has {len(summary.split())} words (1..{MAX_SUMMARY_WORDS})")
    defaults = defaults or {}
    meta = {m: fields.get(m) or str(data.get(m) or "") or defaults.get(m, "") for m in META}
    missing = [m for m in META if not meta[m]]
    if missing:
        raise TaskError(f"no {', '.join(missing)} (fill the text fields, give data.{missing[0]}, or pass --meta {missing[0]}=...)")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]):
        raise TaskError(f"date {meta['date']!r} is not YYYY-MM-DD")
    rec_id = str(data.get("id") or f"ls-{task.get('id')}")
    title = data.get("title") or text.strip().split("\n", 1)[0][:120]
    meta.update(group=str(data.get("group") or rec_id), kind=kind, source="labelstudio")
    return {"id": rec_id, "title": str(title), "text": text, "labels": labels, "quotes": quotes, "summary": summary, "meta": meta}


def _import(args) -> int:
    try:
        tasks = json.loads(args.export.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        print(f"warta labelstudio import: cannot read {args.export}: {e}", file=sys.stderr)
        return EXIT_USAGE
    if not isinstance(tasks, list) or not all(isinstance(t, dict) for t in tasks):
        print(f"warta labelstudio import: {args.export} is not a Label Studio JSON export (a list of tasks)", file=sys.stderr)
        return EXIT_USAGE
    defaults = {}
    for kv in args.meta:
        key, _, value = kv.partition("=")
        if key not in META or not value:
            print(f"warta labelstudio import: --meta takes {'|'.join(META)}=VALUE, not {kv!r}", file=sys.stderr)
            return EXIT_USAGE
        defaults[key] = value
    if args.output is not None and not args.output.parent.is_dir():
        print(f"warta labelstudio import: output folder {args.output.parent} does not exist", file=sys.stderr)
        return EXIT_USAGE
    records, failed, unlabeled = [], 0, 0
    for n, task in enumerate(tasks):
        try:
            rec = task_to_record(task, defaults)
        except TaskError as e:
            print(f"task {task.get('id', n)}: {e}", file=sys.stderr)
            failed += 1
            continue
        if rec is None:
            unlabeled += 1
        else:
            records.append(rec)
    _write(args.output, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    print(f"warta labelstudio import: {len(records)} records, {failed} tasks with problems, {unlabeled} without an annotation",
          file=sys.stderr)
    return EXIT_PARTIAL if failed else EXIT_OK


def _write(path: Path | None, text: str) -> None:
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from .atomic import write_text_atomic

        write_text_atomic(path, text)


# --- command ---------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2; warta's contract says 1 for usage errors
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = _Parser(prog="warta labelstudio", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="action", required=True, parser_class=_Parser, metavar="{config,export,import}")
    sub.add_parser("config", help="print the labeling config (XML) for Label Studio's Labeling Interface",
                   description="Print the Label Studio labeling config (XML) that export's tasks and import expect.")
    ex = sub.add_parser("export", help="articles -> Label Studio tasks with warta's predictions",
                        description="Read what `warta predict` reads and write Label Studio tasks (a JSON list): "
                                    "data.text, data.id, and predictions with model_version and score.")
    ex.add_argument("inputs", nargs="*", default=["-"], help=".txt/.html/.jsonl/.csv files, folders (recursive), or - for stdin (default)")
    ex.add_argument("-o", "--output", type=Path, help="tasks JSON file to write (default stdout)")
    ex.add_argument("--model", default=None, help="checkpoint folder (default: the shipped model)")
    ex.add_argument("--no-predictions", action="store_true", help="write tasks without predictions (no model is loaded)")
    ex.add_argument("--batch-size", type=int, default=8, help="articles per model call (default 8)")
    ex.add_argument("--text-key", default="text", help="JSONL/CSV field holding the article text")
    ex.add_argument("--id-key", default="id", help="JSONL/CSV field holding the article id")
    ex.add_argument("--fp32", action="store_true", help="run the model in float32 instead of int8 linear layers")
    im = sub.add_parser("import", help="a Label Studio JSON export -> corpus records (JSONL)",
                        description="Turn a Label Studio JSON export into corpus records (data/README.md's schema) "
                                    "that `warta validate` accepts and `warta train` reads.")
    im.add_argument("export", type=Path, help="the JSON export (Export > JSON in Label Studio)")
    im.add_argument("-o", "--output", type=Path, help="records JSONL to write (default stdout)")
    im.add_argument("--meta", action="append", default=[], metavar="KEY=VALUE",
                    help="a default for region, date or outlet where a task gives none (repeatable)")
    args = ap.parse_args(argv)
    if args.action == "export" and args.batch_size < 1:
        ex.error("--batch-size must be at least 1")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.action == "config":
        sys.stdout.write(labeling_config())
        return EXIT_OK
    return _export(args) if args.action == "export" else _import(args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
