"""Draw a recorded flow as Telegram's phone chat (HTML) and screenshot it with headless
Chromium: 390 px wide at device scale 2, as tall as the chat."""

from __future__ import annotations

import asyncio
import base64
import html
import io
import itertools
import json
import math
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import aiohttp
from PIL import Image

Params = dict[str, Any]

WIDTH = 390
SCALE = 2
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = (
    "The screens are drawn with headless Chromium, which was not found. On Debian/Ubuntu:\n"
    "  apt-get install -y chromium fonts-noto-core fonts-noto-color-emoji\n"
    "(set CHROMIUM=/path/to/chromium to use another build). The JSON files are written already;"
    " `python -m tests.e2e.screens render` draws them once Chromium is there."
)


class ChromiumMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


# ------------------------------------------------------------------------------ text
# What Telegram's apps highlight in plain text by themselves: commands, links, @names.
AUTO_LINK = re.compile(
    r"(?<![\w/])/[A-Za-z_][A-Za-z0-9_]*|https?://[^\s<]+[^\s<.,:;)»”]|(?<!\w)@\w{4,}"
)
TAGS = {
    "bold": ("<b>", "</b>"),
    "italic": ("<i>", "</i>"),
    "underline": ("<u>", "</u>"),
    "strikethrough": ("<s>", "</s>"),
    "code": ("<code>", "</code>"),
    "pre": ("<pre>", "</pre>"),
    "spoiler": ('<span class="spoiler">', "</span>"),
    "blockquote": ("<blockquote>", "</blockquote>"),
    "expandable_blockquote": ('<blockquote class="expandable">', "</blockquote>"),
    "url": ('<a class="link">', "</a>"),
    "mention": ('<a class="link">', "</a>"),
    "bot_command": ('<a class="link">', "</a>"),
    "email": ('<a class="link">', "</a>"),
}


def _utf16_index(text: str) -> list[int]:
    """Python index of each UTF-16 offset (entities count UTF-16 code units)."""
    index = []
    for position, char in enumerate(text):
        index.extend([position] * (2 if ord(char) > 0xFFFF else 1))
    index.append(len(text))
    return index


def _auto_links(text: str) -> str:
    out, last = [], 0
    for match in AUTO_LINK.finditer(text):
        out += [html.escape(text[last : match.start()]), '<a class="link">']
        out += [html.escape(match.group()), "</a>"]
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def entities_html(text: str, entities: list[Params]) -> str:
    """Text with its Bot API entities as HTML; untagged stretches get the apps' auto-links."""
    at = _utf16_index(text)
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for entity in sorted(entities, key=lambda e: (e["offset"], -e["length"])):
        start = at[min(entity["offset"], len(at) - 1)]
        end = at[min(entity["offset"] + entity["length"], len(at) - 1)]
        kind = entity["type"]
        if kind == "text_link":
            pair = (f'<a class="link" title="{html.escape(entity.get("url", ""))}">', "</a>")
        else:
            pair = TAGS.get(kind, ("<span>", "</span>"))
        opens.setdefault(start, []).append(pair[0])
        closes.setdefault(end, []).insert(0, pair[1])
    out: list[str] = []
    plain_from = 0
    depth = 0
    for position in range(len(text) + 1):
        if position in closes or position in opens:
            if depth == 0:
                out.append(_auto_links(text[plain_from:position]))
            else:
                out.append(html.escape(text[plain_from:position]))
            plain_from = position
            for tag in closes.get(position, []):
                out.append(tag)
                depth -= 1
            for tag in opens.get(position, []):
                out.append(tag)
                depth += 1
    out.append(_auto_links(text[plain_from:]) if depth == 0 else html.escape(text[plain_from:]))
    # Telegram draws a quote as a block: the line break right after it is not an empty line.
    return re.sub(r"</blockquote>\n", "</blockquote>", "".join(out))


# ------------------------------------------------------------------------------ the page
def _buttons(rows: list[list[Params]]) -> str:
    out = ['<div class="keyboard">']
    for row in rows:
        out.append('<div class="row">')
        for button in row:
            arrow = '<span class="arrow">↗</span>' if button.get("url") else ""
            out.append(
                f'<div class="button"><span>{html.escape(button["text"])}</span>{arrow}</div>'
            )
        out.append("</div>")
    out.append("</div>")
    return "".join(out)


