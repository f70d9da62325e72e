"""jusou.toml and the command line's --select/--ignore: which rules run, how severe, found by walking up; a bad
configuration is a located finding (CF001-CF005) or a one-line error, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jusou_spec.cli import main
from jusou_spec.config import Config, find_config, load_config, parse_config
from jusou_spec.findings import Severity
from jusou_spec.fiscal import FiscalYear

from .cli_cases import ROOT
from .profiles import scaled

MINIMAL = (ROOT / "tests/fixtures/minimal-plan.yaml").read_text(encoding="utf-8")
# A plan with one warning of each of three groups: DL001 (a contract without contractor), NS001, DP001.
WARNINGS = MINIMAL.replace(
    "  - id: アウトリーチ\n    名称: アウトリーチ等を通じた継続的支援事業\n    号: 第4号\n    所管課: [地域福祉課]",
    "  - id: アウトリーチ\n    名称: アウトリーチ等を通じた継続的支援事業\n    号: 第4号\n    実施方式: [委託]\n"
    "    所管課: {未記載: 見本のため}",
)


def _repository(tmp_path, config: str | None, *, plan: str = WARNINGS):
    """A repository (with .git) holding plans/plan.yaml and, if given, a jusou.toml at its top."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "plans").mkdir()
    path = tmp_path / "plans" / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    if config is not None:
        (tmp_path / "jusou.toml").write_text(config, encoding="utf-8")
    return path


def _codes(argv, capsys, monkeypatch, cwd):
    monkeypatch.chdir(cwd)
    code = main(["check", "--format", "json", *argv])
    import json

    return code, sorted({record["rule"] for record in json.loads(capsys.readouterr().out)})


def test_the_plan_has_the_three_warnings_the_other_tests_select_from(tmp_path, capsys, monkeypatch):
    """Without configuration: DL001, DP001 and NS001, exit 0."""
    path = _repository(tmp_path, None)
    assert _codes([str(path)], capsys, monkeypatch, tmp_path) == (0, ["DL001", "DP001", "NS001"])


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--select", "DL001"], ["DL001"]),
        (["--select", "dl"], ["DL001"]),
        (["--select", "delivery,not-stated"], ["DL001", "NS001"]),
        (["--ignore", "departments.responsible"], ["DL001", "NS001"]),
        (["--ignore", "DL", "--ignore", "NS001"], ["DP001"]),
        (["--select", "DL,DP", "--ignore", "DP001"], ["DL001"]),
    ],
)
def test_select_and_ignore_by_code_group_or_name(argv, expected, tmp_path, capsys, monkeypatch):
    """--select/--ignore take codes, group letters, group names and dotted names, comma-separated or repeated."""
    path = _repository(tmp_path, None)
    assert _codes([*argv, str(path)], capsys, monkeypatch, tmp_path) == (0, expected)


