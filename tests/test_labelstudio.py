"""The Label Studio round trip: predictions -> tasks -> accepted annotations -> corpus records."""

import json
import subprocess
import sys
import xml.dom.minidom

from warta import Predictor
from warta.labelstudio import labeling_config, main, task_to_record, utf16_index

TEXTS = {
    "a1": "MAKALE – Polres Tana Toraja menggelar rakor lintas sektoral kesiapan Operasi Mantap Praja, Senin (12/8/2024).\n"
          "“Kami siap mengamankan seluruh tahapan pilkada di Tana Toraja,” ujar Kapolres AKBP Malpa Malacoppo.\n"
          "Ia menegaskan, personel gabungan sudah disiagakan di setiap kecamatan.",
    # a character outside the BMP before every span: Label Studio counts it twice (UTF-16)
    "a2": "🚓 SLEMAN – Polres Sleman menggelar simulasi sispamkota di depan kantor KPU Sleman, Rabu (14/8/2024).\n"
          "“Latihan ini melibatkan empat ratus personel,” kata Kabag Ops Kompol Yayat Sudrajat.\nWarga menonton dari pinggir jalan.",
    "a3": "PALOPO – Harga cabai rawit di pasar sentral Palopo naik dua kali lipat menjelang akhir pekan.\n"
          "“Pasokan dari kebun berkurang karena hujan,” tutur Rahmawati, pedagang di pasar itu.",
}
META = {"region": "Sulawesi Selatan", "date": "2024-08-12", "outlet": "online"}


def _accept(tasks):
    """What Label Studio exports after an annotator accepts each prediction and fills the metadata."""
    out = []
    for n, task in enumerate(tasks, 1):
        result = list(task["predictions"][0]["result"])
        result += [{"id": f"m{k}", "from_name": k, "to_name": "text", "type": "textarea", "value": {"text": [v]}} for k, v in META.items()]
        if not any(r.get("from_name") == "events" for r in result):
            result.append({"id": "k", "from_name": "kind", "to_name": "text", "type": "choices", "value": {"choices": ["negative"]}})
        out.append({"id": n, "data": task["data"], "predictions": task["predictions"],
                    "annotations": [{"id": 100 + n, "result": result, "was_cancelled": False, "ground_truth": False,
                                     "updated_at": "2024-09-01T10:00:00Z"}]})
    return out


def _spans(rec):
    return [{k: v for k, v in q.items() if k != "score"} for q in rec["quotes"]]


def test_labeling_config_names_what_import_reads():
    dom = xml.dom.minidom.parseString(labeling_config())
    names = {el.getAttribute("name") for el in dom.getElementsByTagName("*") if el.hasAttribute("name")}
    assert {"text", "span", "events", "kind", "speaker", "speaker_role", "summary", "region", "date", "outlet"} <= names
    labels = {el.getAttribute("value") for el in dom.getElementsByTagName("Label")}
    assert labels == {"direct_quote", "indirect_quote", "cue", "speaker_mention"}
    assert {el.getAttribute("value") for el in dom.getElementsByTagName("Choice")} >= {"rakor", "apel_gelar_pasukan", "simulasi_sispam_kota"}
    assert dom.getElementsByTagName("Relations")
    assert all(el.getAttribute("toName") == "text" for el in dom.getElementsByTagName("*") if el.hasAttribute("toName"))


