"""Type stubs of newsdiff's native module (see newsdiff/__init__.py)."""

from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

Text = Union[str, bytes]
Pair = Union[Tuple[Text, Text], Tuple[Text, Text, Optional[str], Optional[str]]]

__version__: str
DEFAULT_MIN_SIMILARITY: float

def compare_json(
    left: Text,
    right: Text,
    *,
    min_similarity: float = ...,
    left_name: Optional[str] = None,
    right_name: Optional[str] = None,
    input: str = "auto",
    lossy: bool = False,
    max_bytes: Optional[int] = None,
    pretty: bool = True,
) -> str:
    """The report as JSON: with pretty=True, byte for byte what
    `newsdiff --format json` prints for the same texts and names."""

def check_json(
    left: Text,
    right: Text,
    *,
    rules: Union[Dict[str, Any], str, None] = None,
    min_similarity: float = ...,
    left_name: Optional[str] = None,
    right_name: Optional[str] = None,
    input: str = "auto",
    lossy: bool = False,
    max_bytes: Optional[int] = None,
    pretty: bool = True,
) -> str:
    """The report plus rule outcomes as JSON, as `newsdiff check --format
    json --no-config` prints it."""

def compare_many(
    pairs: Iterable[Pair],
    *,
    threads: Optional[int] = None,
    min_similarity: float = ...,
    input: str = "auto",
    lossy: bool = False,
    max_bytes: Optional[int] = None,
    errors: str = "raise",
) -> List[str]:
    """One report a pair, one line of JSON each, in input order; compared
    in parallel with the GIL released."""

def _compare_rows(
    lefts: List[Text],
    rights: List[Text],
    *,
    left_names: Optional[List[Optional[str]]] = None,
    right_names: Optional[List[Optional[str]]] = None,
    threads: Optional[int] = None,
    min_similarity: float = ...,
    input: str = "auto",
    lossy: bool = False,
    max_bytes: Optional[int] = None,
) -> List[Tuple[Optional[str], Optional[Dict[str, int]], Optional[bool], Optional[str]]]: ...
def _panic_for_test() -> None: ...
