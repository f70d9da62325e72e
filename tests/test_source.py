"""The loader: every kind of bad input gets its code, its place and a message in both languages; good input loads
with exact positions."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from jusou_spec import _yaml_compose
from jusou_spec.findings import Finding, Severity
from jusou_spec.source import (
    CHECKS,
    KINDS,
    MAX_FILE_BYTES,
    MAX_NODES,
    Position,
    SourceDocument,
    SourceMap,
    SourceUnreadable,
    carries_marker,
    parse_source,
    read_source,
)

JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")

DOC = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
jusou: plan/1
名称: 見本市重層的支援体制整備事業実施計画
取組:
  - 名称: 包括的相談支援事業
    所管課: [地域福祉課, 高齢介護課]
    目標: {値: 3, 単位: 件}
  - 名称: 参加支援事業
    説明: 「つながり」をつくる
"""

DOC_DATA = {
    "jusou": "plan/1",
    "名称": "見本市重層的支援体制整備事業実施計画",
    "取組": [
        {"名称": "包括的相談支援事業", "所管課": ["地域福祉課", "高齢介護課"], "目標": {"値": 3, "単位": "件"}},
        {"名称": "参加支援事業", "説明": "「つながり」をつくる"},
    ],
}

BILLION_LAUGHS = "jusou: plan/1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)


def only(document: SourceDocument, code: str) -> Finding:
    """The one finding of ``code`` in ``document`` (fails when there is none or more than one)."""
    found = [finding for finding in document.findings if finding.code == code]
    assert len(found) == 1, document.findings
    return found[0]


def assert_finding(
    document: SourceDocument, code: str, line: int, column: int, severity: Severity = Severity.ERROR
) -> Finding:
    """The finding of ``code`` is at ``line``:``column``, has ``severity``, and speaks Japanese and English."""
    finding = only(document, code)
    assert (finding.severity, finding.line, finding.column) == (severity, line, column)
    assert finding.file == document.name
    assert JAPANESE.search(finding.message.ja), finding.message.ja
    assert finding.message.en[:1].isascii() and finding.message.en != finding.message.ja, finding.message.en
    return finding


# SR001 YAML syntax


def test_unclosed_quote_is_a_syntax_error_at_the_problem_mark() -> None:
    """An unclosed quote is SR001 where the parser gave up, explained as a quote to close, and the data is None."""
    document = parse_source('jusou: plan/1\n説明: "閉じていない\n次: 1\n', name="plan.yaml")
    finding = assert_finding(document, "SR001", 4, 1)
    assert "引用符" in finding.message.ja and "2 行目" in finding.message.ja
    assert "found unexpected end of stream" in finding.message.ja
    assert document.data is None


def test_colon_inside_a_value_is_explained() -> None:
    """'mapping values are not allowed here' is SR001 at the second colon (counted in characters) with a hint."""
    finding = assert_finding(parse_source("jusou: plan/1\n名称: 時間: 10時\n"), "SR001", 2, 7)
    assert "引用符" in finding.message.ja and "mapping values are not allowed" in finding.message.en


def test_bad_indentation_is_explained() -> None:
    """A key indented less than its siblings is SR001 on its line, explained as indentation."""
    finding = assert_finding(parse_source("jusou: plan/1\n取組:\n  名称: a\n 所管課: b\n"), "SR001", 4, 2)
    assert "字下げ" in finding.message.ja


def test_undefined_alias_is_a_syntax_error() -> None:
    """An alias to no anchor is SR001 at the alias."""
    finding = assert_finding(parse_source("jusou: plan/1\n名称: *undefined\n"), "SR001", 2, 5)
    assert "*undefined" in finding.message.ja


def test_japanese_anchor_name_is_explained() -> None:
    """libyaml allows only ASCII letters and digits in anchor names; the message says so."""
    finding = assert_finding(parse_source("jusou: plan/1\n基本: &基本 {a: 1}\n"), "SR001", 2, 6)
    assert "半角英数字" in finding.message.ja


# SR002 tabs


