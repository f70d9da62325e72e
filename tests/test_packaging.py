"""An installed wheel carries the schemas and finds them without the source checkout, and shows its types."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from mypy import api as mypy

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The package's wheel, built once for the tests of this module."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(folder),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = folder.glob("jusou_spec-*.whl")
    return built


def test_wheel_contains_the_schemas_and_finds_them(wheel, tmp_path):
    """Unpack the wheel alone, and read both schemas and the built-in checks' examples from beside the package."""
    names = zipfile.ZipFile(wheel).namelist()
    assert "jusou_spec/schemas/plan.schema.json" in names
    assert "jusou_spec/schemas/report.schema.json" in names
    assert "jusou_spec/builtin_examples.yaml" in names, "the built-in checks' examples of the SARIF rule help"
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import jusou_spec.resources as r, jusou_spec.catalogue as c, pathlib; "
        "package = pathlib.Path(r.__file__).parent; "
        "assert 'site' in package.parts; "
        "assert r.schema_text('plan') == (package / 'schemas' / 'plan.schema.json').read_text(encoding='utf-8'); "
        "assert c.explain('SR002').sample is not None; "
        "print(r.load_schema('plan')['$id'], r.load_schema('report')['$id'])"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["urn:jusou-spec:schema:plan:1", "urn:jusou-spec:schema:report:1"]


def test_wheel_marks_the_package_as_typed(wheel):
    """The wheel carries the PEP 561 marker jusou_spec/py.typed, without which type checkers ignore our types."""
    assert "jusou_spec/py.typed" in zipfile.ZipFile(wheel).namelist()


def test_a_users_type_checker_sees_our_types(tmp_path, monkeypatch):
    """mypy --strict on a user's script that calls jusou_spec.load and check sees what they return, not Any."""
    script = tmp_path / "user.py"
    script.write_text(
        'import jusou_spec\n\nreveal_type(jusou_spec.load("plan.yaml"))\nreveal_type(jusou_spec.check("plan.yaml"))\n',
        encoding="utf-8",
    )
    (tmp_path / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # away from the checkout, so that mypy finds the package as installed
    stdout, stderr, status = mypy.run(
        ["--config-file", "mypy.ini", "--strict", "--cache-dir", str(tmp_path / "cache"), str(script)]
    )
    assert status == 0, stdout + stderr
    revealed = [line.split("Revealed type is ", 1)[1] for line in stdout.splitlines() if "Revealed type is" in line]
    assert len(revealed) == 2, stdout
    load_type, check_type = revealed
    assert "Any" not in load_type and ".Plan" in load_type and ".Report" in load_type, stdout
    assert check_type == '"list[jusou_spec.findings.Finding]"', stdout
