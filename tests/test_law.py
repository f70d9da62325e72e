"""The clause registry and the normalisation of clause spellings."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jusou_spec.law import (
    CLAUSES,
    ClauseError,
    Field,
    Necessity,
    Pillar,
    clause,
    items_of,
    parse_clauses,
    parse_whole_items,
    spellings,
)


def test_registry_holds_every_item_of_article_106_4_paragraph_2():
    """The registry has exactly the 13 items the law and the ministry's budget list name."""
    assert [c.label for c in CLAUSES] == [
        "第1号イ",
        "第1号ロ",
        "第1号ハ",
        "第1号ニ",
        "第2号",
        "第3号イ",
        "第3号ロ",
        "第3号ハ",
        "第3号ニ",
        "第3号",
        "第4号",
        "第5号",
        "第6号",
    ]


@pytest.mark.parametrize(
    ("label", "pillar", "field"),
    [
        ("第1号イ", Pillar.CONSULTATION, Field.ELDERLY),
        ("第1号ロ", Pillar.CONSULTATION, Field.DISABILITY),
        ("第1号ハ", Pillar.CONSULTATION, Field.CHILDREN),
        ("第1号ニ", Pillar.CONSULTATION, Field.POVERTY),
        ("第2号", Pillar.PARTICIPATION, None),
        ("第3号イ", Pillar.COMMUNITY, Field.ELDERLY),
        ("第3号ロ", Pillar.COMMUNITY, Field.ELDERLY),
        ("第3号ハ", Pillar.COMMUNITY, Field.DISABILITY),
        ("第3号ニ", Pillar.COMMUNITY, Field.CHILDREN),
        ("第3号", Pillar.COMMUNITY, Field.POVERTY),
        ("第4号", Pillar.OUTREACH, None),
        ("第5号", Pillar.COLLABORATION, None),
        ("第6号", Pillar.COLLABORATION, None),
    ],
)
def test_each_clause_has_its_pillar_and_field(label, pillar, field):
    """Pillar and field follow the law's table (DOMAIN.md)."""
    item = clause(label)
    assert (item.pillar, item.field) == (pillar, field)


def test_only_the_unlettered_third_item_is_merely_expected():
    """第3号 without a letter is expected, every other item required for 本格実施."""
    assert [c.label for c in CLAUSES if c.necessity is Necessity.EXPECTED] == ["第3号"]


def test_references_cite_the_other_laws_with_a_date():
    """Items that implement another law's program cite that law's article with a valid-from date."""
    assert str(clause("第1号イ").basis) == "介護保険法第115条の45第2項第1号から第3号まで"
    assert str(clause("第3号ニ").basis) == "子ども・子育て支援法第59条第9号"
    assert all(c.basis.valid_from.isoformat() == "2024-04-24" for c in CLAUSES if c.basis)
    assert clause("第5号").basis is None
    assert clause("第1号ニ").citation == "社会福祉法第106条の4第2項第1号ニ"


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("第１号　イ", ["第1号イ"]),
        ("第1号 二", ["第1号ニ"]),
        ("第1号ｲ", ["第1号イ"]),
        ("【第１号イ】", ["第1号イ"]),
        ("【第５号、第６号】", ["第5号", "第6号"]),
        ("第5号・第6号", ["第5号", "第6号"]),
        ("第5号及び第6号", ["第5号", "第6号"]),
        ("第3号イ・ロ", ["第3号イ", "第3号ロ"]),
        ("(第3号 ハ)", ["第3号ハ"]),
        ("第二号", ["第2号"]),
        ("社会福祉法第106条の4第2項第4号", ["第4号"]),
        ("第5号、第5号", ["第5号"]),
    ],
)
def test_spellings_real_documents_use_are_read(text, labels):
    """Every spelling the documents use maps to the clause it means."""
    assert [c.label for c in parse_clauses(text)] == labels


@pytest.mark.parametrize(
    ("text", "named"),
    [("第7号", "第7号"), ("第1号ホ", "第1号ホ"), ("第2号ハ", "第2号ハ"), ("第1号", "第1号"), ("五号ホ", "第5号ホ")],
)
def test_an_unknown_clause_is_an_error_naming_it(text, named):
    """第7号, 第1号ホ and a letterless 第1号 are errors whose message names the text."""
    with pytest.raises(ClauseError) as raised:
        parse_clauses(text)
    assert named in raised.value.reason_ja
    assert raised.value.reason_en


@given(st.sampled_from(CLAUSES).flatmap(lambda c: st.tuples(st.just(c), st.sampled_from(list(spellings(c))))))
def test_every_registry_spelling_maps_back_to_its_clause(pair):
    """Property: each spelling variant the registry lists parses to exactly its clause."""
    item, spelling = pair
    assert parse_clauses(spelling) == (item,)


@given(st.text(alphabet=st.characters(blacklist_characters="号")))
def test_nothing_without_go_is_a_clause(text):
    """Property: a text without 号 never names a clause."""
    with pytest.raises(ClauseError):
        parse_clauses(text)


@given(
    number=st.integers(min_value=0, max_value=99),
    letter=st.sampled_from(["", "イ", "ロ", "ハ", "ニ", "ホ", "ヘ", "ト"]),
)
def test_only_registry_items_parse(number, letter):
    """Property: 第N号L parses exactly when (N, L) is an item of the registry."""
    text = f"第{number}号{letter}"
    known = {(c.number, c.letter) for c in CLAUSES}
    if (number, letter) in known:
        assert parse_clauses(text)[0].label == text
    else:
        with pytest.raises(ClauseError):
            parse_clauses(text)


@given(st.sampled_from(CLAUSES), st.sampled_from(["【", "〔", "（", "", " "]))
def test_normalisation_is_idempotent(item, bracket):
    """Property: the canonical label of a parsed spelling parses to the same clause."""
    parsed = parse_clauses(f"{bracket}{unicodedata.normalize('NFKC', item.label)}")
    assert parse_clauses(parsed[0].label) == parsed


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("第1号", (1,)),
        ("第３号", (3,)),
        ("【第1号】", (1,)),
        ("第1号全体", (1,)),
        ("第1号・第3号", (1, 3)),
        ("第三号", (3,)),
    ],
)
def test_whole_items_are_read_in_the_documents_spellings(text, numbers):
    """号全体 reads 第1号 and 第3号 however they are spelled, without repeats."""
    assert parse_whole_items(text) == numbers


@pytest.mark.parametrize(
    ("text", "ja", "en"),
    [
        ("第2号", "第2号にはイ・ロ・ハ・ニの区分がありません", "第2号 has no lettered items"),
        ("第1号イ", "「第1号イ」は号全体として読めません", "'第1号イ' is not a whole item"),
        ("第7号", "第7号は社会福祉法第106条の4第2項にありません", "第7号 does not exist"),
    ],
)
def test_a_whole_item_without_letters_or_with_one_is_refused_with_the_fix(text, ja, en):
    """Only 第1号 and 第3号 have lettered items; anything else says what to write instead, in both languages."""
    with pytest.raises(ClauseError) as raised:
        parse_whole_items(text)
    assert ja in raised.value.reason_ja and en in raised.value.reason_en


def test_the_items_of_a_whole_item_follow_the_law():
    """items_of(1) is イ–ニ; items_of(3) adds the letterless 生活困窮 item after the letters."""
    assert [c.label for c in items_of(1)] == ["第1号イ", "第1号ロ", "第1号ハ", "第1号ニ"]
    assert items_of(3)[-1] == clause("第3号")
