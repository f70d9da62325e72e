"""`jusou init`: a plans repository set up once, never overwritten; its CI files are docs/ci.md's, valid against
their published schemas, and install this version from the one repository address."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from jusou_spec._version import REPOSITORY_URL, __version__
from jusou_spec.cli import main
from jusou_spec.commands import init
from jusou_spec.config import parse_config

from .cli_cases import ROOT
from .test_ci_docs import CI_DOC, _errors, _validator, _Yaml12Loader

FILES = (
    "jusou.toml",
    "schemas/plan.schema.json",
    "schemas/report.schema.json",
    ".vscode/settings.json",
    ".vscode/extensions.json",
    ".github/workflows/jusou.yml",
    ".pre-commit-config.yaml",
    "README.md",
)


def _run(argv, capsys):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _contents(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_init_writes_every_file_and_reports_each(tmp_path, capsys):
    """An empty folder gets every file, each reported as written, with the count and the next step."""
    code, out, err = _run(["init", str(tmp_path / "repo")], capsys)
    assert code == 0 and err == ""
    assert sorted(_contents(tmp_path / "repo")) == sorted(FILES)
    lines = out.splitlines()
    assert lines[: len(FILES)] == [f"{(tmp_path / 'repo' / name).as_posix()}: 作成しました" for name in FILES]
    assert lines[len(FILES)] == "作成 8 件、変更なし 0 件、そのまま 0 件" and "jusou new" in lines[-1]


def test_init_twice_changes_nothing(tmp_path, capsys, monkeypatch):
    """The second run writes nothing: every file is reported unchanged and its bytes and time stay as they were."""
    monkeypatch.chdir(tmp_path)
    assert _run(["init"], capsys)[0] == 0
    before = {name: (tmp_path / name).stat().st_mtime_ns for name in FILES}
    contents = _contents(tmp_path)
    code, out, _ = _run(["init", "--lang", "en"], capsys)
    assert code == 0
    assert out.splitlines()[: len(FILES)] == [f"{name}: unchanged (same content)" for name in FILES]
    assert "0 written, 8 unchanged, 0 left alone" in out
    assert _contents(tmp_path) == contents
    assert {name: (tmp_path / name).stat().st_mtime_ns for name in FILES} == before


def test_a_file_the_user_changed_is_left_alone(tmp_path, capsys):
    """A file whose content differs from init's keeps the user's content and is reported as left alone; a file
    with Windows line ends but init's content counts as unchanged; a folder in a file's place is left alone."""
    assert _run(["init", str(tmp_path)], capsys)[0] == 0
    (tmp_path / "README.md").write_text("# 見本市の計画\n", encoding="utf-8")
    settings = tmp_path / ".vscode" / "settings.json"
    settings.write_bytes(settings.read_bytes().replace(b"\n", b"\r\n"))
    (tmp_path / ".pre-commit-config.yaml").unlink()
    (tmp_path / ".pre-commit-config.yaml").mkdir()
    code, out, _ = _run(["init", str(tmp_path)], capsys)
    assert code == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# 見本市の計画\n"
    assert f"{tmp_path.as_posix()}/README.md: そのままにしました（init が書く内容と異なります" in out
    assert f"{tmp_path.as_posix()}/.vscode/settings.json: 変更なし" in out
    assert f"{tmp_path.as_posix()}/.pre-commit-config.yaml: そのままにしました（同じ名前のフォルダがあります）" in out
    assert "作成 0 件、変更なし 6 件、そのまま 2 件" in out


def test_a_deleted_file_is_written_again(tmp_path, capsys):
    """Deleting a file and running init again writes that file alone (how a user takes a newer version's file)."""
    assert _run(["init", str(tmp_path)], capsys)[0] == 0
    (tmp_path / "jusou.toml").unlink()
    _, out, _ = _run(["init", "--lang", "en", str(tmp_path)], capsys)
    assert f"{tmp_path.as_posix()}/jusou.toml: written" in out and "1 written, 7 unchanged, 0 left alone" in out


def test_a_file_in_place_of_the_folder_is_a_usage_error(tmp_path, capsys):
    """DIR naming a file: exit 2 with one line in Japanese (English with --lang en), nothing written."""
    target = tmp_path / "plans.txt"
    target.write_text("x", encoding="utf-8")
    code, out, err = _run(["init", str(target)], capsys)
    assert code == 2 and out == "" and err == f"jusou: {target}: フォルダではありません\n"
    code, _, err = _run(["init", "--lang", "en", str(target)], capsys)
    assert code == 2 and err == f"jusou: {target}: not a folder\n"


def _doc_block(kind: str) -> str:
    """docs/ci.md's YAML example of one kind, as text."""
    for block in re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.S):
        data = yaml.safe_load(block)
        if (kind == "github" and "jobs" in data) or (kind == "pre-commit" and "repos" in data):
            return str(block)
    raise AssertionError(kind)


