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
