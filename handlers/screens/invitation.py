"""A focal point's invitation (t.me/<bot>?start=n<token>) as the officer who opens it sees
it: the course, who invites them, and "I will attend". Shown from /start, after the language
choice, and again at the end of the profile it waited for."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Html
from bot.services.nominations import NominationService
from bot.services.signups import SignupService
from bot.ui import course_texts
from bot.ui.callbacks import NomineeAction, NomineeCb
from bot.ui.context import UpdateContext
from handlers.nominations.common import contact, country_name

# The tokens are 16 characters (storage/focal_points.py); a longer one would not fit the
# "I will attend" button's 64 bytes with the course id.
INVITE_TOKEN_LIMIT = 32


def deep_link_invite(args: str | None) -> str | None:
    """`nAbC-12_x` from a https://t.me/<bot>?start=nAbC-12_x link: the invitation token."""
    if not args or not args.startswith("n") or not 1 < len(args) <= INVITE_TOKEN_LIMIT + 1:
        return None
    token = args[1:]
    return token if all(ch.isalnum() or ch in "-_" for ch in token) else None


async def send_invitation(
    ctx: UpdateContext, token: str, nominations: NominationService, signups: SignupService
) -> None:
    t = ctx.t
    # An officer of another country is told whose invitation it is, and nothing more.
    course, invite, inviter = await nominations.invitation(token, ctx.user.id)
    seats = await signups.status(course.id, ctx.user.id)
    card = Html(
        course_texts.card(
            course, t, seats.confirmed, signups.clock(), ctx.user.timezone, seats.registration
        )
    )
    name = (
        contact(inviter.full_name, inviter.username, t)
        if inviter is not None and inviter.full_name
        else country_name(invite.country, t)
    )
    accept = NomineeCb(action=NomineeAction.ACCEPT_INVITE, course_id=course.id, token=token)
    markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=t("button-will-attend"), callback_data=accept.pack())]
        ]
    )
    await ctx.send(t("invitation-text", inviter=name, card=card), markup)
