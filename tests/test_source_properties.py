"""Properties of the loader: it never raises, and dumped JSON-like data loads back exactly, fully located."""

from __future__ import annotations

from collections.abc import Iterator

import yaml
from hypothesis import given
from hypothesis import strategies as st

from jusou_spec.source import SourceDocument, parse_source

from .profiles import scaled

CHEAP = scaled(5)

JAPANESE_TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0x3041, max_codepoint=0x30FF),  # kana
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),  # kanji
        st.sampled_from("第号イロ　、。・（）【】～ー０１２"),
    ),
    max_size=8,
)
ASCII_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=8)
KEYS = st.one_of(JAPANESE_TEXT, ASCII_TEXT)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), JAPANESE_TEXT, ASCII_TEXT)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(KEYS, children, max_size=4)),
    max_leaves=20,
)
DOCUMENTS = st.dictionaries(KEYS.filter(lambda key: key != "jusou"), VALUES, max_size=6)

VALID = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
jusou: plan/1
名称: "見本市 重層的支援体制整備事業"
基本: &base {所管課: 地域福祉課, 実施方式: 直営}
取組:
  - <<: *base
    名称: 包括的相談支援事業
    号: [第1号イ, 第1号ロ]
    目標: {値: 3, 単位: 件, 年度: 2024-04-01}
  - 名称: '参加支援'
    説明: |
      地域の「つながり」を
      つくります。
"""


def assert_well_located(document: SourceDocument) -> None:
    """Every finding names the file and has a line and column of at least 1."""
    for finding in document.findings:
        assert finding.file == document.name
        assert finding.line is not None and finding.line >= 1
        assert finding.column is not None and finding.column >= 1


def pointers(value: object, pointer: str = "") -> Iterator[tuple[str, bool]]:
    """Every JSON pointer in ``value``, with whether it is a mapping member (and so has a key position)."""
    if isinstance(value, dict):
        for key, child in value.items():
            member = f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}"
            yield member, True
            yield from pointers(child, member)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield f"{pointer}/{index}", False
            yield from pointers(child, f"{pointer}/{index}")


@CHEAP
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    """Any text loads without an exception, and every finding is located."""
    assert_well_located(parse_source(text, name="any.yaml"))


@CHEAP
@given(st.binary())
def test_never_raises_on_any_bytes(raw: bytes) -> None:
    """Any bytes load without an exception, and every finding is located."""
    assert_well_located(parse_source(raw, name="any.yaml"))


@given(DOCUMENTS)
def test_dumped_data_loads_back_exactly(data: dict[str, object]) -> None:
    """safe_dump output with the marker first loads to the same data, with every pointer in the source map."""
    document = {"jusou": "plan/1", **data}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    loaded = parse_source(text)
    assert loaded.findings == ()
    assert loaded.data == document and (loaded.kind, loaded.version) == ("plan", 1)
    assert "" in loaded.source_map.values
    for pointer, member in pointers(document):
        assert pointer in loaded.source_map.values
        assert not member or pointer in loaded.source_map.keys


@CHEAP
@given(st.data())
def test_mutated_documents_never_raise(data: st.DataObject) -> None:
    """Deleting and inserting characters anywhere in a valid plan never makes the loader raise."""
    text = VALID
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()) and text:
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + data.draw(st.sampled_from(list(" \t\n\r:-#&*!|>'\"[]{},?%@`~\x00\u3000"))) + text[at:]
    assert_well_located(parse_source(text))
    assert_well_located(parse_source(text.encode("utf-8", "surrogatepass")))