def test_tab_that_breaks_the_parse_is_sr002_not_sr001() -> None:
    """A tab indenting a block line is SR002 at the tab, and no SR001 is added for it."""
    document = parse_source("jusou: plan/1\n取組:\n\t名称: x\n")
    finding = assert_finding(document, "SR002", 3, 1)
    assert "スペース" in finding.message.ja and "spaces" in finding.message.en
    assert [f.code for f in document.findings] == ["SR002"] and document.data is None


def test_tab_after_spaces_is_located_at_the_tab() -> None:
    """A tab after two spaces of indentation is reported at column 3."""
    assert_finding(parse_source("jusou: plan/1\n取組:\n  \t名称: x\n"), "SR002", 3, 3)


def test_tab_indenting_a_flow_continuation_is_reported_with_data() -> None:
    """A tab the parser accepts (inside a flow list) is still SR002, and the data is returned."""
    document = parse_source("jusou: plan/1\n号: [第1号,\n\t第2号]\n")
    assert_finding(document, "SR002", 3, 1)
    assert document.data == {"jusou": "plan/1", "号": ["第1号", "第2号"]}


def test_tabs_inside_quoted_scalars_are_not_findings() -> None:
    """Tabs inside quotes, also at the start of a quoted continuation line, are content, not indentation."""
    document = parse_source('jusou: plan/1\na: "x\ty"\nb: "複数\n\t行"\nc: 値\t# コメント\n')
    assert document.findings == ()
    assert document.data == {"jusou": "plan/1", "a": "x\ty", "b": "複数 行", "c": "値"}


# SR003 duplicate keys


def test_duplicate_key_is_reported_at_the_second_and_keeps_the_first() -> None:
    """The duplicate is SR003 at the second key, naming the key and the first line; the first value is kept."""
    document = parse_source("jusou: plan/1\n名称: 一つ目\n期間: R6\n名称: 二つ目\n")
    finding = assert_finding(document, "SR003", 4, 1)
    assert "名称" in finding.message.ja and "2 行目" in finding.message.ja and "使われていません" in finding.message.ja
    assert finding.pointer == "/名称"
    assert document.data == {"jusou": "plan/1", "名称": "一つ目", "期間": "R6"}


def test_duplicate_key_inside_a_list_item_has_its_pointer() -> None:
    """A duplicate inside the second list item is located there and points into that item."""
    document = parse_source("jusou: plan/1\n取組:\n  - 名称: a\n  - 名称: b\n    名称: c\n")
    finding = assert_finding(document, "SR003", 5, 5)
    assert finding.pointer == "/取組/1/名称"


# SR004 empty


@pytest.mark.parametrize("raw", [b"", "", "# コメントだけ\n\n   \n", "---\n", "--- # 空\n...\n"])
def test_empty_documents(raw: bytes | str) -> None:
    """An empty file, comments and blanks only, or a bare '---' is SR004 at 1:1 with no data."""
    document = parse_source(raw)
    assert_finding(document, "SR004", 1, 1)
    assert document.data is None and document.kind is None


# SR005 top level


@pytest.mark.parametrize(("raw", "line"), [("- jusou\n- plan/1\n", 1), ("# 見出し\n計画書\n", 2)])
def test_top_level_must_be_a_mapping(raw: str, line: int) -> None:
    """A list or a single value at the top is SR005 where it starts, with no data."""
    document = parse_source(raw)
    assert_finding(document, "SR005", line, 1)
    assert document.data is None


# SR006, SR007 the marker


def test_missing_marker() -> None:
    """A document without 'jusou' is SR006 at its first key; the data is still returned."""
    document = parse_source("# 計画\n名称: 見本市\n")
    finding = assert_finding(document, "SR006", 2, 1)
    assert "jusou: plan/1" in finding.message.ja
    assert document.data == {"名称": "見本市"} and document.kind is None


