"""The personal-information guard (PI001-PI003), both ways: what it must find, and the figures of real plans it
must leave alone (counts with separators, times, periods, clause numbers, 様々, さんさん介護予防倶楽部)."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import jusou_spec
from jusou_spec.rules._personal import addresses, individual_numbers, phones

from .cli_cases import ROOT
from .profiles import scaled

digits = st.integers(min_value=0, max_value=9).map(str)
dash = st.sampled_from(["-", "－", "ー", "‐"])


@st.composite
def landline(draw: st.DrawFn) -> str:
    """A 10-digit number: 0 + area code and local number of 5 digits in all, + 4 digits, in three groups."""
    area = draw(st.integers(min_value=1, max_value=4))
    head = "0" + "".join(draw(st.lists(digits, min_size=area, max_size=area)))
    local = "".join(draw(st.lists(digits, min_size=5 - area, max_size=5 - area)))
    tail = "".join(draw(st.lists(digits, min_size=4, max_size=4)))
    sep = draw(dash)
    return f"{head}{sep}{local}{sep}{tail}"


mobile = st.tuples(st.sampled_from(["070", "080", "090"]), st.lists(digits, min_size=8, max_size=8), dash).map(
    lambda t: f"{t[0]}{t[2]}{''.join(t[1][:4])}{t[2]}{''.join(t[1][4:])}"
)
contiguous = st.tuples(st.sampled_from(["070", "080", "090"]), st.lists(digits, min_size=8, max_size=8)).map(
    lambda t: t[0] + "".join(t[1])
)
surroundings = st.sampled_from(["", "電話 ", "連絡先：", "TEL ", "（", "相談者宅 "])


@scaled(5)
@given(surroundings, st.one_of(landline(), mobile, contiguous), st.sampled_from(["", " まで", "）", "。"]))
def test_every_telephone_number_is_found(before, number, after):
    """Property: a 10- or 11-digit number starting with 0, in any usual writing, is found wherever it stands."""
    assert phones(before + number + after)


def _check_digit(body: str) -> str:
    total = sum(int(p) * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(body), start=1))
    remainder = total % 11
    return "0" if remainder <= 1 else str(11 - remainder)


@scaled(5)
@given(st.lists(digits, min_size=11, max_size=11).map("".join), st.sampled_from(["", " ", "-"]))
def test_every_valid_individual_number_is_found(body, sep):
    """Property: 12 digits whose check digit holds are found, contiguous or in groups of four (except three
    year-like groups side by side, which the rule leaves alone on purpose: a flattened table's 2022 2023 2024)."""
    number = body + _check_digit(body)
    groups = [number[:4], number[4:8], number[8:]]
    assume(not (sep and all(re.fullmatch(r"(?:19|20|21)\d\d", group) for group in groups)))
    written = sep.join(groups)
    assert individual_numbers(f"番号 {written} を確認") == [written]


@scaled(5)
@given(st.lists(digits, min_size=11, max_size=11).map("".join))
def test_a_wrong_check_digit_is_not_an_individual_number(body):
    """Property: the same 12 digits with any other last digit are left alone."""
    wrong = str((int(_check_digit(body)) + 1) % 10)
    assert individual_numbers(body + wrong) == []


numbers_of_plans = st.one_of(
    st.integers(min_value=1000, max_value=9_999_999).map(lambda n: f"{n:,}"),
    st.integers(min_value=0, max_value=99999).map(str),
    st.tuples(st.integers(1, 12), st.integers(1, 31)).map(lambda t: f"{t[0]}月{t[1]}日"),
    st.tuples(st.integers(1, 11), st.integers(0, 59), st.integers(1, 11)).map(
        lambda t: f"午後{t[0]}時{t[1]}分～{t[2]}時"
    ),
    st.tuples(st.integers(1, 30), st.integers(1, 30)).map(lambda t: f"R{t[0]}～{t[1]}"),
    st.tuples(st.integers(1, 30), st.integers(1, 30)).map(lambda t: f"令和{t[0]}～{t[1]}年度"),
    st.integers(1, 6).map(lambda n: f"第{n}号イ"),
    st.integers(1, 20).map(lambda n: f"市内{n}箇所"),
    st.tuples(st.integers(1, 9), st.integers(1, 9)).map(lambda t: f"第{t[0]}層：{t[1]}圏域"),
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda f: f"{f:.1f}％"),
    st.tuples(st.integers(2019, 2035), st.integers(1, 12), st.integers(1, 28)).map(
        lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"
    ),
    st.sampled_from(["様々", "さんさん介護予防倶楽部", "社会福祉法第106条の6", "8050問題", "延べ 1,113 件"]),
)


@scaled(5)
@given(st.lists(numbers_of_plans, min_size=1, max_size=6).map("、".join))
def test_figures_of_plans_are_not_personal_information(text):
    """Property: counts, dates, times, periods, clause numbers and place counts never trip any of the three."""
    assert phones(text) == [] and individual_numbers(text) == [] and addresses(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "見本市本町3丁目5番12号",
        "精道町7番6号",
        "大字見本123番地の4",
        "見本市釈迦堂1-10-1",
        "東京都千代田区霞が関1-2-2",
        "霞が関一丁目二番二号",
    ],
)
def test_addresses_to_the_house_number_are_found(text):
    """Each usual way of writing a house-level address is found."""
    assert addresses(f"訪問先は{text}です")


@pytest.mark.parametrize("path", ["plans/ashiya.yaml", "plans/uozu.yaml", "plans/imizu.yaml", "reports/imizu-r6.yaml"])
def test_the_bundled_documents_have_no_personal_information_finding(path):
    """The published plans and the report (様々, さんさん介護予防倶楽部, 1,113 件 …) trip none of PI001-PI003."""
    if not (ROOT / path).exists():
        pytest.skip(f"{path} is not in this checkout")
    findings = jusou_spec.check(ROOT / path)
    assert not [f for f in findings if f.code.startswith("PI")]
