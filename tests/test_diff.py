"""jusou diff and jusou show: the comparison through the library and the CLI, its properties, git revisions."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import jusou_spec
from jusou_spec.changes import Change, ChangeKind, compare_sides, load_version, show
from jusou_spec.cli import main
from jusou_spec.commands.diff import FORMAT_NAMES
from jusou_spec.model import Plan

from .cli_cases import ROOT
from .strategies import plans, words, year_ranges

REVISED = ROOT / "tests" / "fixtures" / "diff" / "ashiya-revised.yaml"
ASHIYA = ROOT / "plans" / "ashiya.yaml"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _plan(document: dict) -> Plan:
    plan, _ = Plan.from_document(document, name="p.yaml")
    return plan


def _mirror_key(change: Change) -> tuple[object, ...]:
    return (change.kind, change.subject, change.old.pointer, change.new.pointer, change.before, change.after)


def test_the_formats_are_the_commands_choices():
    """The formats the command line offers are exactly those the comparison has."""
    import jusou_spec.changes as changes

    assert set(FORMAT_NAMES) == set(changes.FORMATS)


def test_every_kind_has_a_mirror_that_mirrors_back():
    """Swapping the versions twice gives the kind back (added ↔ removed, gained ↔ lost, raised ↔ lowered)."""
    for kind in ChangeKind:
        assert kind.mirror.mirror is kind


def test_the_revision_shows_each_of_its_changes_with_both_places():
    """The revised fixture: a dropped program (and its lost mandatory 号), a lowered target, a moved phase, a
    renamed department, each placed in both files."""
    comparison = jusou_spec.diff(ASHIYA, REVISED)
    kinds = Counter(change.kind for change in comparison.changes)
    assert kinds == {
        ChangeKind.PROGRAM_REMOVED: 1,
        ChangeKind.MANDATORY_CLAUSE_LOST: 1,
        ChangeKind.TARGET_WEAKENED: 1,
        ChangeKind.PHASE_MOVED: 1,
        ChangeKind.DEPARTMENT_CHANGED: 1,
    }
    weakened = next(c for c in comparison.changes if c.kind is ChangeKind.TARGET_WEAKENED)
    assert (weakened.before, weakened.after) == ("5人以上", "3人以上")
    assert weakened.old.file.endswith("ashiya.yaml") and weakened.old.line > 0 and weakened.new.line > 0
    assert [c.kind for c in comparison.failing] == [ChangeKind.MANDATORY_CLAUSE_LOST]


def test_a_document_compared_with_itself_has_no_changes_for_each_bundled_plan():
    """Each bundled plan and report against itself: nothing changed, exit 0."""
    for path in [*sorted((ROOT / "plans").glob("*.yaml")), *sorted((ROOT / "reports").glob("*.yaml"))]:
        assert jusou_spec.diff(path, path).changes == (), path


@given(plans())
def test_diff_of_a_plan_with_itself_is_empty(document):
    """Any plan compared with itself: no change."""
    plan = _plan(document)
    assert compare_sides(load_version(plan), load_version(plan)).changes == ()


@given(plans(), plans())
def test_diff_both_ways_are_mirror_images(first, second):
    """diff(A, B) and diff(B, A) hold the same changes with the kinds mirrored and the sides swapped."""
    a, b = load_version(_plan(first)), load_version(_plan(second))
    forward = Counter(_mirror_key(change.mirrored()) for change in compare_sides(a, b).changes)
    backward = Counter(_mirror_key(change) for change in compare_sides(b, a).changes)
    assert forward == backward


@st.composite
def revised(draw: st.DrawFn) -> tuple[dict, dict]:
    """A plan and a revision of it: programs dropped, renamed, reordered, their departments, delivery, years and
    targets changed, meetings and flows dropped, phases moved, a suppression added (each maybe)."""
    first = draw(plans())
    second = copy.deepcopy(first)
    programs = second["事業"]
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        step = draw(st.integers(min_value=0, max_value=10))
        if step == 0 and programs:
            programs.pop(draw(st.integers(min_value=0, max_value=len(programs) - 1)))
        elif step in (1, 2, 3, 4, 5) and programs:
            program = programs[draw(st.integers(min_value=0, max_value=len(programs) - 1))]
            if step == 1:
                program["名称"] = draw(words)
            elif step == 2:
                program["所管課"] = draw(st.lists(words, min_size=1, max_size=2))
            elif step == 3:
                program["実施方式"] = [{"方式": draw(st.sampled_from(["直営", "委託"])), "年度": draw(year_ranges())}]
            elif step == 4:
                program["実施年度"] = draw(year_ranges())
            else:
                for indicator in program.get("成果目標", []):
                    if isinstance(indicator["目標"], list) and "値" in indicator["目標"][0]:
                        indicator["目標"][0]["値"] = draw(st.integers(min_value=0, max_value=99))
        elif step == 6:
            programs.reverse()
        elif step == 7 and second.get("会議"):
            second["会議"].pop(0)
            if not second["会議"]:
                del second["会議"]
                second.pop("会議の流れ", None)
        elif step == 8 and second.get("会議の流れ"):
            second["会議の流れ"].pop(0)
            if not second["会議の流れ"]:
                del second["会議の流れ"]
        elif step == 9:
            second.setdefault("抑制", []).append({"規則": "CL001", "位置": "/事業", "理由": draw(words)})
        elif step == 10:
            for initiative in second.get("取組", []):
                for item in initiative["項目"]:
                    for phase in item.get("年度計画", {}).get("段階", []):
                        phase["期間"] = draw(year_ranges())
    return first, second


@given(revised())
def test_diff_of_a_revision_both_ways_are_mirror_images(pair):
    """A plan and its revision (mostly paired items): diff(A, B) mirrors diff(B, A), and each is empty only when the
    two plans are the same as models."""
    first, second = (_plan(document) for document in pair)
    a, b = load_version(first), load_version(second)
    forward = compare_sides(a, b).changes
    backward = compare_sides(b, a).changes
    assert Counter(_mirror_key(c.mirrored()) for c in forward) == Counter(_mirror_key(c) for c in backward)


def test_the_bundled_revision_mirrors_too():
    """The fixture pair read both ways mirrors, lines included."""
    forward = jusou_spec.diff(ASHIYA, REVISED).changes
    backward = jusou_spec.diff(REVISED, ASHIYA).changes
    assert sorted(c.mirrored().sort_key() for c in forward) == sorted(c.sort_key() for c in backward)
    assert ChangeKind.MANDATORY_CLAUSE_GAINED in {c.kind for c in backward}
    assert ChangeKind.TARGET_STRENGTHENED in {c.kind for c in backward}


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [
        (None, 1),
        ("none", 0),
        ("program-removed", 1),
        ("phase-added,meeting-removed", 0),
        ("phase-moved", 1),
        ("warning", 1),
        ("error", 1),
        ("info", 1),
    ],
)
def test_fail_on_decides_the_exit_code(fail_on, expected):
    """Exit 1 exactly when a change of a kind --fail-on names is present (default: a lost mandatory 号)."""
    options = () if fail_on is None else ("--fail-on", fail_on)
    code, _, _ = _run("diff", *options, str(ASHIYA), str(REVISED))
    assert code == expected


def test_an_unknown_kind_is_a_usage_error():
    """--fail-on with a kind that does not exist: exit 2, and the message lists the kinds."""
    code, out, err = _run("diff", "--fail-on", "program-vanished", str(ASHIYA), str(REVISED))
    assert code == 2 and out == ""
    assert "program-vanished" in err and "program-removed" in err


def test_a_version_with_errors_is_shown_with_its_findings_and_exit_2():
    """An invalid document cannot be compared: its findings with line and column, then one line saying so."""
    code, out, err = _run("diff", "tests/fixtures/findings-plan.yaml", str(ASHIYA))
    assert code == 2 and out == ""
    assert "findings-plan.yaml:30:28: error CL002" in err
    assert "比較できません" in err


def test_a_plan_against_a_report_is_a_usage_error():
    """Two kinds of document: exit 2 with a message naming both."""
    code, _, err = _run("diff", "--lang", "en", str(ASHIYA), "reports/imizu-r6.yaml")
    assert code == 2 and "different kinds" in err


def test_a_missing_file_is_a_usage_error():
    """A missing file (that is not REV:PATH either): exit 2, the message names it."""
    code, _, err = _run("diff", "nowhere.yaml", str(ASHIYA))
    assert code == 2 and "nowhere.yaml" in err


def test_a_changed_actual_in_a_report(tmp_path):
    """Reports compare too: an actual's new value is a change placed at the actual."""
    text = (ROOT / "reports" / "imizu-r6.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "imizu-r6.yaml"
    changed.write_text(text.replace("    値: 29\n", "    値: 31\n", 1), encoding="utf-8")
    comparison = jusou_spec.diff(ROOT / "reports" / "imizu-r6.yaml", changed)
    assert [(c.kind, c.before, c.after) for c in comparison.changes] == [(ChangeKind.ACTUAL_CHANGED, "29", "31")]


def _git(repo: Path, *argv: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *argv],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository with ashiya.yaml committed, then changed into the revised fixture in the work tree."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "plans").mkdir()
    plan = tmp_path / "plans" / "ashiya.yaml"
    shutil.copy(ASHIYA, plan)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "plan")
    shutil.copy(REVISED, plan)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_git_revision_is_read_with_git_show(repo):
    """HEAD:plans/ashiya.yaml against the changed work tree gives the fixture's changes, placed at REV:PATH."""
    code, out, _ = _run("diff", "--format", "json", "HEAD:plans/ashiya.yaml", "plans/ashiya.yaml")
    assert code == 1
    document = json.loads(out)
    assert document["old"] == "HEAD:plans/ashiya.yaml"
    assert {c["kind"] for c in document["changes"]} >= {"program-removed", "target-weakened", "phase-moved"}
    assert all(c["old"]["file"] == "HEAD:plans/ashiya.yaml" for c in document["changes"])


