"""Which pairs to compare: wire stories x candidate republications, found
with Spark's MinHashLSH on word shingles (docs/python.md, "Many pairs").

newsdiff compares pairs; in a corpus of millions of articles the pairs worth
comparing are the few that share most of their wording. MinHash estimates
the Jaccard similarity of two articles' sets of word n-grams (Broder 1997),
and LSH buckets make the search sub-quadratic. Only wire stories are joined
with candidates (not every article with every other), shingles found in too
many articles (boilerplate: "Sign up for our newsletter") are dropped before
hashing, because they fill LSH buckets with unrelated articles, and each
wire story keeps at most ``max_per_wire`` nearest candidates.

    from find_pairs import candidate_pairs, pairs_table
    found = candidate_pairs(wires, articles)          # wire_id, candidate_id, distance
    pairs = pairs_table(found, wires, articles)       # id, left_text, right_text
    pairs.write.parquet("pairs.parquet")              # then spark_job.py --input pairs.parquet

Both inputs are DataFrames with ``id`` and ``text`` columns.
"""

from __future__ import annotations

from typing import Optional

from pyspark.ml.feature import HashingTF, MinHashLSH, NGram, RegexTokenizer
from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F


def shingles(articles: DataFrame, words: int = 3) -> DataFrame:
    """``id`` and ``shingles``: each article's distinct lower-cased word
    n-grams (``words`` words each)."""
    tokens = RegexTokenizer(inputCol="text", outputCol="_words", pattern=r"\W+", toLowercase=True)
    grams = NGram(n=words, inputCol="_words", outputCol="_grams")
    out = grams.transform(tokens.transform(articles.select("id", "text")))
    return out.select("id", F.array_distinct("_grams").alias("shingles"))


def drop_frequent(wires: DataFrame, others: DataFrame, max_docs: int):
    """Both shingle tables without the shingles that occur in more than
    ``max_docs`` articles: the cap on an LSH bucket's size that Spark's
    MinHashLSH does not have itself."""
    def exploded(table: DataFrame, side: str) -> DataFrame:
        return table.select(F.lit(side).alias("side"), "id", F.explode("shingles").alias("shingle"))

    both = exploded(wires, "wire").unionByName(exploded(others, "other"))
    frequent = both.groupBy("shingle").count().filter(F.col("count") > max_docs).select("shingle")
    kept = both.join(frequent, "shingle", "left_anti")
    regrouped = kept.groupBy("side", "id").agg(F.collect_list("shingle").alias("shingles"))

    def side(name: str) -> DataFrame:
        return regrouped.filter(F.col("side") == name).select("id", "shingles")

    return side("wire"), side("other")


def candidate_pairs(
    wires: DataFrame,
    others: DataFrame,
    *,
    words: int = 3,
    max_distance: float = 0.7,
    hash_tables: int = 8,
    max_docs: Optional[int] = 1000,
    max_per_wire: int = 20,
    features: int = 1 << 20,
    seed: int = 20261201,
) -> DataFrame:
    """``wire_id``, ``candidate_id``, ``distance`` (estimated Jaccard
    distance of their shingle sets, at most ``max_distance``), at most
    ``max_per_wire`` nearest candidates per wire story.

    ``max_distance`` 0.7 keeps pairs sharing about a third of their word
    trigrams: a rewrite that keeps the story's sentences, not a story on the
    same topic. ``max_docs``: shingles in more articles than this are
    ignored (None keeps every shingle).
    """
    wire_shingles, other_shingles = shingles(wires, words), shingles(others, words)
    if max_docs is not None:
        wire_shingles, other_shingles = drop_frequent(wire_shingles, other_shingles, max_docs)
    vectors = HashingTF(inputCol="shingles", outputCol="features", numFeatures=features, binary=True)
    # MinHash is undefined on an empty set: an article with fewer words than
    # a shingle has no candidates.
    wire_vectors = vectors.transform(wire_shingles.filter(F.size("shingles") > 0))
    other_vectors = vectors.transform(other_shingles.filter(F.size("shingles") > 0))
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=hash_tables, seed=seed)
    model = model.fit(wire_vectors)
    joined = model.approxSimilarityJoin(wire_vectors, other_vectors, max_distance, distCol="distance").select(
        F.col("datasetA.id").alias("wire_id"),
        F.col("datasetB.id").alias("candidate_id"),
        "distance",
    )
    nearest = Window.partitionBy("wire_id").orderBy("distance", "candidate_id")
    return (
        joined.withColumn("_rank", F.row_number().over(nearest))
        .filter(F.col("_rank") <= max_per_wire)
        .drop("_rank")
    )


def pairs_table(found: DataFrame, wires: DataFrame, others: DataFrame) -> DataFrame:
    """The pairs ``spark_job.py`` reads: ``id`` ("wire_id/candidate_id"),
    ``left_text`` (the wire story), ``right_text`` (the candidate)."""
    left = wires.select(F.col("id").alias("wire_id"), F.col("text").alias("left_text"))
    right = others.select(F.col("id").alias("candidate_id"), F.col("text").alias("right_text"))
    return (
        found.join(left, "wire_id")
        .join(right, "candidate_id")
        .select(
            F.concat_ws("/", F.col("wire_id").cast("string"), F.col("candidate_id").cast("string")).alias("id"),
            "left_text",
            "right_text",
        )
    )
