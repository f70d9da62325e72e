"""Messages that show the fix: the expected form with an example, suggestions of the same kind, full-width marks."""

from __future__ import annotations

import argparse
import copy
import re
from pathlib import Path

import pytest
import yaml

from jusou_spec import schema
from jusou_spec.checker import check_source
from jusou_spec.cli import main
from jusou_spec.commands import COMMANDS
from jusou_spec.jsonpointer import join
from jusou_spec.resources import load_schema
from jusou_spec.rules import RULES
from jusou_spec.source import parse_source

ROOT = Path(__file__).resolve().parent.parent
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

HEAD = """\
jusou: plan/1
自治体: {名称: 見本市, 都道府県: 見本県}
計画名: 見本市重層的支援体制整備事業実施計画
計画期間: R6～R8
実施形態: 本格実施
"""
PROGRAM = """\
事業:
  - id: 相談
    名称: 総合相談
    号: 第1号イ
    分野: 高齢
    所管課: [福祉政策課]
"""


def findings(text: str) -> list[tuple[str, int, int, str, str]]:
    checked = check_source(parse_source(text, name="見本.yaml"))
    return [(f.code, f.line, f.column, f.message.ja, f.message.en) for f in checked.findings]


def one(text: str, code: str) -> tuple[str, int, int, str, str]:
    found = [finding for finding in findings(text) if finding[0] == code]
    assert len(found) == 1, findings(text)
    return found[0]


def test_a_wrong_type_shows_the_expected_form_with_an_example_from_the_keys_schema():
    """所管課 as a string: SV003 says a list is expected and shows 所管課: [福祉政策課], in both languages."""
    _, line, column, ja, en = one(HEAD + PROGRAM.replace("[福祉政策課]", "福祉政策課"), "SV003")
    assert (line, column) == (11, 5)
    assert "例: 所管課: [福祉政策課]" in ja
    assert "for example 所管課: [福祉政策課]" in en


@pytest.mark.parametrize(
    ("value", "suggested", "not_suggested"),
    [("[包括]", "連携事業", "関連事業"), ("true", "関連事業", "連携事業")],
)
def test_did_you_mean_names_only_keys_that_take_a_value_of_that_kind(value, suggested, not_suggested):
    """下位事業 with a list suggests a key that takes a list, never the true/false 関連事業; with true, 関連事業."""
    _, _, _, ja, _ = one(HEAD + PROGRAM + f"    下位事業: {value}\n", "SV002")
    assert f"「{suggested}」のことですか" in ja
    assert not_suggested not in ja


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (HEAD + "抑制：\n  - {規則: DL001, 位置: /, 理由: x}\n", "「抑制：」の「：」は全角のコロン"),
        (HEAD + PROGRAM.replace("名称: 総合相談", "名称：総合相談"), "「名称：」の「：」は全角のコロン"),
        (HEAD + PROGRAM.replace("    分野: 高齢", "   　分野: 高齢"), "字下げに全角スペース（「　」）"),
    ],
)
def test_a_full_width_colon_or_indent_is_named_in_the_syntax_error(text, named):
    """Japanese input mode types ： and 　; SR001 names them and the line, instead of only the parser's complaint."""
    _, _, _, ja, en = one(text, "SR001")
    assert named in ja
    assert "full-width" in en


def test_a_key_after_a_full_width_indent_is_named_as_such():
    """A line indented only with 　 parses as a new key 「　名称」; SV002 says the indent is the cause."""
    text = HEAD.replace("自治体: {名称: 見本市, 都道府県: 見本県}", "自治体:\n　名称: 見本市") + PROGRAM
    ja = next(f[3] for f in findings(text) if f[0] == "SV002")
    assert "字下げに全角スペース" in ja


def test_a_pattern_message_is_the_schemas_words_not_its_regex():
    """An unreadable year shows the schema's patternErrorMessage (R6、令和6年度、2024年度 のように書きます)."""
    text = HEAD + PROGRAM + "    成果目標:\n      - {id: 件数, 名称: 件数, 単位: 件, 基準値: {年度: 来年, 値: 3}}\n"
    _, _, _, ja, _ = one(text, "SV004")
    assert "「来年」は年度として読めません。R6、令和6年度、2024年度 のように書きます" in ja


