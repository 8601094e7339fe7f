"""Organisers add a file to a course in three steps: the file (a document or a photo), its
title (Keep: the file's name), and whether it is for before or after the course. The shared
dialog pieces give the steps, ‹ Back and ✖️ Cancel."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from aiogram import F
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.errors import InvalidInput
from bot.services.materials import MaterialService
from bot.services.profiles import clean_text
from bot.ui import materials as material_texts
from bot.ui.callbacks import DialogAction, DialogCb, MaterialAction, MaterialCb
from bot.ui.context import UpdateContext
from bot.ui.dialog import (
    add_navigation,
    close_question,
    navigation,
    pressed_under_question,
    send_question,
    with_step,
)
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.replies import NOT_COMMAND
from handlers.courses.common import lookup_then_answer, organiser_router
from handlers.materials.organiser import materials_markup
from handlers.materials.screens import material_cb
from storage.materials import MaterialKind, MaterialTiming, NewFile

router = organiser_router(__name__)

STEPS = 3


class MaterialDialog(StatesGroup):
    file = State()
    title = State()
    timing = State()


# -- the questions ---------------------------------------------------------------------------


async def ask_file(ctx: UpdateContext, state: FSMContext) -> None:
    await state.set_state(MaterialDialog.file)
    text = with_step(ctx.t, 1, STEPS, ctx.t("material-ask-file"))
    await send_question(ctx, state, text, navigation(ctx.t, back=False))


async def ask_title(ctx: UpdateContext, state: FSMContext) -> None:
    """The title; Keep stands for the one given before going back, else the file's name."""
    t, data = ctx.t, await state.get_data()
    default = data.get("title") or data.get("default_title")
    await state.set_state(MaterialDialog.title)
    if default:
        question = t("material-ask-title", default=default)
    else:
        question = t("material-ask-title-no-default")
    markup = navigation(t, keep=bool(default))
    await send_question(ctx, state, with_step(t, 2, STEPS, question), markup)


async def ask_timing(ctx: UpdateContext, state: FSMContext) -> None:
    t, data = ctx.t, await state.get_data()
    await state.set_state(MaterialDialog.timing)
    kb = InlineKeyboardBuilder()
    course_id = int(data["course_id"])
    for key, timing in (
        ("button-material-before", MaterialTiming.BEFORE),
        ("button-material-after", MaterialTiming.AFTER),
    ):
        kb.button(
            text=t.plain(key),
            callback_data=material_cb(MaterialAction.TIMING, course_id, arg=timing),
        )
    kb.adjust(1)
    add_navigation(kb, t)
    question = t("material-ask-timing", title=data["title"])
    await send_question(ctx, state, with_step(t, 3, STEPS, question), kb.as_markup())


# -- the answers -----------------------------------------------------------------------------


@router.callback_query(MaterialCb.filter(F.action == MaterialAction.ADD))
async def add_start(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    state: FSMContext,
    materials: MaterialService,
) -> None:
    course, _ = await lookup_then_answer(callback, materials.of_course(callback_data.course_id))
    await state.clear()
    await state.set_data({"course_id": course.id})
    await ask_file(ctx, state)


def _new_file(message: Message) -> tuple[NewFile, str | None]:
    """The file the message carries, and the title Keep would give it."""
    if message.document is not None:
        document = message.document
        file = NewFile(
            file_id=document.file_id,
            file_unique_id=document.file_unique_id,
            kind=MaterialKind.DOCUMENT,
            file_name=document.file_name,
            mime_type=document.mime_type,
            file_size=document.file_size,
        )
        return file, material_texts.default_title(document.file_name, message.caption)
    photo = (message.photo or [])[-1]  # the largest size Telegram made
    file = NewFile(
        file_id=photo.file_id,
        file_unique_id=photo.file_unique_id,
        kind=MaterialKind.PHOTO,
        mime_type="image/jpeg",
        file_size=photo.file_size,
    )
    return file, material_texts.default_title(None, message.caption)


