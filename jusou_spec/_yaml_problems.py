"""libyaml's error messages, explained in plain Japanese (and English) for planners.

The parser's words ("mapping values are not allowed in this context") are exact but opaque to someone who edits a
plan in Notepad. Each common problem gets a sentence that says what is wrong and how to fix it; the parser's own
words stay in the message so that nothing is lost. Unknown problems fall back to a general hint.
"""

from __future__ import annotations

import re

from jusou_spec.findings import Message

__all__ = ["explain", "full_width_hint"]

_QUOTE = '値全体を引用符（"）で囲んでください'

# (pattern over "context / problem", Japanese explanation, English hint). {where} is "N 行目の" / "on line N".
_EXPLANATIONS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), ja, en)
    for pattern, ja, en in (
        (
            r"quoted scalar.*(end of stream|document indicator)",
            "引用符（\" または '）が閉じられていません。{where}引用符で始まる値の終わりに、同じ引用符を"
            "付けてください。",
            "A quote (\" or ') is not closed: end the value that starts with a quote {where} with the same quote.",
        ),
        (
            r"mapping values are not allowed",
            "この位置には「:」（コロン）を書けません。値の中で「: 」を使うときは" + _QUOTE + '（例: 説明: "時間: '
            '10時から"）。この行の字下げが前の行とずれている場合にも起こります。',
            "A ':' is not allowed here: quote the whole value if it contains ': ', or check this line's indentation.",
        ),
        (
            r"could not find expected ':'",
            "「キー: 値」の「:」が見つかりません。{where}キーの後に「: 」（コロンと半角スペース）を書いてください。"
            "前の行から続く文章なら、" + _QUOTE + "。",
            "Expected ':' after the key {where}: write 'key: value'; quote a value that continues over lines.",
        ),
        (
            r"did not find expected key|expected <block end>",
            "字下げ（インデント）がそろっていないか、「キー: 値」の形になっていない行があります。同じ階層のキーは"
            "同じ桁から書き始め、字下げには半角スペースを使ってください。",
            "The indentation does not line up, or a line is not 'key: value': keys of one level start in one column.",
        ),
        (
            r"did not find expected '-' indicator",
            "リストの項目の並びがそろっていません。各項目は同じ桁で「- 」（ハイフンと半角スペース）から書き始めて"
            "ください。",
            "The items of a list do not line up: start each item with '- ' in the same column.",
        ),
        (
            r"',' or '\]'",
            "{where}「[」で始まるリストが「]」で閉じられていないか、項目の間の「,」が抜けています。文字として「[」を"
            "使うときは" + _QUOTE + "。",
            "The list that starts with '[' {where} is not closed with ']', or a ',' is missing between its items.",
        ),
        (
            r"',' or '\}'",
            "{where}「{{」で始まる部分が「}}」で閉じられていないか、「,」が抜けています。文字として「{{」を使うときは"
            + _QUOTE
            + "。",
            "The mapping that starts with '{{' {where} is not closed with '}}', or a ',' is missing.",
        ),
        (
            r"block sequence entries are not allowed",
            "この位置では「- 」でリストを始められません。「キー:」の後で改行し、次の行から字下げして「- 」を書いて"
            "ください。",
            "A list cannot start here: end the line after 'key:' and write the '- ' items on the next lines, indented.",
        ),
        (
            r"mapping keys are not allowed",
            "「?」はこの位置では使えません。文字として使うときは" + _QUOTE + "。",
            "A '?' is not allowed here: quote the value if it is text.",
        ),
        (
            r"cannot start any token",
            "「{char}」は値の先頭に書けない記号です。" + _QUOTE + '（例: "{char}…"）。',
            "'{char}' cannot start a value: quote the whole value.",
        ),
        (
            r"unknown escape character|escape code",
            '二重引用符（"）の中で「\\」の後に使えない文字があります。「\\」そのものは「\\\\」と書くか、値を単一引用符'
            "（'）で囲んでください。",
            "Inside double quotes a '\\' starts an escape: write '\\\\' for a backslash, or use single quotes.",
        ),
        (
            r"(anchor|alias).*alphabetic or numeric",
            "「&」や「*」で始まる値は YAML のアンカー・エイリアスとして扱われます。その名前には半角英数字を使って"
            "ください。文字として使うときは" + _QUOTE + "。",
            "A value starting with '&' or '*' is an anchor or alias, named with ASCII letters and digits: quote it "
            "if it is text.",
        ),
        (
            r"tag handle|while scanning a tag",
            "「!」で始まる値は YAML のタグとして扱われます。文字として使うときは" + _QUOTE + "。",
            "A value starting with '!' is a tag: quote it if it is text.",
        ),
        (
            r"block scalar.*(comment or line break|indentation indicator)",
            "「|」や「>」の後には何も書かずに改行し、本文は次の行から字下げして書いてください。",
            "Nothing may follow '|' or '>' on its line: write the text on the next lines, indented.",
        ),
        (
            r"directive|incompatible YAML document",
            "「%」で始まる指示行（ディレクティブ）に誤りがあります。「%YAML」などの行は不要なので削除してください。",
            "A '%' directive line is wrong; such lines are not needed: delete them.",
        ),
        (
            r"expected <document start>",
            "文書の終わりの印（「...」）の後に内容があります。「...」の行を削除してください。",
            "There is content after the end-of-document marker '...': delete that line.",
        ),
        (
            r"node content",
            "値があるべき位置に値がありません。「,」「:」「-」の前後を確認してください。",
            "A value is missing here: check around ',', ':' and '-'.",
        ),
    )
)

