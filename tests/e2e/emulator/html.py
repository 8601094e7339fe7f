"""Telegram HTML (parse_mode=HTML), modelled on the parser in TDLib: same tag set, same
errors, the same plain text and entities."""

from __future__ import annotations

import re

from tests.e2e.emulator.model import ApiError, Params, bad

# tag -> Bot API entity type
_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
# As TDLib reads them: &lt; &gt; &amp; &quot; and numeric references (hex with a small x),
# the ';' optional; any other '&' is kept literally.
_HTML_ENTITY = re.compile(r"&(?:#x([0-9a-fA-F]*)|#([0-9]*)|([A-Za-z]*));?")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ATTR_NAME = re.compile(r"[A-Za-z0-9_-]+")


def _entity_at(text: str, pos: int) -> tuple[str, int] | None:
    """The character the entity at `pos` stands for and where it ends, or None for a '&'
    that Telegram keeps as it is."""
    m = _HTML_ENTITY.match(text, pos)
    if m is None:
        return None
    hex_digits, digits, name = m.groups()
    if name is not None:
        char = _NAMED.get(name)
        return (char, m.end()) if char is not None else None
    number = hex_digits if hex_digits is not None else digits
    code = int(number, 16 if hex_digits is not None else 10) if number else 0
    reference_end = m.end(1) if hex_digits is not None else m.end(2)
    if code == 0 or code >= 0x10FFFF or reference_end - pos >= 10:
        return None
    return chr(code), m.end()


def _unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        found = _entity_at(text, i) if text[i] == "&" else None
        out.append(found[0] if found else text[i])
        i = found[1] if found else i + 1
    return "".join(out)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> tuple[str, list[Params]]:
    """Return (plain text, Bot API entities) or raise ApiError like Telegram does."""

    def fail(reason: str) -> ApiError:
        return bad(f"can't parse entities: {reason}")

    def at(pos: int) -> int:  # Telegram reports byte offsets in UTF-8
        return len(text[:pos].encode())

    out: list[str] = []
    plain_len = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    spans: list[tuple[str, int, int, dict[str, str]]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "&":
            found = _entity_at(text, i)
            piece = found[0] if found else "&"  # a lone '&' is kept literally, as Telegram does
            out.append(piece)
            plain_len += len(piece)
            i = found[1] if found else i + 1
            continue
        if ch != "<":
            out.append(ch)
            plain_len += 1
            i += 1
            continue
        begin = i
        if text.startswith("</", i):
            end = text.find(">", i)
            if end == -1:
                raise fail(f"Unclosed end tag at byte offset {at(begin)}")
            name = text[i + 2 : end].strip().lower()
            if not stack:
                raise fail(f"Unexpected end tag at byte offset {at(begin)}")
            open_name, start, open_attrs = stack.pop()
            if name != open_name:
                raise fail(
                    f'Unmatched end tag at byte offset {at(begin)}, expected "</{open_name}>",'
                    f' found "</{name}>"'
                )
            spans.append((open_name, start, plain_len, open_attrs))
            i = end + 1
            continue
        j = i + 1
        while j < n and not text[j].isspace() and text[j] != ">":
            j += 1
        if j >= n:
            raise fail(f"Unclosed start tag at byte offset {at(begin)}")
        name = text[i + 1 : j].lower()
        if name not in _HTML_TAGS:
            raise fail(f'Unsupported start tag "{name}" at byte offset {at(begin)}')
        attrs: dict[str, str] = {}
        k = j
        while True:
            while k < n and text[k].isspace():
                k += 1
            if k >= n:
                raise fail(f"Unclosed start tag at byte offset {at(begin)}")
            if text[k] == ">":
                k += 1
                break
            m = _ATTR_NAME.match(text, k)
            if not m:
                raise fail(f'Empty attribute name in the tag "{name}" at byte offset {at(begin)}')
            attr, k, value = m.group(0).lower(), m.end(), ""
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k] == "=":
                k += 1
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] in "\"'":
                    close = text.find(text[k], k + 1)
                    if close == -1:
                        raise fail(f"Unclosed start tag at byte offset {at(begin)}")
                    value, k = text[k + 1 : close], close + 1
                else:
                    v = k
                    while k < n and not text[k].isspace() and text[k] != ">":
                        k += 1
                    value = text[v:k]
            attrs[attr] = _unescape(value)
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise fail(f'Tag "span" must have class "tg-spoiler" at byte offset {at(begin)}')
        if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
            raise fail(f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {at(begin)}')
        stack.append((name, plain_len, attrs))
        i = k
    if stack:
        raise fail(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')

    # Telegram strips surrounding whitespace from the final text and shifts entities.
    joined = "".join(out)
    lead = len(joined) - len(joined.lstrip())
    plain = joined.strip()
    entities: list[Params] = []
    # <pre><code class="language-x"> is one pre entity with a language, not two entities.
    languages = {
        (start, end): attrs.get("class", "").removeprefix("language-")
        for name, start, end, attrs in spans
        if name == "code"
    }
    pre_spans = {(start, end) for name, start, end, _ in spans if name == "pre"}
    for name, start, end, attrs in sorted(spans, key=lambda s: (s[1], -s[2])):
        if name == "code" and (start, end) in pre_spans:
            continue
        language = languages.get((start, end), "") if name == "pre" else ""
        start, end = max(start - lead, 0), min(end - lead, len(plain))
        if end <= start:
            continue  # Telegram drops empty entities
        entity: Params = {"type": _HTML_TAGS[name]}
        entity["offset"] = _utf16_len(plain[:start])
        entity["length"] = _utf16_len(plain[start:end])
        if name == "a":
            if "href" not in attrs:
                continue
            entity["url"] = attrs["href"]
        elif name == "blockquote" and "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
        elif name == "tg-emoji":
            entity["custom_emoji_id"] = attrs["emoji-id"]
        elif name == "pre" and language:
            entity["language"] = language
        entities.append(entity)
    return plain, entities
