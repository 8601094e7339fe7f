"""Organisers' certificate screens of a course (from its card): who qualifies and Issue; the
issued certificates, each with Reissue and Revoke."""

from __future__ import annotations

from aiogram import F, html
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import Translator
from bot.services import certificate_codes as codes
from bot.services.attendance_days import course_days
from bot.services.certificates import Candidate, CertificateService, IssuePreview
from bot.ui import course_texts
from bot.ui.callbacks import AdminAction, CertAction, CertCb
from bot.ui.keyboard_builder import InlineKeyboardBuilder
from bot.ui.pagination import Page, add_page_buttons
from bot.ui.replies import edit
from handlers.courses.common import admin_cb, lookup_then_answer, organiser_router
from storage.certificates import Certificate

router = organiser_router(__name__)

LIST_PAGE = 8
# Names of those who do not qualify, shown before "and 12 more" (the message stays short).
NOT_ELIGIBLE_SHOWN = 15


def _cb(action: CertAction, course_id: int, certificate_id: int = 0, page: int = 0) -> str:
    return CertCb(
        action=action, course_id=course_id, certificate_id=certificate_id, page=page
    ).pack()


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def _rule(preview: IssuePreview, t: Translator) -> str:
    """ "all 2 days attended" / "at least 80% of 2 days" / "present"."""
    days = len(course_days(preview.course))
    if days == 1:
        return t("certificate-rule-present")
    if preview.course.certificate:
        return t("certificate-rule-share", share=preview.course.certificate, days=days)
    return t("certificate-rule-all-days", days=days)


def _not_eligible_line(candidate: Candidate, t: Translator) -> str:
    attendance = candidate.attendance
    return t(
        "certificate-not-eligible-person",
        name=candidate.person.full_name or "—",
        present=attendance.present,
        days=attendance.days,
    )


def preview_text(preview: IssuePreview, t: Translator) -> str:
    title = preview.course.title(t.locale)
    lines = [
        t("certificate-preview-title", title=title),
        t(
            "certificate-preview-qualify",
            eligible=len(preview.eligible),
            attendees=len(preview.candidates),
            rule=_rule(preview, t),
        ),
    ]
    missing = preview.not_eligible
    if missing:
        names = [_not_eligible_line(c, t) for c in missing[:NOT_ELIGIBLE_SHOWN]]
        more = len(missing) - NOT_ELIGIBLE_SHOWN
        if more > 0:
            names.append(t("certificate-and-more", count=more))
        lines.append(t("certificate-preview-not-eligible", names=", ".join(names)))
    if preview.issued:
        lines.append(t("certificate-preview-issued", count=preview.issued))
    lines.append(
        t("certificate-preview-to-issue", count=len(preview.to_issue))
        if preview.to_issue
        else t("certificate-preview-nothing-to-issue")
    )
    return "\n\n".join(lines)


def preview_buttons(preview: IssuePreview, t: Translator) -> InlineKeyboardMarkup:
    cid = preview.course.id
    kb = InlineKeyboardBuilder()
    if preview.to_issue:
        kb.row(
            _button(
                t.plain("button-certificates-issue", count=len(preview.to_issue)),
                _cb(CertAction.ISSUE, cid),
            )
        )
    if preview.issued:
        kb.row(
            _button(
                t.plain("button-certificates-issued", count=preview.issued),
                _cb(CertAction.LIST, cid),
            )
        )
    kb.row(_button(t.plain("button-back"), admin_cb(AdminAction.VIEW, cid).pack()))
    return kb.as_markup()


