"""`kg clean` as users run it: text, JSON, stdin, batches, bad files."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import DEV, read_jsonl, run_kg

SAMPLES = Path(__file__).parent / "ingest_samples"
SEED = DEV / "000_f9dd3f5d1518f86c.txt"


def test_clean_prints_the_simplified_text(shared):
    out = run_kg("clean", SEED).stdout
    lines = out.splitlines()
    assert lines[0] == "“党建零距离 心向行所至”2024年环人民广场中央商务区党建联席会议举行"
    assert lines[1].startswith("12月26日下午，“党建零距离 心向行所至”2024年环人民广场")
    assert lines[-1] == "图片 / 邵林峰 瞿煌俊"
    assert "(" not in out and "黨" not in out


def test_clean_json_has_metadata_damage_and_the_offset_map(shared):
    doc = json.loads(run_kg("clean", "--json", SEED).stdout)
    assert doc["encoding"] == "utf-8" and doc["media_type"] == "text/plain"
    assert doc["date"] == {"iso": "2024-12-26", "precision": "day", "inferred": True, "source": "text"}
    assert doc["bylines"][0] == {
        "role": "记者",
        "name": "邵林峰",
        "start": doc["text"].index("邵林峰"),
        "end": doc["text"].index("邵林峰") + 3,
    }
    assert [d["text"] for d in doc["damage"]] == ["?yún)^(qū)", "?xiàng)纳鷦訉?shí)"]
    assert {r["rule"] for r in doc["removed"]} == {"related-article", "platform-disclaimer"}
    original = SEED.read_text(encoding="utf-8")
    assert len(doc["offsets"]) == len(doc["text"])
    at = doc["text"].index("黄浦")
    (s, _), (_, e) = doc["offsets"][at], doc["offsets"][at + 1]
    assert original[s:e] == "黃浦"


def test_several_inputs_get_headers_and_bad_ones_one_line_each():
    proc = run_kg(
        "clean",
        SAMPLES / "dateline.txt",
        SAMPLES / "empty.txt",
        SAMPLES / "image.txt",
        SAMPLES / "undecodable.txt",
        SAMPLES / "english.txt",
        SAMPLES / "missing.txt",
        SAMPLES / "traditional_big5.txt",
    )
    assert proc.stdout.startswith("==> dateline.txt <==\n江城2024年社区党建观摩活动举行\n")
    assert "==> traditional_big5.txt <==\n鼓楼区温泉街道" in proc.stdout
    errors = proc.stderr.splitlines()
    assert errors == [
        f"kg: skipped {SAMPLES / 'empty.txt'}: empty file",
        f"kg: skipped {SAMPLES / 'image.txt'}: binary file (a PNG image), not an article",
        f"kg: skipped {SAMPLES / 'undecodable.txt'}: undecodable: not UTF-8, UTF-16, GB18030, Big5 or any text encoding",
        f"kg: skipped {SAMPLES / 'english.txt'}: no Chinese text found",
        f"kg: skipped {SAMPLES / 'missing.txt'}: no such file or folder",
    ]


def test_nothing_readable_exits_non_zero_without_a_traceback():
    proc = run_kg("clean", SAMPLES / "empty.txt", SAMPLES / "english.txt", check=False)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[-1] == "kg: error: nothing could be read"
    assert "Traceback" not in proc.stderr


def test_stdin_takes_an_article_or_a_batch():
    article = (SAMPLES / "traditional_big5.txt").read_bytes()
    out = run_kg("clean", "-", input=article).stdout
    assert out.startswith("鼓楼区温泉街道区域化党建联席会议召开 三家单位加入\n")
    batch = (SAMPLES / "batch.jsonl").read_bytes()
    proc = run_kg("clean", "--json", "-", input=batch)
    assert [d["id"] for d in read_jsonl(proc.stdout)] == ["batch-text", "batch-html"]
    assert len(proc.stderr.splitlines()) == 3 and "<stdin>:2: not JSON" in proc.stderr


def test_build_reads_the_same_inputs(tmp_path):
    proc = run_kg(
        "build", SAMPLES / "batch.jsonl", SAMPLES / "gov_site.txt", "--store", tmp_path / "st", "-q"
    )
    assert proc.returncode == 0
    assert proc.stderr.count("kg: skipped") == 3


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    from kg.ingest.decode import MAX_BYTES

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing to write, only its size counts
    proc = run_kg("clean", huge, SAMPLES / "dateline.txt")
    assert proc.stderr.strip() == f"kg: skipped {huge}: 20.0 MB, over the 20 MB limit for one article"
    assert proc.stdout.startswith("江城2024年社区党建观摩活动举行")


def test_a_batch_line_that_is_not_utf8_is_skipped_alone(tmp_path):
    batch = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "白沙街道召开联席会议\n9月3日，会议召开。"}, ensure_ascii=False)
    batch.write_bytes(good.encode() + b"\n" + '{"id": "gbk", "text": "党建"}'.encode("gbk") + b"\n")
    proc = run_kg("clean", batch)
    assert proc.stdout.startswith("白沙街道召开联席会议")
    assert proc.stderr.strip() == f"kg: skipped {batch}:2: not UTF-8 (byte 23); a JSON Lines batch is UTF-8"