def test_marker_not_first() -> None:
    """'jusou' after another key is SR006 at the 'jusou' key, saying it must come first."""
    document = parse_source("名称: 見本市\njusou: plan/1\n")
    finding = assert_finding(document, "SR006", 2, 1)
    assert "最初" in finding.message.ja and "first" in finding.message.en
    assert finding.pointer == "/jusou"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("plan/1", ("plan", 1)), ("report/1", ("report", 1)), ("' plan/1 '", ("plan", 1)), ('"plan/1"', ("plan", 1))],
)
def test_valid_markers(value: str, expected: tuple[str, int]) -> None:
    """plan/1 and report/1, also quoted and with surrounding spaces, give the kind and version."""
    document = parse_source(f"jusou: {value}\n")
    assert (document.kind, document.version) == expected and document.findings == ()


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("plan/2", "版 2"),
        ("foo/1", "plan/1、report/1"),
        ("plan", "plan/1"),
        ("ｐｌａｎ／１", "半角"),
        ("Plan/1", "plan/1"),
    ],
)
def test_unsupported_markers(value: str, said: str) -> None:
    """Unknown kinds, unsupported or missing versions and full-width text are SR007 at the value, saying what works."""
    document = parse_source(f"jusou: {value}\n")
    finding = assert_finding(document, "SR007", 1, 8)
    assert value in finding.message.ja and said in finding.message.ja
    assert (document.kind, document.version) == (None, None)


def test_empty_marker_value() -> None:
    """'jusou:' with no value is SR007 saying the value is missing."""
    finding = assert_finding(parse_source("jusou:\n名称: x\n"), "SR007", 1, 7)
    assert "ありません" in finding.message.ja


# SR008 limits


def test_billion_laughs_is_refused() -> None:
    """The alias bomb is SR008 (refused while composing, before anything is expanded) and yields no data."""
    document = parse_source(BILLION_LAUGHS)
    assert [finding.code for finding in document.findings] == ["SR008"]
    assert document.data is None