def test_an_unknown_revision_says_what_git_said(repo):
    """A revision git does not know: exit 2 and one line quoting git."""
    code, _, err = _run("diff", "--lang", "en", "HEAD~5:plans/ashiya.yaml", "plans/ashiya.yaml")
    assert code == 2
    assert (
        err.startswith("jusou: HEAD~5:plans/ashiya.yaml: no such file, and git cannot read it") and err.count("\n") == 1
    )


def test_without_git_the_message_says_so(repo, monkeypatch):
    """With no git on PATH, REV:PATH is an error saying git is needed."""
    monkeypatch.setenv("PATH", str(repo / "no-bin"))
    code, _, err = _run("diff", "--lang", "en", "HEAD:plans/ashiya.yaml", "plans/ashiya.yaml")
    assert code == 2 and "git" in err and "not installed" in err


def test_git_diff_uses_jusou_show_as_textconv(repo):
    """The documented set-up: with diff=jusou and the textconv, git diff shows the normalised lines that changed."""
    (repo / ".gitattributes").write_text("*.yaml diff=jusou\n", encoding="utf-8")
    python = shutil.which("python3") or "python3"
    import sys

    _git(repo, "config", "diff.jusou.textconv", f"{sys.executable or python} -m jusou_spec show --fallback")
    done = subprocess.run(["git", "diff", "--", "plans/ashiya.yaml"], cwd=repo, capture_output=True, check=True)
    shown = done.stdout.decode("utf-8")
    assert "-事業[利用者支援特定型].所管課[0]: ほいく課" in shown
    assert "+事業[利用者支援特定型].所管課[0]: 保育課" in shown


