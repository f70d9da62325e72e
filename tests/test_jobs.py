"""``jusou check --jobs N``: the output of a parallel run is the serial run's, byte for byte and in the same order."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jusou_spec.commands import _common, check
from jusou_spec.config import parse_config

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def many_documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of every bundled plan, report and example and the fixtures with findings, several times over, with
    a jusou.toml that changes a severity and a file that fails its schema."""
    folder = tmp_path_factory.mktemp("many")
    sources = [
        *sorted((ROOT / "plans").glob("*.yaml")),
        *sorted((ROOT / "examples").glob("*.yaml")),
        ROOT / "tests" / "fixtures" / "findings-plan.yaml",
        ROOT / "tests" / "fixtures" / "warnings-plan.yaml",
    ]
    for copy in range(3):
        for source in sources:
            shutil.copy(source, folder / f"{copy}-{source.name}")
    (folder / "reports").mkdir()
    for report in sorted((ROOT / "reports").glob("*.yaml")):
        shutil.copy(report, folder / "reports" / report.name)
    shutil.copytree(ROOT / "plans", folder / "plans")  # where the reports' plan links point
    (folder / "x-invalid.yaml").write_text("jusou: plan/1\n自治体: {名称: 3}\n", encoding="utf-8")
    (folder / "jusou.toml").write_text('[check.severity]\nNS001 = "info"\n', encoding="utf-8")
    return folder


def _jusou(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jusou_spec", *argv], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("output", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_a_parallel_run_prints_what_the_serial_run_prints(many_documents, output):
    """--jobs 1, --jobs 3 and the default (one per core for many files): the same bytes and the same exit code."""
    runs = [
        _jusou("check", "--format", output, *jobs, ".", cwd=many_documents)
        for jobs in (["--jobs", "1"], ["-j", "3"], [])
    ]
    serial = runs[0]
    assert serial.returncode == 1 and serial.stdout
    for run in runs[1:]:
        assert (run.returncode, run.stdout, run.stderr) == (serial.returncode, serial.stdout, serial.stderr)


def test_jobs_in_jusou_toml_runs_in_parallel_and_prints_the_serial_output(many_documents, tmp_path):
    """``[check] jobs = 2`` in jusou.toml: the check runs on a process pool and prints, byte for byte, what
    ``--jobs 1`` prints (which still wins over the file)."""
    folder = tmp_path / "many"
    shutil.copytree(many_documents, folder)
    (folder / "jusou.toml").write_text('[check]\njobs = 2\n\n[check.severity]\nNS001 = "info"\n', encoding="utf-8")
    probe = (
        "import sys\nfrom jusou_spec import cli\ncode = cli.main(['check', '--format', 'json', *sys.argv[1:], '.'])\n"
        "print('pool' if 'jusou_spec.commands._parallel' in sys.modules else 'serial', file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    runs = {
        name: subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, cwd=folder)
        for name, argv in (("toml", []), ("serial", ["--jobs", "1"]))
    }
    assert runs["toml"].stderr.splitlines()[-1] == "pool"
    assert runs["serial"].stderr.splitlines()[-1] == "serial"
    assert runs["toml"].returncode == runs["serial"].returncode == 1
    assert runs["toml"].stdout == runs["serial"].stdout != ""


def test_zero_jobs_is_a_usage_error(many_documents):
    """--jobs takes a whole number of processes, 1 or more; anything else is a one-line usage error, exit 2."""
    run = _jusou("check", "--jobs", "0", ".", cwd=many_documents)
    assert run.returncode == 2 and "--jobs" in run.stderr and "Traceback" not in run.stderr


def _args(paths: list[str], jobs: int | None = None, config: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(paths=paths, jobs=jobs, config=config)


def test_the_number_of_jobs(tmp_path, monkeypatch):
    """--jobs wins; else jusou.toml's [check] jobs for the first path; else one per core above a few files, one for
    one file; never more jobs than files."""
    monkeypatch.setattr(_common, "cores", lambda: 4)
    (tmp_path / ".git").mkdir()
    configs = check._Configs(None)
    assert check._jobs(_args([str(tmp_path)]), configs, files=1) == 1
    assert check._jobs(_args([str(tmp_path)]), configs, files=_common.FEW_FILES) == 1
    assert check._jobs(_args([str(tmp_path)]), configs, files=50) == 4
    assert check._jobs(_args([str(tmp_path)], jobs=2), configs, files=50) == 2
    assert check._jobs(_args([str(tmp_path)], jobs=8), configs, files=3) == 3
    (tmp_path / "jusou.toml").write_text("[check]\njobs = 3\n", encoding="utf-8")
    configs = check._Configs(None)
    assert check._jobs(_args([str(tmp_path)]), configs, files=50) == 3
    assert check._jobs(_args([str(tmp_path)], jobs=1), configs, files=50) == 1


@pytest.mark.parametrize("value", ["0", "-1", "true", '"2"', "1.5"])
def test_jobs_in_jusou_toml_is_a_positive_whole_number(value):
    """A [check] jobs that is not a whole number of processes is a located CF finding, and the default applies."""
    config, findings = parse_config(f"[check]\njobs = {value}\n")
    assert config.jobs is None
    assert [(f.code, f.line, f.column) for f in findings] == [("CF003", 2, 1)]
    assert "1 以上の整数" in findings[0].message.ja