def test_deep_nesting_is_refused_without_crashing() -> None:
    """100,000 nested brackets (which crash PyYAML's own composer, and which libyaml 0.2.6 refuses by itself) are
    SR008 at the 65th level, whichever of the two limits is met first."""
    document = parse_source("jusou: plan/1\na: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert_finding(document, "SR008", 2, 4 + 63)  # the top-level mapping is level 1, the 64th bracket level 65


def test_nesting_that_only_the_composer_sees_is_refused_at_the_65th_level() -> None:
    """70 levels, far below libyaml's own limit: the composer refuses them, at the 65th level."""
    deep = "[" * 70 + "x" + "]" * 70
    finding = assert_finding(parse_source(f"jusou: plan/1\na: {deep}\n"), "SR008", 2, 4 + 63)
    assert "64" in finding.message.en


@pytest.fixture
def libyaml_nest_limit() -> Iterator[Callable[[int], None]]:
    """Lowers libyaml's own nesting limit through the API PyYAML exposes for it, and restores it afterwards."""
    from yaml import _yaml

    if not hasattr(_yaml, "_set_max_nest_level"):
        pytest.skip("this PyYAML's libyaml has no nesting limit of its own")
    before = _yaml._get_max_nest_level()
    yield _yaml._set_max_nest_level
    _yaml._set_max_nest_level(before)


def test_libyamls_own_nesting_limit_is_sr008_where_it_is_met(libyaml_nest_limit) -> None:
    """With libyaml's limit lowered to 10, the loader's limit is 9 (libyaml refuses a block-style document exactly
    10 deep): 30 levels are SR008 at the 10th level, with that limit in the message, never a syntax error."""
    libyaml_nest_limit(10)
    document = parse_source("jusou: plan/1\na: " + "[" * 30 + "x" + "]" * 30 + "\n")
    finding = assert_finding(document, "SR008", 2, 4 + 8)  # the mapping is level 1, the 9th bracket level 10
    assert "9 levels" in finding.message.en
    block = "jusou: plan/1\n" + "".join(f"{'  ' * level}k{level}:\n" for level in range(30)) + "  " * 30 + "x\n"
    assert (only(parse_source(block), "SR008").line, only(parse_source(block), "SR008").column) == (11, 19)


def test_libyamls_own_limit_leaves_documents_within_it_alone(libyaml_nest_limit) -> None:
    """With libyaml's limit at 10, documents 9 levels deep, in flow and in block style, load without a finding."""
    libyaml_nest_limit(10)
    flow = "jusou: plan/1\na: " + "[" * 8 + "x" + "]" * 8 + "\n"
    block = "jusou: plan/1\n" + "".join(f"{'  ' * level}k{level}:\n" for level in range(9)) + "  " * 9 + "x\n"
    for text in (flow, block):
        assert parse_source(text).findings == ()


def test_a_syntax_error_far_from_libyamls_limit_is_not_parsed_again(monkeypatch) -> None:
    """An ordinary syntax error in a shallow document is SR001 at once: the pure-Python parser, which tells libyaml's
    nesting refusal from a syntax error, is not run over a text that cannot nest as deep as libyaml's limit."""

    ran: list[object] = []
    monkeypatch.setattr(_yaml_compose, "_PurePythonLoader", lambda *args: ran.append(args))
    text = "jusou: plan/1\n" + "".join(f"a{n}: b\n" for n in range(5_000)) + "c: [1, 2\n"
    assert_finding(parse_source(text), "SR001", 5_003, 1)
    assert ran == []


def test_a_syntax_error_under_libyamls_limit_stays_a_syntax_error(libyaml_nest_limit) -> None:
    """A real syntax error is SR001 even where libyaml has a limit: only nesting past it becomes SR008."""
    libyaml_nest_limit(10)
    document = parse_source("jusou: plan/1\na: [[[x, }\n")
    assert [finding.code for finding in document.findings] == ["SR001"]
    assert document.data is None


def test_depth_through_aliases_is_counted() -> None:
    """Nesting reached only by expanding an alias still counts towards the depth limit."""
    deep = "[" * 40 + "x" + "]" * 40
    document = parse_source(f"jusou: plan/1\na: &a {deep}\nb: {'[' * 30}*a{']' * 30}\n")
    assert only(document, "SR008").pointer.startswith("/b/0")


def test_too_many_nodes_without_aliases() -> None:
    """A flat list of more than MAX_NODES values is SR008."""
    document = parse_source("jusou: plan/1\na: [" + "1," * (MAX_NODES + 1) + "]\n")
    assert [finding.code for finding in document.findings] == ["SR008"]


def test_recursive_alias() -> None:
    """An anchor used inside itself is SR008 at the alias."""
    finding = assert_finding(parse_source("jusou: plan/1\na: &x [1, *x]\n"), "SR008", 2, 11)
    assert "*x" in finding.message.ja


def test_file_too_large(tmp_path: Path) -> None:
    """More than MAX_FILE_BYTES (32 MiB) is SR008 at 1:1, read without loading the whole file."""
    path = tmp_path / "big.yaml"
    path.write_bytes(b"jusou: plan/1\n" + b"#" * MAX_FILE_BYTES)
    document = read_source(path)
    assert_finding(document, "SR008", 1, 1)
    assert document.data is None


# SR009 not text


def test_nul_byte() -> None:
    """A NUL byte is SR009 at its character position."""
    finding = assert_finding(parse_source(b"jusou: plan/1\n\xe5\x90\x8d: a\x00\n"), "SR009", 2, 5)
    assert "NUL" in finding.message.ja


def test_undecodable_bytes() -> None:
    """Bytes that are neither UTF-8 nor CP932 are SR009 at the first bad byte, named in hex."""
    finding = assert_finding(parse_source(b"jusou: plan/1\na: \x80\x80\n"), "SR009", 2, 4)
    assert "0x80" in finding.message.ja


def test_binary_file() -> None:
    """A PNG header is SR009 at its first byte; nothing is loaded."""
    document = parse_source(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_finding(document, "SR009", 1, 1)
    assert document.data is None


def test_control_character_in_text() -> None:
    """A control character YAML forbids (BEL) is SR009 at its column."""
    finding = assert_finding(parse_source("jusou: plan/1\n名称: 見本\x07市\n"), "SR009", 2, 7)
    assert "U+0007" in finding.message.ja


# SR010 encodings


def test_cp932_reads_like_utf8_with_one_warning() -> None:
    """A Shift_JIS (CP932) file gives the same data as its UTF-8 reading, and one SR010 warning at 1:1."""
    document = parse_source(DOC.encode("cp932"))
    assert document.data == parse_source(DOC.encode("utf-8")).data == DOC_DATA
    finding = assert_finding(document, "SR010", 1, 1, Severity.WARNING)
    assert "Shift_JIS" in finding.message.ja and "UTF-8" in finding.message.ja and "メモ帳" in finding.message.ja
    assert [f.code for f in document.findings] == ["SR010"] and document.encoding == "cp932"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_read_with_a_warning(codec: str) -> None:
    """UTF-16 with a BOM (either byte order) is read, with SR010 naming UTF-16; positions are in characters."""
    raw = DOC.encode(codec) if codec == "utf-16" else b"\xfe\xff" + DOC.encode(codec)
    document = parse_source(raw)
    assert document.data == DOC_DATA and document.encoding == "utf-16"
    assert "UTF-16" in assert_finding(document, "SR010", 1, 1, Severity.WARNING).message.ja
    assert document.source_map.locate("/取組/0/所管課/1") == Position(6, 18)


# SR011 tags


def test_python_tags_are_never_constructed() -> None:
    """A !!python tag is SR011; its raw text is kept as a string and no object is built."""
    document = parse_source("jusou: plan/1\na: !!python/object/apply:os.getcwd []\n")
    finding = assert_finding(document, "SR011", 2, 4)
    assert "Python" in finding.message.ja and finding.pointer == "/a"
    assert document.data == {"jusou": "plan/1", "a": "!!python/object/apply:os.getcwd []"}


def test_local_tags_keep_the_text() -> None:
    """A local tag (!foo) is SR011 and the scalar's text is kept."""
    document = parse_source("jusou: plan/1\n名称: !heading 見本市\n")
    assert_finding(document, "SR011", 2, 5)
    assert document.data == {"jusou": "plan/1", "名称": "見本市"}


def test_standard_tags_are_accepted() -> None:
    """The JSON-like standard tags are no finding and build their type; a value that does not fit is SR011."""
    document = parse_source("jusou: plan/1\na: !!str 123\nb: !!int '12'\nc: !!bool yes\nd: !!null ~\ne: !!int 十\n")
    assert document.data == {"jusou": "plan/1", "a": "123", "b": 12, "c": True, "d": None, "e": "十"}
    assert "!!int" in assert_finding(document, "SR011", 6, 4).message.ja


# SR012, SR013


def test_more_than_one_document() -> None:
    """Each extra document is SR012 at its '---'; the first document's data is kept."""
    document = parse_source("jusou: plan/1\n名称: a\n---\n名称: b\n")
    assert_finding(document, "SR012", 3, 1)
    assert document.data == {"jusou": "plan/1", "名称": "a"}


def test_complex_key() -> None:
    """A list used as a key is SR013 at the key; the key is kept as its source text."""
    document = parse_source("jusou: plan/1\n? [a, b]\n: c\n")
    assert_finding(document, "SR013", 2, 3)
    assert document.data == {"jusou": "plan/1", "[a, b]": "c"}


# Good input


def test_positions_of_values_and_keys() -> None:
    """Values and keys are located by JSON pointer, columns counted in characters after full-width text."""
    source_map = parse_source(DOC).source_map
    assert source_map.locate("") == Position(2, 1)
    assert source_map.locate("/jusou") == Position(2, 8)
    assert source_map.locate("/名称") == Position(3, 5)
    assert source_map.locate("/取組", key=True) == Position(4, 1)
    assert source_map.locate("/取組/0") == Position(5, 5)
    assert source_map.locate("/取組/0/所管課", key=True) == Position(6, 5)
    assert source_map.locate("/取組/0/所管課/1") == Position(6, 18)
    assert source_map.locate("/取組/0/目標/単位") == Position(7, 20)
    assert source_map.locate("/取組/0/目標/単位", key=True) == Position(7, 16)
    assert source_map.locate("/取組/1/説明") == Position(9, 9)


def test_the_source_map_is_a_read_only_mapping_of_positions() -> None:
    """Kept as pairs, the map still reads as Positions: by pointer, in document order, equal to a dict of them."""
    values = parse_source(DOC).source_map.values
    assert isinstance(values, Mapping)
    assert list(values)[:3] == ["", "/jusou", "/名称"]
    assert values["/名称"] == Position(3, 5) and "/名称" in values and "/なし" not in values
    assert dict(values) == {pointer: values[pointer] for pointer in values} == values
    assert all(type(position) is Position for position in values.values())
    assert len(values) == len(set(values))
    with pytest.raises(TypeError):
        values["/名称"] = Position(1, 1)  # type: ignore[index]
    with pytest.raises(KeyError):
        values["/なし"]


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_bom_and_line_ends_do_not_move_positions(prefix: bytes, newline: bytes) -> None:
    """With or without a UTF-8 BOM, and with LF, CRLF or CR line ends, data and positions are the same."""
    document = parse_source(prefix + DOC.encode().replace(b"\n", newline))
    assert document.data == DOC_DATA and document.findings == ()
    assert document.encoding == ("utf-8-sig" if prefix else "utf-8")
    assert document.source_map.locate("/取組/1/説明") == Position(9, 9)
    assert document.source_map.locate("/取組/0/所管課/1") == Position(6, 18)


def test_crlf_positions_of_findings() -> None:
    """With CRLF line ends, a finding's line and column are those of the LF file."""
    document = parse_source("jusou: plan/1\r\n名称: 一\r\n名称: 二\r\n")
    assert_finding(document, "SR003", 3, 1)


def test_scalars_keep_a_planners_meaning() -> None:
    """Dates, times, codes with leading zeros and .nan stay text; numbers, booleans and null are typed."""
    text = "jusou: plan/1\n日: 2024-04-01\n時: 10:30\n番号: 0120\n率: .nan\n数: 1_000\n比: 1.5\n可: true\n無: ~\n"
    assert parse_source(text).data == {
        "jusou": "plan/1",
        "日": "2024-04-01",
        "時": "10:30",
        "番号": "0120",
        "率": ".nan",
        "数": 1000,
        "比": 1.5,
        "可": True,
        "無": None,
    }


def test_keys_are_their_source_text_and_pointers_are_escaped() -> None:
    """Keys keep their raw text (2024, ~) and pointers escape '~' and '/' as RFC 6901 says."""
    document = parse_source("jusou: plan/1\n2024: 年\n~: 空\na/b: 1\nc~d: 2\n")
    assert document.data == {"jusou": "plan/1", "2024": "年", "~": "空", "a/b": 1, "c~d": 2}
    assert document.source_map.locate("/a~1b") == Position(4, 6)
    assert document.source_map.locate("/c~0d", key=True) == Position(5, 1)


def test_merge_keys() -> None:
    """'<<' merges a mapping: explicit keys win, earlier sources win, and merged members point at their source."""
    text = (
        "jusou: plan/1\n"
        "基本: &base {所管課: 福祉課, 会場: 本庁}\n"
        "別: &other {会場: 支所, 時間: 夜}\n"
        "取組:\n"
        "  <<: [*base, *other]\n"
        "  会場: 公民館\n"
    )
    document = parse_source(text)
    assert document.findings == ()
    assert document.data["取組"] == {"所管課": "福祉課", "時間": "夜", "会場": "公民館"}  # type: ignore[index]
    assert document.source_map.locate("/取組/所管課") == Position(2, 17)
    assert document.source_map.locate("/取組/時間", key=True) == Position(3, 20)
    assert document.source_map.locate("/取組/会場") == Position(6, 7)


def test_alias_value_is_located_at_the_alias() -> None:
    """An alias's own pointer is located at the '*', its members at the anchored text."""
    document = parse_source("jusou: plan/1\na: &x {b: 1}\nc: *x\n")
    assert document.data == {"jusou": "plan/1", "a": {"b": 1}, "c": {"b": 1}}
    assert document.source_map.locate("/c") == Position(3, 4)
    assert document.source_map.locate("/c/b") == Position(2, 11)


def test_locate_falls_back_to_the_nearest_ancestor() -> None:
    """A missing member is located at its nearest known ancestor; with no map at all, at 1:1."""
    source_map = parse_source(DOC).source_map
    assert source_map.locate("/取組/0/実施方式") == source_map.locate("/取組/0") == Position(5, 5)
    assert source_map.locate("/取組/9/名称", key=True) == Position(4, 1)
    assert source_map.locate("/無い") == Position(2, 1)
    assert SourceMap().locate("/取組/0") == Position(1, 1)


# Files


def test_read_source_names_findings_after_the_path(tmp_path: Path) -> None:
    """read_source uses the path as the name unless one is given, and loads the file."""
    path = tmp_path / "plan.yaml"
    path.write_text("jusou: plan/1\n名称: a\n名称: b\n", encoding="utf-8")
    assert read_source(path).findings[0].file == str(path)
    assert read_source(path, name="plans/plan.yaml").findings[0].file == "plans/plan.yaml"


def test_missing_file_and_directory_raise_source_unreadable(tmp_path: Path) -> None:
    """A missing path and a directory raise SourceUnreadable naming the path in both languages."""
    for path in (tmp_path / "無い.yaml", tmp_path):
        with pytest.raises(SourceUnreadable) as caught:
            read_source(path)
        assert caught.value.path == str(path)
        assert str(path) in caught.value.message.ja and str(path) in caught.value.message.en


def test_unreadable_file_raises_source_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the user may not read raises SourceUnreadable naming it, with 権限 (PermissionError injected where the
    one door opens files: the suite runs as root, who may read anything)."""
    import jusou_spec.files as files

    path = tmp_path / "secret.yaml"
    path.write_text("jusou: plan/1\n", encoding="utf-8")
    real_open = os.open

    def refusing(name: object, flags: int, *args: object, **kwargs: object) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files.os, "open", refusing)
    with pytest.raises(SourceUnreadable) as caught:
        read_source(path)
    assert caught.value.path == str(path) and "権限" in caught.value.message.ja


def test_unreadable_file_raises_source_unreadable_for_a_user_without_permission() -> None:
    """The same with a real file mode: as root the reading runs as ``nobody`` (setpriv), otherwise as the user."""
    import shutil
    import subprocess
    import sys
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="jusou-unprivileged-"))
    try:
        folder.chmod(0o755)
        path = folder / "secret.yaml"
        path.write_text("jusou: plan/1\n", encoding="utf-8")
        path.chmod(0)
        script = (
            "import sys\nfrom jusou_spec.source import SourceUnreadable, read_source\n"
            "try:\n    read_source(sys.argv[1])\nexcept SourceUnreadable as e:\n    print(e.message.ja)\n"
        )
        drop = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
        assert not drop or shutil.which("setpriv"), "setpriv (util-linux) is needed to drop root's privileges"
        done = subprocess.run(
            [*drop, sys.executable, "-c", script, str(path)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert done.returncode == 0, done.stderr
        assert "権限" in done.stdout and str(path) in done.stdout
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (DOC.encode(), True),
        (b"\xef\xbb\xbf%YAML 1.1\n---\n  # c\n\njusou: report/1\n", True),
        ("jusou: plan/1\n".encode("utf-16"), True),
        ('# 計画\r\n"jusou": plan/1\r\n'.encode("cp932"), True),
        (b"name: x\njusou: plan/1\n", False),
        (b"jusou:plan/1\n", False),
        (b"# only a comment\n", False),
        (b"\x89PNG\r\n\x1a\n", False),
    ],
)
def test_carries_marker(tmp_path: Path, raw: bytes, expected: bool) -> None:
    """The folder-scan test looks only at the first significant line, whatever the encoding."""
    path = tmp_path / "doc.yaml"
    path.write_bytes(raw)
    assert carries_marker(path) is expected


def test_carries_marker_never_raises(tmp_path: Path) -> None:
    """A missing path or a directory is simply not a marked document."""
    assert carries_marker(tmp_path / "missing.yaml") is False
    assert carries_marker(tmp_path) is False


def test_checks_declare_every_code() -> None:
    """CHECKS lists SR001–SR013 once each, with dotted names, both titles, and SR010 as the only warning."""
    assert [check.code for check in CHECKS] == [f"SR{number:03d}" for number in range(1, 14)]
    assert len({check.name for check in CHECKS}) == 13
    assert all(check.name.startswith("source.") and check.title.ja and check.title.en for check in CHECKS)
    assert [check.code for check in CHECKS if check.severity is not Severity.ERROR] == ["SR010"]
    assert dict(KINDS) == {"plan": frozenset({1}), "report": frozenset({1})}
