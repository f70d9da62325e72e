"""An installed wheel carries the schemas and finds them without the source checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_the_schemas_and_finds_them(tmp_path):
    """Build the wheel, unpack it alone, and read both schemas through importlib.resources."""
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
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("jusou_spec-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "jusou_spec/schemas/plan.schema.json" in names
    assert "jusou_spec/schemas/report.schema.json" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import jusou_spec.resources as r, pathlib; "
        "assert 'site' in pathlib.Path(r.__file__).parts; "
        "from importlib import resources; "
        "assert resources.files('jusou_spec').joinpath('schemas', 'plan.schema.json').is_file(); "
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
