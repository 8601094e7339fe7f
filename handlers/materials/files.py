"""A participant's file from the course card (📎 Agenda (PDF)), and the list of every file
when the card shows only the first few. Answered directly, by the file's Telegram id."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery

from bot.services.materials import JustSent, MaterialService
from bot.ui import materials as material_texts
from bot.ui.callbacks import CourseAction, CourseCb, MaterialAction, MaterialCb
from bot.ui.context import UpdateContext
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons, button_row
from bot.ui.replies import show_in_place
from handlers.courses.common import lookup_then_answer
from storage.materials import MaterialKind

router = Router(name=__name__)
log = logging.getLogger(__name__)


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.OPEN))
async def send_file(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    """The file, if the card offers it to this person (anything else: "no longer there");
    a second tap while it is on its way sends no second copy."""
    try:
        course, material = await materials.open(callback_data.material_id, ctx.user.id)
    except JustSent as just_sent:
        await callback.answer(ctx.t.plain(just_sent.key, **just_sent.args_for_message))
        return
    await callback.answer()
    caption = material_texts.caption(material, course, ctx.t)
    try:
        if material.kind == MaterialKind.PHOTO:
            await ctx.bot.send_photo(ctx.chat_id, material.file_id, caption=caption)
        else:
            await ctx.bot.send_document(ctx.chat_id, material.file_id, caption=caption)
    except TelegramBadRequest as refused:
        # The stored file_id is not this bot's (a restore onto a new token) or the file is
        # gone: not counted as received, so that a copy attached again reaches them.
        log.warning("Material %s could not be sent: %s", material.id, refused.message)
        await materials.not_received(material, ctx.user.id)
        await ctx.send(ctx.t("error-material-unavailable", title=material.title))


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.ALL))
async def all_files(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    materials: MaterialService,
) -> None:
    t = ctx.t
    course, files = await lookup_then_answer(
        callback, materials.visible(callback_data.course_id, ctx.user.id)
    )
    page = Page.of(callback_data.page, material_texts.PAGE_SIZE, len(files))
    kb = InlineKeyboardBuilder()
    for material in page.items(files):
        kb.row(material_texts.open_button(material, t))

    def turn_to(number: int) -> MaterialCb:
        return MaterialCb(action=MaterialAction.ALL, course_id=course.id, page=number)

    add_page_buttons(kb, t, page, turn_to)
    back = CourseCb(action=CourseAction.VIEW, course_id=course.id)
    button_row(kb, t.plain("button-back"), back)
    text = t("materials-all-title", title=course.title(t.locale))
    await show_in_place(callback, ctx, text, kb.as_markup())
