"""The screens' phone page (tests/e2e/screens/render.py) shows the bot's HTML as Telegram does."""

from __future__ import annotations

from tests.e2e.emulator import parse_html
from tests.e2e.screens.render import entities_html, page_html


def html_of(telegram_html: str) -> str:
    return entities_html(*parse_html(telegram_html))


def test_bold_italic_links_and_code_are_drawn_from_the_entities():
    drawn = html_of(
        '<b>Risk</b> 🇬🇪 <i>and <b>more</b></i> <a href="https://x.org">site</a> <code>42</code>'
    )
    assert drawn == (
        '<b>Risk</b> 🇬🇪 <i>and <b>more</b></i> <a class="link" title="https://x.org">site</a>'
        " <code>42</code>"
    )


def test_an_expandable_quote_is_drawn_folded_and_a_plain_one_open():
    drawn = html_of("<blockquote expandable>Long</blockquote>\n<blockquote>Short</blockquote>")
    assert '<blockquote class="expandable">Long</blockquote>' in drawn
    assert "<blockquote>Short</blockquote>" in drawn


def test_commands_and_links_in_plain_text_are_highlighted_and_text_is_escaped():
    drawn = html_of("Send /cancel or see https://t.me/bot?start=c1 &lt;here&gt;")
    assert '<a class="link">/cancel</a>' in drawn
    assert '<a class="link">https://t.me/bot?start=c1</a>' in drawn
    assert "&lt;here&gt;" in drawn


def test_a_page_shows_presses_pop_ups_and_files(tmp_path):
    flow = {
        "flow": "signup",
        "language": "en",
        "bot": "ROCB Europe Courses",
        "chat": [
            {"from": "user", "press": "✍️ Sign up"},
            {"popup": "You are number 3", "alert": True},
            {"popup": "Saved", "alert": False},
            {
                "from": "bot",
                "message_id": 5,
                "edited": True,
                "text": "Signed up",
                "entities": [],
                "document": {"file_name": "course-1.ics", "size": 2048},
                "buttons": [[{"text": "📅 Calendar file"}, {"text": "Site", "url": True}]],
            },
        ],
    }
    page = page_html(flow, tmp_path)
    assert "tapped</span> ✍️ Sign up" in page
    assert '<div class="alert-text">You are number 3</div>' in page
    assert '<div class="toast">Saved</div>' in page
    assert "course-1.ics" in page and "2.0 KB" in page and "edited" in page
    assert '<span>Site</span><span class="arrow">↗</span>' in page


def test_what_the_user_sent_shows_its_photo_file_and_the_message_it_replies_to(tmp_path):
    """Issue 15: a question with a photo, a file for a course, an answer given by replying."""
    flow = {
        "flow": "questions",
        "language": "ru",
        "bot": "ROCB Europe Courses",
        "chat": [
            {"from": "user", "text": "Нужен ли паспорт?", "photo_placeholder": True},
            {"from": "user", "text": "", "document": {"file_name": "Agenda.pdf", "size": 4096}},
            {"from": "user", "text": "Да, возьмите.", "reply_to": "❓ Question from Айгерим"},
            {
                "from": "bot",
                "message_id": 9,
                "text": "💬 The organisers answered",
                "entities": [],
                "reply_to": "Нужен ли паспорт?",
                "photo_placeholder": True,
            },
        ],
    }
    page = page_html(flow, tmp_path)
    assert page.count('<div class="photo placeholder">🖼 Фото</div>') == 2
    assert '<div class="file-name">Agenda.pdf</div>' in page and "4,0 КБ" in page
    assert '<div class="reply-quote">❓ Question from Айгерим</div>' in page
    assert '<div class="reply-quote">Нужен ли паспорт?</div>' in page


def test_a_russian_screen_shows_telegram_s_own_words_in_russian(tmp_path):
    flow = {
        "flow": "card",
        "language": "ru",
        "bot": "ROCB Europe Courses",
        "chat": [
            {"from": "user", "press": "✍️ Записаться"},
            {
                "from": "bot",
                "message_id": 2,
                "edited": True,
                "text": "Вы записаны",
                "entities": [],
            },
        ],
    }
    page = page_html(flow, tmp_path)
    assert '<span class="tap">нажато</span>' in page
    assert '<span class="edited">изменено</span>' in page
    assert '<div class="status">бот</div>' in page
