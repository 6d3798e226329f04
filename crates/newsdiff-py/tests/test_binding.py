"""newsdiff's Python binding against the CLI: the same report byte for
byte, the same messages, and compare_many's order and GIL release."""

from __future__ import annotations

import json
import subprocess
import threading
import time

import pytest

import newsdiff
from generated import ROOT, SEED_LEFT, SEED_RIGHT, cli, has_finding, pairs, read


def run_cli(*args: str) -> subprocess.CompletedProcess:
    # Paths relative to the repository, as a person would type them, so the
    # report's `path` fields are the names passed to the binding.
    return subprocess.run([str(cli()), *args], cwd=ROOT, capture_output=True)


LEFT = str(SEED_LEFT.relative_to(ROOT))
RIGHT = str(SEED_RIGHT.relative_to(ROOT))


def seed_json(**kwargs) -> str:
    return newsdiff.compare_json(read(SEED_LEFT), read(SEED_RIGHT), left_name=LEFT, right_name=RIGHT, **kwargs)


def test_compare_json_is_the_cli_output_byte_for_byte():
    out = run_cli("--format", "json", LEFT, RIGHT)
    assert out.returncode == 1, out.stderr
    assert seed_json().encode() == out.stdout


def test_compare_is_the_cli_report_after_sorted_dumps():
    out = run_cli("--format", "json", LEFT, RIGHT)
    report = newsdiff.compare(read(SEED_LEFT), read(SEED_RIGHT), left_name=LEFT, right_name=RIGHT)
    assert json.dumps(report, sort_keys=True) == json.dumps(json.loads(out.stdout), sort_keys=True)
    # Real findings, not just equal output: the seed's dropped AFP credit
    # and its three altered quotes.
    assert has_finding("seed", report)


def test_min_similarity_is_the_cli_flag():
    out = run_cli("--format", "json", "--min-similarity", "0.7", LEFT, RIGHT)
    assert seed_json(min_similarity=0.7).encode() == out.stdout
    assert seed_json(min_similarity=0.7) != seed_json()


def test_unnamed_inputs_are_left_and_right():
    report = newsdiff.compare("He said yes.", "He said no.")
    assert (report["left"]["path"], report["right"]["path"]) == ("<left>", "<right>")


def test_bytes_are_decoded_as_the_cli_decodes_a_file():
    text = read(SEED_LEFT)
    with_bom = b"\xef\xbb\xbf" + text.encode()
    assert newsdiff.compare_json(with_bom, read(SEED_RIGHT)) == newsdiff.compare_json(text, read(SEED_RIGHT))


def test_check_json_is_the_cli_check_output_byte_for_byte():
    out = run_cli("check", "--format", "json", "--no-config", LEFT, RIGHT)
    assert out.returncode == 1, out.stderr
    checked = newsdiff.check_json(read(SEED_LEFT), read(SEED_RIGHT), left_name=LEFT, right_name=RIGHT)
    assert checked.encode() == out.stdout


def test_check_rules_as_dict_or_toml_are_the_cli_flags():
    out = run_cli("check", "--format", "json", "--no-config", "--disable", "no_altered_quote", LEFT, RIGHT)
    expected = json.loads(out.stdout)
    as_dict = newsdiff.check(
        read(SEED_LEFT), read(SEED_RIGHT), left_name=LEFT, right_name=RIGHT,
        rules={"no_altered_quote": {"enabled": False}},
    )
    as_toml = newsdiff.check(
        read(SEED_LEFT), read(SEED_RIGHT), left_name=LEFT, right_name=RIGHT,
        rules="[rules.no_altered_quote]\nenabled = false\n",
    )
    assert as_dict == expected == as_toml
    quote = next(r for r in as_dict["rules"] if r["rule"] == "no_altered_quote")
    assert quote["enabled"] is False and quote["passed"] is True
    assert not newsdiff.passed(as_dict)


def test_bad_rules_are_value_errors_naming_the_key():
    with pytest.raises(ValueError, match=r"^rules: no_reordering\.enabled: invalid type"):
        newsdiff.check("A.", "B.", rules={"no_reordering": {"enabled": "no"}})
    with pytest.raises(ValueError, match="unknown field `no_reorderin`"):
        newsdiff.check("A.", "B.", rules={"no_reorderin": {}})
    with pytest.raises(TypeError):
        newsdiff.check("A.", "B.", rules=3)


def cli_error(tmp_path, content: bytes) -> str:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = subprocess.run([str(cli()), "--format", "json", str(bad), str(SEED_RIGHT)], capture_output=True)
    assert out.returncode == 2
    message = out.stderr.decode().strip()
    assert message.startswith("newsdiff: ")
    return message[len("newsdiff: "):]


