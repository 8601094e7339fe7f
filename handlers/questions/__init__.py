"""Questions to the organisers: officers ask (from a course card or /help), organisers answer
by replying to the question's copy or from /questions, and either side's reply to the other's
message goes on in the same thread."""

from __future__ import annotations

from handlers.questions import officer, organiser, replies

# Tried early: a reply quoting a question or an answer is one, whatever dialog is open.
REPLY_ROUTER = replies.router
ORGANISER_ROUTER = organiser.router
OFFICER_ROUTER = officer.router