@pytest.mark.parametrize(("selector", "says"), [("XX9", "という規則・グループはありません"), ("SV001", "基本の検査")])
def test_an_unknown_or_basic_selector_is_a_usage_error(selector, says, tmp_path, capsys):
    """A selector naming nothing, or a basic check, stops the command with exit 2 and one line."""
    path = _repository(tmp_path, None)
    assert main(["check", "--ignore", selector, str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err


def test_the_configuration_above_the_file_applies(tmp_path, capsys, monkeypatch):
    """jusou.toml at the repository's top: its ignore, its severity override and its strict all apply."""
    path = _repository(tmp_path, '[check]\nignore = ["NS"]\nstrict = true\n\n[check.severity]\nDL001 = "error"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--lang", "en", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1:3] for line in lines[:-1]] == [["error", "DL001"], ["warning", "DP001"]]
    assert lines[-1] == "1 error(s), 1 warning(s), 0 info in 1 file(s)"


def test_the_command_line_select_replaces_the_file_s_and_ignore_adds(tmp_path, capsys, monkeypatch):
    """select in the file is replaced by --select; ignore in the file is kept and extended by --ignore."""
    path = _repository(tmp_path, '[check]\nselect = ["DL"]\nignore = ["NS001"]\n')
    assert _codes([str(path)], capsys, monkeypatch, tmp_path) == (0, ["DL001"])
    assert _codes(["--select", "NS,DP", str(path)], capsys, monkeypatch, tmp_path) == (0, ["DP001"])
    assert _codes(["--select", "NS,DP,DL", "--ignore", "DP", str(path)], capsys, monkeypatch, tmp_path) == (
        0,
        ["DL001"],
    )


def test_no_configuration_is_taken_from_outside_the_repository(tmp_path, capsys, monkeypatch):
    """A jusou.toml above the folder with .git is not used."""
    (tmp_path / "jusou.toml").write_text('[check]\nignore = ["DL", "DP", "NS"]\n', encoding="utf-8")
    inner = tmp_path / "repo"
    inner.mkdir()
    path = _repository(inner, None)
    assert find_config(path) is None
    assert _codes([str(path)], capsys, monkeypatch, inner) == (0, ["DL001", "DP001", "NS001"])


def test_config_option_names_the_file(tmp_path, capsys, monkeypatch):
    """--config uses that file instead of the one found; a missing one is a usage error (exit 2)."""
    path = _repository(tmp_path, None)
    other = tmp_path / "other.toml"
    other.write_text('[check]\nselect = ["NS"]\n', encoding="utf-8")
    assert _codes(["--config", str(other), str(path)], capsys, monkeypatch, tmp_path) == (0, ["NS001"])
    assert main(["check", "--config", str(tmp_path / "none.toml"), str(path)]) == 2
    assert "none.toml" in capsys.readouterr().err


BAD = {
    "syntax": ('[check\nignore = ["NS"]\n', "CF001", 1, 7),
    "unknown table": ('[indicator]\nas-of = "R6"\n', "CF002", 1, 1),
    "unknown key": ("[check]\nstric = true\n", "CF002", 2, 1),
    "wrong type": ('[check]\nstrict = "yes"\n', "CF003", 2, 1),
    "bad severity": ('[check.severity]\nDL001 = "loud"\n', "CF003", 2, 1),
    "bad year": ('[indicators]\nas-of = "R99x"\n', "CF003", 2, 1),
    "unknown rule": ('[check]\nignore = ["NS", "XX9"]\n', "CF004", 2, 18),
    "basic check": ('[check.severity]\nSV001 = "warning"\n', "CF005", 2, 1),
    "not utf-8": ("[check]\n# 設定\n".encode("cp932"), "CF001", 1, 1),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_configuration_is_a_located_finding_in_the_file(name, tmp_path, capsys, monkeypatch):
    """Each problem is one finding of its code in jusou.toml at its line and column, exit 1, no traceback."""
    text, code, line, column = BAD[name]
    _repository(tmp_path, None)
    config = tmp_path / "jusou.toml"
    config.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    for lang in ("ja", "en"):
        exit_code = main(["check", "--lang", lang, "plans/plan.yaml"])
        out, err = capsys.readouterr()
        assert exit_code == 1 and "Traceback" not in out + err
        assert f"jusou.toml:{line}:{column}: error {code} " in out, out


def test_a_bad_part_is_left_out_and_the_rest_applies():
    """An unknown selector is dropped from ignore, the known one stays."""
    config, findings = parse_config('[check]\nignore = ["NS", "XX9"]\n')
    assert config.ignore == ("NS",) and [f.code for f in findings] == ["CF004"]


def test_the_indicator_settings_are_a_typed_value(tmp_path):
    """[indicators] as-of reads every fiscal-year spelling into a FiscalYear; absent, it is None."""
    for spelling in ('"R6"', '"令和6年度"', "2024", '"２０２４年度"'):
        config, findings = parse_config(f"[indicators]\nas-of = {spelling}\n")
        assert findings == [] and config.indicators.as_of == FiscalYear(2024)
    assert parse_config("")[0].indicators.as_of is None
    (tmp_path / "jusou.toml").write_text('[indicators]\nas-of = "R7"\n', encoding="utf-8")
    config, _ = load_config(tmp_path / "jusou.toml")
    assert config.indicators.as_of == FiscalYear(2025) and config.path == tmp_path / "jusou.toml"


def test_severity_overrides_prefer_the_code_to_its_group():
    """DL = info but DL001 = error: DL001 is an error, DL002 information."""
    config, findings = parse_config('[check.severity]\nDL = "info"\nDL001 = "error"\n')
    severities = config.severities()
    assert findings == []
    assert (severities["DL001"], severities["DL002"]) == (Severity.ERROR, Severity.INFO)


def test_defaults_run_every_rule():
    """No configuration: every rule runs, nothing is re-graded, not strict."""
    config = Config()
    from jusou_spec.rules import RULES

    assert config.rules() == RULES and config.severities() == {} and not config.strict


_PIECES = st.sampled_from(
    [
        *'[]."=#\n ,{}',
        "check",
        "indicators",
        "as-of",
        "severity",
        "select",
        "ignore",
        "strict",
        "true",
        "1",
        '"R6"',
        '"DL"',
        '"SV001"',
        '"info"',
        '"XX"',
        "日本",
        "'",
        "[[",
        "]]",
    ]
)


@scaled(5)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_no_configuration_text_raises(text):
    """Property: any text gives a configuration and findings, never an exception."""
    config, findings = parse_config(text)
    assert isinstance(config, Config)
    assert all(f.line and f.line >= 1 and f.column and f.column >= 1 for f in findings)


def test_strict_in_the_configuration_makes_warnings_fail(tmp_path, capsys, monkeypatch):
    """Only warnings: exit 0 by default, 1 when jusou.toml says strict = true."""
    path = _repository(tmp_path, None)
    monkeypatch.chdir(tmp_path)
    assert main(["check", str(path)]) == 0
    (tmp_path / "jusou.toml").write_text("[check]\nstrict = true\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    capsys.readouterr()


def test_jusou_indicators_takes_as_of_from_the_configuration(tmp_path, capsys, monkeypatch):
    """[indicators] as-of is the default of `jusou indicators --as-of`; the command line still wins."""
    import json
    import shutil

    (tmp_path / ".git").mkdir()
    shutil.copytree(ROOT / "tests/fixtures/indicators", tmp_path / "indicators")
    monkeypatch.chdir(tmp_path)

    def as_of(*argv: str) -> str:
        main(["indicators", "--format", "json", *argv, "indicators"])
        return json.loads(capsys.readouterr().out)["groups"][0]["as_of"]

    assert as_of() == "R6"  # the reports' last year
    (tmp_path / "jusou.toml").write_text('[indicators]\nas-of = "令和7年度"\n', encoding="utf-8")
    assert as_of() == "R7"
    assert as_of("--as-of", "R5") == "R5"
