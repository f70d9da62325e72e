"""A rule that crashes is reported, not swallowed: a JS900 finding with the exception's message, and its traceback
on standard error with ``--debug`` or ``JUSOU_DEBUG``, never on standard output."""

from __future__ import annotations

import pytest

import jusou_spec
from jusou_spec.cli import main
from jusou_spec.rules import Rule

from .cli_cases import ROOT

MINIMAL = ROOT / "tests/fixtures/minimal-plan.yaml"
INDICATORS = ROOT / "tests/fixtures/indicators"
FAILURE = "予期しない値 boom-42"

# Each command that runs rules, with a document one of its rules reads and that rule's code.
COMMANDS = {
    "check": (["check", str(MINIMAL)], "CL001"),
    "indicators": (["indicators", str(INDICATORS)], "IN003"),
    "graph": (["graph", "--findings", "--format", "dot", "--view", "clauses", str(MINIMAL)], "CL001"),
}


@pytest.fixture
def failing(monkeypatch):
    """Make the rule with the given code raise ValueError(FAILURE) whenever it runs; the others run as usual."""

    def arm(code: str) -> None:
        run = Rule.__call__

        def call(rule, *documents):
            if rule.code == code:
                raise ValueError(FAILURE)
            return run(rule, *documents)

        monkeypatch.setattr(Rule, "__call__", call)

    monkeypatch.delenv("JUSOU_DEBUG", raising=False)
    return arm


def test_the_finding_names_the_rule_the_exception_and_its_message(failing):
    """Library: one JS900 finding per failing rule, naming rule, exception type and message in both languages."""
    failing("CL001")
    [finding] = [f for f in jusou_spec.check(MINIMAL) if f.code == "JS900"]
    for text in (finding.message.ja, finding.message.en):
        assert "CL001" in text and f"ValueError: {FAILURE}" in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_check_reports_the_failure_on_stdout_without_a_traceback(failing, capsys, lang):
    """`jusou check`: exit 1, a located JS900 line carrying the message, and nothing at all on standard error."""
    failing("CL001")
    code = main(["check", "--lang", lang, str(MINIMAL)])
    out, err = capsys.readouterr()
    [line] = [line for line in out.splitlines() if " error JS900 " in line]
    assert code == 1 and line.startswith(f"{MINIMAL}:") and f"ValueError: {FAILURE}" in line
    assert err == "" and "Traceback" not in out


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("how", ["--debug", "JUSOU_DEBUG=1"])
def test_debug_prints_the_traceback_on_stderr(failing, capsys, monkeypatch, command, how):
    """With --debug or JUSOU_DEBUG=1, each command that runs rules prints the rule's traceback on standard error
    (and only there), naming the file and the rule."""
    argv, rule = COMMANDS[command]
    failing(rule)
    if how == "--debug":
        argv = [*argv, "--debug"]
    else:
        monkeypatch.setenv("JUSOU_DEBUG", "1")
    main(argv)
    out, err = capsys.readouterr()
    assert "Traceback (most recent call last)" in err and f"ValueError: {FAILURE}" in err
    assert f"rule {rule} " in err and "Traceback" not in out


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("value", [None, "0", ""])
def test_without_debug_there_is_no_traceback(failing, capsys, monkeypatch, command, value):
    """Without --debug, and with JUSOU_DEBUG unset, empty or 0, no command prints a traceback anywhere."""
    argv, rule = COMMANDS[command]
    failing(rule)
    if value is not None:
        monkeypatch.setenv("JUSOU_DEBUG", value)
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == (0 if command == "graph" else 1)
