"""Pairs made from the seed story with one known edit each, and the finding
each edit must produce: the Spark smoke test and the pandas tests check
reports against these, not against counts copied from a run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Dict, List, NamedTuple

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "fixtures" / "seed"
SEED_LEFT = SEED / "000_25f73cc4789ee869.txt"
SEED_RIGHT = SEED / "001_a074dd1f99a3bdcb.txt"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"the seed no longer holds {old!r}"
        return text.replace(old, new, 1)

    return edit


# kind -> (edit of the left text, predicate on the report that the edit's
# finding is there)
EDITS: Dict[str, Callable[[str], str]] = {
    "same": lambda text: text,
    "number": _replace("more than 14,000 Soviet troops", "more than 15,000 Soviet troops"),
    "cue": _replace("the Kremlin's envoy to Afghanistan said", "the Kremlin's envoy to Afghanistan claimed"),
    "quote": _replace('"Terrorists are seeking to infiltrate', '"Terrorists want to infiltrate'),
}


def has_finding(kind: str, report: dict) -> bool:
    """True when `report` holds the finding a pair of `kind` must have."""
    changes = report["attribution_changes"]
    if kind == "same":
        return report["summary"]["left_only"] == 0 and not changes and not report["facts"]["changed"]
    if kind == "number":
        return any(c["left_text"] == "14,000" and c["right_text"] == "15,000" for c in report["facts"]["changed"])
    if kind == "cue":
        return any(c["kind"] == "cue_changed" and c["right_cue"] == "claim" for c in changes)
    if kind == "quote":
        return any(c["kind"] == "quote_altered" for c in changes)
    if kind == "seed":
        credits = report["credit_changes"]
        return (
            sum(c["kind"] == "quote_altered" for c in changes) == 3
            and any(c["credit"] == "AFP" and c["source"] == "byline" for c in credits)
            and "14,000" in [f["text"] for f in report["facts"]["omitted"]]
        )
    raise ValueError(kind)


class Pair(NamedTuple):
    id: int
    kind: str
    left: str
    right: str


KINDS = ["same", "number", "cue", "quote", "seed"]


def pairs(count: int) -> List[Pair]:
    """`count` pairs, the kinds in turn; each pair's texts end with a line
    of their own, so no two pairs are the same input."""
    left, right = read(SEED_LEFT), read(SEED_RIGHT)
    out = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        tail = f"\n\nFiled as item {i} of the generated batch.\n"
        if kind == "seed":
            out.append(Pair(i, kind, left + tail, right + tail))
        else:
            out.append(Pair(i, kind, left + tail, EDITS[kind](left) + tail))
    return out


def cli() -> Path:
    """The newsdiff binary the tests compare with: NEWSDIFF_BIN, else the
    newest of target/debug and target/release."""
    if os.environ.get("NEWSDIFF_BIN"):
        return Path(os.environ["NEWSDIFF_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    built = [p for p in (target / "debug" / "newsdiff", target / "release" / "newsdiff") if p.exists()]
    if not built:
        raise RuntimeError("no newsdiff binary: run `cargo build` or set NEWSDIFF_BIN")
    return max(built, key=lambda p: p.stat().st_mtime)


class Article(NamedTuple):
    id: int
    text: str


class Corpus(NamedTuple):
    """Wire stories, and articles among which some republish them."""

    wires: List[Article]
    others: List[Article]
    # other id -> the wire id it republishes (absent: unrelated)
    source: Dict[int, int]


BOILERPLATE = "Sign up for our morning newsletter to get the day's news in your inbox."


def corpus(wires: int = 6, unrelated: int = 10, seed: int = 16) -> Corpus:
    """A small corpus for the pair-finding recipe: `wires` stories of
    made-up words, each republished once with sentences cut and words
    changed, plus `unrelated` stories; every article ends with the same
    newsletter line, the boilerplate a bucket cap must see through."""
    import random

    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ra", "ten", "su", "vo", "del", "an", "gri", "po", "ush", "et", "nor"]
    vocabulary = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))) for _ in range(3000)})

    def story() -> List[str]:
        return [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(10, 16))).capitalize() + "."
                for _ in range(14)]

    def text(sentences: List[str]) -> str:
        return "\n\n".join(sentences + [BOILERPLATE]) + "\n"

    wire_list, others, source = [], [], {}
    for w in range(wires):
        sentences = story()
        wire_list.append(Article(w, text(sentences)))
        # The republication: two sentences cut, one word changed in three.
        kept = [s for i, s in enumerate(sentences) if i not in (3, 9)]
        for i in (1, 5, 8):
            words = kept[i].split()
            words[2] = rng.choice(vocabulary)
            kept[i] = " ".join(words)
        source[100 + w] = w
        others.append(Article(100 + w, text(kept)))
    for u in range(unrelated):
        others.append(Article(200 + u, text(story())))
    rng.shuffle(others)
    return Corpus(wire_list, others, source)