def _size(size: int, words: dict[str, str]) -> str:
    """A file's size as Telegram shows it: "2.0 KB"; "2,0 КБ" in Russian."""
    if size < 1024:
        return f"{size} {words['bytes']}"
    if size < 1024 * 1024:
        shown, unit = f"{size / 1024:.1f}", words["kb"]
    else:
        shown, unit = f"{size / 1024 / 1024:.1f}", words["mb"]
    return f"{shown.replace('.', words['decimal'])} {unit}"


# The words of Telegram's own interface (and the page's "tapped" mark) in the chat's language:
# a Russian screen shows no English but the bot's.
UI_WORDS = {
    "en": {
        "edited": "edited",
        "tapped": "tapped",
        "bot": "bot",
        "photo": "Photo",
        "bytes": "B",
        "kb": "KB",
        "mb": "MB",
        "decimal": ".",
    },
    "ru": {
        "edited": "изменено",
        "tapped": "нажато",
        "bot": "бот",
        "photo": "Фото",
        "bytes": "Б",
        "kb": "КБ",
        "mb": "МБ",
        "decimal": ",",
    },
}


def _bot_message(item: Params, stamp: str, photos: Path, words: dict[str, str]) -> str:
    parts = [_quote(item)]
    parts += _attachments(item, photos, words)
    edited = f'<span class="edited">{words["edited"]}</span>' if item.get("edited") else ""
    meta = f"{edited}{stamp}"
    text = entities_html(item.get("text") or "", item.get("entities", []))
    parts.append(f'<div class="text">{text}{_meta(meta)}</div>')
    wide = " wide" if item.get("buttons") or _has_photo(item) else ""
    bubble = f'<div class="bubble in{wide}">{"".join(parts)}</div>'
    keyboard = _buttons(item["buttons"]) if item.get("buttons") else ""
    return f'<div class="message in{wide}">{bubble}{keyboard}</div>'


def _has_photo(item: Params) -> bool:
    return "photo" in item or bool(item.get("photo_placeholder"))


def _attachments(item: Params, photos: Path, words: dict[str, str]) -> list[str]:
    """The photo (or its placeholder, where the run sent no real picture) and the document
    a message carries, above its text."""
    parts = []
    if "photo" in item:
        data = base64.b64encode((photos / item["photo"]).read_bytes()).decode()
        parts.append(f'<img class="photo" src="data:image/png;base64,{data}">')
    elif item.get("photo_placeholder"):
        parts.append(f'<div class="photo placeholder">🖼 {words["photo"]}</div>')
    if "document" in item:
        document = item["document"]
        size = _size(int(document.get("size", 0)), words)
        parts.append(
            '<div class="document"><div class="file-icon">⬇</div><div>'
            f'<div class="file-name">{html.escape(document["file_name"])}</div>'
            f'<div class="file-size">{size}</div></div></div>'
        )
    return parts


def _quote(item: Params) -> str:
    """The message a reply answers, as Telegram shows it at the top of the bubble."""
    if not item.get("reply_to"):
        return ""
    return f'<div class="reply-quote">{html.escape(item["reply_to"])}</div>'


def _meta(content: str) -> str:
    """The time in the bubble's corner; an invisible copy ends the text, so the time sits on
    the last line when it fits there and below it when not, as in Telegram."""
    return f'<span class="meta-space">{content}</span><span class="meta">{content}</span>'


def _user_item(item: Params, stamp: str, photos: Path, words: dict[str, str]) -> str:
    meta = _meta(f'{stamp}<span class="ticks">✓✓</span>')
    if "press" in item:
        label = html.escape(item["press"])
        return (
            '<div class="message out"><div class="bubble press"><div class="text">'
            f'<span class="tap">{words["tapped"]}</span> {label}{meta}</div></div></div>'
        )
    parts = [_quote(item), *_attachments(item, photos, words)]
    text = f'<div class="text">{_auto_links(item["text"])}{meta}</div>'
    wide = " wide" if _has_photo(item) else ""
    return (
        f'<div class="message out{wide}"><div class="bubble out">'
        f"{''.join(parts)}{text}</div></div>"
    )


def _popup(item: Params) -> str:
    text = html.escape(item["popup"])
    if item.get("alert"):
        return (
            f'<div class="alert-band"><div class="alert"><div class="alert-text">{text}</div>'
            '<div class="alert-ok">OK</div></div></div>'
        )
    return f'<div class="toast-band"><div class="toast">{text}</div></div>'


