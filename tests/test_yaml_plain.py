"""A plain document, read from libyaml's events in one pass, gives exactly what the Composer and the walk give: the
same data (types included), source map, strings and issues; anything else is left to them."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from jusou_spec._source_text import LineIndex
from jusou_spec._yaml_compose import depth_limit
from jusou_spec._yaml_walk import Loaded, _load_composed, _read_plain, load

from .documents import DOCUMENTS
from .report_strategies import reports
from .strategies import plans


def _both(text: str) -> tuple[Loaded | None, Loaded]:
    index = LineIndex(text)
    return _read_plain(text, index, depth_limit()), _load_composed(text, index, depth_limit())


def _same(plain: Loaded, composed: Loaded) -> None:
    assert repr(plain.data) == repr(composed.data)  # repr tells True from 1 and Decimal from int
    assert list(plain.values.items()) == list(composed.values.items())
    assert list(plain.keys.items()) == list(composed.keys.items())
    assert plain.strings == composed.strings
    assert plain.issues == composed.issues == []


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_every_bundled_document_is_plain_and_read_as_the_composer_reads_it(path):
    text = path.read_text(encoding="utf-8-sig")
    plain, composed = _both(text)
    assert plain is not None, "a bundled document should take the one-pass reader"
    _same(plain, composed)


NOT_PLAIN = {
    "an anchor and an alias": "jusou: plan/1\na: &x {b: 1}\nc: *x\n",
    "a tag": "jusou: plan/1\na: !!str 1\n",
    "a merge key": "jusou: plan/1\na: {b: 1}\nc:\n  <<: {b: 2}\n",
    "a duplicate key": "jusou: plan/1\na: 1\na: 2\n",
    "a complex key": "jusou: plan/1\n? [a, b]\n: c\n",
    "a tab": "jusou: plan/1\na:\t1\n",
    "two documents": "jusou: plan/1\n---\nb: 2\n",
    "a syntax error": "jusou: plan/1\na: [1, 2\n",
    "a list at the top": "- 1\n- 2\n",
    "a value at the top": "just text\n",
    "an empty file": "# nothing\n",
    "nesting past the limit": "jusou: plan/1\na: " + "[" * 70 + "]" * 70 + "\n",
    "a value that does not fit its form": "jusou: plan/1\na: !!int x\n",
}


@pytest.mark.parametrize("text", NOT_PLAIN.values(), ids=NOT_PLAIN.keys())
def test_a_document_that_is_not_plain_is_left_to_the_composer(text):
    plain, _ = _both(text)
    assert plain is None
    assert load(text, LineIndex(text)) == _load_composed(text, LineIndex(text), depth_limit())


def test_nesting_up_to_the_limit_is_plain_and_one_more_level_is_not():
    limit = depth_limit()
    deepest = "jusou: plan/1\na: " + "[" * (limit - 1) + "x" + "]" * (limit - 1) + "\n"
    plain, composed = _both(deepest)
    assert plain is not None
    _same(plain, composed)
    too_deep = "jusou: plan/1\na: " + "[" * limit + "x" + "]" * limit + "\n"
    assert _both(too_deep)[0] is None
    assert [issue.code for issue in _both(too_deep)[1].issues] == ["SR008"]


SCALARS = st.one_of(
    st.sampled_from(
        [
            "",
            "~",
            "null",
            "true",
            "False",
            "yes",
            "on",
            "<<",
            "0x1F",
            "0o17",
            "017",
            "0b101",
            "1_000",
            "1e3",
            "1.5e+3",
            ".5",
            "1.",
            "-0",
            "+12",
            ".inf",
            "10:30",
            "2024-04-01",
            "'q'",
            "a: b",
            "- x",
            "#c",
            "第1号イ",
            "　全角",
            "R6～R8",
            "1,113",
            "12345678901234567890",
            "1" * 400,
        ]
    ),
    st.integers(),
    st.booleans(),
    st.none(),
    st.text(max_size=8),
)
KEYS = st.one_of(
    st.sampled_from(["~", "null", "1", "true", "名称", "a/b", "c~d", "<<x", " x", ""]), st.text(max_size=6)
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=25,
)


EVERY_KIND = [
    "", "~", "null", "true", "False", "yes", "on", "<<", "0x1F", "0o17", "017", "0b101", "1_000", "1e3", "1.5e+3",
    ".5", "1.", "-0", "+12", ".inf", "10:30", "2024-04-01", "第1号イ", "R6～R8", "1,113", "12345678901234567890",
    "1" * 400, "1" + "0" * 400 + ".5", 7, -3, 10**30, True, False, None, 1.5,
]  # fmt: skip


@pytest.mark.parametrize("flow", [False, True])
@pytest.mark.parametrize("style", [None, '"', "'", "|"])
def test_every_kind_of_scalar_reads_alike_in_every_style(flow, style):
    """Quoted and block styles hold text only (PyYAML tags anything else it must quote, which is not plain)."""
    kinds = EVERY_KIND if style is None else [value for value in EVERY_KIND if isinstance(value, str)]
    document = {"jusou": "plan/1", "値": {f"k{at}": value for at, value in enumerate(kinds)}, "列": kinds}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=flow, default_style=style)
    plain, composed = _both(text)
    assert plain is not None
    _same(plain, composed)


@given(
    st.dictionaries(KEYS, TREES, max_size=5),
    st.sampled_from([None, False, True]),
    st.sampled_from([None, '"', "'", "|"]),
)
def test_generated_documents_read_alike_in_every_style(document, flow, style):
    """Values of every kind, written plain, quoted, as literal blocks, in block or flow style."""
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=flow, default_style=style)
    plain, composed = _both(text)
    if plain is not None:
        _same(plain, composed)


@given(plans())
def test_generated_plans_read_alike(document):
    plain, composed = _both(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    assert plain is not None
    _same(plain, composed)


@given(reports())
def test_generated_reports_read_alike(document):
    plain, composed = _both(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    assert plain is not None
    _same(plain, composed)


_TEXTS = [path.read_text(encoding="utf-8-sig") for path in DOCUMENTS[:8]]
_EDITS = st.lists(
    st.tuples(
        st.floats(0, 1, exclude_max=True),
        st.sampled_from(["insert", "delete", "replace"]),
        st.sampled_from([*":-[]{},?#'\"|>&*!% \n\\", "  ", "- ", ": ", "\n  ", "～", "０", "1e3"]),
    ),
    min_size=1,
    max_size=4,
)


@given(st.sampled_from(_TEXTS), _EDITS)
def test_mutated_documents_read_alike_or_go_the_long_way(text, edits):
    """A bundled document with a few characters changed: where it is still plain, both readers agree."""
    for where, edit, piece in edits:
        at = int(where * len(text))
        if edit == "insert":
            text = text[:at] + piece + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + len(piece) :]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    plain, composed = _both(text)
    if plain is not None:
        _same(plain, composed)
    else:
        assert load(text, LineIndex(text)) == composed
