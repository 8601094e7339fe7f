## The dashboard's course list and course page (bot/web/pages/courses.py, course.py): plain text.

dash-courses-none = There are no courses yet. Create a course with /newcourse in the bot; it shows here at once, as a draft until you publish it.
dash-courses-none-match = No course matches these filters.
dash-courses-show-all = Show all courses
dash-courses-filter-status = Status
dash-courses-any-status = Any
dash-courses-filter-when = When
dash-courses-when-all = Past and upcoming
dash-courses-when-upcoming = Upcoming and running
dash-courses-when-past = Past
dash-courses-filter-text = Title
dash-courses-filter-text-hint = Words from the title
dash-courses-apply = Show
# $shown (Number), $total (Number)
dash-courses-shown = Courses shown: { $shown } of { $total }.
dash-courses-zone-note = Dates and deadlines are in each course's own time zone.
dash-courses-col-title = Course
dash-courses-col-dates = Dates
dash-courses-col-seats = Signed up
dash-courses-col-waiting = Waiting list
dash-courses-col-requests = Requests / nominations
dash-courses-col-deadline = Registration deadline
dash-courses-col-status = Status
dash-courses-no-limit = no limit
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
dash-courses-nominations-awaiting = Nominated, officer's answer awaited

dash-courses-edit = Edit the card
dash-courses-export-xlsx = Export XLSX
dash-courses-export-csv = Export CSV
dash-courses-dates = Dates
dash-courses-place = Place
dash-courses-online = Online
dash-courses-capacity = Seats
dash-courses-deadline = Registration deadline
dash-courses-signup-mode = Sign-up
dash-courses-figure-confirmed = Signed up
dash-courses-figure-reserve = On reserve lists
dash-courses-figure-declined = Declined
dash-courses-participants = Participants
dash-courses-nobody-draft = Nobody can sign up to a draft. Publish the course in the bot (/admin → the course → “Publish”) to open registration.
dash-courses-nobody-yet = Nobody has signed up yet. Share the course's link from its card in the bot, or send an announcement.
dash-courses-people-none-match = Nobody matches these filters.
dash-courses-everyone = Show everyone
dash-courses-filter-country = Country
dash-courses-any-country = Any
dash-courses-attendance-hint = Click a day's cell to mark a participant present, and again to remove the mark. Only signed-up participants are marked.
dash-courses-attendance-closed-draft = Attendance is marked once the course is published.
dash-courses-attendance-closed-cancelled = The course was cancelled: attendance is not marked.
dash-courses-col-name = Name
dash-courses-col-country = Country
dash-courses-col-administration = Customs administration
dash-courses-col-position = Position
dash-courses-col-days = Days present
# $day (Number): the day's number in the course, $date (String): "10 May"
dash-courses-day = Day { $day } · { $date }
# $name (String), $day (String): "Day 2 · 11 May"
dash-courses-mark-title = { $name }, { $day }: click to mark or unmark
dash-courses-present = present
dash-courses-absent = not marked
dash-courses-present-per-day = Present
dash-courses-mark-refused-title = The mark was not changed
dash-courses-mark-refused = This person is not (or no longer) signed up to the course, or that day is not one of the course's days. Nothing was changed. Go back to the course and reload the page.
dash-courses-mark-closed = Attendance is marked only on published and finished courses. Nothing was changed.
