"""Hostile input, file systems and environments: each ends in a finding or one message with the contract's exit
code, never a traceback, a hang or a silent skip (the cases of the hardening audit, at a size that runs in seconds)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import jusou_spec
from jusou_spec.cli import main

from .cli_cases import ROOT

MINIMAL = ROOT / "tests/fixtures/minimal-plan.yaml"
INDICATORS = ROOT / "tests/fixtures/indicators"
HANG_GUARD = 120  # seconds: only a hang reaches it; the commands take about one second
REPORT = "jusou: report/1\n自治体: {名称: 見本市, 都道府県: 見本県}\n報告名: 報告\n年度: R6\n計画: {ファイル: PLAN}\n実績: []\n"


def _report(folder: Path, name: str, plan: str) -> Path:
    path = folder / name
    path.write_text(REPORT.replace("PLAN", plan), encoding="utf-8")
    return path


def _jusou(*argv: str, cwd: Path | None = None, env: dict[str, str] | None = None, **options):
    """The command in a process of its own (a hang fails the test instead of stopping the suite)."""
    return subprocess.run(
        [sys.executable, "-m", "jusou_spec", *argv],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
        **options,
    )


def _run(argv, capsys):
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- file systems -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "indicators", "graph"])
def test_a_named_pipe_as_the_plan_is_refused_without_waiting(tmp_path, command):
    """A FIFO named as the plan: one line saying it is a named pipe, exit 2, no hang."""
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    argv = [command, str(fifo)] + (["--format", "json"] if command == "graph" else [])
    done = _jusou(*argv)
    assert done.returncode == 2
    assert "名前付きパイプ" in done.stderr and str(fifo) in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["check", "indicators"])
def test_a_named_pipe_as_a_reports_plan_is_rf900(tmp_path, command):
    """A report whose plan is a FIFO: RF900 on the report, exit 1, no hang."""
    os.mkfifo(tmp_path / "fifo.yaml")
    report = _report(tmp_path, "report.yaml", "fifo.yaml")
    done = _jusou(command, str(report))
    assert done.returncode == 1 and "RF900" in done.stdout


def test_a_named_pipe_inside_a_checked_folder_is_named_not_skipped(tmp_path):
    """A FIFO called *.yaml in a folder: the other files are checked, the pipe is named, exit 2."""
    shutil.copy(MINIMAL, tmp_path / "plan.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    done = _jusou("check", str(tmp_path))
    assert done.returncode == 2
    assert "1 ファイルを検査" in done.stdout and "pipe.yaml" in done.stderr and "名前付きパイプ" in done.stderr


def _as_nobody(*argv: str, cwd: Path):
    """The command as a user that file modes apply to: ``nobody`` through setpriv when the suite runs as root (as CI
    and the development machines do), else the user running the suite. Never skipped."""
    drop = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] if os.geteuid() == 0 else []
    assert not drop or shutil.which("setpriv"), "setpriv (util-linux) is needed to drop root's privileges"
    return subprocess.run(
        [*drop, sys.executable, "-m", "jusou_spec", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )


@pytest.fixture
def world_readable():
    """A folder the unprivileged user can enter (pytest's tmp_path lies below a folder private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="jusou-unprivileged-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


def test_an_unreadable_plan_inside_a_folder_is_reported_as_a_user_without_permission(world_readable):
    """Run as an unprivileged user: a plan it may not read is named with 読む権限, exit 2 — not 「印がない」, not 0."""
    shutil.copy(MINIMAL, world_readable / "readable.yaml")
    secret = world_readable / "secret.yaml"
    shutil.copy(MINIMAL, secret)
    secret.chmod(0o000)
    for path in world_readable.iterdir():
        if path != secret:
            path.chmod(0o644)
    done = _as_nobody("check", str(world_readable), cwd=world_readable)
    assert done.returncode == 2, done.stderr
    assert "secret.yaml" in done.stderr and "権限" in done.stderr
    assert "1 ファイルを検査" in done.stdout and "印がない" not in done.stdout


def test_an_unreadable_folder_is_reported_as_a_user_without_permission(world_readable):
    """A folder the user may not list: named, exit 2 — not 「0 ファイルを検査」 with exit 0."""
    closed = world_readable / "closed"
    closed.mkdir()
    shutil.copy(MINIMAL, closed / "plan.yaml")
    closed.chmod(0o000)
    done = _as_nobody("check", str(world_readable), cwd=world_readable)
    assert done.returncode == 2, done.stderr
    assert "closed" in done.stderr and "権限" in done.stderr


def test_an_unreadable_file_named_directly_says_permission_not_missing(world_readable):
    """A file named on the command line that the user may not read: 読む権限, not 「ありません」."""
    secret = world_readable / "secret.yaml"
    shutil.copy(MINIMAL, secret)
    secret.chmod(0o000)
    done = _as_nobody("check", str(secret), cwd=world_readable)
    assert done.returncode == 2 and "権限" in done.stderr and "ファイルまたはフォルダがありません" not in done.stderr
    behind = world_readable / "behind"
    behind.mkdir()
    shutil.copy(MINIMAL, behind / "plan.yaml")
    behind.chmod(0o000)
    done = _as_nobody("check", str(behind / "plan.yaml"), cwd=world_readable)
    assert done.returncode == 2 and "権限" in done.stderr


def test_an_injected_permission_error_inside_a_folder_is_reported(tmp_path, capsys, monkeypatch):
    """The same without dropping privileges: PermissionError injected where files are opened."""
    import jusou_spec.files as files

    shutil.copy(MINIMAL, tmp_path / "readable.yaml")
    shutil.copy(MINIMAL, tmp_path / "secret.yaml")
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if str(path).endswith("secret.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", refusing)
    code, out, err = _run(["check", tmp_path], capsys)
    assert code == 2 and "secret.yaml" in err and "権限" in err and "1 ファイルを検査" in out


def test_the_same_file_given_many_times_is_checked_once(tmp_path, capsys, monkeypatch):
    """200 spellings of one file (and the folder holding it) check it once."""
    monkeypatch.chdir(ROOT)
    argv = ["check", *(["tests/fixtures/minimal-plan.yaml"] * 100), *(["./tests/fixtures/minimal-plan.yaml"] * 100)]
    code, out, _ = _run(argv, capsys)
    assert code == 0 and "（1 ファイルを検査）" in out


def test_a_newline_in_a_file_name_keeps_the_record_on_one_line(tmp_path, capsys):
    """A finding's text record is one line, whatever the file's name holds (no forged ::error line)."""
    name = tmp_path / "a\n::error file=x::forged.yaml"
    name.write_text("jusou: plan/1\n", encoding="utf-8")
    code, out, _ = _run(["check", name], capsys)
    lines = out.splitlines()
    assert code == 1 and not any(line.startswith("::") for line in lines)
    assert all("\\n::error" in line for line in lines[:-1])


@pytest.mark.parametrize("command", ["show", "diff"])
def test_a_newline_in_a_file_name_keeps_every_line_on_standard_error_whole(command, tmp_path, capsys):
    """The findings and the closing jusou: line of a document that cannot be shown or compared: one line each."""
    name = tmp_path / "a\n::error file=x::forged.yaml"
    name.write_text("jusou: plan/1\n事業: 1\n", encoding="utf-8")
    code, _, err = _run([command, name] if command == "show" else [command, name, name], capsys)
    lines = err.splitlines()
    assert code == 2 and len(lines) == 3 and not any(line.startswith("::") for line in lines)
    assert lines[-1].startswith("jusou: ") and all("\\n::error" in line for line in lines)


# --- output files ---------------------------------------------------------------------------------------------------


def test_output_onto_a_link_writes_through_and_keeps_the_mode(tmp_path, capsys):
    """-o onto a symbolic link replaces its target (the link stays); an existing 0600 file stays 0600."""
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(target.name)
    code, _, _ = _run(["schema", "-o", link], capsys)
    assert code == 0 and link.is_symlink() and target.read_text(encoding="utf-8").startswith("{")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_write_error_names_the_users_path_not_the_temporary_file(tmp_path, capsys):
    """Writing below a regular file fails; the message names the path the user gave."""
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    wanted = blocker / "out.dot"
    code, _, err = _run(["graph", MINIMAL, "--view", "flow", "-o", wanted], capsys)
    assert code == 2 and str(wanted) in err and ".tmp" not in err


def test_charts_of_ids_too_long_for_a_file_name_are_shortened(tmp_path, capsys):
    """An 80-kanji indicator id (the schema's maximum): every chart is written under a shortened, stable name, and
    the table is printed."""
    long_id = "長" * 80
    plan = (INDICATORS / "plan.yaml").read_text(encoding="utf-8").replace("id: 参加人数", f"id: {long_id}")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    charts = tmp_path / "charts"
    code, out, err = _run(["indicators", tmp_path / "plan.yaml", "--chart", charts], capsys)
    assert code in (0, 1) and "Traceback" not in err and long_id in out
    names = sorted(path.name for path in charts.iterdir())
    assert len(names) == len(set(names)) >= 4
    assert all(len(name.encode("utf-8")) <= 200 for name in names)
    assert any(name.startswith("plan-長長") for name in names)
    again = tmp_path / "again"
    _run(["indicators", tmp_path / "plan.yaml", "--chart", again], capsys)
    assert sorted(path.name for path in again.iterdir()) == names


# --- reports and their plans ------------------------------------------------------------------------------------------


def test_a_report_naming_itself_or_another_report_is_rf900_not_a_recursion(tmp_path, capsys):
    """Self-reference and mutual reference: RF900 saying so, exit 1, in check and in indicators."""
    _report(tmp_path, "self.yaml", "self.yaml")
    _report(tmp_path, "a.yaml", "b.yaml")
    _report(tmp_path, "b.yaml", "a.yaml")
    code, out, _ = _run(["check", tmp_path], capsys)
    assert code == 1
    assert "self.yaml:5:6: error RF900 計画ファイル「self.yaml」はこの報告書自身です" in out
    assert "a.yaml:5:6: error RF900 計画ファイル「b.yaml」は計画ではなく報告書" in out
    code, out, _ = _run(["indicators", tmp_path / "self.yaml", tmp_path / "a.yaml"], capsys)
    assert code == 1 and "RF900" in out
    with pytest.raises(jusou_spec.DocumentError):
        jusou_spec.load(tmp_path / "self.yaml")


def test_a_nul_in_a_reports_plan_path_is_rf900_in_indicators(tmp_path, capsys):
    """計画/ファイル with a NUL: RF900 (check and indicators alike), not ValueError."""
    report = _report(tmp_path, "report.yaml", '"x\\0y.yaml"')
    for command in ("check", "indicators"):
        code, out, err = _run([command, report], capsys)
        assert code == 1 and "RF900" in out and "Traceback" not in err


# --- command line and environment ---------------------------------------------------------------------------------


@pytest.mark.parametrize("selection", ["", ",,,", " , "])
@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_an_empty_selection_is_a_usage_error(capsys, selection, option):
    """--select '' would turn every rule off without a word: exit 2 naming the option."""
    code, out, err = _run(["check", option, selection, MINIMAL], capsys)
    assert code == 2 and out == "" and option in err


def test_an_unknown_jusou_lang_is_said_once_and_japanese_is_used(capsys, monkeypatch):
    """JUSOU_LANG=xx: one line saying so, then the command runs in Japanese."""
    monkeypatch.setenv("JUSOU_LANG", "xx")
    code, out, err = _run(["check", MINIMAL], capsys)
    assert code == 0 and "ファイルを検査" in out and err.count("JUSOU_LANG=xx") == 2 and err.count("\n") == 1


def test_closed_standard_output_is_one_message_and_exit_2(tmp_path):
    """`jusou check … >&-`: exit 2 and a line saying standard output is closed."""
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m jusou_spec check "{MINIMAL}" >&-'],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert done.returncode == 2 and "標準出力" in done.stderr and "Traceback" not in done.stderr


def test_closed_standard_error_keeps_the_exit_code(tmp_path):
    """`jusou check nope.yaml 2>&-`: still exit 2 (the message has nowhere to go)."""
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m jusou_spec check "{tmp_path}/nope.yaml" 2>&-'],
        capture_output=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert done.returncode == 2


def test_a_reader_that_goes_away_is_silent():
    """`jusou schema | head -c 10`: no message on standard error, and the command stops with exit 2 (it could not
    write everything)."""
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m jusou_spec schema | head -c 10; exit ${{PIPESTATUS[0]}}'],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert done.stderr == "" and done.returncode in (0, 2)


def test_graph_of_a_folder_says_it_is_a_folder(capsys):
    """`jusou graph plans --format json`: the message says a folder was given, not that nothing is there."""
    code, _, err = _run(["graph", ROOT / "plans", "--format", "json"], capsys)
    assert code == 2 and "フォルダです" in err and "ありません" not in err


# --- Graphviz ---------------------------------------------------------------------------------------------------------


def _fake_dot(folder: Path, script: str) -> dict[str, str]:
    folder.mkdir()
    dot = folder / "dot"
    dot.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    dot.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.mark.parametrize(
    ("script", "said"),
    [
        ("exec sleep 60", "秒で終わらず"),
        ("echo 'dot: memory exhausted' >&2; exit 1", "メモリが足りず"),
        ("kill -SEGV $$", "異常終了し（SIGSEGV）"),
    ],
    ids=["hangs", "out-of-memory", "crashes"],
)
def test_graphviz_that_hangs_runs_out_of_memory_or_crashes_is_one_line(tmp_path, script, said):
    """One line with the graph's size and what still works (DOT, JSON, a smaller view), exit 2."""
    env = _fake_dot(tmp_path / "bin", script) | {"JUSOU_GRAPHVIZ_TIMEOUT": "2"}
    done = _jusou("graph", str(MINIMAL), "--view", "flow", "-o", str(tmp_path / "flow.svg"), env=env)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert said in done.stderr and "ノード" in done.stderr and "--format json" in done.stderr


# --- the library --------------------------------------------------------------------------------------------------


def test_library_misuse_raises_jusou_errors():
    """A report where a plan belongs, an unknown view or format: a JusouError (with the expected built-in base)."""
    plan = jusou_spec.load(INDICATORS / "plan.yaml")
    report = jusou_spec.load(INDICATORS / "report-r6.yaml")
    with pytest.raises(jusou_spec.WrongDocumentKind):
        jusou_spec.indicators(report)  # type: ignore[arg-type]
    with pytest.raises(jusou_spec.WrongDocumentKind):
        jusou_spec.indicators(plan, reports=[plan])  # type: ignore[list-item]
    with pytest.raises(jusou_spec.InvalidArgument):
        jusou_spec.render(plan, "bogus")
    with pytest.raises(jusou_spec.InvalidArgument):
        jusou_spec.render(plan, "flow", format="gif")
    with pytest.raises(jusou_spec.WrongDocumentKind):
        jusou_spec.build_graph(report)  # type: ignore[arg-type]
    for error in (jusou_spec.WrongDocumentKind, jusou_spec.InvalidArgument, jusou_spec.DocumentError):
        assert issubclass(error, jusou_spec.JusouError)


def test_check_takes_a_report_model():
    """check(report) runs the report rules against its plan, as check(path) does."""
    report = jusou_spec.load(INDICATORS / "report-r6.yaml")
    from_file = {(f.code, f.pointer) for f in jusou_spec.check(INDICATORS / "report-r6.yaml")}
    assert {(f.code, f.pointer) for f in jusou_spec.check(report)} == from_file


def test_unreadable_paths_raise_jusou_errors(tmp_path):
    """load() of a folder, a FIFO, a missing file: SourceUnreadable, a JusouError."""
    os.mkfifo(tmp_path / "fifo.yaml")
    for path in (tmp_path, tmp_path / "fifo.yaml", tmp_path / "missing.yaml"):
        with pytest.raises(jusou_spec.JusouError):
            jusou_spec.load(path)


def test_the_reference_tables_are_read_only():
    """plan.references' tables (and a report's) cannot be cleared or changed by one caller for every later rule."""
    from jusou_spec.resolve_report import resolve_report

    plan = jusou_spec.load(INDICATORS / "plan.yaml")
    references = plan.references
    tables = [getattr(references, name) for name in ("programs", "initiatives", "items", "item_initiative")]
    tables += [getattr(references, name) for name in ("meetings", "meeting_parts", "indicators", "related_plans")]
    tables.append(references.columns)
    report = resolve_report(jusou_spec.load(INDICATORS / "report-r6.yaml"), plan)
    tables += [report.indicators, report.actuals]
    for table in tables:
        with pytest.raises((AttributeError, TypeError)):
            table.clear()  # type: ignore[attr-defined]
        with pytest.raises(TypeError):
            table["x"] = None  # type: ignore[index]
    assert jusou_spec.check(plan) == jusou_spec.check(plan)


def test_an_unknown_language_is_a_jusou_error():
    """Message.text('fr'): InvalidArgument (a ValueError), naming the languages there are."""
    from jusou_spec.findings import Message

    with pytest.raises(jusou_spec.InvalidArgument, match="ja and en"):
        Message(ja="あ", en="a").text("fr")


def test_a_long_plain_list_does_not_speak_of_alias_bombs():
    """SR008 for a flat list past the node limit asks to split the file; only aliases bring up Billion Laughs."""
    from jusou_spec.source import MAX_NODES, parse_source

    flat = parse_source("jusou: plan/1\nx: [" + "1," * (MAX_NODES + 1) + "1]\n")
    assert [f.code for f in flat.findings] == ["SR008"]
    assert "分けてください" in flat.findings[0].message.ja and "Billion" not in flat.findings[0].message.ja
    bomb = "jusou: plan/1\na: &a [1,2,3,4,5,6,7,8,9,10]\n"
    for name, previous in zip("bcdef", "abcde", strict=True):
        bomb += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 10) + "]\n"
    assert "Billion Laughs" in parse_source(bomb).findings[0].message.ja


