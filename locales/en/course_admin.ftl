## Organisers: creating, editing and running courses.

button-publish = 🟢 Publish
button-edit = ✏️ Edit
button-delete = 🗑 Delete
button-delete-yes = Yes, delete the draft
button-participants = 👥 Participants
button-export-xlsx = 📊 Excel (XLSX)
button-export-csv = 📄 CSV
button-attendance = ☑️ Mark attendance
button-cancel-course = ❌ Cancel the course
button-cancel-course-yes = Yes, cancel it and tell everyone
button-unlimited = No limit
button-deadline-at-start = Until the start

course-status-draft = draft
course-status-published = published
course-status-cancelled = cancelled
course-status-finished = finished
# $status (String), $id (String)
course-admin-status = Status: { $status } · course #{ $id }
# $confirmed, $capacity, $waitlisted, $cancelled (Number); capacity 0 means no limit
course-admin-counts = 👥 Signed up: { $confirmed }{ $capacity ->
    [0] {""}
   *[other] {" "}of { $capacity }
} · waiting list: { $waitlisted } · cancelled: { $cancelled }
# $link (String)
course-admin-link = 🔗 Link for websites and e-mails: { $link }
# $fields (String)
course-admin-missing = To publish, add: { $fields }
# $count (Number)
course-admin-list = { $count ->
    [0] No courses yet. Create one with /newcourse.
    [one] <b>One course</b>
   *[other] <b>{ $count } courses</b> (upcoming first)
}
# $language (String) the language of the card below
course-preview-heading = 👁 <b>Preview in { $language }</b> — the card as participants who use the bot in { $language } will see it:
course-published = The course is published: participants can find it in /courses and sign up.
# $title (String)
course-delete-confirm = Delete the draft “{ $title }”? This cannot be undone.
course-deleted = The draft has been deleted.
# $title (String), $count (Number) people to notify
course-cancel-confirm = Cancel “{ $title }”? { $count ->
    [0] Nobody has signed up, asked or been nominated yet.
    [one] The one person with a place, a request or a nomination will be told at once.
   *[other] The { $count } people with a place, a request or a nomination will be told at once.
}
# $count (Number)
course-cancelled-done = The course is cancelled. { $count ->
    [0] There was nobody to notify.
    [one] 1 participant is being notified.
   *[other] { $count } participants are being notified.
}
# $title (String)
course-edit-choose = What do you want to change in “{ $title }”?
# $value (String)
course-edit-current = Now: { $value }
# $count (Number) participants notified
course-edit-saved = Saved. { $count ->
    [0] {""}
    [one] 1 participant is being told about the change.
   *[other] { $count } participants are being told about the change.
}
# $title (String), $count (Number)
course-export-caption = “{ $title }”: { $count ->
    [one] 1 sign-up
   *[other] { $count } sign-ups
}
# $count (Number)
course-participants-more = …and { $count } more: the export has everyone.
course-participants-none = Nobody has signed up yet.
# $title (String)
course-attendance-title = Who attended “{ $title }”? Tap a name to mark or unmark it.