def test_a_nul_byte_is_a_value_error_with_the_cli_message(tmp_path):
    expected = cli_error(tmp_path, b"Some text\x00more")
    with pytest.raises(ValueError) as raised:
        newsdiff.compare("Some text\x00more", read(SEED_RIGHT), left_name=str(tmp_path / "bad.txt"))
    assert str(raised.value) == expected
    assert "NUL byte at offset 9" in expected


def test_invalid_utf8_is_a_value_error_with_the_cli_message(tmp_path):
    expected = cli_error(tmp_path, b"caf\xe9 au lait.")
    with pytest.raises(ValueError) as raised:
        newsdiff.compare(b"caf\xe9 au lait.", read(SEED_RIGHT), left_name=str(tmp_path / "bad.txt"))
    assert str(raised.value) == expected
    # --lossy, as on the command line.
    assert newsdiff.compare(b"caf\xe9 au lait.", "Cafe.", lossy=True)["summary"]["left_sentences"] == 1


def test_an_empty_text_is_compared_as_the_cli_compares_an_empty_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = subprocess.run([str(cli()), "--format", "json", str(empty), str(SEED_RIGHT)], capture_output=True)
    assert newsdiff.compare_json("", read(SEED_RIGHT), left_name=str(empty), right_name=str(SEED_RIGHT)).encode() == out.stdout


def test_other_bad_arguments_are_value_or_type_errors():
    with pytest.raises(ValueError, match="^min_similarity must be between 0 and 1, got 1.5$"):
        newsdiff.compare("A.", "B.", min_similarity=1.5)
    with pytest.raises(ValueError, match="over the size limit of 4 bytes"):
        newsdiff.compare("Hello.", "B.", max_bytes=4)
    with pytest.raises(ValueError, match="input must be one of"):
        newsdiff.compare("A.", "B.", input="pdf")
    with pytest.raises(TypeError, match="left must be str or bytes, not int"):
        newsdiff.compare(3, "B.")
    # A lone surrogate cannot be UTF-8: UnicodeEncodeError, a ValueError.
    with pytest.raises(ValueError):
        newsdiff.compare("\ud800", "B.")


def test_a_panic_is_a_runtime_error_not_an_abort():
    with pytest.raises(RuntimeError, match="internal error in newsdiff: raised on purpose"):
        newsdiff._newsdiff._panic_for_test()


def test_compare_many_keeps_input_order():
    batch = pairs(10)
    expected = [newsdiff.compare_json(p.left, p.right, pretty=False) for p in batch]
    for threads in (None, 1, 2):
        got = newsdiff.compare_many([(p.left, p.right) for p in batch], threads=threads)
        assert got == expected
    for p, line in zip(batch, expected):
        assert has_finding(p.kind, json.loads(line)), p.kind


def test_compare_many_names_and_errors():
    named = newsdiff.compare_many([("A said.", "A said.", "a.txt", None)])
    assert json.loads(named[0])["left"]["path"] == "a.txt"
    assert json.loads(named[0])["right"]["path"] == "<right>"
    batch = [("Fine.", "Fine."), ("bad\x00", "Fine."), ("Fine.", "Fine.")]
    with pytest.raises(ValueError, match=r"^pair 1: cannot read left input: <left>: binary data"):
        newsdiff.compare_many(batch)
    lines = [json.loads(line) for line in newsdiff.compare_many(batch, errors="json")]
    assert lines[1] == {"error": "cannot read left input: <left>: binary data (NUL byte at offset 3); newsdiff compares text"}
    assert lines[0]["summary"]["pairs"] == lines[2]["summary"]["pairs"] == 1
    with pytest.raises(ValueError, match="threads must be at least 1"):
        newsdiff.compare_many(batch, threads=0)
    with pytest.raises(TypeError, match="pair 0: expected"):
        newsdiff.compare_many([("only one",)])


def test_compare_many_releases_the_gil():
    # A Python thread ticks every millisecond; if compare_many held the GIL
    # it could not tick at all until the call returned.
    batch = [(p.left, p.right) for p in pairs(5)] * 8
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        time.sleep(0.01)
        start = time.perf_counter()
        newsdiff.compare_many(batch, threads=1)
        end = time.perf_counter()
    finally:
        stop.set()
        ticker.join()
    during = [t for t in ticks if start < t < end]
    assert end - start > 0.05, "the batch is too small to tell"
    # At least a quarter of the ticks a free thread would make.
    assert len(during) > (end - start) / 0.001 / 4, (len(during), end - start)
