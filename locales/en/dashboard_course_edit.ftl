## The dashboard: a course card's edit form (bot/web/pages/course_edit.py). Plain text.

# $title (String): the course's title
dash-course-edit-title = Edit “{ $title }”
dash-course-edit-intro = Change the fields you need and press “Save changes”; the others stay as they are. If the time or the venue changes, participants are told, just as when the course is edited in the chat.
# $zone (String): the course's time zone, such as Asia/Baku
dash-course-edit-zone-note = Dates and times on this page are the course's local time ({ $zone }), as in the chat.
# $field (String): the field's name; $zone (String): the course's time zone
dash-course-edit-local-time = { $field } (local time, { $zone })
# $field (String): the field's name; $zone (String): the course's time zone
dash-course-edit-local-day = { $field } (local date, { $zone })
dash-course-edit-save = Save changes
dash-course-edit-cancel = Back to the course without saving
# $count (Number): how many fields were refused
dash-course-edit-problems = { $count ->
    [one] One field needs correcting (marked below). Nothing has been saved yet.
   *[other] { $count } fields need correcting (marked below). Nothing has been saved yet.
}
dash-course-edit-finished = The course is over: only its certificate settings can still be changed.

dash-course-edit-hint-timezone = An IANA name such as Asia/Baku or Europe/Brussels. If you change the zone, the dates and times below stay as written and are read in the new zone.
dash-course-edit-hint-starts_at = Day, month, year and time, for example 15.03.2027 09:00. A new start moves the whole course: the end moves by the same amount unless you change it too.
dash-course-edit-hint-ends_at = Day, month, year and time, for example 17.03.2027 17:00.
dash-course-edit-hint-place = The venue (such as “ROCB Europe training centre, Baku”), the online meeting link (https://…), or both on two lines if the course is held both in person and online.
dash-course-edit-hint-capacity = A whole number from 1 to 10000. Leave it empty for no limit.
dash-course-edit-hint-deadline_at = Day, month, year and time, for example 01.03.2027 18:00. Leave it empty to accept requests until the start.
dash-course-edit-hint-language = The language the course is taught in.
dash-course-edit-hint-reminder_offsets = How long before the start to remind participants, such as 2d,1h or 3h,30m (d days, h hours, m minutes). Leave it empty for the bot's usual reminders.
dash-course-edit-hint-attendance_check_days = How many days before the start participants are asked whether they still plan to take part (usually 3). Leave it empty to skip this question.
dash-course-edit-hint-signup_mode = How seats are given.
dash-course-edit-hint-quotas = Seats per country, such as “AZ 3, GE 2, *: 1” (* is every other country), or one number for every country. Leave it empty for no quotas.
dash-course-edit-hint-quota_release_at = A date such as 01.03.2027: from that day, seats a country has not filled go to the reserve lists in turn. Leave it empty to keep the quotas until the start.
dash-course-edit-hint-followup = How many days after the end of the course the follow-up survey goes out, from 7 to 730 (for example 90). Leave it empty for no follow-up survey.
dash-course-edit-hint-certificate = The share of the course days a participant must attend to receive a certificate, such as 80%. Leave it empty if every day is required.
dash-course-edit-hint-certificate_language = The language certificates are issued in.
dash-course-edit-hint-hours = Training hours printed on the certificates, from 1 to 1000. Leave it empty to leave the hours off.

dash-course-edit-group-texts = Title and description
dash-course-edit-group-when = When and where
dash-course-edit-group-seats = Seats and sign-up
dash-course-edit-group-messages = Messages to participants
dash-course-edit-group-certificates = Certificates