def page_html(flow: Params, photos: Path) -> str:
    """The chat of one recorded flow as a phone page."""
    words = UI_WORDS.get(flow["language"], UI_WORDS["en"])
    body = []
    minute = 0
    for item in flow["chat"]:
        stamp = f"10:{minute:02d}"
        if item.get("from") == "user":
            minute += 1
            stamp = f"10:{minute:02d}"
            body.append(_user_item(item, stamp, photos, words))
        elif item.get("from") == "bot":
            body.append(_bot_message(item, stamp, photos, words))
        elif "popup" in item:
            body.append(_popup(item))
    name = html.escape(flow["bot"])
    initials = "".join(word[0] for word in flow["bot"].split()[:2])
    header = (
        f'<div class="header"><span class="back">‹</span><div class="avatar">{initials}</div>'
        f'<div><div class="name">{name}</div><div class="status">{words["bot"]}</div></div></div>'
    )
    return (
        f'<!doctype html><html lang="{flow["language"]}"><head><meta charset="utf-8">'
        f"<style>{CSS}</style></head><body>{header}"
        f'<div class="chat">{"".join(body)}</div></body></html>'
    )


CSS = """
* { box-sizing: border-box; }
html { margin: 0; }
body { margin: 0; width: 390px; }
body {
  font-family: "Noto Sans", "DejaVu Sans", "Noto Color Emoji", sans-serif;
  font-size: 15px; line-height: 1.36; color: #000;
  background: #c5d9ae;  /* one colour, as Telegram's plain wallpapers: fewer colours to store */
  -webkit-font-smoothing: antialiased;
}
.header {
  display: flex; align-items: center; gap: 10px; height: 56px; padding: 0 12px;
  background: #fff; border-bottom: 1px solid #d9d9d9;
}
.back { font-size: 34px; color: #3390ec; line-height: 1; margin-top: -4px; }
.avatar {
  width: 38px; height: 38px; border-radius: 50%; background: #3d8ee6;
  color: #fff; font-weight: 600; font-size: 15px; display: flex; align-items: center;
  justify-content: center;
}
.name { font-weight: 600; font-size: 16px; }
.status { color: #8a8a8a; font-size: 13px; }
.chat { padding: 10px 8px 14px; display: flex; flex-direction: column; gap: 6px; }
.message { display: flex; flex-direction: column; max-width: 86%; }
.message.in { align-self: flex-start; }
.message.in.wide { width: 86%; }
.message.out { align-self: flex-end; align-items: flex-end; }
.bubble {
  position: relative; padding: 6px 10px 7px; border-radius: 14px;
  box-shadow: 0 1px 1px rgba(0,0,0,0.13); overflow-wrap: anywhere;
}
.bubble.in { background: #fff; border-bottom-left-radius: 5px; }
.bubble.out { background: #e3fcca; border-bottom-right-radius: 5px; }
.bubble.press {
  background: rgba(227,252,202,0.82); border: 1.5px dashed #7dbb5b;
  border-bottom-right-radius: 5px; font-size: 14px;
}
.tap { color: #4a9a3a; font-size: 12px; font-style: italic; }
.text { white-space: pre-wrap; }
.meta, .meta-space { font-size: 11.5px; white-space: nowrap; font-style: normal; }
.meta { position: absolute; right: 9px; bottom: 3px; color: #6da35c; }
.meta-space { visibility: hidden; display: inline-block; margin-left: 10px; line-height: 1; }
.bubble.in .meta { color: #a0a0a0; }
.ticks { margin-left: 3px; }
.ticks { color: #4fae4e; letter-spacing: -3px; padding-right: 3px; }
.edited { margin-right: 4px; font-style: italic; }
.link { color: #2481cc; text-decoration: none; }
code, pre {
  font-family: "DejaVu Sans Mono", monospace; font-size: 13.5px; color: #c6314d;
}
pre {
  background: #f2f4f7; padding: 6px 8px; border-radius: 6px; white-space: pre-wrap; margin: 2px 0;
}
blockquote {
  margin: 3px 0; padding: 2px 8px 2px 10px; border-left: 3px solid #3390ec;
  background: rgba(51,144,236,0.09); border-radius: 4px; white-space: pre-wrap;
}
blockquote.expandable {
  position: relative; max-height: calc(3 * 1.36em + 4px); overflow: hidden; padding-right: 22px;
}
blockquote.expandable::after {
  content: "⌄"; position: absolute; right: 6px; bottom: 0; color: #3390ec; font-size: 16px;
  background: linear-gradient(90deg, rgba(235,244,253,0), #ebf4fd 40%); padding-left: 8px;
}
.spoiler { background: #c9c9c9; color: transparent; border-radius: 3px; }
.photo {
  display: block; width: calc(100% + 20px); margin: -6px -10px 6px;
  border-radius: 14px 14px 0 0;
}
.photo.placeholder {
  height: 150px; background: #dfe6ec; color: #6c7a86; font-size: 15px;
  display: flex; align-items: center; justify-content: center;
}
.bubble.out .photo.placeholder { background: #cfe9b6; color: #4f7a3c; }
.message.out.wide { width: 72%; }
.message.out.wide .bubble { width: 100%; }
.reply-quote {
  /* As wide as the bubble, never widening it: the quoted line is cut with "…". */
  width: 0; min-width: 100%;
  margin: 1px 0 4px; padding: 2px 8px; border-left: 3px solid #3390ec; border-radius: 4px;
  background: rgba(51,144,236,0.09); color: #2c6ba8; font-size: 13.5px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.bubble.out .reply-quote {
  border-left-color: #5caf4a; background: rgba(92,175,74,0.12); color: #3d7a2e;
}
.document { display: flex; gap: 10px; align-items: center; margin: 2px 0 4px; }
.file-icon {
  width: 44px; height: 44px; border-radius: 50%; background: #3390ec; color: #fff;
  display: flex; align-items: center; justify-content: center; font-size: 20px; flex: none;
}
.file-name { font-weight: 600; overflow-wrap: anywhere; }
.file-size { color: #8a8a8a; font-size: 13px; }
.keyboard { display: flex; flex-direction: column; gap: 4px; margin-top: 4px; }
.row { display: flex; gap: 4px; }
.button {
  position: relative; flex: 1 1 0; min-width: 0; height: 40px; padding: 0 10px;
  background: rgba(69,96,64,0.34); border-radius: 9px; color: #fff; font-weight: 600;
  font-size: 14px; display: flex; align-items: center; justify-content: center;
}
.button span:first-child { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.arrow { position: absolute; top: 2px; right: 5px; font-size: 10px; }
.alert-band, .toast-band { display: flex; justify-content: center; margin: 8px 0; }
.alert-band { background: rgba(0,0,0,0.32); margin: 8px -8px; padding: 18px 0; }
.alert {
  width: 290px; background: #fff; border-radius: 14px; box-shadow: 0 6px 24px rgba(0,0,0,0.3);
  overflow: hidden; text-align: center;
}
.alert-text { padding: 18px 18px 16px; font-size: 15px; white-space: pre-wrap; }
.alert-ok { border-top: 1px solid #ddd; padding: 11px; color: #3390ec; font-weight: 600; }
.toast {
  max-width: 330px; background: rgba(30,30,30,0.84); color: #fff; border-radius: 12px;
  padding: 10px 14px; font-size: 14px; box-shadow: 0 3px 10px rgba(0,0,0,0.25);
}
"""


