"""PI003's address matcher: the same matches as the regular expression it replaces, in linear time."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from jusou_spec.rules._address_scan import COUNTER, KANJI, NUMERAL, PLACE, find_addresses
from jusou_spec.rules._personal import _normal, addresses, strings

ROOT = Path(__file__).resolve().parent.parent

# The pattern as one regular expression, as PI003 used to run it: correct, and cubic on a long run of kanji.
REFERENCE = re.compile(
    rf"(?:{NUMERAL}+丁目{NUMERAL}+(?:番地?|-)(?:{NUMERAL}+号?)?)"
    rf"|(?:{NUMERAL}+番地(?:の?{NUMERAL}+)?)"
    rf"|(?:{NUMERAL}+番{NUMERAL}+号)"
    rf"|(?:{KANJI}*?(?:町|村|区|市|郡){PLACE}*?\d+-\d+(?:-\d+)?{COUNTER})"
    rf"|(?:(?<!{PLACE}){PLACE}{{2,8}}\d+-\d+-\d+{COUNTER})"
)


def _reference(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in REFERENCE.finditer(text)]


def _texts() -> list[str]:
    """Every string of the bundled documents and of the PI rule cases, normalised as the rule reads them."""
    found = []
    paths = [*ROOT.glob("plans/*.yaml"), *ROOT.glob("reports/*.yaml"), *ROOT.glob("examples/*.yaml")]
    paths += sorted((ROOT / "tests/rule_cases").glob("PI*.yaml"))
    for path in paths:
        found += [_normal(text) for _, text in strings(yaml.safe_load(path.read_text(encoding="utf-8")))]
    return found


def test_the_same_matches_as_the_regular_expression_on_every_bundled_text():
    """On every string of the plans, reports, examples and PI rule cases, the spans are the reference's."""
    texts = _texts()
    assert len(texts) > 1000
    assert any(find_addresses(text) for text in texts)  # the cases do contain addresses
    for text in texts:
        assert find_addresses(text) == _reference(text), text


_ALPHABET = st.sampled_from(list("市町村区郡釈迦堂精道一二三十〇丁目番地号のあアー0123456789-- 　件箇所人年、。"))


@given(st.text(_ALPHABET, max_size=40))
def test_the_same_matches_as_the_regular_expression_on_generated_text(text):
    """Property: on short texts from the characters that matter, the spans are the reference's."""
    assert find_addresses(text) == _reference(text)


def test_a_long_run_of_kanji_before_a_digit_is_read_in_linear_time():
    """200,000 characters of kanji (with towns) and a digit: the regular expression would take days (cubic; 1,000
    characters took 4.8 s), the scanner reads it at once, and finds the address at the end."""
    text = "市" * 100_000 + "道" * 100_000 + "1-10-1"
    assert find_addresses(text) == [(0, len(text))]
    assert addresses("所在地 " + "漢" * 100_000 + "1" * 10) == []