USAGE_CASES = [
    (["schema", "--kind", "repor"], "--kind に「repor」は指定できません。指定できるもの: 「plan」「report」"),
    (["check"], "次の引数が必要です: PATH"),
    (["check", "--format", "xml", "x.yaml"], "--format に「xml」は指定できません"),
    (["bogus"], "サブコマンド に「bogus」は指定できません"),
    (["check", "--select"], "--select の後に値を一つ書いてください"),
    (["indicators", "--as-of"], "--as-of の後に値を一つ書いてください"),
    (["rules", "--nope"], "使えない引数があります: --nope"),
    (["graph", "x.yaml", "--view", "nope"], "--view に「nope」は指定できません"),
    (["render", "x.yaml"], "次の引数が必要です: -o/--output"),
    (
        ["render", "x.yaml", "-o", "out", "--format", "docx"],
        "--format に「docx」は指定できません。指定できるもの: 「html」",
    ),
    (["template"], "次の引数が必要です: -o/--output"),
    (["template", "-o", "x.xlsx", "--kind", "memo"], "--kind に「memo」は指定できません"),
    (["export", "x.yaml"], "次の引数が必要です: -o/--output"),
    (
        ["export", "x.yaml", "-o", "out", "--format", "ods"],
        "--format に「ods」は指定できません。指定できるもの: 「csv」",
    ),
    (["import", "-o", "x.yaml"], "次の引数が必要です: WORKBOOK"),
    (["import", "w.xlsx", "-o", "x.yaml", "--bogus"], "使えない引数があります: --bogus"),
    (["check", "--jobs", "0", "plans"], "argument --jobs/-j: '0': 1 以上の整数で指定してください"),
    (["export", "plans", "-o", "x.duckdb", "-j", "x"], "argument --jobs/-j: 'x': 1 以上の整数で指定してください"),
    (["compare"], "次の引数が必要です: PATH"),
    (["compare", "plans", "--bogus"], "使えない引数があります: --bogus"),
    (["diff", "a.yaml", "b.yaml", "--bogus"], "使えない引数があります: --bogus"),
    (["show"], "次の引数が必要です: FILE"),
    (["init", "--bogus"], "使えない引数があります: --bogus"),
    (["new", "--period", "R7～R9"], "次の引数が必要です: --name"),
]