_FALLBACK = (
    "YAML として正しく読めません。この位置とその前の行の書き方（字下げ、引用符、「:」や「-」の後の半角スペース）を"
    "確認してください。",
    "Check this line and the one before it (indentation, quotes, a space after ':' and '-').",
)


_FULL_WIDTH_COLON = re.compile(r"^[ ]*(?:-[ ]+)?(?P<key>[^\s:：#'\"][^:：#]*?)：")
_FULL_WIDTH_INDENT = re.compile(r"^[ ]*\u3000")


def full_width_hint(lines: dict[int, str]) -> tuple[str, str] | None:
    """A sentence naming a full-width colon after a key, or a full-width space in the indentation, on one of
    ``lines`` (1-based numbers to text): both look right in an editor and are what a planner typing in Japanese
    input mode writes, and the parser's complaint about what follows never names them."""
    for number, text in sorted(lines.items()):
        if _FULL_WIDTH_INDENT.match(text):
            return (
                f"{number} 行目の字下げに全角スペース（「　」）があります。字下げは半角スペースで書いてください。",
                f"Line {number} is indented with a full-width space (U+3000): indent with ASCII spaces.",
            )
        colon = _FULL_WIDTH_COLON.match(text)
        if colon:
            key = colon["key"].strip()
            return (
                f"{number} 行目の「{key}：」の「：」は全角のコロンです。キーの後は半角の「: 」（コロンと半角スペース）で"
                "書いてください。",
                f"Line {number}: the colon after '{key}' is a full-width '：' (U+FF1A): write an ASCII ': ' after a key.",
            )
    return None


def explain(
    problem: str, context: str | None, context_line: int | None, char: str, *, lines: dict[int, str] | None = None
) -> Message:
    """The SR001 message for a parser problem; ``context_line`` is the 1-based line the parser's context began on;
    ``lines`` are the lines around the problem, searched for a full-width colon or indentation."""
    subject = f"{context or ''} / {problem}"
    ja, en = next(((ja, en) for pattern, ja, en in _EXPLANATIONS if pattern.search(subject)), _FALLBACK)
    hint = full_width_hint(lines or {})
    if hint is not None:
        ja, en = hint
    visible = bool(char) and char.isprintable() and not char.isspace()
    ja = ja.format(where=f"{context_line} 行目の" if context_line else "", char=char if visible else "この文字")
    en = en.format(where=f"on line {context_line}" if context_line else "", char=char if visible else "this character")
    detail = f"{problem} ({context})" if context else problem
    return Message(
        ja=f"YAML の書き方に誤りがあります。{ja}（解析器の説明: {detail}）",
        en=f"YAML syntax error: {detail}. {en}",
    )
