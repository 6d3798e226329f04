"""Spark local[2] smoke test of examples/spark_job.py and the pair-finding
recipe (examples/find_pairs.py). Slow (a JVM, a pyspark install): runs only
with NEWSDIFF_SPARK_TESTS=1 (docs/python.md says how)."""

from __future__ import annotations

import json
import os
import sys

import pytest

if os.environ.get("NEWSDIFF_SPARK_TESTS") != "1":
    pytest.skip("Spark tests run with NEWSDIFF_SPARK_TESTS=1", allow_module_level=True)

import pandas as pd  # noqa: E402

from generated import ROOT, corpus, has_finding, pairs  # noqa: E402

sys.path.insert(0, str(ROOT / "examples"))
import spark_job  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    yield session
    session.stop()


def read_parquet(path) -> pd.DataFrame:
    return pd.read_parquet(path).sort_values("id").reset_index(drop=True)


def test_spark_job_on_50_inline_pairs_finds_each_edit(tmp_path):
    batch = pairs(50)
    manifest = tmp_path / "pairs.jsonl"
    with manifest.open("w") as f:
        for p in batch:
            f.write(json.dumps({"id": p.id, "left_text": p.left, "right_text": p.right}) + "\n")
    out = tmp_path / "reports.parquet"
    code = spark_job.main(["--input", str(manifest), "--output", str(out), "--partitions", "4", "--master", "local[2]"])
    assert code == 0
    result = read_parquet(out)
    assert list(result["id"]) == [p.id for p in batch]
    assert result["error"].isna().all()
    for p, differs, report in zip(batch, result["differs"], result["report"]):
        assert has_finding(p.kind, json.loads(report)), p.kind
        assert bool(differs) == (p.kind != "same")
    seeds = result[[p.kind == "seed" for p in batch]]
    assert (seeds["credit_changes"] == 3).all() and (seeds["omitted_facts"] == 10).all()


def test_spark_job_reads_paths_from_parquet_and_fails_a_missing_file_alone(tmp_path):
    batch = pairs(4)
    texts = tmp_path / "texts"
    texts.mkdir()
    rows = []
    for p in batch:
        (texts / f"{p.id}-l.txt").write_text(p.left)
        (texts / f"{p.id}-r.txt").write_text(p.right)
        rows.append({"id": f"p{p.id}", "left": f"texts/{p.id}-l.txt", "right": f"texts/{p.id}-r.txt"})
    rows.append({"id": "p9", "left": "texts/missing.txt", "right": "texts/0-r.txt"})
    pd.DataFrame(rows).to_parquet(tmp_path / "pairs.parquet")
    out = tmp_path / "out"
    assert spark_job.main(["--input", str(tmp_path / "pairs.parquet"), "--output", str(out), "--master", "local[2]"]) == 0
    result = read_parquet(out)
    for p, report in zip(batch, result["report"][:4]):
        report = json.loads(report)
        assert has_finding(p.kind, report)
        assert report["left"]["path"] == str(texts / f"{p.id}-l.txt")
    missing = result.iloc[4]
    assert missing["report"] is None
    assert missing["error"] == f"cannot read left input: {texts / 'missing.txt'}: No such file or directory"


def test_minhash_recipe_finds_each_republication_and_nothing_else(spark):
    from find_pairs import candidate_pairs, pairs_table

    generated = corpus()
    wires = spark.createDataFrame([a._asdict() for a in generated.wires])
    others = spark.createDataFrame([a._asdict() for a in generated.others])
    # Every article shares the newsletter line: with no cap its shingles
    # are in every bucket; max_docs drops them.
    found = candidate_pairs(wires, others, max_docs=5).toPandas()
    assert sorted(zip(found["candidate_id"], found["wire_id"])) == sorted(generated.source.items())
    assert (found["distance"] < 0.6).all()
    # The cap per wire story holds.
    capped = candidate_pairs(wires, others, max_docs=5, max_distance=1.0, max_per_wire=2).toPandas()
    assert capped.groupby("wire_id").size().max() <= 2
    # The found pairs are what spark_job reads.
    table = pairs_table(spark.createDataFrame(found), wires, others).toPandas()
    assert len(table) == len(generated.wires)
    assert set(table.columns) == {"id", "left_text", "right_text"}