@router.callback_query(CertCb.filter(F.action == CertAction.PREVIEW))
async def preview(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    found = await lookup_then_answer(callback, certificates.preview(callback_data.course_id))
    await edit(callback, preview_text(found, t), preview_buttons(found, t))


@router.callback_query(CertCb.filter(F.action == CertAction.ISSUE))
async def issue(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    issued = await certificates.issue(callback_data.course_id, actor=callback.from_user.id)
    await callback.answer(t.plain("certificate-issued-alert", count=issued), show_alert=True)
    await _show_list(callback, callback_data.course_id, 0, t, certificates)


# -- the issued certificates -----------------------------------------------------------------


def _state(certificate: Certificate, t: Translator, reachable: bool = True) -> str:
    if certificate.revoked_at is not None:
        return t("certificate-state-revoked")
    if certificate.user_id is None:
        return t("certificate-state-erased")
    if certificate.sent_at is None:
        return t("certificate-state-waiting-for-name")
    if not reachable:
        return t("certificate-state-unreachable")
    if certificate.version > 1:
        return t("certificate-state-reissued", version=certificate.version)
    return t("certificate-state-sent")


async def _show_list(
    callback: CallbackQuery,
    course_id: int,
    number: int,
    t: Translator,
    certificates: CertificateService,
) -> None:
    course, issued = await certificates.of_course(course_id)
    page = Page.of(number, LIST_PAGE, len(issued))
    lines = [t("certificate-list-title", title=course.title(t.locale), count=len(issued))]
    kb = InlineKeyboardBuilder()
    for n, listed in enumerate(page.items(issued), page.offset + 1):
        certificate, holder = listed.certificate, listed.holder
        code = codes.display(certificate.code)
        state = _state(certificate, t, listed.reachable)
        lines.append(f"{n}. {html.quote(holder)} · <code>{code}</code> · {state}")
        kb.row(
            _button(
                f"{n}. {holder}",
                _cb(CertAction.OPEN, course_id, certificate.id, page.number),
            )
        )
    add_page_buttons(
        kb, t, page, lambda p: CertCb(action=CertAction.LIST, course_id=course_id, page=p)
    )
    waiting = sum(i.certificate.valid and i.certificate.sent_at is None for i in issued)
    if waiting:
        lines.append("\n" + t("certificate-list-waiting", count=waiting))
        kb.row(
            _button(
                t.plain("button-certificates-remind", count=waiting),
                _cb(CertAction.REMIND, course_id, page=page.number),
            )
        )
    kb.row(_button(t.plain("button-back"), _cb(CertAction.PREVIEW, course_id)))
    await edit(callback, "\n".join(lines), kb.as_markup())


@router.callback_query(CertCb.filter(F.action == CertAction.LIST))
async def issued_list(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    await callback.answer()
    await _show_list(callback, callback_data.course_id, callback_data.page, t, certificates)


@router.callback_query(CertCb.filter(F.action == CertAction.REMIND))
async def remind(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    """Holders who have not given their name in Latin letters are asked again: all of the
    course's from its list, one from a certificate's card."""
    one = callback_data.certificate_id or None
    asked = await certificates.remind_latin_name(callback_data.course_id, one)
    await callback.answer(t.plain("certificate-reminded-alert", count=asked), show_alert=True)
    if one:
        await _show_one(callback, callback_data, t, certificates)
    else:
        await _show_list(callback, callback_data.course_id, callback_data.page, t, certificates)


async def _show_one(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    cid, page = callback_data.course_id, callback_data.page
    certificate = await certificates.of_course_one(cid, callback_data.certificate_id)
    course = await certificates.course(cid)
    names = " / ".join(dict.fromkeys(n for n in (certificate.name_en, certificate.name_ru) if n))
    text = t(
        "certificate-card",
        title=course.title(t.locale),
        names=names or "—",
        code=codes.display(certificate.code),
        issued=course_texts.local_time(certificate.issued_at, course.timezone, t.locale),
        state=_state(certificate, t),
    )
    kb = InlineKeyboardBuilder()
    if certificate.valid:
        revoke = _button(
            t.plain("button-certificate-revoke"), _cb(CertAction.REVOKE, cid, certificate.id, page)
        )
        if certificate.sent_at is None:
            # Not sent yet: nothing to reissue; its holder can be asked for the name again.
            remind = _button(
                t.plain("button-certificates-remind", count=1),
                _cb(CertAction.REMIND, cid, certificate.id, page),
            )
            kb.row(remind)
            kb.row(revoke)
        else:
            reissue = _button(
                t.plain("button-certificate-reissue"),
                _cb(CertAction.REISSUE, cid, certificate.id, page),
            )
            kb.row(reissue, revoke)
    kb.row(_button(t.plain("button-back"), _cb(CertAction.LIST, cid, page=page)))
    await edit(callback, text, kb.as_markup())


@router.callback_query(CertCb.filter(F.action == CertAction.OPEN))
async def open_one(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    await certificates.of_course_one(callback_data.course_id, callback_data.certificate_id)
    await callback.answer()
    await _show_one(callback, callback_data, t, certificates)


@router.callback_query(CertCb.filter(F.action == CertAction.REISSUE))
async def reissue(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    renewed = await certificates.reissue(
        callback_data.course_id, callback_data.certificate_id, actor=callback.from_user.id
    )
    await callback.answer(
        t.plain("certificate-reissued-alert", version=renewed.version), show_alert=True
    )
    await _show_one(callback, callback_data, t, certificates)


@router.callback_query(CertCb.filter(F.action == CertAction.REVOKE))
async def revoke_ask(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    cid, page = callback_data.course_id, callback_data.page
    certificate = await lookup_then_answer(
        callback, certificates.of_course_one(cid, callback_data.certificate_id)
    )
    kb = InlineKeyboardBuilder()
    kb.row(
        _button(
            t.plain("button-certificate-revoke-yes"),
            _cb(CertAction.REVOKE_YES, cid, certificate.id, page),
        )
    )
    kb.row(
        _button(
            t.plain("button-certificate-revoke-no"),
            _cb(CertAction.OPEN, cid, certificate.id, page),
        )
    )
    text = t("certificate-revoke-confirm", code=codes.display(certificate.code))
    await edit(callback, text, kb.as_markup())


@router.callback_query(CertCb.filter(F.action == CertAction.REVOKE_YES))
async def revoke(
    callback: CallbackQuery, callback_data: CertCb, t: Translator, certificates: CertificateService
) -> None:
    await certificates.revoke(
        callback_data.course_id, callback_data.certificate_id, actor=callback.from_user.id
    )
    await callback.answer(t.plain("certificate-revoked-alert"), show_alert=True)
    await _show_one(callback, callback_data, t, certificates)