def test_a_blank_list_item_names_its_key(tmp_path, capsys):
    """所管課: ['   ']: SV005 says which key and which item is blank."""
    text = MINIMAL.read_text(encoding="utf-8").replace("所管課: [高齢介護課]", "所管課: ['   ']", 1)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    code, out, _ = _run(["check", tmp_path / "plan.yaml"], capsys)
    assert code == 1 and "SV005 「所管課」の1番目の値が空です" in out


@pytest.mark.parametrize("period", ["昭和99年度", "平成99年度"])
def test_a_plan_period_past_its_eras_end_is_a_finding(tmp_path, capsys, period):
    """計画期間: 昭和99年度 is refused with a finding naming the era's end, not read as a later year."""
    text = MINIMAL.read_text(encoding="utf-8").replace("計画期間: R6～R8", f"計画期間: {period}", 1)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    code, out, _ = _run(["check", tmp_path / "plan.yaml"], capsys)
    assert code == 1 and "年（" in out and "まで）" in out


# --- cases checked end to end, beyond the units that fixed them ------------------------------------------------------


def test_a_long_run_of_kanji_before_a_digit_is_checked_at_once(tmp_path):
    """A 注記 of 20,000 kanji and an address (the regular expression took 4.8 s at 1,000 and grew cubically, about
    a day here): `jusou check` answers with PI003 at the note's line instead of hanging."""
    note = "市" * 10_000 + "道" * 10_000 + "1-10-1"
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "    所管課: [高齢介護課]\n", f"    所管課: [高齢介護課]\n    注記: {note}\n", 1
    )
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    done = _jusou("check", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "plan.yaml:24:5: error PI003" in done.stdout


def test_a_plan_of_ten_thousand_programs_is_within_the_loaders_limits():
    """10,000 programs, each with an indicator (the audit's largest plan): loaded without SR008, so no limit assumes a
    small plan (the rules' cost at this size is tests/test_linear_rules.py's)."""
    from jusou_spec.source import parse_source

    head = MINIMAL.read_text(encoding="utf-8").split("事業:\n")[0] + "事業:\n"
    programs = "".join(
        f"  - id: 事業{n}\n    名称: 事業{n}\n    号: 第2号\n    所管課: [地域福祉課]\n    成果目標:\n"
        f"      - {{id: 指標{n}, 名称: 参加人数{n}, 単位: 人, 目標: [{{年度: R7, 値: {n}}}]}}\n"
        for n in range(10_000)
    )
    source = parse_source(head + programs, name="plan.yaml")
    assert not source.findings and len(source.data["事業"]) == 10_000


def test_rules_into_a_reader_that_takes_one_line_is_silent():
    """`jusou rules | head -1`: the first line, and nothing on standard error (no 「: 読み書きできません（Broken
    pipe）」)."""
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -m jusou_spec rules | head -1'],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == "" and done.stdout.count("\n") == 1


def test_a_named_pipe_as_the_step_summary_is_refused_without_waiting(tmp_path):
    """GITHUB_STEP_SUMMARY naming a FIFO no one reads: one line saying it is a named pipe, exit 2, no hang."""
    fifo = tmp_path / "summary"
    os.mkfifo(fifo)
    done = _jusou("check", "--format", "github", str(MINIMAL), env={"GITHUB_STEP_SUMMARY": str(fifo)})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == f"jusou: {fifo}: 名前付きパイプ（FIFO）で、通常のファイルではないため書きません\n"
    summary = tmp_path / "summary.md"
    done = _jusou("check", "--format", "github", str(MINIMAL), env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 0 and summary.read_text(encoding="utf-8").startswith("## jusou check")


def test_output_into_a_character_device_writes_into_it_and_leaves_it_a_device(tmp_path):
    """`-o /dev/null` as root once renamed a regular file over the device; now a character device (here a null
    device made in the test's folder, as the suite runs as root) is written into and stays a device."""
    if os.geteuid() == 0:
        device = tmp_path / "null"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    else:  # without root the rename could not replace /dev/null anyway
        device = Path(os.devnull)
    for argv in (["schema", "-o", device], ["check", MINIMAL, "--output-file", device]):
        done = _jusou(*map(str, argv))
        assert done.returncode == 0, done.stderr
        assert stat.S_ISCHR(device.stat().st_mode)
    assert sorted(path.name for path in device.parent.iterdir() if path.name.startswith(".")) == []


def test_output_into_a_named_pipe_reaches_its_reader_or_is_refused_without_one(tmp_path):
    """`-o FIFO` with a reader (as `-o >(gzip)` gives): the reader gets the output and the pipe stays a pipe. With
    no reader: one line saying so, exit 2, no hang."""
    import threading

    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    done = _jusou("schema", "-o", str(fifo))
    assert done.returncode == 2
    assert done.stderr == f"jusou: {fifo}: 名前付きパイプ（FIFO）を読むプロセスがないため書けません\n"
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as pipe:
            received.append(pipe.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    for _ in range(200):  # the reader is waiting on the pipe once its open has begun
        done = _jusou("schema", "-o", str(fifo))
        if done.returncode == 0:
            break
    reader.join(HANG_GUARD)
    assert done.returncode == 0 and received and received[0].startswith(b"{") and stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_to_dev_stdout_through_a_pipe(tmp_path):
    """`-o /dev/stdout` when standard output is a pipe: written into it (it used to look for a folder named after
    the pipe)."""
    done = _jusou("schema", "-o", "/dev/stdout")
    assert done.returncode == 0 and done.stdout.startswith("{") and done.stderr == ""
