"""newsdiff for engines: pandas DataFrames of pairs in, reports out.

``compare_batches`` is the one function Spark's ``mapInPandas``, Dask's
``map_partitions`` and Ray Data's ``map_batches`` call. Each input frame has
``left`` and ``right`` text columns, and optionally ``id`` (any type, passed
through) and ``left_name``/``right_name`` (the names reports give the
inputs). Each output frame has, per pair and in order: ``id`` (when the input
has one), ``differs``, the report's summary counts (one column each, see
``SUMMARY_COLUMNS``), ``report`` (the JSON contract version 1 document on one
line) and ``error`` (null, or the CLI's message for a pair it refuses; that
row's other columns are null, so one bad article does not fail a job)::

    from newsdiff.spark import compare_batches, spark_schema
    pairs.mapInPandas(compare_batches, schema=spark_schema("id string"))

Threads: engines already run one task per core, so each call compares on one
thread by default (``threads=1``); a larger number, or None for every core,
suits a single process (a notebook) handing it big frames.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, List, Optional

from . import _newsdiff
from ._newsdiff import DEFAULT_MIN_SIMILARITY

__all__ = ["SUMMARY_COLUMNS", "compare_batches", "compare_frame", "spark_schema"]

#: The report summary's counts, in the report's order: one integer column
#: each in the output (nullable: null on a failed row).
SUMMARY_COLUMNS = (
    "left_sentences",
    "right_sentences",
    "pairs",
    "left_only",
    "right_only",
    "attribution_changes",
    "omitted_facts",
    "added_facts",
    "changed_facts",
    "moved",
    "reworded",
    "credit_changes",
    "metadata_changes",
)


def spark_schema(id_field: Optional[str] = "id string") -> str:
    """The Spark DDL schema of ``compare_batches``' output.

    ``id_field`` is the ``id`` column's DDL (``"id bigint"``), or None when
    the input has no ``id``.
    """
    fields = [id_field] if id_field else []
    fields.append("differs boolean")
    fields += [f"{name} bigint" for name in SUMMARY_COLUMNS]
    fields += ["report string", "error string"]
    return ", ".join(fields)


def _column(frame: Any, name: str) -> Optional[List[Any]]:
    """The column as a list, a missing value (None, NaN, pd.NA) as None."""
    import pandas as pd

    if name not in frame.columns:
        return None
    return [v if isinstance(v, (str, bytes)) or not pd.isna(v) else None for v in frame[name].tolist()]


def compare_frame(
    frame: Any,
    *,
    threads: Optional[int] = 1,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    input: str = "auto",
) -> Any:
    """Compare the pairs of one pandas DataFrame; a DataFrame of results.

    See the module's documentation for the columns. A missing text (None,
    NaN) fails its row with an error, as an empty manifest field would.
    """
    import pandas as pd

    for required in ("left", "right"):
        if required not in frame.columns:
            raise ValueError(f"compare_batches needs a {required!r} column, got {list(frame.columns)}")
    lefts = _column(frame, "left")
    rights = _column(frame, "right")
    # A missing text is that row's error, not the batch's: the rest are compared.
    missing = {}
    for i, (left, right) in enumerate(zip(lefts, rights)):
        if left is None or right is None:
            missing[i] = f"{'left' if left is None else 'right'} text is missing"
            lefts[i] = rights[i] = ""
    rows = _newsdiff._compare_rows(
        lefts,
        rights,
        left_names=_column(frame, "left_name"),
        right_names=_column(frame, "right_name"),
        threads=threads,
        min_similarity=min_similarity,
        input=input,
    )
    for i, message in missing.items():
        rows[i] = (None, None, None, message)
    out = {}
    if "id" in frame.columns:
        out["id"] = frame["id"].reset_index(drop=True)
    out["differs"] = pd.array([r[2] for r in rows], dtype="boolean")
    for name in SUMMARY_COLUMNS:
        out[name] = pd.array([r[1][name] if r[1] is not None else None for r in rows], dtype="Int64")
    out["report"] = pd.array([r[0] for r in rows], dtype=object)
    out["error"] = pd.array([r[3] for r in rows], dtype=object)
    return pd.DataFrame(out)


def compare_batches(
    batches: Iterable[Any],
    *,
    threads: Optional[int] = 1,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    input: str = "auto",
) -> Iterator[Any]:
    """Compare every pandas DataFrame of ``batches``; yield one result frame each.

    The signature ``mapInPandas`` wants (an iterator of frames in, an
    iterator out); for Dask's ``map_partitions`` and Ray's ``map_batches``,
    which pass one frame, call ``compare_frame``. Keyword arguments as in
    ``compare_frame`` (bind them with ``functools.partial``).
    """
    for frame in batches:
        yield compare_frame(frame, threads=threads, min_similarity=min_similarity, input=input)
