"""The planner's guide shows what the tool does: every YAML example in docs/guide.md is checked.

An example that is a whole document (it has the ``jusou:`` marker) is saved where the guide says it lives
(``plans/mihon.yaml``, ``reports/mihon-r6.yaml``, so a report finds its plan) and checked with ``jusou check``. It
either passes (no error, no warning), or the next block of the guide is a ``text`` block showing its findings: each
finding line shown is the start of one ``jusou check`` prints (up to a closing "…"), and the closing count line is
the one it prints. An example without the marker is a fragment of the guide's plan: written into it (its lists extend the plan's,
its other keys replace the plan's), it may bring only findings its section of the guide names by code, and a
suppression in it must be used.
Any finding line elsewhere in the guide is also one the tool prints.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from jusou_spec.checker import check_source
from jusou_spec.cli import main
from jusou_spec.source import parse_source

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs/guide.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>\w*)\n(?P<body>.*?)^(?P=indent)```$", re.MULTILINE | re.DOTALL)
FINDING_LINE = re.compile(r"^\S+\.ya?ml:\d+:\d+: (?:error|warning|info|suppressed) [A-Z]{2}\d{3} ")
PLACES = {"plan": "plans/mihon.yaml", "report": "reports/mihon-r6.yaml"}


def _blocks() -> list[tuple[str, str]]:
    blocks = []
    for match in FENCE.finditer(GUIDE):
        indent = len(match["indent"])
        body = "\n".join(line[indent:] for line in match["body"].splitlines()) + "\n"
        blocks.append((match["lang"], body))
    return blocks


BLOCKS = _blocks()
EXAMPLES = [(index, body) for index, (lang, body) in enumerate(BLOCKS) if lang == "yaml"]


def _kind(body: str) -> str | None:
    marker = re.search(r"^jusou: (plan|report)/", body, re.MULTILINE)
    return marker[1] if marker else None


def _documents() -> dict[str, str]:
    documents: dict[str, str] = {}
    for _, body in EXAMPLES:
        kind = _kind(body)
        if kind is not None:
            assert kind not in documents, f"the guide has a second whole {kind}; give it a place in PLACES"
            documents[kind] = body
    return documents


DOCUMENTS = _documents()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The guide's documents saved where the guide puts them, as the working folder."""
    for kind, body in DOCUMENTS.items():
        path = tmp_path / PLACES[kind]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JUSOU_LANG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def _printed(place: str, capsys) -> list[str]:
    main(["check", place])
    return capsys.readouterr().out.splitlines()


def _shown_beside(index: int) -> list[str] | None:
    """The lines of the text block that comes next after block ``index``, if the next block is one."""
    if index + 1 < len(BLOCKS) and BLOCKS[index + 1][0] == "text":
        return BLOCKS[index + 1][1].splitlines()
    return None


def _matches(shown: str, printed: list[str]) -> bool:
    start = shown.removesuffix("…")
    return any(line == shown or (shown.endswith("…") and line.startswith(start)) for line in printed)


def test_the_guide_has_a_plan_and_a_report_to_check():
    """The guide's own examples include a whole plan and a whole report (the report refers to the plan)."""
    assert set(DOCUMENTS) == {"plan", "report"}
    assert "計画: {ファイル: ../plans/mihon.yaml}" in DOCUMENTS["report"]


@pytest.mark.parametrize("kind", ["plan", "report"])
def test_a_whole_example_passes_or_shows_its_findings_beside_it(kind, folder, capsys):
    """Each whole document in the guide is clean, or the text block after it shows what jusou check prints."""
    index = next(index for index, body in EXAMPLES if body is DOCUMENTS[kind])
    printed = _printed(PLACES[kind], capsys)
    shown = _shown_beside(index)
    if shown is None:
        assert printed[-1].startswith("エラー 0 件、警告 0 件"), printed
        return
    findings = [line for line in shown if FINDING_LINE.match(line)]
    assert findings, "the text block beside the example shows no finding"
    assert [line for line in findings if not _matches(line, printed)] == []
    assert shown[-1] == printed[-1], "the count line beside the example is not what jusou check prints"


def _laid_over_the_plan(fragment: str) -> str:
    """The guide's plan with the fragment written into it: its lists extend the plan's (the items are added after
    the plan's own, so the plan's pointers stay), its other keys replace the plan's."""
    document = yaml.safe_load(DOCUMENTS["plan"])
    for key, value in (yaml.safe_load(fragment) or {}).items():
        if isinstance(value, list) and isinstance(document.get(key), list):
            document[key] = document[key] + value
        else:
            document[key] = value
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def _section(index: int) -> str:
    """The text of the guide's section (between two headings) that holds block ``index``."""
    start = [match.start() for match in FENCE.finditer(GUIDE)][index]
    headings = [match.start() for match in re.finditer(r"^#+ ", GUIDE, re.MULTILINE)]
    begin = max((at for at in headings if at < start), default=0)
    end = min((at for at in headings if at > start), default=len(GUIDE))
    return GUIDE[begin:end]


def _findings(text: str) -> list[tuple[str, str, str | None]]:
    checked = check_source(parse_source(text, name=PLACES["plan"]))
    return [(f.code, f.pointer, f.suppressed) for f in checked.findings]


FRAGMENTS = [(index, body) for index, body in EXAMPLES if _kind(body) is None]


@pytest.mark.parametrize(("index", "fragment"), FRAGMENTS, ids=[f"block-{index}" for index, _ in FRAGMENTS])
def test_a_fragment_brings_only_the_findings_its_section_names(index, fragment):
    """A fragment written into the guide's plan brings no finding its section of the guide does not name (the
    umbrella example is meant to show CL005), and whatever it suppresses was there to suppress."""
    before = {(code, pointer) for code, pointer, _ in _findings(DOCUMENTS["plan"])}
    after = _findings(_laid_over_the_plan(fragment))
    section = _section(index)
    brought = [(code, pointer) for code, pointer, _ in after if (code, pointer) not in before]
    assert [(code, pointer) for code, pointer in brought if code not in section] == []
    assert not [code for code, _, _ in after if code.startswith("SP")]


def test_every_finding_line_in_the_guide_is_printed_by_the_tool(folder, capsys):
    """A finding shown anywhere in the guide (in 結果を読む too) is one jusou check prints for that file."""
    printed = {place: _printed(place, capsys) for place in PLACES.values()}
    shown = [line for lang, body in BLOCKS if lang == "text" for line in body.splitlines() if FINDING_LINE.match(line)]
    assert shown
    wrong = [line for line in shown if not _matches(line, printed.get(line.split(":", 1)[0], []))]
    assert wrong == []
