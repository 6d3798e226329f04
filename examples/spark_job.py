#!/usr/bin/env python3
"""Compare a table of article pairs with newsdiff on Spark; write Parquet.

Input: Parquet (a file or a folder of parts) or JSON Lines, one pair a row,
with the texts inline (``left_text``, ``right_text``) or as paths (``left``,
``right``; relative paths are taken from the input's folder, as ``newsdiff
batch`` takes a manifest's, and every executor must see the files), and an
optional ``id`` of any type. Output: Parquet with ``id`` (when given),
``differs``, one column per report summary count, ``report`` (the JSON
contract version 1 document) and ``error`` (null, or why the pair has no
report). See docs/python.md.

    python examples/spark_job.py --input pairs.jsonl --output reports.parquet \
        --partitions 8 --master 'local[2]'

On a cluster, leave --master out (spark-submit sets it) and install the
newsdiff wheel on every node. Each task compares on one thread: Spark
already runs one task per core.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Iterator, Optional


def parse_args(argv: Optional[list] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="pairs: .parquet (file or folder) or .jsonl/.json")
    parser.add_argument("--output", required=True, help="Parquet folder to write (replaced if present)")
    parser.add_argument("--partitions", type=int, default=None,
                        help="repartition the pairs into this many tasks (default: as read)")
    parser.add_argument("--input-format", choices=["auto", "parquet", "json"], default="auto",
                        help="how --input is read (auto: by its suffix, Parquet unless .json/.jsonl)")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    parser.add_argument("--min-similarity", type=float, default=None,
                        help="sentences less similar than this (0 to 1) are not aligned")
    parser.add_argument("--batch-rows", type=int, default=1000,
                        help="rows per pandas batch handed to newsdiff (Arrow batch size)")
    return parser.parse_args(argv)


def input_format(path: str, chosen: str) -> str:
    if chosen != "auto":
        return chosen
    return "json" if path.endswith((".json", ".jsonl", ".ndjson")) else "parquet"


def read_json(spark, path: str):
    """JSON Lines of pairs, the schema taken from the first lines: Spark's
    own inference parses every line of the input once more before the job
    reads it (articles are kilobytes a line, so that pass is a large part of
    the job's own CPU)."""
    sample = [row.value for row in spark.read.text(path).limit(100).collect() if row.value.strip()]
    if not sample:
        raise SystemExit(f"{path}: no pairs")
    schema = spark.read.json(spark.sparkContext.parallelize(sample)).schema
    return spark.read.schema(schema).json(path)


def compare_partition(batches: Iterator, *, base: Optional[str], paths: bool, min_similarity: float) -> Iterator:
    """mapInPandas' function: reads the files of a path table, then
    newsdiff.spark.compare_frame on one thread."""
    import pandas as pd

    from newsdiff.spark import compare_frame

    def read(path: str):
        full = path if base is None or os.path.isabs(path) else os.path.join(base, path)
        try:
            with open(full, "rb") as f:
                return full, f.read(), None
        except OSError as e:
            return full, None, f"{full}: {e.strerror or e}"

    for frame in batches:
        if not paths:
            frame = frame.rename(columns={"left_text": "left", "right_text": "right"})
            yield compare_frame(frame, threads=1, min_similarity=min_similarity)
            continue
        lefts = [read(p) for p in frame["left"]]
        rights = [read(p) for p in frame["right"]]
        texts = pd.DataFrame({
            "left": [t for _, t, _ in lefts],
            "right": [t for _, t, _ in rights],
            # Reports name each input by its path, as newsdiff batch does.
            "left_name": [name for name, _, _ in lefts],
            "right_name": [name for name, _, _ in rights],
        })
        if "id" in frame.columns:
            texts.insert(0, "id", frame["id"].reset_index(drop=True))
        result = compare_frame(texts, threads=1, min_similarity=min_similarity)
        # A file that cannot be read is its row's error, worded as the CLI's.
        for i, ((_, _, left_error), (_, _, right_error)) in enumerate(zip(lefts, rights)):
            if left_error or right_error:
                side, message = ("left", left_error) if left_error else ("right", right_error)
                result.loc[i, "error"] = f"cannot read {side} input: {message}"
        yield result


def main(argv: Optional[list] = None) -> int:
    args = parse_args(argv)
    if args.min_similarity is not None and not 0 <= args.min_similarity <= 1:
        # Refused here, once, rather than in every task.
        raise SystemExit(f"--min-similarity must be between 0 and 1, got {args.min_similarity}")
    # Executors must run the Python that has newsdiff installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    import newsdiff
    from newsdiff.spark import spark_schema

    builder = SparkSession.builder.appName("newsdiff")
    if args.master:
        builder = builder.master(args.master)
    spark = (
        builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows))
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    # The executors' Python unpickles compare_partition by this module's
    # name when the job is imported rather than run as a script.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    try:
        fmt = input_format(args.input, args.input_format)
        pairs = spark.read.parquet(args.input) if fmt == "parquet" else read_json(spark, args.input)
        columns = set(pairs.columns)
        if {"left_text", "right_text"} <= columns:
            paths = False
            keep = ["left_text", "right_text"]
        elif {"left", "right"} <= columns:
            paths = True
            keep = ["left", "right"]
        else:
            raise SystemExit(f"{args.input}: expected left_text/right_text or left/right columns, got {sorted(columns)}")
        if "id" in columns:
            keep.insert(0, "id")
        pairs = pairs.select(*keep)
        if args.partitions:
            pairs = pairs.repartition(args.partitions)
        id_field = f"id {pairs.schema['id'].dataType.simpleString()}" if "id" in columns else None
        base = str(Path(args.input).resolve().parent) if paths else None
        min_similarity = newsdiff.DEFAULT_MIN_SIMILARITY if args.min_similarity is None else args.min_similarity

        def compare(batches):
            return compare_partition(batches, base=base, paths=paths, min_similarity=min_similarity)

        reports = pairs.mapInPandas(compare, schema=spark_schema(id_field))
        reports.write.mode("overwrite").parquet(args.output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