@given(plans())
def test_show_is_stable_through_a_round_trip(document):
    """The normalised form of a plan is the same after writing it back as a document and reading it again."""
    plan = _plan(document)
    again = _plan(plan.to_document())
    assert show(again) == show(plan)


def test_show_ignores_spelling_and_key_order(tmp_path):
    """Full-width digits and reordered keys give the same normalised form."""
    first = tmp_path / "a.yaml"
    second = tmp_path / "b.yaml"
    first.write_text(
        "jusou: plan/1\n計画名: 見本\n自治体: {名称: 見本市, 都道府県: 見本県}\n計画期間: R6～R8\n事業:\n- {id: a, 名称: 相談, 号: 第1号イ}\n",
        encoding="utf-8",
    )
    second.write_text(
        "jusou: plan/1\n自治体: {都道府県: 見本県, 名称: 見本市}\n計画名: 見本\n計画期間: 令和6年度～令和8年度\n事業:\n- {名称: 相談, id: a, 号: 第１号イ}\n",
        encoding="utf-8",
    )
    assert _run("show", str(first))[1] == _run("show", str(second))[1]


def test_show_fallback_prints_an_invalid_file_as_it_is(tmp_path):
    """--fallback: a file that is not a valid document is printed unchanged with exit 0; without it, exit 2."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("jusou: plan/1\n事業: [\n", encoding="utf-8")
    assert _run("show", "--fallback", str(broken))[:2] == (0, "jusou: plan/1\n事業: [\n")
    code, out, err = _run("show", str(broken))
    assert code == 2 and out == "" and "broken.yaml" in err


MEETINGS = """会議:
  - {id: A, 名称: 重層的支援会議, 種別: 重層的支援会議}
  - {id: B, 名称: 庁内連携会議, 種別: 庁内連携会議}
会議の流れ:
  - {元: A, 先: B, 種類: 報告}
