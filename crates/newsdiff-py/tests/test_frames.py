"""newsdiff.spark.compare_batches on pandas DataFrames, as mapInPandas,
Dask and Ray hand them over (runs without Spark)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import newsdiff
from newsdiff.spark import SUMMARY_COLUMNS, compare_batches, compare_frame, spark_schema
from generated import has_finding, pairs


def frame(count: int) -> pd.DataFrame:
    batch = pairs(count)
    return pd.DataFrame(
        {"id": [p.id for p in batch], "kind": [p.kind for p in batch],
         "left": [p.left for p in batch], "right": [p.right for p in batch]}
    )


def test_compare_batches_yields_one_frame_per_batch_with_real_findings():
    pairs_frame = frame(10)
    batches = [pairs_frame.iloc[:4], pairs_frame.iloc[4:]]
    out = list(compare_batches(iter(batches)))
    assert [len(f) for f in out] == [4, 6]
    result = pd.concat(out, ignore_index=True)
    assert list(result["id"]) == list(range(10))
    assert list(result.columns) == ["id", "differs", *SUMMARY_COLUMNS, "report", "error"]
    assert result["error"].isna().all()
    for kind, differs, report in zip(pairs_frame["kind"], result["differs"], result["report"]):
        report = json.loads(report)
        assert has_finding(kind, report), kind
        assert differs == (kind != "same"), kind
    seed = result[pairs_frame["kind"] == "seed"].iloc[0]
    # The seed's figures: three cut credits (the AFP byline among them),
    # ten omitted facts, ten attribution changes (three altered quotes).
    assert (seed["credit_changes"], seed["omitted_facts"], seed["attribution_changes"]) == (3, 10, 10)


def test_the_report_column_is_compare_many_output():
    pairs_frame = frame(5)
    result = compare_frame(pairs_frame)
    assert list(result["report"]) == newsdiff.compare_many(zip(pairs_frame["left"], pairs_frame["right"]))


def test_summary_columns_are_the_reports_summary_keys():
    report = newsdiff.compare("He said yes.", "He said no.")
    assert tuple(report["summary"]) == SUMMARY_COLUMNS
    assert spark_schema(None).split(", ")[0] == "differs boolean"
    assert spark_schema("id bigint").startswith("id bigint, differs boolean, left_sentences bigint")


def test_a_bad_or_missing_text_fails_its_row_only():
    pairs_frame = pd.DataFrame(
        {"left": ["He said yes.", "bad\x00", None, "He said yes."],
         "right": ["He said yes.", "He said yes.", "He said yes.", float("nan")],
         "left_name": ["a.txt", "b.txt", None, None]}
    )
    result = compare_frame(pairs_frame)
    assert "id" not in result.columns
    assert result["error"][0] is None or pd.isna(result["error"][0])
    assert result["error"][1] == "cannot read left input: b.txt: binary data (NUL byte at offset 3); newsdiff compares text"
    assert result["error"][2] == "left text is missing"
    assert result["error"][3] == "right text is missing"
    assert result["left_sentences"].isna().tolist() == [False, True, True, True]
    assert bool(result["differs"][0]) is False
    assert json.loads(result["report"][0])["left"]["path"] == "a.txt"


def test_a_frame_without_text_columns_is_refused():
    with pytest.raises(ValueError, match="needs a 'right' column"):
        compare_frame(pd.DataFrame({"left": ["A."]}))


def test_threads_default_to_one_per_engine_task_and_can_be_raised():
    pairs_frame = frame(6)
    assert compare_frame(pairs_frame, threads=2)["report"].tolist() == compare_frame(pairs_frame)["report"].tolist()
