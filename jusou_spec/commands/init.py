"""``jusou init [DIR]``: set up a repository of plans.

It writes ``jusou.toml``, the schemas (as ``jusou schema`` writes them), the VS Code settings that map them to
``plans/`` and ``reports/`` and recommend the YAML extension, a GitHub Actions workflow and a pre-commit
configuration that run ``jusou check`` (the ones ``docs/ci.md`` shows, installing this version from
:data:`~jusou_spec._version.REPOSITORY_URL`), and a README in Japanese.

It never replaces a file that is there: one with the content init would write (line ends aside) is *unchanged*,
one with any other content is *left alone* and reported, so running it twice changes nothing and a file the user
edited keeps the user's edits. Each file is reported as written, unchanged or left alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from jusou_spec._version import REPOSITORY_URL, __version__
from jusou_spec.atomic import write_text_atomically
from jusou_spec.commands._common import EXIT_OK, UsageError, language
from jusou_spec.findings import Message
from jusou_spec.resources import SCHEMA_FILES, schema_text

NAME = "init"
HELP = Message(
    ja="計画を置くリポジトリを用意します（jusou.toml、スキーマ、エディタの設定、CI、pre-commit、README）",
    en="set up a repository of plans: jusou.toml, schemas, editor settings, CI, pre-commit, README",
)

TAG = f"v{__version__}"
INSTALL = f"jusou-spec @ git+{REPOSITORY_URL}@{TAG}"
"""The requirement CI installs: this version's tag of the repository (as docs/ci.md writes it)."""

WORKFLOW = f"""\
name: jusou check
on:
  push:
  pull_request:
permissions:
  contents: read
env:
  JUSOU_SPEC: "{INSTALL}"
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install "$JUSOU_SPEC"
      - run: jusou check --format github --missing-ok plans reports
  code-scanning:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install "$JUSOU_SPEC"
      - run: jusou check --format sarif --exit-zero --missing-ok -o jusou.sarif plans reports
      - uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: jusou.sarif
          category: jusou
"""
"""The GitHub Actions workflow of docs/ci.md (a test keeps the two equal)."""

PRE_COMMIT = f"""\
repos:
  - repo: {REPOSITORY_URL}
    rev: {TAG}
    hooks:
      - id: jusou-check
        args: [--missing-ok, plans, reports]
"""
"""The pre-commit configuration of docs/ci.md (a test keeps the two equal)."""

CONFIG = """\
# jusou の設定（くわしくは jusou-spec の docs/config.md）。
# jusou check は、検査するファイルのフォルダから上へ向かってこのファイルを探して使います。
[check]
# strict = true            # 警告でも終了コード 1 にする（--strict と同じ）
# ignore = ["TG001"]       # 実行しない規則（コード、グループ、名前）
# exclude = ["drafts"]     # フォルダを探すときに除くファイル・フォルダ

# [check.severity]
# RP001 = "info"           # 規則の重さを変える

# [indicators]
# as-of = "R7"             # 実績を評価する年度
"""

EDITOR_SETTINGS = (
    json.dumps(
        {
            "yaml.schemas": {
                f"./schemas/{SCHEMA_FILES['plan']}": ["plans/**/*.yaml", "plans/**/*.yml"],
                f"./schemas/{SCHEMA_FILES['report']}": ["reports/**/*.yaml", "reports/**/*.yml"],
            }
        },
        ensure_ascii=False,
        indent=2,
    )
    + "\n"
)

EXTENSIONS = json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"