course-dialog-intro = Let's create a course. Answer each question; /cancel stops at any time. (Prepared the texts already? Send /newcourse template.)
# How organisers type a date and time (the prompts and errors show it; 15.03.2027 09:00).
datetime-format = DD.MM.YYYY HH:MM
course-ask-title_en = Title in English:
course-ask-title_ru = Title in Russian (or tap “Skip” and add it before publishing):
course-ask-description_en = Description in English — topics, audience, trainers (or tap “Skip”):
course-ask-description_ru = Description in Russian (or tap “Skip”):
course-ask-timezone = Time zone of the course: tap a zone below, or type an IANA name such as Asia/Baku or Europe/Brussels:
course-ask-starts_at = Start, local time of the course: { datetime-format } (for example 15.03.2027 09:00)
course-ask-ends_at = End, local time of the course: { datetime-format } (for example 17.03.2027 17:00)
course-ask-place = Where? Send the venue (such as “ROCB Europe training centre, Baku”) or the online meeting link (https://…). For a course held both in person and online, send both on two lines: the venue first, then the link.
course-ask-capacity = How many seats? Type a number, or tap “No limit”:
course-ask-deadline_at = Registration deadline, local time of the course: { datetime-format } — or tap “Until the start”:
course-ask-language = Language of instruction:
# The edit cannot clear these fields, so it offers no Skip (the dialog's wording mentions it).
course-edit-ask-title_ru = Title in Russian:
course-edit-ask-description_en = Description in English — topics, audience, trainers:
course-edit-ask-description_ru = Description in Russian:
# An answer kept from before, after the organiser went back and changed an earlier one.
# $problem (String) what is wrong, as an error says it
course-dialog-kept-invalid = ⚠️ This answer no longer fits: { $problem } Send a new one.
# "Now: …" of a course without its own reminder times / without the "Still coming?" check.
course-value-default-reminders = the bot's usual ones
course-value-no-attendance-check = off

course-field-title_en = Title (EN)
course-field-title_ru = Title (RU)
course-field-description_en = Description (EN)
course-field-description_ru = Description (RU)
course-field-timezone = Time zone
course-field-starts_at = Start
course-field-ends_at = End
course-field-deadline_at = Registration deadline
course-field-place = Venue or link
course-field-capacity = Seats
course-field-language = Language
course-field-start = start
course-field-end = end
course-field-deadline = deadline
course-field-venue = venue
course-field-online = online
course-field-attendance_check_days = Participation check
course-field-attendance_check = attendance_check
course-ask-attendance_check_days = How many days before the start should signed-up participants be asked “Are you still planning to take part?” Type a number (3 is usual), or “off” not to ask:
# $value (String)
course-error-attendance-check = “{ $value }” — write a number of days from 1 to 60, or “off”.
course-field-reminder_offsets = Reminders
course-field-reminders = reminders
course-ask-reminder_offsets = When should participants be reminded? Durations before the start, like 2d,1h or 3h,30m (d days, h hours, m minutes), or “default” for the bot's usual ones:
# $value (String)
course-error-reminders = “{ $value }” — write durations before the start like 2d,1h or 3h,30m, or “default”.

# $count (Number)
course-form-problems = { $count ->
    [one] The course was not created — one thing to fix:
   *[other] The course was not created — { $count } things to fix:
}
# $line (Number), $field (String), $problem (String)
course-form-line = Line { $line } ({ $field }): { $problem }
# $field (String), $problem (String)
course-form-field = { $field }: { $problem }
# $timezone (String) the default zone
course-template =
    Copy this, change the values and send it back as one message. Dates are local time of the course, as { datetime-format }; for an online course put “online: https://…” instead of “venue:”, for a course both in person and online give both lines; capacity and deadline may be left out (no limit; until the start).
    <pre>/newcourse
    title_en: Risk management in customs
    title_ru: Управление рисками в таможне
    description_en: Risk profiles, selectivity and targeting of consignments along the corridor.
    description_ru: Профили риска, селективность и отбор грузов для контроля на коридоре.
    start: 15.03.2027 09:00
    end: 17.03.2027 17:00
    timezone: { $timezone }
    venue: ROCB Europe training centre, Baku
    capacity: 25
    deadline: 08.03.2027 18:00
    language: ru</pre>
    Optional, for seats given on approval or by nomination: <code>signup: approval</code> or <code>signup: nomination</code>; seats per country <code>quotas: AZ 3, GE 2, *: 1</code> (or <code>quota: 2</code> for every country); the day unused country seats go to the reserve lists <code>quota_release: 01.03.2027</code>.
    Optional for any course: a follow-up survey for those who attended, the given number of days after the end: <code>followup: 90d</code>.
    Optional, for certificates of attendance: the share of days a participant must attend <code>certificate: 80%</code> (every day if left out); <code>certificate_language: bilingual</code> for English and Russian on one page (each participant's language if left out); the training hours to state <code>hours: 16</code>.

course-error-empty = this cannot be empty.
# $max, $length (Number)
course-error-too-long = too long: { $length } characters, at most { $max }.
# $value (String)
course-error-timezone = “{ $value }” is not a time zone I know. Use an IANA name such as Asia/Baku, Europe/Kyiv or Asia/Almaty.
# $value (String)
course-error-datetime-format = “{ $value }” is not a date and time as { datetime-format } (for example 15.03.2027 09:00).
# $value (String)
course-error-no-such-date = { $value } does not exist in the calendar.
# $value (String), $zone (String)
course-error-no-such-time = { $value } does not exist in { $zone }: the clocks jump forward then. Choose another time.
course-error-start-past = the start is in the past.
course-error-end-before-start = the end must be after the start.
course-error-deadline-after-start = the registration deadline must not be after the start.
course-error-deadline-past = the registration deadline is already in the past.
# $value (String)
course-error-url = “{ $value }” is not a link: it should look like https://meet.example.org/room.
# $value (String)
course-error-capacity = “{ $value }” is not a number of seats: write a whole number from 1 to 10000, or “no limit”.
# $value (String)
course-error-language = “{ $value }” — the language of instruction must be English or Russian (en or ru).
# $key (String)
course-error-unknown-key = “{ $key }” is not a field of the form: use the names from /newcourse template.
# $key (String)
course-error-duplicate-key = “{ $key }” is given twice.
# $key (String)
course-error-missing = “{ $key }” is missing.
# $text (String)
course-error-stray-line = “{ $text }” belongs to no field: start the line with a field name and a colon.
course-error-place-two-links = there is more than one link: send one online meeting link (and the venue, if the course is also held in person).
course-error-need-a-title = A course needs a title in at least one language.
course-error-not-draft = Only a draft can be published or deleted.
# $fields (String)
course-error-publish-missing = Before publishing, add: { $fields }.
course-error-closed-for-edits = A cancelled or finished course cannot be changed.
# $confirmed (Number)
course-error-capacity-below = { $confirmed ->
    [one] { $confirmed } person is
   *[other] { $confirmed } people are
} already signed up: the number of seats cannot be lower.
# $count (Number): shown only when not zero, after 🏛
course-admin-count-nominated = nominated, answer awaited: { $count }
course-admin-count-pending = requests waiting: { $count }
course-admin-count-reserve = on reserve lists: { $count }
course-admin-count-declined = declined: { $count }