"""


def _pair(tmp_path: Path, edits: list[tuple[str, str]], *, old_extra: str = "", new_extra: str = "") -> list[str]:
    """The text lines of comparing the minimal plan (with ``old_extra`` appended) to an edited copy."""
    text = (ROOT / "tests" / "fixtures" / "minimal-plan.yaml").read_text(encoding="utf-8")
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text + old_extra, encoding="utf-8")
    for before, after in edits:
        assert before in text
        text = text.replace(before, after, 1)
    new.write_text(text + new_extra, encoding="utf-8")
    code, out, err = _run("diff", "--fail-on", "none", "old.yaml", "new.yaml")
    assert code == 0 and err == ""
    return out.splitlines()


def test_delivery_by_year_years_coverage_targets_meetings_flows_and_suppressions(tmp_path, monkeypatch):
    """Each kind of fact is compared and told on its own line, with both places and the values."""
    monkeypatch.chdir(tmp_path)
    lines = _pair(
        tmp_path,
        [
            ("    実施年度: R7～R8\n", "    実施年度: R8\n"),
            ("{年度: R7, 値: 10, 比較: 以上}", "{年度: R7, 値: 12, 比較: 以上}"),
            ("            値: 6", "            値: 4"),
            (
                "    号: 【第５号、第６号】\n",
                "    号: 【第５号、第６号】\n    実施方式: [{方式: 直営, 年度: R6}, {方式: 委託, 年度: R7～R8}]\n",
            ),
        ],
        old_extra=MEETINGS,
        new_extra=MEETINGS.replace("名称: 庁内連携会議", "名称: 連携会議")
        .replace("種別: 重層的支援会議", "種別: [重層的支援会議, 支援会議]")
        .split("会議の流れ:")[0]
        + "抑制:\n  - {規則: CL001, 位置: /事業, 理由: 第2号は R8 から}\n",
    )
    assert lines == [
        "old.yaml:2 → new.yaml:97: warning suppression-added 抑制の追加: 抑制 CL001（位置 /事業）: 第2号は R8 から",
        "old.yaml:41 → new.yaml:41: error mandatory-clause-lost 必須の号の事業がなくなった: 第2号（参加支援事業）: "
        "参加支援事業 → 参加支援事業（R7年度）",
        "old.yaml:45 → new.yaml:45: info program-years-changed 事業の実施年度の変更: 事業「参加支援事業」: R7～R8 → R8",
        "old.yaml:80 → new.yaml:80: info target-strengthened 目標値の強化: 事業「アウトリーチ等を通じた継続的支援事業」 / "
        "指標「支援対象者の把握件数」（R7）: 10件以上 → 12件以上（引き上げ、指標の方向は増加）",
        "old.yaml:81 → new.yaml:84: info delivery-changed 実施方式の変更: 事業「多機関協働事業」: — → R6 直営、R7～R8 委託",
        "old.yaml:90 → new.yaml:91: info target-changed 目標値の変更: 事業「多機関協働事業」 / 指標「多機関協働による事例検討件数」"
        "（R7）: 6件 → 4件（引き下げ、指標の方向が両方の版で同じと読めないため良し悪しは判断していません）",
        "old.yaml:93 → new.yaml:94: info meeting-changed 会議の種別・構成員・開催頻度の変更: 会議「重層的支援会議」の種別: "
        "重層的支援会議 → 支援会議、重層的支援会議",
        "old.yaml:94 → new.yaml:95: info meeting-renamed 会議の名称変更: 会議 B: 庁内連携会議 → 連携会議",
        "old.yaml:96 → new.yaml:2: info flow-removed 会議の流れの削除: 会議の流れ A → B: 報告",
        "変更 9 件（エラー 1 件、警告 1 件、情報 7 件）、うち失敗とする種類 0 件",
    ]


def test_a_git_that_does_not_answer_is_given_up_on(tmp_path, monkeypatch):
    """A git that hangs: the comparison stops after --git-timeout seconds with one line saying so, exit 2."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    fake = bin_folder / "git"
    fake.write_text(f"#!/bin/sh\nexec {shutil.which('sleep')} 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_folder))
    monkeypatch.chdir(tmp_path)
    code, _, err = _run("diff", "--lang", "en", "--git-timeout", "0.5", "HEAD:plans/a.yaml", str(ASHIYA))
    assert code == 2 and "did not finish within 0.5 seconds" in err


def test_show_prints_a_report_and_names_list_items_by_id():
    """jusou show on a report: one line per fact, indicators named by their id."""
    code, out, _ = _run("show", "reports/imizu-r6.yaml")
    assert code == 0 and out.startswith("jusou: report/1\n")
    assert all(": " in line for line in out.splitlines())


def test_the_api_accepts_models_in_memory():
    """Plans in memory compare too; their changes carry JSON pointers and line 0."""
    first = jusou_spec.load(ASHIYA)
    second = jusou_spec.load(REVISED)
    comparison = jusou_spec.diff(first, second)
    assert {c.kind for c in comparison.changes} == {c.kind for c in jusou_spec.diff(ASHIYA, REVISED).changes}
    assert all(c.old.line == 0 and c.new.pointer.startswith("/") for c in comparison.changes)