@pytest.mark.parametrize(("argv", "said"), USAGE_CASES)
def test_every_subcommands_usage_errors_are_japanese_by_default(argv, said, capsys, monkeypatch):
    """argparse's English is told in Japanese, with 使い方: for the usage line; exit 2 as the contract says."""
    monkeypatch.delenv("JUSOU_LANG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.startswith("使い方: jusou")
    assert f"jusou: コマンドの指定が正しくありません: {said}" in err


def test_the_usage_cases_cover_every_subcommand():
    """A new subcommand cannot be added without a case above showing its usage errors in Japanese."""
    covered = {argv[0] for argv, _ in USAGE_CASES}
    assert {command.NAME for command in COMMANDS} <= covered


_ARGPARSE_ENGLISH = ("usage:", "positional arguments", "options:", "show this help message", "show program's version")


def _help(argv, capsys, monkeypatch):
    monkeypatch.delenv("JUSOU_LANG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # the help wraps its lines to the terminal's width


@pytest.mark.parametrize("argv", [[], *([command.NAME] for command in COMMANDS)], ids=lambda argv: " ".join(argv))
def test_help_gives_argparses_own_words_in_japanese_by_default(argv, capsys, monkeypatch):
    """The usage line, the section titles and -h are Japanese; --lang and --debug explain themselves in Japanese."""
    out = _help(argv, capsys, monkeypatch)
    assert out.startswith("使い方: jusou") and "オプション:" in out and "-h, --help この説明を表示して終わります" in out
    assert "メッセージの言語" in out
    assert not [english for english in _ARGPARSE_ENGLISH if english in out]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command.NAME)
def test_every_option_of_every_subcommand_is_explained_in_japanese(command):
    parser = argparse.ArgumentParser(add_help=False)
    command.add_arguments(parser)
    english = [
        action.dest
        for action in parser._actions
        if action.help != argparse.SUPPRESS and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", action.help or "")
    ]
    assert not english, f"explained without Japanese: {english}"


def test_the_list_of_subcommands_is_in_japanese_by_default_and_in_english_with_lang_en(capsys, monkeypatch):
    japanese = "".join(_help([], capsys, monkeypatch).split())  # a wrapped Japanese line has no space to keep
    assert all("".join(f"{command.NAME}{command.HELP.ja}".split()) in japanese for command in COMMANDS)
    english = _help(["--lang", "en"], capsys, monkeypatch)
    assert english.startswith("usage: jusou") and "options:" in english
    assert all(f"{command.NAME} {command.HELP.en}" in english for command in COMMANDS)


def test_usage_errors_follow_lang_en_even_before_it_is_parsed(capsys, monkeypatch):
    """--lang en written before the failing argument gives argparse's English words."""
    monkeypatch.delenv("JUSOU_LANG", raising=False)
    with pytest.raises(SystemExit):
        main(["check", "--lang", "en", "--select"])
    err = capsys.readouterr().err
    assert err.startswith("usage: jusou") and "usage error: argument --select: expected one argument" in err


def test_schema_takes_its_kind_as_an_argument(capsys):
    """``jusou schema report`` prints the report schema (``--kind report`` still works); two kinds are refused."""
    assert main(["schema", "report"]) == 0
    assert '"$id": "urn:jusou-spec:schema:report:1"' in capsys.readouterr().out
    assert main(["schema", "--kind", "report"]) == 0
    assert '"$id": "urn:jusou-spec:schema:report:1"' in capsys.readouterr().out
    assert main(["schema", "plan", "--kind", "report"]) == 2
    assert "スキーマの種類が二つ指定されています" in capsys.readouterr().err


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_is_explained_in_japanese(rule):
    """Each rule module's DOC_JA says why in Japanese; a rule another change adds without one fails here."""
    assert JAPANESE.search(rule.doc_ja.partition("\n")[0]), f"{rule.module} has no DOC_JA"
    assert len(rule.doc_ja) >= 60


def test_jusou_rules_explains_in_japanese_by_default_and_in_english_with_lang_en(capsys, monkeypatch):
    """``jusou rules MT001`` shows DOC_JA and the examples under Japanese labels; ``--lang en`` the docstring."""
    monkeypatch.delenv("JUSOU_LANG", raising=False)
    rule = next(rule for rule in RULES if rule.code == "MT001")
    assert main(["rules", "MT001"]) == 0
    out = capsys.readouterr().out
    assert rule.doc_ja.partition("\n")[0] in out and "通らない例:" in out and "通る例:" in out
    assert rule.doc.partition("\n")[0] not in out
    assert main(["rules", "--lang", "en", "MT001"]) == 0
    assert rule.doc.partition("\n")[0] in capsys.readouterr().out


def test_the_rule_catalogue_leads_with_the_japanese_explanation():
    """docs/rules.md gives each rule's Japanese explanation first and keeps the English one below it."""
    catalogue = (ROOT / "docs/rules.md").read_text(encoding="utf-8")
    for rule in RULES:
        japanese = catalogue.index(rule.doc_ja.partition("\n")[0])
        english = catalogue.index(rule.doc.partition("\n")[0], japanese)
        assert japanese < english


def test_a_wrong_item_of_a_list_names_the_list_and_shows_its_example():
    """An item of 所管課 written as a mapping: 「所管課」の項目には文字列, with the list key's own example."""
    _, _, _, ja, en = one(HEAD + PROGRAM.replace("[福祉政策課]", "[{課: 福祉政策課}]"), "SV003")
    assert ja.startswith("「所管課」の項目には文字列 を書きます")
    assert ja.endswith("例: 所管課: [福祉政策課]")
    assert en.startswith("an item of '所管課': ")


WRONG_VALUES = (True, 12345, ["x"], {"x": 1}, "x")


def _wrong_types(document: dict, place: list) -> list[tuple[str, str]]:
    """For each key of the mapping at ``place``, the SV003 message when its value is of a kind it does not take."""
    kind = "plan" if document["jusou"].startswith("plan") else "report"
    messages = []
    for key in list(load_schema_keys(kind, place)):
        for wrong in WRONG_VALUES:
            changed = copy.deepcopy(document)
            holder = changed
            for step in place:
                holder = holder[step]
            holder[key] = wrong
            pointer = join("", *place, key)
            found = [f for f in schema.validate(kind, changed) if f.pointer == pointer and f.code == "SV003"]
            if found:
                messages.append((pointer, found[0].message.ja))
                break
    return messages


def load_schema_keys(kind: str, place: list) -> list[str]:
    node = load_schema(kind)
    defs = node["$defs"]
    for step in place:
        while "$ref" in node:
            node = defs[node["$ref"].rsplit("/", 1)[-1]]
        node = node["items"] if isinstance(step, int) else node["properties"][step]
    while "$ref" in node:
        node = defs[node["$ref"].rsplit("/", 1)[-1]]
    return [key for key in node["properties"] if key != "jusou"]


@pytest.mark.parametrize(
    ("document", "place"),
    [
        ("tests/fixtures/minimal-plan.yaml", []),
        ("tests/fixtures/minimal-plan.yaml", ["事業", 0]),
        ("plans/ashiya.yaml", ["会議", 0]),
        ("plans/ashiya.yaml", ["関連計画", 0]),
        ("examples/actuals-r3-r5.yaml", []),
        ("examples/actuals-r3-r5.yaml", ["実績", 0]),
    ],
)
def test_every_wrong_type_of_these_keys_shows_an_example(document, place):
    """Across the plan's, a program's, a meeting's, a related plan's, the report's and an actual's keys, each SV003
    shows 「例: key: value」 from the key's own schema."""
    data = yaml.safe_load((ROOT / document).read_text(encoding="utf-8"))
    messages = _wrong_types(data, place)
    assert len(messages) >= 5
    assert [(pointer, ja) for pointer, ja in messages if f"例: {pointer.rsplit('/', 1)[-1]}: " not in ja] == []
