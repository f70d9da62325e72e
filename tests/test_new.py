"""`jusou new`: a plan skeleton that checks with no error, whose warnings are exactly what is left to fill in, from
the clause registry or from each bundled plan's structure; bad arguments are usage errors in Japanese."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.findings import Severity
from jusou_spec.fiscal import FiscalYear
from jusou_spec.law import CLAUSES
from jusou_spec.model import Plan

from .cli_cases import ROOT

BUNDLED = sorted((ROOT / "plans").glob("*.yaml"))
LEFT_TO_FILL = {"NS001", "TG001", "DP001"}
"""What a fresh skeleton's warnings may be: a value to fill in, a pillar without a numeric target, departments."""


def _run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _new(tmp_path: Path, capsys, *argv: str, name: str = "見本市.yaml") -> Path:
    output = tmp_path / name
    code, out, err = _run(["new", "--name", "見本市", *argv, "-o", str(output)], capsys)
    assert code == 0 and out == "" and "Traceback" not in err, err
    return output


def _findings(path: Path):
    return jusou_spec.check(path)


@pytest.mark.parametrize(
    ("period", "mode"),
    [
        ("R7～R11", "R7:移行準備事業,R8～R11:本格実施"),
        ("R6～R8", "本格実施"),
        ("令和7～11年度", "R7～R8:移行準備事業、R9～R11:本格実施"),
        ("R8", "移行準備事業"),
        ("2025年度～2029年度", "R7:移行準備，R8～:本格実施"),
    ],
)
def test_a_new_plan_checks_with_no_error_and_warns_only_what_is_left(tmp_path, capsys, period, mode):
    """For several periods and modes the skeleton has no error, a program for every clause of the registry, and
    warnings only for values left to fill in ({未記載: これから記入}), departments and numeric targets."""
    output = _new(tmp_path, capsys, "--prefecture", "見本県", "--period", period, "--mode", mode)
    findings = _findings(output)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert {f.code for f in findings} <= LEFT_TO_FILL
    assert all("これから記入" in f.text("ja") for f in findings if f.code == "NS001")
    plan = jusou_spec.load(output)
    assert isinstance(plan, Plan)
    assert all(plan.covering(clause) for clause in CLAUSES)
    assert plan.municipality.name == "見本市" and plan.municipality.prefecture == "見本県"


@settings(max_examples=15)
@given(start=st.integers(2019, 2040), full=st.integers(0, 5), transition=st.integers(0, 3))
def test_any_period_split_into_transition_and_full_years_checks_clean(tmp_path_factory, start, full, transition):
    """Property: a period of transition years followed by full years, written as --mode, gives no error."""
    if full + transition == 0:
        full = 1
    first, last = FiscalYear(start), FiscalYear(start + full + transition - 1)
    parts = []
    if transition:
        parts.append(f"{first}～{FiscalYear(start + transition - 1)}:移行準備事業")
    if full:
        parts.append(f"{FiscalYear(start + transition)}～{last}:本格実施")
    output = tmp_path_factory.mktemp("new") / "plan.yaml"
    assert main(["new", "--name", "見本町", "--period", f"{first}～{last}", "--mode", ",".join(parts), "-o",
                 str(output)]) == 0  # fmt: skip
    assert [f for f in _findings(output) if f.severity is Severity.ERROR] == []


@pytest.mark.parametrize("source", BUNDLED, ids=lambda path: path.stem)
def test_a_plan_from_each_bundled_plan_keeps_its_structure_and_clears_its_values(tmp_path, capsys, source):
    """--from each bundled plan: no error; the programs (ids, 号), meetings and flows are the source's; none of the
    source's municipality, prefecture, departments or figures remain; every target is left to fill in."""
    output = _new(tmp_path, capsys, "--period", "R7～R11", "--mode", "R7:移行準備事業,R8～R11:本格実施", "--from",
                  str(source))  # fmt: skip
    findings = _findings(output)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    original, started = jusou_spec.load(source), jusou_spec.load(output)
    assert isinstance(original, Plan) and isinstance(started, Plan)
    assert [(p.id, p.clauses) for p in original.programs] == [(p.id, p.clauses) for p in started.programs][
        : len(original.programs)
    ]
    assert [m.id for m in original.meetings] == [m.id for m in started.meetings]
    assert [(f.source, f.targets, f.kind) for f in original.flows] == [
        (f.source, f.targets, f.kind) for f in started.flows
    ]
    text = output.read_text(encoding="utf-8")
    assert str(original.municipality.name) not in text and str(original.municipality.prefecture) not in text
    departments = {d for p in original.programs if isinstance(p.departments, tuple) for d in p.departments}
    assert not any(f"- {department}\n" in text for department in departments)
    assert all(not isinstance(i.targets, tuple) for _, i in started.all_indicators())
    assert not started.initiatives and not started.schedule and started.matrix is None and not started.suppressions
    assert all(plan.name.reason == "これから記入" for plan in started.related_plans)  # type: ignore[union-attr]