def test_the_workflow_and_pre_commit_files_are_those_of_docs_ci(tmp_path, capsys):
    """The files init writes are docs/ci.md's tested examples, word for word: the install line and the rev come
    from REPOSITORY_URL and the version, the one place each is set."""
    assert _run(["init", str(tmp_path)], capsys)[0] == 0
    workflow = (tmp_path / ".github/workflows/jusou.yml").read_text(encoding="utf-8")
    pre_commit = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert workflow == _doc_block("github")
    assert pre_commit == _doc_block("pre-commit")
    assert f"git+{REPOSITORY_URL}@v{__version__}" in workflow
    (repo,) = yaml.safe_load(pre_commit)["repos"]
    assert (repo["repo"], repo["rev"]) == (REPOSITORY_URL, f"v{__version__}")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert repo["hooks"][0]["id"] in {hook["id"] for hook in hooks}
    assert f"git+{REPOSITORY_URL}@v{__version__}" in (tmp_path / "README.md").read_text(encoding="utf-8")


def test_the_written_workflow_is_valid_against_schemastore(tmp_path, capsys):
    """The workflow file validates against SchemaStore's github-workflow schema (vendored), as GitHub reads YAML."""
    assert _run(["init", str(tmp_path)], capsys)[0] == 0
    text = (tmp_path / ".github/workflows/jusou.yml").read_text(encoding="utf-8")
    workflow = yaml.load(text, Loader=_Yaml12Loader)
    assert _errors(_validator("github-workflow"), workflow) == []
    assert set(workflow["jobs"]) == {"check", "code-scanning"}


def test_the_editor_settings_map_the_written_schemas(tmp_path, capsys):
    """settings.json maps each written schema to plans/ or reports/; extensions.json recommends the YAML
    extension; the schemas are those `jusou schema` prints; jusou.toml reads with no finding."""
    assert _run(["init", str(tmp_path)], capsys)[0] == 0
    settings = json.loads((tmp_path / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert {Path(schema).name for schema in mapping} == {"plan.schema.json", "report.schema.json"}
    for schema, globs in mapping.items():
        assert (tmp_path / schema).is_file()
        assert all(glob.startswith(("plans/", "reports/")) for glob in globs)
    extensions = json.loads((tmp_path / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}
    for kind in ("plan", "report"):
        printed = _run(["schema", kind], capsys)[1]
        assert printed == (tmp_path / f"schemas/{kind}.schema.json").read_text(encoding="utf-8")
    config, findings = parse_config((tmp_path / "jusou.toml").read_text(encoding="utf-8"))
    assert findings == [] and config is not None


def test_a_plan_started_in_the_new_repository_checks_clean(tmp_path, capsys, monkeypatch):
    """After init, `jusou new -o plans/…` points its schema line at the repository's schemas, and `jusou check`
    of the repository (as the workflow and the hook run it) finds no error."""
    monkeypatch.chdir(tmp_path)
    assert _run(["init"], capsys)[0] == 0
    assert _run(["new", "--name", "見本市", "--period", "R7～R11", "-o", "plans/見本市.yaml"], capsys)[0] == 0
    first = (tmp_path / "plans/見本市.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/plan.schema.json"
    code, out, _ = _run(["check", "--missing-ok", "plans", "reports"], capsys)
    assert code == 0 and "エラー 0 件" in out


def test_init_files_are_listed_once():
    """The files init writes are the ones this test expects, in this order."""
    assert tuple(init.files()) == FILES