# ------------------------------------------------------------------------------ Chromium
def chromium() -> str:
    """The browser to draw with: $CHROMIUM, or the first of the usual names on PATH."""
    found = os.environ.get("CHROMIUM") or next(
        (path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None
    )
    if not found:
        raise ChromiumMissing
    return found


# The labels that do not fit their button: Telegram cuts them off with "…" as the page does.
CUT_BUTTONS = """[...document.querySelectorAll('.button span:first-child')]
  .filter(label => label.scrollWidth > label.clientWidth).map(label => label.textContent)"""


class Browser:
    """One headless Chromium, driven over the DevTools protocol: a page per screenshot
    without starting the browser again (starting it is most of the time)."""

    def __init__(self, executable: str, profile: Path) -> None:
        self.executable = executable
        self.profile = profile
        self.process: asyncio.subprocess.Process | None = None
        self.drain: asyncio.Future[None] | None = None
        self.session: aiohttp.ClientSession | None = None
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self.target_session = ""
        self.ids = itertools.count(1)
        self.events: list[Params] = []
        self.cut_buttons: dict[str, list[str]] = {}  # screen -> labels the phone cuts off

    async def __aenter__(self) -> Browser:
        self.process = await asyncio.create_subprocess_exec(
            self.executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--mute-audio",
            "--remote-debugging-port=0",
            f"--user-data-dir={self.profile}",
            "about:blank",
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        url = await asyncio.wait_for(self._devtools_url(), 60)
        # Chromium keeps logging to stderr; a full pipe would stop it.
        self.drain = asyncio.ensure_future(self._drain_stderr())
        self.session = aiohttp.ClientSession()
        self.socket = await self.session.ws_connect(url, max_msg_size=0)
        target = await self.call("Target.createTarget", url="about:blank")
        attached = await self.call(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True
        )
        self.target_session = attached["sessionId"]
        await self.call("Page.enable", session=True)
        return self

    async def _devtools_url(self) -> str:
        assert self.process is not None and self.process.stderr is not None
        async for line in self.process.stderr:
            match = re.search(r"DevTools listening on (ws://\S+)", line.decode(errors="replace"))
            if match:
                return match[1]
        raise RuntimeError("Chromium exited before it listened for DevTools")

    async def _drain_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        async for _ in self.process.stderr:
            pass

    async def __aexit__(self, *exc: object) -> None:
        if self.session is not None:
            await self.session.close()
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await asyncio.wait_for(self.process.wait(), 10)

    async def call(self, method: str, session: bool = False, **params: Any) -> Params:
        assert self.socket is not None
        message: Params = {"id": next(self.ids), "method": method, "params": params}
        if session:
            message["sessionId"] = self.target_session
        await self.socket.send_json(message)
        while True:
            answer = await asyncio.wait_for(self.socket.receive_json(), 60)
            if answer.get("id") == message["id"]:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return dict(answer.get("result", {}))
            self.events.append(answer)

    async def load(self, url: str) -> None:
        self.events.clear()
        await self.call("Page.navigate", session=True, url=url)
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            assert self.socket is not None
            self.events.append(await asyncio.wait_for(self.socket.receive_json(), 60))

    async def screenshot(self, page: Path, png: Path) -> None:
        """The whole page, WIDTH css px wide at device scale SCALE."""
        await self._viewport(100)  # smaller than any chat, so the content sets the height
        await self.load(page.as_uri())
        cut = await self.call(
            "Runtime.evaluate", session=True, expression=CUT_BUTTONS, returnByValue=True
        )
        self.cut_buttons[png.stem] = list(cut["result"].get("value") or [])
        metrics = await self.call("Page.getLayoutMetrics", session=True)
        height = math.ceil(metrics["cssContentSize"]["height"])
        await self._viewport(height)
        shot = await self.call("Page.captureScreenshot", session=True, format="png")
        with Image.open(io.BytesIO(base64.b64decode(shot["data"]))) as image:
            # 256 colours keep text, emoji and buttons sharp at a third of the size: the
            # pictures are committed and redrawn after every change of texts.
            palette = image.convert("RGB").quantize(256, Image.Quantize.MEDIANCUT)
            palette.save(png, optimize=True)

    async def _viewport(self, height: int) -> None:
        await self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=WIDTH,
            height=height,
            deviceScaleFactor=SCALE,
            mobile=False,
        )


async def _screenshots(
    executable: str, jobs: list[tuple[Path, Path]], profile: Path
) -> dict[str, list[str]]:
    async with Browser(executable, profile) as browser:
        for page, png in jobs:
            await browser.screenshot(page, png)
    return browser.cut_buttons


def render_all(
    data: Path, out_dir: Path, languages: Iterable[str], flows: Iterable[str] | None = None
) -> list[Path]:
    """Draw every recorded flow (or `flows`) in `languages` as docs/screens/<flow>-<lang>.png."""
    executable = chromium()
    wanted = set(flows) if flows else None
    jobs = []
    with tempfile.TemporaryDirectory(prefix="screens-html-") as tmp:
        for language in languages:
            for recorded in sorted(data.glob(f"*-{language}.json")):
                flow = json.loads(recorded.read_text(encoding="utf-8"))
                if wanted is not None and flow["flow"] not in wanted:
                    continue
                page = Path(tmp) / f"{recorded.stem}.html"
                page.write_text(page_html(flow, data), encoding="utf-8")
                jobs.append((page, out_dir / f"{recorded.stem}.png"))
        cut_buttons = asyncio.run(_screenshots(executable, jobs, Path(tmp) / "profile"))
    for screen, labels in cut_buttons.items():
        if labels:  # worth a look: the phone shows these labels cut off
            print(f"{screen}: buttons cut off: " + " | ".join(labels))
    return [png for _, png in jobs]
