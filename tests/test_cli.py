"""The `jusou` command: exit codes, output formats (golden files), languages, and bad input of every kind."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jusou_spec.cli import main

from .cli_cases import GOLDEN, GOLDEN_CASES, ROOT, run_case


@pytest.mark.parametrize("case", GOLDEN_CASES, ids=lambda case: case.name)
def test_output_matches_golden_file(case):
    """Each command's output and exit code equal the reviewed golden file (regenerate: scripts/regenerate)."""
    code, output = run_case(case)
    expected = (GOLDEN / f"{case.name}.txt").read_text(encoding="utf-8")
    assert f"exit {code}\n{output}" == expected


def _run(argv, capsys, monkeypatch=None):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_output_has_the_contract_fields(capsys, monkeypatch):
    """--format json is a list of objects with file, line, column, rule, severity, message and path."""
    monkeypatch.chdir(ROOT)
    code, out, _ = _run(["check", "--format", "json", "tests/fixtures/findings-plan.yaml"], capsys)
    records = json.loads(out)
    assert code == 1 and records
    for record in records:
        assert {"file", "line", "column", "rule", "severity", "message", "path"} <= set(record)
        assert record["line"] >= 1 and record["column"] >= 1
        assert record["path"] == "" or record["path"].startswith("/")


def test_strict_makes_warnings_fail(capsys, monkeypatch):
    """A plan with only warnings exits 0, and 1 with --strict."""
    monkeypatch.chdir(ROOT)
    warnings_only = ROOT / "tests/fixtures/warnings-plan.yaml"
    assert _run(["check", str(warnings_only)], capsys)[0] == 0
    assert _run(["check", "--strict", str(warnings_only)], capsys)[0] == 1


def test_a_missing_path_is_a_one_line_error_with_exit_2(capsys, tmp_path):
    """A path that does not exist: exit 2, one line naming it, in Japanese by default and English with --lang en."""
    missing = tmp_path / "nothing.yaml"
    code, out, err = _run(["check", str(missing)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "ありません" in err and str(missing) in err
    code, _, err = _run(["check", "--lang", "en", str(missing)], capsys)
    assert code == 2 and "no such file" in err


def test_a_folder_checks_marked_files_and_counts_the_skipped(capsys, tmp_path):
    """Below a folder only files with the marker are checked; the others are counted as skipped."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "plan.yaml").write_text(
        (ROOT / "tests/fixtures/minimal-plan.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "a" / "other.yml").write_text("name: not ours\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("jusou: plan/1\n", encoding="utf-8")
    code, out, _ = _run(["check", "--lang", "en", str(tmp_path)], capsys)
    assert code == 0
    assert out.splitlines()[-1] == "0 error(s), 0 warning(s), 0 info in 1 file(s), 1 skipped without the jusou: marker"


def test_a_file_named_without_the_marker_is_an_error(capsys, tmp_path):
    """Naming a file explicitly checks it even without the marker, and the missing marker is an error."""
    path = tmp_path / "other.yaml"
    path.write_text("name: not ours\n", encoding="utf-8")
    code, out, _ = _run(["check", str(path)], capsys)
    assert code == 1 and f"{path}:1:1: error SR006" in out


BAD_INPUTS = {
    "tab": ("jusou: plan/1\n自治体:\n\t名称: x\n".encode(), "SR002", 3, 1),
    "syntax": ('jusou: plan/1\n計画名: "閉じていない\n'.encode(), "SR001", None, None),
    "duplicate": ("jusou: plan/1\n計画名: a\n計画名: b\n".encode(), "SR003", 3, 1),
    "empty": (b"", "SR004", 1, 1),
    "comments-only": ("# コメントだけ\n".encode(), "SR004", None, None),
    "top-level-list": (b"- jusou: plan/1\n", "SR005", 1, 1),
    "unknown-version": (b"jusou: plan/2\n", "SR007", 1, None),
    "python-tag": ("jusou: plan/1\n計画名: !!python/object/apply:os.system ['echo hi']\n".encode(), "SR011", 2, None),
    "binary": (b"\x00\x01\x02\xff\xfe\x00jusou", "SR009", None, None),
    "alias-bomb": (
        (
            "jusou: plan/1\n"
            + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9))
        ).encode(),
        "SR008",
        None,
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_a_located_finding_never_a_traceback(name, tmp_path, capsys):
    """Each kind of bad input exits 1 with a located finding of its code, in both languages, and no traceback."""
    raw, code, line, column = BAD_INPUTS[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(raw)
    for lang in ("ja", "en"):
        exit_code, out, err = _run(["check", "--lang", lang, str(path)], capsys)
        assert exit_code == 1, out + err
        assert "Traceback" not in out + err
        first = next((line for line in out.splitlines() if f": error {code} " in line), None)
        assert first is not None, out
        location, _, rest = first.partition(f": error {code} ")
        assert rest.strip()
        _, found_line, found_column = location.rsplit(":", 2)
        if line is not None:
            assert int(found_line) == line
        if column is not None:
            assert int(found_column) == column


def test_the_installed_commands_report_every_bad_input_without_a_traceback(tmp_path):
    """Run as a user runs them (the `jusou` script, and `python -m jusou_spec --lang en`), every kind of bad input
    at once: exit 1, each finding's code on standard output, nothing on standard error."""
    for name, (raw, *_) in BAD_INPUTS.items():
        (tmp_path / f"{name}.yaml").write_bytes(raw)
    paths = sorted(str(path) for path in tmp_path.iterdir())
    script = shutil.which("jusou", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the jusou console script is not installed next to this Python (pip install -e .)")
    for command in ([script, "check"], [sys.executable, "-m", "jusou_spec", "check", "--lang", "en"]):
        result = subprocess.run([*command, *paths], capture_output=True, text=True, timeout=60)
        assert (result.returncode, result.stderr) == (1, ""), result.stdout + result.stderr
        assert {code for _, code, *_ in BAD_INPUTS.values()} <= set(result.stdout.split()), result.stdout


def test_a_cp932_file_is_read_with_a_warning_naming_the_encoding(capsys, tmp_path):
    """A Shift_JIS (CP932) plan from Windows is checked like its UTF-8 twin, plus one SR010 warning."""
    text = (ROOT / "tests/fixtures/minimal-plan.yaml").read_text(encoding="utf-8")
    path = tmp_path / "cp932.yaml"
    path.write_bytes(text.encode("cp932"))
    code, out, _ = _run(["check", str(path)], capsys)
    lines = out.splitlines()
    assert code == 0
    assert [line.split()[2] for line in lines[:-1]] == ["SR010"]
    assert "CP932" in lines[0].upper() or "SHIFT_JIS" in lines[0].upper()


def test_version_and_schema_commands(capsys, tmp_path):
    """--version prints the version; schema -o writes the shipped schema."""
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out.startswith("jusou-spec ")
    target = tmp_path / "out" / "plan.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == (ROOT / "schemas/plan.schema.json").read_text(encoding="utf-8")


def test_usage_errors_exit_2(capsys):
    """An unknown option or a missing argument exits 2 with a one-line message."""
    with pytest.raises(SystemExit) as exited:
        main(["check"])
    assert exited.value.code == 2
    assert "jusou:" in capsys.readouterr().err


def test_python_dash_m_runs_the_command():
    """`python -m jusou_spec` is the same command as `jusou`."""
    result = subprocess.run([sys.executable, "-m", "jusou_spec", "rules"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "CL001" in result.stdout
