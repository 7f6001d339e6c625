import json

from conftest import synth_split, write_split

from warta_training.validate import validate_dir


def _dir(tmp_path, train, dev, test):
    for name, recs in (("train", train), ("dev", dev), ("test", test)):
        write_split(tmp_path, name, recs)
    return tmp_path


def test_clean_corpus_passes(tmp_path):
    problems, n = validate_dir(_dir(tmp_path, synth_split(0, 6), synth_split(100, 2), synth_split(200, 2)))
    assert n == 10
    assert problems == []


def test_each_problem_is_reported_with_file_and_line(tmp_path):
    train = synth_split(0, 5)
    train[1]["quotes"][0]["start"] += 1  # offsets no longer match the span text
    train[2]["labels"] = ["rakor", "demo"]  # unknown label
    train[3]["id"] = train[0]["id"]  # duplicate id
    dev = synth_split(100, 2)
    dev[0]["meta"]["group"] = train[0]["meta"]["group"]  # group straddles splits
    test = [dict(train[4], id="copy")]  # exact duplicate text in another split
    problems, _ = validate_dir(_dir(tmp_path, train, dev, test))
    text = "\n".join(map(str, problems))
    assert "train.jsonl:2: quotes[0] text" in text
    assert "train.jsonl:3: labels" in text
    assert "train.jsonl:4: id 't-000' already used" in text
    assert "straddles splits" in text
    assert "test.jsonl:1: exact duplicate of t-004" in text


def test_malformed_json_line(tmp_path):
    d = _dir(tmp_path, synth_split(0, 3), synth_split(100, 1), synth_split(200, 1))
    with open(d / "dev.jsonl", "a", encoding="utf-8") as f:
        f.write("{not json\n")
    problems, _ = validate_dir(d)
    assert any(p.file.endswith("dev.jsonl") and p.line == 2 and "invalid JSON" in p.message for p in problems)


def test_near_duplicate_rewrite_across_splits_is_leakage(tmp_path):
    train = synth_split(0, 3)
    rewrite = json.loads(json.dumps(train[0]))
    rewrite.update(id="rw", text=train[0]["text"].replace("Senin", "Selasa"), quotes=[])
    rewrite["meta"]["group"] = "other"
    problems, _ = validate_dir(_dir(tmp_path, train, [rewrite], synth_split(200, 1)))
    assert any("near-duplicate" in p.message or "leakage" in p.message for p in problems)