def test_round_trip_gives_back_labels_quote_spans_and_speakers(tiny_model, tmp_path):
    from warta_training.train import make_examples
    from warta_training.validate import check_record, validate_dir

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n" for k, v in TEXTS.items())
                   + json.dumps({"id": "empty", "text": "  "}) + "\n", encoding="utf-8")
    tasks_path = tmp_path / "tasks.json"
    assert main(["export", str(src), "-o", str(tasks_path), "--model", str(tiny_model)]) == 3  # the empty one is left out
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    assert [t["data"]["id"] for t in tasks] == list(TEXTS)
    pred = tasks[0]["predictions"][0]
    assert pred["model_version"].startswith("warta-") and 0.5 <= pred["score"] <= 1.0

    expected = dict(zip(TEXTS, Predictor.load(tiny_model).predict(list(TEXTS.values()))))
    assert sum(len(r["quotes"]) for r in expected.values()) >= 2, "the tiny model should find quotes to round-trip"
    assert expected["a2"]["quotes"], "a span after the emoji"
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_accept(tasks), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "data" / "train.jsonl"
    out.parent.mkdir()
    assert main(["import", str(export), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == list(TEXTS)
    for rec in records:
        want = expected[rec["id"]]
        assert rec["text"] == TEXTS[rec["id"]]
        assert rec["labels"] == want["labels"]
        assert rec["quotes"] == _spans(want)  # offsets, types, cues, mentions, speakers and roles
        assert rec["summary"] == want["summary"]
        assert rec["meta"]["kind"] == ("positive" if want["labels"] else "negative")
        assert check_record(rec) == [], rec["id"]
    # `warta validate` accepts the folder; `warta train` turns the records into training examples
    for split in ("dev", "test"):
        (out.parent / f"{split}.jsonl").write_text("", encoding="utf-8")
    problems, n = validate_dir(out.parent)
    assert problems == [] and n == len(TEXTS)
    from transformers import AutoTokenizer

    examples = make_examples(AutoTokenizer.from_pretrained(str(tiny_model)), records, progress=False)
    assert len(examples) == len(records) and sum(e.oracle.sum() for e in examples) > 0  # summaries became sentence targets


def test_utf16_offsets():
    assert utf16_index("a🚓b") == [0, 1, 3, 4]


def test_import_reports_what_it_cannot_turn_into_a_record(tmp_path, capsys):
    text = "Polres Bone menggelar rakor lintas sektoral. “Kami siap,” ujar AKBP Malpa Malacoppo."
    start = text.index("Kami")
    span = {"id": "q", "from_name": "span", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": start + 9, "text": "Kami siap", "labels": ["direct_quote"]}}
    base = [{"id": "e", "from_name": "events", "to_name": "text", "type": "choices", "value": {"choices": ["rakor"]}},
            {"id": "s", "from_name": "summary", "to_name": "text", "type": "textarea", "value": {"text": ["Polres Bone menggelar rakor."]}}]

    def task(n, result, **data):
        return {"id": n, "data": {"text": text, "id": f"t{n}", **data}, "annotations": [{"id": n, "result": base + result}]}

    moved = dict(span, value={**span["value"], "start": start + 1, "end": start + 10})
    tasks = [
        task(1, [span], region="Sulawesi Selatan", date="2024-08-12", outlet="humas"),  # speaker: none given, none linked
        task(2, [moved], region="Sulawesi Selatan", date="2024-08-12", outlet="humas"),  # span text disagrees
        task(3, [], region="Sulawesi Selatan", date="12/08/2024", outlet="humas"),  # date format
        task(4, []),  # region/date/outlet come from --meta
        {"id": 5, "data": {"text": text}, "annotations": [{"id": 5, "result": base, "was_cancelled": True}]},  # not labeled
    ]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "records.jsonl"
    code = main(["import", str(export), "-o", str(out), "--meta", "region=Sulawesi Selatan", "--meta", "date=2024-08-12", "--meta", "outlet=humas"])
    err = capsys.readouterr().err
    assert code == 3
    assert "task 1: quote 'Kami siap' has no speaker" in err
    assert "task 2: span q text" in err and "task 3: date '12/08/2024'" in err
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["t4"]
    assert task_to_record(tasks[4]) is None
    # a speaker mention linked through the cue, and the ground-truth annotation preferred
    cue, mention = text.index("ujar"), text.index("AKBP")
    linked = [span, {"id": "c", "from_name": "span", "to_name": "text", "type": "labels", "value": {"start": cue, "end": cue + 4, "text": "ujar", "labels": ["cue"]}},
              {"id": "m", "from_name": "span", "to_name": "text", "type": "labels", "value": {"start": mention, "end": len(text) - 1, "text": "AKBP Malpa Malacoppo", "labels": ["speaker_mention"]}},
              {"type": "relation", "from_id": "q", "to_id": "c"}, {"type": "relation", "from_id": "c", "to_id": "m"}]
    t = task(6, linked, region="Sulawesi Selatan", date="2024-08-12", outlet="humas")
    t["annotations"].append({"id": 7, "result": base, "ground_truth": False, "updated_at": "2030-01-01"})
    t["annotations"][0]["ground_truth"] = True
    (q,) = task_to_record(t)["quotes"]
    assert (q["cue"]["text"], q["speaker_mention"]["text"], q["speaker"], q["speaker_role"]) == ("ujar", "AKBP Malpa Malacoppo", "AKBP Malpa Malacoppo", "")


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], capture_output=True, text=True, timeout=300)


def test_cli_version_config_and_user_errors(tiny_model, tmp_path):
    import shutil

    from warta import __version__

    corrupt = tmp_path / "corrupt"
    shutil.copytree(tiny_model, corrupt)
    (corrupt / "model.safetensors").write_bytes((tiny_model / "model.safetensors").read_bytes()[:4096])

    r = _cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"warta {__version__}"
    r = _cli("labelstudio", "config")
    assert r.returncode == 0 and r.stdout.startswith("<View>")
    for args in (["labelstudio"], ["labelstudio", "export", "--batch-size", "0"],
                 ["labelstudio", "export", str(tmp_path), "--model", str(tmp_path / "missing")],
                 ["labelstudio", "export", str(tmp_path / "x.json"), "--model", str(corrupt)],
                 ["labelstudio", "import", str(tmp_path / "missing.json")],
                 ["labelstudio", "import", str(tmp_path / "x.json"), "--meta", "colour=red"]):
        (tmp_path / "x.json").write_text("[]", encoding="utf-8")
        r = _cli(*args)
        assert r.returncode == 1 and "Traceback" not in r.stderr, (args, r.stderr)
    r = _cli("labelstudio", "export", str(tmp_path / "x.json"), "--no-predictions", "-o", str(tmp_path / "no" / "such" / "t.json"))
    assert r.returncode == 1 and "does not exist" in r.stderr
