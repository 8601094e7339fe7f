"""Questions to the organisers: officers ask (from a course card or /help), organisers answer
by replying to the question's copy or from /questions, and either side's reply to the other's
message goes on in the same thread."""

from __future__ import annotations

from handlers.questions import albums, officer, organiser, replies

# Tried early: the rest of an album a question or an answer began with, and a reply quoting
# a question or an answer, are one, whatever dialog is open.
REPLY_ROUTERS = (albums.router, replies.router)
ORGANISER_ROUTER = organiser.router
OFFICER_ROUTER = officer.router
