"""`jusou graph`: formats from the extension, JSON export, atomic writes, and one-line errors with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jusou_spec.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLAN = str(ROOT / "tests/fixtures/graph-ashiya-like.yaml")


@pytest.mark.parametrize(
    ("suffix", "start"), [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF"), (".dot", b'digraph "jusou"')]
)
def test_format_follows_the_extension(tmp_path, suffix, start):
    """-o FILE.svg/.png/.pdf/.dot writes that format and exits 0, leaving no temporary file behind."""
    out = tmp_path / f"flow{suffix}"
    assert main(["graph", PLAN, "--view", "flow", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(start)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_json_exports_the_node_link_graph(capsys):
    """--format json prints the whole graph as node-link JSON (no view needed)."""
    assert main(["graph", PLAN, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["graph"]["jusou"] == "graph/1"
    assert any(node["id"] == "meeting:B-1" for node in data["nodes"])


def test_dot_to_standard_output_and_findings_overlay(capsys):
    """--format dot prints DOT; --findings marks the nodes jusou check has warnings about, in words."""
    assert main(["graph", PLAN, "--view", "flow", "--format", "dot", "--findings"]) == 0
    out = capsys.readouterr().out
    assert "警告: 「本人同意」は未記載です" in out and "NS001" not in out


def test_size_and_dpi(tmp_path, capsys):
    """--size A4 fits the drawing to the page; --dpi sets a PNG's resolution and is refused for other formats."""
    assert main(["graph", PLAN, "--view", "clauses", "--format", "dot", "--size", "A4"]) == 0
    assert 'size="7.1,10.5"' in capsys.readouterr().out
    small, large = tmp_path / "s.png", tmp_path / "l.png"
    assert main(["graph", PLAN, "--view", "flow", "--dpi", "72", "-o", str(small)]) == 0
    assert main(["graph", PLAN, "--view", "flow", "--dpi", "144", "-o", str(large)]) == 0
    width = int.from_bytes(small.read_bytes()[16:20], "big")
    assert int.from_bytes(large.read_bytes()[16:20], "big") in range(2 * width - 2, 2 * width + 3)
    assert main(["graph", PLAN, "--view", "flow", "--dpi", "72", "-o", str(tmp_path / "x.svg")]) == 2
    assert "PNG" in capsys.readouterr().err


def test_missing_graphviz_is_one_line_saying_how_to_install_it(tmp_path, monkeypatch, capsys):
    """Without `dot` on PATH, drawing SVG exits 2 with one line naming the apt-get command; .dot still works."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert main(["graph", PLAN, "--view", "flow", "-o", str(tmp_path / "x.svg")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install graphviz" in err
    assert main(["--lang", "en", "graph", PLAN, "--view", "flow", "-o", str(tmp_path / "x.svg")]) == 2
    assert "Graphviz's dot program was not found" in capsys.readouterr().err
    assert main(["graph", PLAN, "--view", "flow", "-o", str(tmp_path / "x.dot")]) == 0
    assert not (tmp_path / "x.svg").exists()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--view", "flow", "-o", "x.gif"], ".gif"),
        (["--view", "flow", "-o", "x.svg", "--format", "png"], "--format png"),
        (["--view", "flow", "--format", "png"], "-o"),
        (["-o", "x.svg"], "--view"),
        ([], "-o"),
    ],
)
def test_usage_problems_are_one_line_with_exit_2(argv, words, capsys):
    """A bad extension, a format clash, binary output without a file or no view: one line, exit 2."""
    assert main(["--lang", "en", "graph", PLAN, *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err


def test_missing_plan_and_report_are_refused(tmp_path, capsys):
    """A missing file and a report (report/1) are one-line errors with exit 2."""
    assert main(["graph", str(tmp_path / "none.yaml"), "--view", "flow", "--format", "dot"]) == 2
    reports = sorted((ROOT / "reports").glob("*.yaml"))
    if reports:
        assert main(["graph", str(reports[0]), "--view", "flow", "--format", "dot"]) == 2
    assert capsys.readouterr().err.count("\n") == (2 if reports else 1)


def test_a_plan_that_cannot_be_modelled_prints_its_findings_and_exits_1(tmp_path, capsys):
    """A plan with a schema error is not drawn: its findings go to standard error and the exit code is 1."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("jusou: plan/1\n計画名: 1\n", encoding="utf-8")
    out = tmp_path / "x.svg"
    assert main(["graph", str(broken), "--view", "flow", "-o", str(out)]) == 1
    assert "broken.yaml" in capsys.readouterr().err
    assert not out.exists()
