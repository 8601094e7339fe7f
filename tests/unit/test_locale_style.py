"""House style the Fluent files must keep: Russian counts agree with their nouns, English quotes.

A Russian noun after a number changes with it (1 курс, 2 курса, 5 курсов), so a number written
straight before a noun is wrong for most numbers. The rule checked here, on the parsed files:

- A variable is a number when a message's `# $var (Number)` comment says so (English or
  Russian), or when any message of either locale uses it as a plural selector
  (`{ $var -> [one] … }`) or in `NUMBER($var)`.
- Such a variable placed in Russian text is a *count* unless it is an id or a position shown
  as `№{ $id }`, or sits inside a variant of a selector on that same variable (the variant
  already holds the right form).
- A count directly followed, on the same line, by a Russian word is an error, unless the word
  never agrees with a number (a preposition, conjunction or abbreviation such as «из», «и», «с»).
  Write `{ $count } { $count -> [one] курс [few] курса *[many] курсов }`, or put the number
  after a colon: «Пропустили: { $count }».

English texts quote with “…”, never «…».
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fluent.syntax import FluentParser, FluentSerializer, ast
from fluent.syntax.visitor import Visitor

from bot.i18n import LOCALES_DIR

# Words that may follow a number without agreeing with it: prepositions, conjunctions, and the
# abbreviation «с» (seconds) — none of them changes between 1, 2 and 5.
NON_AGREEING = frozenset({"из", "и", "или", "в", "во", "на", "до", "от", "по", "с"})
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})
DECLARED_NUMBER = re.compile(r"((?:\$\w+\s*,\s*)*\$\w+)\s*\(Number")
WORD_AFTER = re.compile(r"^[ \u00a0]+([А-Яа-яЁё]+)")


def _messages(locale: str) -> dict[str, ast.Message]:
    out: dict[str, ast.Message] = {}
    for path in sorted((LOCALES_DIR / locale).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message):
                out[entry.id.name] = entry
    return out


def _patterns(message: ast.Message) -> Iterator[ast.Pattern]:
    if message.value is not None:
        yield message.value
    for attribute in message.attributes:
        yield attribute.value


def _declared_numbers(message: ast.Message | None) -> set[str]:
    if message is None or message.comment is None:
        return set()
    found: set[str] = set()
    for match in DECLARED_NUMBER.finditer(message.comment.content):
        found |= set(re.findall(r"\$(\w+)", match[1]))
    return found


def _numbers_by_use(messages: list[ast.Message]) -> set[str]:
    """Variables some message selects a plural form by, or formats with NUMBER()."""
    found: set[str] = set()

    class Uses(Visitor):
        def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
            keys = {
                v.key.name if isinstance(v.key, ast.Identifier) else "number"
                for v in node.variants
            }
            if isinstance(node.selector, ast.VariableReference) and keys & (
                PLURAL_CATEGORIES | {"number"}
            ):
                found.add(node.selector.id.name)
            self.generic_visit(node)

        def visit_FunctionReference(self, node: ast.FunctionReference) -> None:
            if node.id.name == "NUMBER":
                for arg in node.arguments.positional:
                    if isinstance(arg, ast.VariableReference):
                        found.add(arg.id.name)
            self.generic_visit(node)

    for message in messages:
        Uses().visit(message)
    return found


def _number_variable(expression: ast.BaseNode, numbers: set[str]) -> str | None:
    if isinstance(expression, ast.FunctionReference) and expression.id.name == "NUMBER":
        expression = expression.arguments.positional[0]
    if isinstance(expression, ast.VariableReference) and expression.id.name in numbers:
        return str(expression.id.name)
    return None


@dataclass(frozen=True)
class Problem:
    key: str
    variable: str
    word: str

    def __str__(self) -> str:
        return f"{self.key}: {{ ${self.variable} }} {self.word}"


def _counts_before_words(
    key: str, pattern: ast.Pattern, numbers: set[str], selected: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    elements = pattern.elements
    for index, element in enumerate(elements):
        if not isinstance(element, ast.Placeable):
            continue
        expression = element.expression
        if isinstance(expression, ast.SelectExpression):
            inner = selected
            if isinstance(expression.selector, ast.VariableReference):
                inner = selected | {expression.selector.id.name}
            for variant in expression.variants:
                yield from _counts_before_words(key, variant.value, numbers, inner)
            continue
        variable = _number_variable(expression, numbers)
        if variable is None or variable in selected:
            continue
        before = elements[index - 1] if index else None
        if isinstance(before, ast.TextElement) and before.value.endswith(("№", "#")):
            continue  # an id or a position: №1234
        after = elements[index + 1] if index + 1 < len(elements) else None
        if not isinstance(after, ast.TextElement):
            continue
        word = WORD_AFTER.match(after.value)
        if word and word[1].lower() not in NON_AGREEING:
            yield Problem(key, variable, word[1])


def russian_counts_without_plural_forms() -> list[str]:
    en, ru = _messages("en"), _messages("ru")
    by_use = _numbers_by_use([*en.values(), *ru.values()])
    problems: list[str] = []
    for key, message in ru.items():
        numbers = by_use | _declared_numbers(message) | _declared_numbers(en.get(key))
        for pattern in _patterns(message):
            problems += [str(p) for p in _counts_before_words(key, pattern, numbers)]
    return problems


def test_russian_counts_before_a_noun_have_plural_forms():
    assert russian_counts_without_plural_forms() == []


def _texts(message: ast.Message) -> list[str]:
    texts: list[str] = []

    class Texts(Visitor):
        def visit_TextElement(self, node: ast.TextElement) -> None:
            texts.append(node.value)

        def visit_StringLiteral(self, node: ast.StringLiteral) -> None:
            texts.append(node.value)

    Texts().visit(message)
    return texts


def test_english_texts_quote_with_curly_quotes_not_guillemets():
    wrong = [
        key
        for key, message in _messages("en").items()
        if any("«" in text or "»" in text for text in _texts(message))
    ]
    assert wrong == []


# Country names exist in the nominative only, so «страны «Азербайджан»» (a genitive noun
# followed by a quoted nominative) reads as clumsy officialese; issue 14 settled on forms where
# the nominative fits: «вашей страны (Азербайджан)», «Страна: Азербайджан».
COUNTRY_IN_QUOTES = re.compile(r"стран[аеуыой]*\s+«\{\s*\$country\s*\}»")


def test_russian_texts_do_not_quote_a_country_after_the_word_country():
    wrong = [
        key
        for key, message in _messages("ru").items()
        if COUNTRY_IN_QUOTES.search(FluentSerializer().serialize_entry(message))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("m = Уже записаны { $count } человек.", ["m: { $count } человек"]),
        ("m = слишком длинно: { $length } символов", ["m: { $length } символов"]),
        ("m = { NUMBER($count) } курсов", ["m: { $count } курсов"]),
        ("m = Пропустили: { $count }", []),
        ("m = отправлено { $count } из { $total }", []),
        ("m = курс №{ $id } создан", []),
        ("m = { $title } изменён", []),
        (
            "m = { $count } { $count ->\n    [one] курс\n    [few] курса\n   *[many] курсов\n}",
            [],
        ),
        ("m = { $count ->\n    [one] { $count } курс\n   *[many] { $count } курсов\n}", []),
    ],
)
def test_the_plural_rule_flags_counts_before_nouns_only(source, flagged):
    message = FluentParser().parse(source + "\n").body[0]
    assert isinstance(message, ast.Message) and message.value is not None
    numbers = {"count", "length", "total", "id"}
    found = [str(p) for p in _counts_before_words("m", message.value, numbers)]
    assert found == flagged


GENDER_HEDGE = re.compile(r"[А-Яа-яЁё]\((?:а|ла|на|ён|ая)\)|\(её\)|\(ей\)")


def test_russian_texts_do_not_hedge_gender_with_brackets():
    """«выдвинул(а)», «его (её)» read as a form to fill in: Russian texts are written so the
    sentence needs no gender (an impersonal or plural verb, a noun, «сотрудник»)."""
    hedged = sorted(
        f"{path.name}: {line.strip()}"
        for path in (LOCALES_DIR / "ru").glob("*.ftl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#") and GENDER_HEDGE.search(line)
    )
    assert hedged == []


def test_russian_texts_call_the_built_in_surveys_standard():
    """Issue 15: /help and /newsurvey call the bot's own surveys «стандартный», so the
    template buttons and every other text say the same, never «встроенный»."""
    mixed = sorted(
        f"{path.name}: {line.strip()}"
        for path in (LOCALES_DIR / "ru").glob("*.ftl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#") and "встроенн" in line.lower()
    )
    assert mixed == []
