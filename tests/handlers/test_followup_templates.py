"""Issue 15 through the production Dispatcher: the `followup` course field in the edit menu
and on the organiser's card, a survey copied as a /newsurvey text, "💾 Save as my template",
"🔁 Another template" (built-in feedback, built-in follow-up, My templates), deleting a
template after a confirmation, forged presses, and the side-by-side chart with the results."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

from aiogram.methods import EditMessageText, SendMessage, SendPhoto

from bot.services.surveys import questions_of
from bot.ui.callbacks import AdminAction, AdminCourseCb, SurveyAdminAction, SurveyAdminCb
from storage.courses import CourseRepository
from storage.sql import to_db
from tests.conftest import ORGANISER_ID
from tests.handlers.harness import buttons, press_under_question, texts
from tests.handlers.test_course_dialog import asked, open_edit
from tests.handlers.test_courses import complete_profile, publish_course
from tests.unit.test_followup_surveys import full_answers


def sent(requests) -> list[SendMessage]:
    return [r for r in requests if isinstance(r, SendMessage)]


async def built_in_preview(organiser, db):
    """/newsurvey → the built-in feedback survey for a past course: the preview's last
    message (settings and buttons)."""
    await publish_course(db, "Transit procedures", days=-2)
    offer = sent(await organiser.send("/newsurvey"))[-1]
    course_button = next(data for text, data in buttons(offer).items() if "Transit" in text)
    return sent(await organiser.press(course_button))[-1]


async def test_copy_as_text_gives_a_newsurvey_message_that_makes_the_same_survey(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    settings = await built_in_preview(organiser, db)
    (copy,) = sent(await organiser.press(buttons(settings)["📋 Copy as text"]))
    assert "tap the text below to copy it" in copy.text
    definition = html.unescape(re.search(r"<pre>(.*)</pre>", copy.text, re.S)[1])
    assert definition.startswith("/newsurvey\ncourse: ")
    assert "rating #relevance: How relevant was the course to your work?" in definition

    surveys = organiser.dp["surveys"]
    (original,) = await surveys.latest(1)
    replies = sent(await organiser.send(definition))  # sent back as it is
    assert "Preview — English" in replies[0].text
    copied = (await surveys.latest(1))[0]
    assert copied.id != original.id
    assert questions_of(copied) == questions_of(original)


async def test_save_as_my_template_asks_a_name_refuses_a_long_one_and_returns_to_the_dialog(
    make_chatter, db
):
    organiser = make_chatter(ORGANISER_ID)
    settings = await built_in_preview(organiser, db)
    ask = sent(await organiser.press(buttons(settings)["💾 Save as my template"]))[-1]
    assert "What should the template based on “Feedback: Transit procedures” be called?" in (
        ask.text
    )
    assert set(buttons(ask)) == {"✖️ Cancel"}
    (refused,) = texts(await organiser.send("x" * 61))
    assert refused.startswith("The name is too long: 61 characters, at most 60.")
    saved = texts(await organiser.send("After workshops"))
    assert saved[-1].startswith("The template “After workshops” is saved.")
    templates = organiser.dp["surveys"].saved
    assert [t.name for t in await templates.all()] == ["After workshops"]
    # Back in /newsurvey's dialog: the preview's ‹ Back still works.
    again = sent(await press_under_question(organiser, buttons(settings)["‹ Back"]))[-1]
    assert again.text.startswith("Step 1 of 2\n")


async def test_another_template_replaces_the_draft_with_the_follow_up_or_a_saved_one(
    make_chatter, db
):
    organiser = make_chatter(ORGANISER_ID, language_code="ru", name="Олена")
    settings = await built_in_preview(organiser, db)
    surveys = organiser.dp["surveys"]
    (feedback,) = await surveys.latest(5)
    await surveys.saved.save(feedback.id, "Отзыв после семинаров", ORGANISER_ID)

    choice = sent(await organiser.press(buttons(settings)["🔁 Другой шаблон"]))[-1]
    assert choice.text.startswith("На основе какого шаблона создать опрос?")
    assert list(buttons(choice)) == [
        "Отзыв о курсе (стандартный)",
        "Повторный опрос (стандартный)",
        "📁 Отзыв после семинаров",
        "🗂 Мои шаблоны: удалить",
    ]
    replies = sent(await organiser.press(buttons(choice)["Повторный опрос (стандартный)"]))
    assert "Применяете ли вы в работе знания и навыки, полученные на курсе?" in replies[1].text
    assert replies[-1].text.startswith("Шаг 2 из 2\n")  # still the dialog's step
    (followup,) = await surveys.latest(5)  # the feedback draft was replaced
    assert followup.id != feedback.id and followup.send_after == 90 * 86400

    # The replaced draft's buttons are out of date; the new one's preview can switch again.
    stale = await organiser.press(buttons(choice)["📁 Отзыв после семинаров"])
    assert texts(stale) == ["Этот опрос вам недоступен."]
    choice = sent(await organiser.press(buttons(replies[-1])["🔁 Другой шаблон"]))[-1]
    await organiser.press(buttons(choice)["📁 Отзыв после семинаров"])
    (mine,) = await surveys.latest(5)
    assert questions_of(mine) == questions_of(feedback)


async def test_my_templates_are_deleted_only_after_a_confirmation(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    settings = await built_in_preview(organiser, db)
    templates = organiser.dp["surveys"].saved
    (survey,) = await organiser.dp["surveys"].latest(1)
    await templates.save(survey.id, "After workshops", ORGANISER_ID)
    choice = sent(await organiser.press(buttons(settings)["🔁 Another template"]))[-1]
    mine = sent(await organiser.press(buttons(choice)["🗂 My templates: delete one"]))[-1]
    assert mine.text == "One saved template. Tap it to delete it:"
    edits = await organiser.press(buttons(mine)["🗑 After workshops"])
    (confirm,) = [r for r in edits if isinstance(r, EditMessageText)]
    assert confirm.text.startswith("Delete the template “After workshops”?")
    assert len(await templates.all()) == 1  # asking deletes nothing
    edits = await organiser.press(buttons(confirm)["Yes, delete the template"])
    (done,) = [r for r in edits if isinstance(r, EditMessageText)]
    assert done.text.startswith("The template “After workshops” has been deleted.")
    assert await templates.all() == []
    again = await organiser.press(buttons(confirm)["Yes, delete the template"])  # double tap
    assert "This template has been deleted." in " ".join(texts(again))


async def test_forged_template_presses_by_a_non_organiser_change_nothing(make_chatter, db):
    organiser = make_chatter(ORGANISER_ID)
    await built_in_preview(organiser, db)
    surveys = organiser.dp["surveys"]
    (survey,) = await surveys.latest(1)
    template = await surveys.saved.save(survey.id, "After workshops", ORGANISER_ID)
    officer = make_chatter(777)
    await complete_profile(db, 777)
    for action, survey_id, arg in (
        (SurveyAdminAction.DROP_YES, 0, str(template.id)),
        (SurveyAdminAction.SOURCE, survey.id, "fu"),
        (SurveyAdminAction.SAVE, survey.id, ""),
        (SurveyAdminAction.COPY, survey.id, ""),
    ):
        data = SurveyAdminCb(action=action, survey_id=survey_id, arg=arg).pack()
        replies = await officer.press(data)
        assert not any("/newsurvey" in text or "template" in text for text in texts(replies))
    assert [t.id for t in await surveys.saved.all()] == [template.id]
    assert [s.id for s in await surveys.latest(5)] == [survey.id]
    # Forged by an organiser: a template id that is no number, a source that is none.
    bad = SurveyAdminCb(action=SurveyAdminAction.DROP, arg="x; DROP TABLE").pack()
    assert "This template has been deleted." in " ".join(texts(await organiser.press(bad)))
    bad = SurveyAdminCb(action=SurveyAdminAction.SOURCE, survey_id=survey.id, arg="zz").pack()
    await organiser.press(bad)
    assert [s.id for s in await surveys.latest(5)] == [survey.id]


async def test_the_followup_field_is_edited_checked_and_shown_on_the_organisers_card(
    make_chatter, db
):
    course_id = await publish_course(db, "Transit", days=20)
    organiser = make_chatter(ORGANISER_ID)
    prompt = await open_edit(organiser, course_id, "followup")
    assert "How many days after the course" in prompt.text and "Now: off" in prompt.text
    refused = texts(await organiser.send("3 months"))
    assert any("“3 months” — write a number of days, such as 90 or 90d" in t for t in refused)
    refused = texts(await organiser.send("5"))
    assert any("from 7 to 730 days after the end" in t for t in refused)
    card = asked(await organiser.send("90d"))
    assert (await CourseRepository(db).get(course_id)).followup == 90
    assert "📨 Follow-up survey 90 days after the end:" in card.text
    assert "after the course, tap ☑️ Mark attendance, or nobody will receive it" in card.text
    # The publish/edit listener made the course's follow-up survey.
    sync = organiser.dp["scheduler"].scheduler.get_job(f"followup-sync:{course_id}")
    await sync.func(*sync.args)
    assert (await organiser.dp["surveys"].repos.surveys.followup_of(course_id)) is not None


async def test_follow_up_results_come_with_the_course_end_ratings_side_by_side(make_chatter, db):
    course_id = await publish_course(db, "Transit procedures", days=2)
    surveys = organiser_surveys = make_chatter(ORGANISER_ID).dp["surveys"]
    people = (801, 802, 803)
    for user_id in people:
        await complete_profile(db, user_id)
        assert await surveys.repos.registrations.sign_up(course_id, user_id, datetime.now(UTC))
        await surveys.repos.registrations.set_attended(course_id, user_id, True)
    # The course took place two days ago.
    now = datetime.now(UTC)
    start = now - timedelta(days=2)
    past = {"starts_at": start, "ends_at": start + timedelta(hours=8), "deadline_at": start}
    await CourseRepository(db).update(course_id, {**past, "followup": 30}, bump_revision=False)
    end = (await surveys.create_from_template(course_id, ORGANISER_ID)).survey
    followup = await surveys.followups.sync(course_id)
    await surveys.activate(end.id)
    # Months have passed: the follow-up is open now.
    await db.write(
        "UPDATE surveys SET opens_at = ? WHERE id = ?",
        (to_db(datetime.now(UTC) - timedelta(hours=1)), followup.id),
    )
    audience = {"kind": "course", "course_id": course_id, "status": "attended"}
    for survey, rating in ((end, 5), (followup, 3)):
        survey = await surveys.get(survey.id)
        await surveys.invite(survey.id, audience)
        for user_id in people:
            await surveys.begin(survey.id, user_id)
            for index, answer in enumerate(full_answers(questions_of(survey), rating)):
                await surveys.answer(survey.id, user_id, index, answer)
    organiser = make_chatter(ORGANISER_ID)
    assert organiser_surveys is organiser.dp["surveys"]
    for survey in (followup, end):
        replies = await organiser.press(
            SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=survey.id).pack()
        )
        (photo,) = [r for r in replies if isinstance(r, SendPhoto)]
        assert photo.caption.startswith("“Transit procedures”: average ratings at the end")
        assert "and 30 days later" in photo.caption
    card = await organiser.press(
        AdminCourseCb(action=AdminAction.VIEW, course_id=course_id).pack()
    )
    assert "needs attendance" not in " ".join(texts(card))


async def test_a_template_name_with_an_ampersand_reads_as_typed_and_saving_deleting_is_audited(
    make_chatter, db
):
    """Buttons are plain text: “Q&A <pilot>” must not read “Q&amp;A &lt;pilot&gt;”; and who
    saved or deleted an office template shows in /audit like any other organiser action."""
    organiser = make_chatter(ORGANISER_ID)
    settings = await built_in_preview(organiser, db)
    await organiser.press(buttons(settings)["💾 Save as my template"])
    await organiser.send("Q&A <pilot>")
    choice = sent(await organiser.press(buttons(settings)["🔁 Another template"]))[-1]
    assert "📁 Q&A <pilot>" in buttons(choice)
    mine = sent(await organiser.press(buttons(choice)["🗂 My templates: delete one"]))[-1]
    edits = await organiser.press(buttons(mine)["🗑 Q&A <pilot>"])
    (confirm,) = [r for r in edits if isinstance(r, EditMessageText)]
    await organiser.press(buttons(confirm)["Yes, delete the template"])
    (log,) = texts(await organiser.send("/audit"))
    assert "saved survey template #" in log and "deleted survey template #" in log


async def test_results_of_a_follow_up_not_due_say_when_it_goes_and_offer_no_early_send(
    make_chatter, db
):
    """Months before its day the follow-up is active with nobody invited: /results must say
    when it goes out (and that attendance is not marked), not offer “Send” — sent by hand, the
    attendees would get it months early and nothing on the day."""
    course_id = await publish_course(db, "Transit procedures", days=2)
    organiser = make_chatter(ORGANISER_ID)
    surveys = organiser.dp["surveys"]
    await CourseRepository(db).update(course_id, {"followup": 90}, bump_revision=False)
    followup = await surveys.followups.sync(course_id)
    replies = await organiser.press(
        SurveyAdminCb(action=SurveyAdminAction.RESULTS, survey_id=followup.id).pack()
    )
    (results,) = sent(replies)
    assert "📨 This follow-up survey goes out automatically on " in results.text
    assert "after the course, tap ☑️ Mark attendance" in results.text
    assert not any("Send" in text for text in buttons(results))
    forged = SurveyAdminCb(
        action=SurveyAdminAction.AUDIENCE, survey_id=followup.id, arg="attended"
    ).pack()
    assert "it cannot be sent earlier" in " ".join(texts(await organiser.press(forged)))


async def test_the_template_name_question_ends_when_the_organiser_does_something_else(
    make_chatter, db
):
    """💾 pressed, then /results instead of a name: text typed much later must not become a
    template's name; the /newsurvey preview's dialog is where the organiser is again."""
    organiser = make_chatter(ORGANISER_ID)
    settings = await built_in_preview(organiser, db)
    await organiser.press(buttons(settings)["💾 Save as my template"])
    results = sent(await organiser.send("/results"))
    assert results[-1].text.startswith("Choose a survey")
    await organiser.send("Hello, is anyone there?")
    assert await organiser.dp["surveys"].saved.all() == []
    again = sent(await press_under_question(organiser, buttons(settings)["‹ Back"]))[-1]
    assert again.text.startswith("Step 1 of 2\n")