README = f"""\
# 重層的支援体制整備事業実施計画

このリポジトリは、重層的支援体制整備事業実施計画（社会福祉法第106条の5）と実施状況報告を YAML で書き、
jusou-spec（{REPOSITORY_URL}）の `jusou check` で検査するためのものです（`jusou init` で作りました）。

## フォルダとファイル

| 場所 | 中身 |
|---|---|
| `plans/` | 実施計画（`jusou: plan/1`）。1 自治体 1 ファイル |
| `reports/` | 実施状況報告（`jusou: report/1`） |
| `schemas/` | 文書のスキーマ。エディタの補完と説明に使います（`jusou schema -o` で書き直せます） |
| `jusou.toml` | 検査の設定（規則の選択、重さ、strict） |
| `.vscode/` | VS Code の設定: `plans/` と `reports/` の YAML にスキーマを当て、YAML 拡張機能を勧めます |
| `.github/workflows/jusou.yml` | GitHub Actions: プッシュとプルリクエストのたびに `jusou check` を実行します |
| `.pre-commit-config.yaml` | pre-commit: コミットの前に `jusou check` を実行します |

## 使い方

jusou-spec を入れます（CI と同じ版です）。

```sh
pip install "{INSTALL}"
```

計画のひな形を作ります。法定の号ごとに事業が並び、記入する値は `{{未記載: これから記入}}` になっています。

```sh
jusou new --name 見本市 --prefecture 見本県 --period R7～R11 --mode R7:移行準備事業,R8～R11:本格実施 -o plans/見本市.yaml
```

検査します。警告の一覧が、まだ記入していない項目の一覧です。

```sh
jusou check plans reports
```

VS Code でこのフォルダを開くと、勧められる拡張機能「YAML」（redhat.vscode-yaml）を入れれば、キーの補完と
日本語の説明が出ます。

`pre-commit install` を一度実行すると、コミットのたびに検査します。
"""
"""The repository's README, in Japanese (the planners' language)."""


def files() -> dict[str, str]:
    """Every file init writes, by its path relative to DIR (in the order they are reported)."""
    return {
        "jusou.toml": CONFIG,
        **{f"schemas/{name}": schema_text(kind) for kind, name in sorted(SCHEMA_FILES.items())},
        ".vscode/settings.json": EDITOR_SETTINGS,
        ".vscode/extensions.json": EXTENSIONS,
        ".github/workflows/jusou.yml": WORKFLOW,
        ".pre-commit-config.yaml": PRE_COMMIT,
        "README.md": README,
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", nargs="?", default=".", help="リポジトリのフォルダ（既定は .）")


_STATES = {
    "written": Message(ja="作成しました", en="written"),
    "unchanged": Message(ja="変更なし（同じ内容です）", en="unchanged (same content)"),
    "left alone": Message(
        ja="そのままにしました（init が書く内容と異なります。書き直すには、消してから jusou init を実行します）",
        en="left alone (differs from what init writes; delete it and run jusou init to write it again)",
    ),
    "folder": Message(ja="そのままにしました（同じ名前のフォルダがあります）", en="left alone (a folder of that name)"),
}


def _place(folder: Path, relative: str, content: str) -> str:
    """Write one file unless something is there; the state to report."""
    target = folder / relative
    if target.is_dir():
        return "folder"
    if not target.exists():
        write_text_atomically(target, content)
        return "written"
    try:
        present = target.read_bytes().decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return "left alone"
    return "unchanged" if present == content else "left alone"


def run(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if folder.exists() and not folder.is_dir():
        raise UsageError(Message(ja=f"{args.dir}: フォルダではありません", en=f"{args.dir}: not a folder"))
    lang = language(args)
    counts = dict.fromkeys(("written", "unchanged", "left alone"), 0)
    for relative, content in files().items():
        state = _place(folder, relative, content)
        counts["left alone" if state == "folder" else state] += 1
        sys.stdout.write(f"{(folder / relative).as_posix()}: {_STATES[state].text(lang)}\n")
    summary = Message(
        ja=f"作成 {counts['written']} 件、変更なし {counts['unchanged']} 件、そのまま {counts['left alone']} 件",
        en=f"{counts['written']} written, {counts['unchanged']} unchanged, {counts['left alone']} left alone",
    )
    plans = (folder / "plans" / "見本市.yaml").as_posix()
    following = Message(
        ja=f"次に、計画のひな形を作ります: jusou new --name 見本市 --period R7～R11 -o {plans}",
        en=f"next, start a plan: jusou new --name 見本市 --period R7～R11 -o {plans}",
    )
    sys.stdout.write(f"{summary.text(lang)}\n{following.text(lang)}\n")
    return EXIT_OK