@router.message(MaterialDialog.file, F.document | F.photo)
async def file_received(message: Message, ctx: UpdateContext, state: FSMContext) -> None:
    file, default = _new_file(message)
    file_data: dict[str, Any] = {**asdict(file), "kind": file.kind.value}
    # A new file: the title typed for another one before going back no longer stands.
    await state.update_data(file=file_data, default_title=default, title=None)
    await ask_title(ctx, state)


@router.message(MaterialDialog.file, NOT_COMMAND)
async def not_a_file(message: Message, ctx: UpdateContext) -> None:
    """Text, a sticker, a voice message ...: said plainly, nothing changes."""
    await message.answer(ctx.t("material-not-a-file"))


@router.message(MaterialDialog.title, F.text, NOT_COMMAND)
async def title_typed(message: Message, ctx: UpdateContext, state: FSMContext) -> None:
    title = clean_text(message.text)
    if not title:  # said now, not after the last step, where the title is checked again
        raise InvalidInput("error-material-title-empty")
    if len(title) > material_texts.TITLE_LIMIT:
        raise InvalidInput("error-material-title-too-long", limit=material_texts.TITLE_LIMIT)
    await state.update_data(title=title)
    await ask_timing(ctx, state)


@router.message(MaterialDialog.title, NOT_COMMAND)
async def title_not_text(message: Message, ctx: UpdateContext) -> None:
    await message.answer(ctx.t("material-title-as-text"))


@router.message(MaterialDialog.timing, NOT_COMMAND)
async def timing_typed(message: Message, ctx: UpdateContext) -> None:
    await message.answer(ctx.t("material-timing-hint"))


@router.callback_query(
    StateFilter(MaterialDialog.title, MaterialDialog.timing),
    DialogCb.filter(F.action == DialogAction.BACK),
)
async def back(
    callback: CallbackQuery, ctx: UpdateContext, state: FSMContext, raw_state: str
) -> None:
    """‹ Back: the question before, its answer kept."""
    await pressed_under_question(callback, state)
    await callback.answer()
    if raw_state == MaterialDialog.title.state:
        await ask_file(ctx, state)
    else:
        await ask_title(ctx, state)


@router.callback_query(MaterialDialog.title, DialogCb.filter(F.action == DialogAction.KEEP))
async def keep_title(callback: CallbackQuery, ctx: UpdateContext, state: FSMContext) -> None:
    """Keep as it is: the title given before going back, else the file's name."""
    await pressed_under_question(callback, state)
    data = await state.get_data()
    title = data.get("title") or data.get("default_title")
    if not title:
        raise InvalidInput("error-button-expired")  # a photo without a caption has no Keep
    await state.update_data(title=title)
    await callback.answer()
    await ask_timing(ctx, state)


@router.callback_query(MaterialDialog.timing, MaterialCb.filter(F.action == MaterialAction.TIMING))
async def timing_chosen(
    callback: CallbackQuery,
    callback_data: MaterialCb,
    ctx: UpdateContext,
    state: FSMContext,
    materials: MaterialService,
) -> None:
    """The last answer: the file is saved and the course's list shown."""
    await pressed_under_question(callback, state)
    data = await state.get_data()
    if (
        callback_data.arg not in set(MaterialTiming)
        or data.get("course_id") != callback_data.course_id
    ):
        raise InvalidInput("error-button-expired")
    stored = dict(data["file"])
    file = NewFile(**{**stored, "kind": MaterialKind(stored["kind"])})
    material = await materials.add(
        callback_data.course_id,
        file,
        str(data["title"]),
        MaterialTiming(callback_data.arg),
        actor=callback.from_user.id,
    )
    await callback.answer()
    await close_question(ctx, state)
    await state.clear()
    await ctx.send(ctx.t("material-added", title=material.title))
    # The page the new file is on (the last one).
    await ctx.send(*await materials_markup(materials, material.course_id, ctx.t, page=None))
