"""newsdiff: compare two news reports of one story.

Texts in, the JSON contract version 1 out, the same report as the
``newsdiff`` command line::

    import newsdiff
    report = newsdiff.compare(wire_text, site_text)
    report["summary"]["omitted_facts"]

``compare`` and ``check`` return Python objects (dicts and lists, as
``json.loads`` makes them); ``compare_json``, ``check_json`` and
``compare_many`` return JSON text. Every function releases the GIL while it
compares. Bad input raises ``ValueError`` with the CLI's one-line message.
For Spark, Dask and Ray see ``newsdiff.spark``.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional, Union

from ._newsdiff import (
    DEFAULT_MIN_SIMILARITY,
    __version__,
    check_json,
    compare_json,
    compare_many,
)

__all__ = [
    "DEFAULT_MIN_SIMILARITY",
    "__version__",
    "check",
    "check_json",
    "compare",
    "compare_json",
    "compare_many",
    "passed",
]

Text = Union[str, bytes]


def compare(
    left: Text,
    right: Text,
    *,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    left_name: Optional[str] = None,
    right_name: Optional[str] = None,
    input: str = "auto",
    lossy: bool = False,
    max_bytes: Optional[int] = None,
) -> Dict[str, Any]:
    """Compare two texts; the report (JSON contract version 1) as a dict.

    The same document ``newsdiff --format json`` prints, as ``json.loads``
    reads it. ``left_name`` and ``right_name`` are the names the report
    gives the inputs (its ``left.path`` and ``right.path``; default
    ``<left>`` and ``<right>``). Texts are ``str``, or ``bytes`` decoded as
    the CLI decodes a file. Raises ValueError on input the CLI refuses.
    """
    # One line of JSON, read by the json module: about 4% of the
    # comparison's own time on an article-sized pair (docs/python.md).
    return json.loads(
        compare_json(
            left,
            right,
            min_similarity=min_similarity,
            left_name=left_name,
            right_name=right_name,
            input=input,
            lossy=lossy,
            max_bytes=max_bytes,
            pretty=False,
        )
    )


def check(
    left: Text,
    right: Text,
    *,
    rules: Union[Mapping[str, Any], str, None] = None,
    min_similarity: float = DEFAULT_MIN_SIMILARITY,
    left_name: Optional[str] = None,
    right_name: Optional[str] = None,
    input: str = "auto",
    lossy: bool = False,
    max_bytes: Optional[int] = None,
) -> Dict[str, Any]:
    """Compare two texts and apply ``newsdiff check``'s rules.

    Returns what ``newsdiff check --format json`` prints, as a dict: the
    report plus ``rules``, one outcome per rule (``rule``, ``enabled``,
    ``passed``, ``failures``), most important first. ``rules`` is None for
    the built-in defaults, a dict shaped as newsdiff.toml's ``[rules]``
    table (``{"no_reordering": {"enabled": False}}``), or the text of a
    newsdiff.toml. No config file is looked for.
    """
    return json.loads(
        check_json(
            left,
            right,
            rules=dict(rules) if isinstance(rules, Mapping) else rules,
            min_similarity=min_similarity,
            left_name=left_name,
            right_name=right_name,
            input=input,
            lossy=lossy,
            max_bytes=max_bytes,
            pretty=False,
        )
    )


def passed(checked: Mapping[str, Any]) -> bool:
    """True when every rule of a ``check`` result passed."""
    return all(rule["passed"] for rule in checked["rules"])