def test_without_output_the_plan_goes_to_standard_output(capsys, monkeypatch, tmp_path):
    """Without -o the YAML is printed (no schema line: it has no place yet), and says on standard error how much is
    left to fill in; the same arguments print the same bytes."""
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(["new", "--name", "見本市", "--period", "R7～R11"], capsys)
    assert code == 0 and out.startswith("jusou: plan/1\n")
    assert yaml.safe_load(out)["実施形態"] == "本格実施"
    assert err.startswith("jusou: 計画のひな形を標準出力に書きました。記入する項目が ")
    assert _run(["new", "--name", "見本市", "--period", "R7～R11"], capsys)[1] == out


def test_an_existing_file_is_replaced_only_with_force(tmp_path, capsys):
    """An existing output: exit 2 and the file untouched; with --force it is replaced."""
    output = tmp_path / "plan.yaml"
    output.write_text("mine\n", encoding="utf-8")
    code, _, err = _run(["new", "--name", "見本市", "--period", "R7～R11", "-o", str(output)], capsys)
    assert code == 2 and "すでにあります" in err and "--force" in err
    assert output.read_text(encoding="utf-8") == "mine\n"
    code, _, _ = _run(["new", "--name", "見本市", "--period", "R7～R11", "-o", str(output), "--force"], capsys)
    assert code == 0 and output.read_text(encoding="utf-8").startswith("jusou: plan/1\n")


@pytest.mark.parametrize(
    ("argv", "ja", "en"),
    [
        (["--period", "R7～R5"], "--period:", "--period:"),
        (["--period", "いつか"], "--period:", "--period:"),
        (["--period", "R7～"], "終わりの年度が必要です", "needs an end year"),
        (["--period", "R7～R11", "--mode", "R7"], "形態「R7」は使えません", "is not a mode"),
        (
            ["--period", "R7～R11", "--mode", "R7,R8～R11:本格実施"],
            "「年度:形態」の形ではありません",
            "is not 'years:mode'",
        ),
        (["--period", "R7～R11", "--mode", "R7～R5:本格実施"], "--mode", "--mode"),
        (["--period", "R7～R11", "--mode", "本格"], "形態「本格」は使えません", "is not a mode"),
        (["--period", "R7～R11", "--mode", "R7:移行準備事業,R8～R12:本格実施"], "計画期間 R7～R11 の外です", "outside"),
        (["--period", "R7～R11", "--mode", "R6:移行準備事業,R7～R11:本格実施"], "の外です", "outside"),
        (["--period", "R7～R11", "--mode", "R7～R8:移行準備事業,R8～R11:本格実施"], "重なっています", "overlap"),
        (
            ["--period", "R7～R11", "--mode", "R7:移行準備事業,R9～R11:本格実施"],
            "R8 の形態がありません",
            "no mode for R8",
        ),
        (["--period", "R7～R11", "--mode", "R7:,R8～R11:本格実施"], "形態「」は使えません", "is not a mode"),
        (["--period", "R7～R11", "--from", "nothing.yaml"], "--from:", "--from:"),
        (["--period", "R7～R11", "--from", "reports/imizu-r6.yaml"], "実施状況報告です", "a status report"),
        (
            ["--period", "R7～R11", "--from", "tests/fixtures/findings-plan.yaml"],
            "計画として読めません",
            "cannot be read",
        ),
        (["--name", " ", "--period", "R7～R11"], "--name に自治体の名前", "--name needs"),
        (["--period", "R7～R11", "-o", "plan.xlsx"], "拡張子は .yaml", "must be .yaml"),
    ],
)
def test_bad_arguments_are_usage_errors(capsys, monkeypatch, tmp_path, argv, ja, en):
    """A bad period, mode string, mode year or --from: one line in Japanese (English with --lang en), exit 2, no
    traceback, nothing written."""
    monkeypatch.chdir(ROOT)
    named = argv if "--name" in argv else ["--name", "見本市", *argv]
    output = tmp_path / "plan.yaml"
    target = [] if "-o" in argv else ["-o", str(output)]
    for lang, expected in (("ja", ja), ("en", en)):
        code, out, err = _run(["new", "--lang", lang, *named, *target], capsys)
        assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("jusou: "), err
        assert expected in err and "Traceback" not in err
    assert not output.exists()


def test_a_missing_required_argument_is_a_japanese_usage_error(capsys):
    """Without --period: argparse's message in Japanese, exit 2."""
    with pytest.raises(SystemExit) as exited:
        main(["new", "--name", "見本市"])
    assert exited.value.code == 2 and "次の引数が必要です: --period" in capsys.readouterr().err
