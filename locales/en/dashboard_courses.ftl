## The dashboard's course list and course page (bot/web/pages/courses.py, course.py): plain text.

dash-courses-none = There are no courses yet. To create one, send /newcourse to the bot: the course appears here at once, as a draft until you publish it.
dash-courses-none-match = No course matches these filters.
dash-courses-show-all = Show all courses
dash-courses-filter-status = Status
dash-courses-any-status = Any
dash-courses-filter-when = Period
dash-courses-when-all = All
dash-courses-when-upcoming = Current and upcoming
dash-courses-when-past = Past
dash-courses-filter-text = Title
dash-courses-filter-text-hint = Words from the title
dash-courses-apply = Show
# $shown (Number), $total (Number)
dash-courses-shown = Courses shown: { $shown } of { $total }.
dash-courses-zone-note = Dates and deadlines are in each course's local time.
dash-courses-col-title = Course
dash-courses-col-dates = Dates
dash-courses-col-seats = Signed up
dash-courses-col-waiting = Waiting list
dash-courses-col-requests = Requests / nominations
dash-courses-col-deadline = Registration deadline
dash-courses-col-status = Status
dash-courses-no-limit = no limit
# A published course that is taking place right now (its status badge)
dash-courses-running = running now
# $count (Number)
dash-courses-requests = { $count ->
    [one] request
   *[other] requests
}
# $count (Number)
dash-courses-nominations = { $count ->
    [one] nomination
   *[other] nominations
}
dash-courses-requests-awaiting = Requests awaiting your decision
dash-courses-nominations-awaiting = Nominated, answer awaited

dash-courses-edit = Edit the course
dash-courses-export-xlsx = Download participants (XLSX)
dash-courses-export-csv = Download participants (CSV)
dash-courses-dates = Dates
dash-courses-place = Venue
dash-courses-online = Online
dash-courses-capacity = Seats
dash-courses-deadline = Registration deadline
dash-courses-signup-mode = Sign-up mode
dash-courses-figure-confirmed = Signed up
dash-courses-figure-reserve = On reserve lists
dash-courses-figure-declined = Declined
dash-courses-participants = Participants
dash-courses-nobody-draft = Nobody can sign up for a draft. To open sign-up, publish the course in the bot: /admin → the course → “Publish”.
dash-courses-nobody-yet = Nobody has signed up yet. Share the course's link from its card in the bot (/admin → the course), or send an announcement with /announce.
dash-courses-people-none-match = Nobody matches these filters.
dash-courses-everyone = Show everyone
dash-courses-filter-country = Country
dash-courses-any-country = Any
dash-courses-attendance-hint = Click or tap a day's cell to mark the participant present; click it again to remove the mark. Only participants who are signed up can be marked.
dash-courses-attendance-closed-draft = Attendance can be marked once the course is published.
dash-courses-attendance-closed-cancelled = The course has been cancelled, so attendance cannot be marked.
dash-courses-col-name = Name
dash-courses-col-country = Country
dash-courses-col-administration = Customs administration
dash-courses-col-position = Position
dash-courses-col-days = Days present
# $day (Number): the day's number in the course, $date (String): "10 May"
dash-courses-day = Day { $day } · { $date }
# $name (String), $day (String): "Day 2 · 11 May"
dash-courses-mark-title = { $name }, { $day }: click to mark present or to remove the mark
dash-courses-present = present
dash-courses-absent = not marked
dash-courses-present-per-day = Present
dash-courses-mark-refused-title = The mark has not been changed
dash-courses-mark-refused = This person is not signed up for the course (or no longer is), or the course has no such day. Nothing has been changed. Go back to the course and reload the page.
dash-courses-mark-closed = Attendance can be marked only on published and finished courses. Nothing has been changed.
