"""What the checker takes from the loader and the builder, rather than walking a document again, is exactly what a
walk finds: the strings the personal-information rules read, and the not-stated values NS001 reports."""

from __future__ import annotations

import copy
import re
import unicodedata

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from jusou_spec.model import Plan, Report, not_stated
from jusou_spec.rules._personal import _normal, remember_strings, texts
from jusou_spec.source import SourceDocument, parse_source

from .documents import DOCUMENTS
from .report_strategies import reports
from .strategies import plans

TRICKY = """\
jusou: plan/1
自治体: &city {名称: 見本市釈迦堂1-10-1, 都道府県: 見本県}
計画名: !!str 見本 090-1234-5678
共通: &common
  注記: 電話 ０７６５（２３）１０００
  件数: 12
事業:
  - <<: *common
    id: a
    名称: 見本1番地
    名称: 重複 1丁目
  - {id: b, 名称: *city, 番号: !!binary aGVsbG8=}
  - [? [1, 2] : 3番]
"""


def _walked(data: object) -> list[tuple[str, str, bool]]:
    return sorted(texts(copy.deepcopy(data)))  # a copy is a document nobody has handed over: it is walked


def _from_loader(source: SourceDocument) -> list[tuple[str, str, bool]]:
    remember_strings(source.data, source.strings)
    return sorted(texts(source.data))


def _same_texts(source: SourceDocument) -> None:
    assert source.strings, "the loader handed over no strings"
    assert _from_loader(source) == _walked(source.data)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_the_loaders_strings_are_the_texts_a_walk_finds_in_every_bundled_document(path):
    _same_texts(parse_source(path.read_bytes(), name=path.name))


def test_the_loaders_strings_follow_aliases_merges_tags_and_duplicate_keys_as_the_data_does():
    source = parse_source(TRICKY, name="tricky.yaml")
    assert source.data is not None
    _same_texts(source)
    pointers = [pointer for pointer, _, _ in _from_loader(source)]
    assert "/事業/0/注記" in pointers and "/事業/1/名称/名称" in pointers and "/計画名" in pointers


@given(plans())
def test_the_loaders_strings_are_the_texts_a_walk_finds_in_generated_plans(document):
    _same_texts(parse_source(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), name="plan.yaml"))


@given(reports())
def test_the_loaders_strings_are_the_texts_a_walk_finds_in_generated_reports(document):
    _same_texts(parse_source(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), name="report.yaml"))


def _same_not_stated(model: Plan | Report) -> None:
    recorded = not_stated(model)
    walked = not_stated(attrs.evolve(model))  # an evolved copy carries no record: it is walked
    assert len(recorded) == len(walked)
    assert all(a is b for a, b in zip(recorded, walked, strict=True))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_the_builders_record_of_not_stated_values_is_what_a_walk_finds_in_every_bundled_document(path):
    source = parse_source(path.read_bytes(), name=path.name)
    model, _ = (Plan if source.kind == "plan" else Report).from_document(source.data)  # type: ignore[arg-type]
    _same_not_stated(model)


@given(plans())
def test_the_builders_record_of_not_stated_values_is_what_a_walk_finds_in_generated_plans(document):
    _same_not_stated(Plan.from_document(document)[0])


@given(reports())
def test_the_builders_record_of_not_stated_values_is_what_a_walk_finds_in_generated_reports(document):
    _same_not_stated(Report.from_document(document)[0])


def test_some_bundled_document_has_not_stated_values_and_personal_looking_texts():
    """The comparisons above compare something."""
    sources = [parse_source(path.read_bytes(), name=path.name) for path in DOCUMENTS]
    assert sum(len(_from_loader(source)) for source in sources) > 1000
    models = [(Plan if s.kind == "plan" else Report).from_document(s.data)[0] for s in sources]  # type: ignore[arg-type]
    assert sum(len(not_stated(model)) for model in models) > 50


_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−ー－﹣"})


def _reference_normal(text: str) -> str:
    """The normal form as defined: NFKC, then every dash between digits as "-"."""
    folded = unicodedata.normalize("NFKC", text)
    return re.sub(r"(?<=\d)\s*([‐‑‒–—―−ー－﹣-])\s*(?=\d)", lambda m: m.group(1).translate(_DASHES), folded)


_ALPHABET = st.sampled_from(
    [chr(code) for code in range(0xFF00, 0xFF70)]  # full width, and half-width kana with their voicing marks
    + list("\u3000\u0301\u0308\u3099\u309a\u2460\u2474\u00b2\u212b\u2126\ufb01\u1100\u1161\u11a8\uac00")
    + list("A1-ーか市番丁目 \n")
)


@given(st.text(_ALPHABET, max_size=12))
def test_the_normal_form_is_nfkc_with_dashes_between_digits(text):
    assert _normal(text) == _reference_normal(text)
