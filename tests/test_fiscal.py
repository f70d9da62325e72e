"""Fiscal years and periods in the spellings documents use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jusou_spec.fiscal import FiscalRange, FiscalYear, FiscalYearError, parse_range, parse_year


@pytest.mark.parametrize(
    ("text", "western"),
    [
        ("R6", 2024),
        ("Ｒ６", 2024),
        ("令和6年度", 2024),
        ("令和６年度", 2024),
        ("令和元年度", 2019),
        ("平成31年度", 2019),
        ("H28", 2016),
        ("2024年度", 2024),
        ("FY2024", 2024),
        (2024, 2024),
        ("R6年度", 2024),
    ],
)
def test_single_years(text, western):
    """Each spelling of a fiscal year is the fiscal year starting in April of ``western``."""
    assert parse_year(text) == FiscalYear(western)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("R4～R8", "R4～R8"),
        ("R4～5", "R4～R5"),
        ("【R6～8】", "R6～R8"),
        ("令和4年度～令和8年度", "R4～R8"),
        ("令和7～11年度", "R7～R11"),
        ("平成28～令和7年度", "H28～R7"),
        ("令和6年～令和8年", "R6～R8"),
        ("令和3年度～7年度", "R3～R7"),
        ("2022～2026年度", "R4～R8"),
        ("昭和39年～", "S39～"),
        ("R6", "R6"),
        ("R4-R8", "R4～R8"),
        ("令和6～8年度", "R6～R8"),
    ],
)
def test_periods(text, shown):
    """Each spelling of a period reads as the range of fiscal years it names."""
    assert str(parse_range(text)) == shown


@pytest.mark.parametrize("text", ["R8～R4", "令和100年度", "abc", "R", "～R6", "R4～R5～R6", "令和"])
def test_unreadable_periods_are_errors_in_both_languages(text):
    """A reversed or unreadable period raises with a Japanese and an English reason."""
    with pytest.raises(FiscalYearError) as raised:
        parse_range(text)
    assert raised.value.reason_ja and raised.value.reason_en


def test_a_single_year_slot_refuses_a_period():
    """Where one year is expected, a period is an error, not its first year."""
    with pytest.raises(FiscalYearError):
        parse_year("R6～R8")


def test_ranges_know_their_years():
    """A closed range lists its years; an open one contains every later year."""
    assert [str(y) for y in parse_range("R6～R8").years()] == ["R6", "R7", "R8"]
    assert FiscalYear(2100) in parse_range("昭和39年～")
    assert parse_range("R7～R8").within(parse_range("R6～R8"))
    assert not parse_range("R5～R8").within(parse_range("R6～R8"))
    assert parse_range("R4～R5").overlaps(parse_range("R5～R8"))
    assert not parse_range("R4～R5").overlaps(parse_range("R6～R8"))


@given(st.integers(min_value=1927, max_value=2199))
def test_labels_read_back(western):
    """Property: the short and long labels of any year parse back to it."""
    year = FiscalYear(western)
    assert parse_year(year.label) == year
    assert parse_year(year.japanese) == year


@given(st.integers(min_value=2019, max_value=2100), st.integers(min_value=0, max_value=20))
def test_range_labels_read_back(start, length):
    """Property: a range's label parses back to the range."""
    span = FiscalRange(FiscalYear(start), FiscalYear(start + length))
    assert parse_range(str(span)) == span


@pytest.mark.parametrize(
    ("text", "era", "last"), [("昭和99年度", "昭和", 64), ("平成99年度", "平成", 31), ("H32", "平成", 31)]
)
def test_years_past_an_eras_end_are_refused(text, era, last):
    """An era year the era never reached is refused with the era's last year, not read as a later era's year."""
    with pytest.raises(FiscalYearError) as raised:
        parse_range(text)
    assert f"{era}は{last}年" in raised.value.reason_ja


@pytest.mark.parametrize(("text", "western"), [("昭和64年", 1989), ("S64", 1989), ("平成31年度", 2019), ("H31", 2019)])
def test_the_last_year_of_an_era_still_reads(text, western):
    """昭和64年 and 平成31年度 were written and read as the year they were."""
    assert parse_year(text) == FiscalYear(western)
