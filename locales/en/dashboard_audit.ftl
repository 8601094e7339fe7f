## The dashboard's action log (bot/web/pages/audit.py): plain text, the page escapes it.
## Each action is worded by the chat's /audit messages (audit.ftl).

dash-audit-title = Action log
dash-audit-intro = What organisers did, in the chat and in this dashboard, newest first.
dash-audit-kind = Action
dash-audit-kind-all = All actions
dash-audit-kind-courses = Courses
dash-audit-kind-seats = Seats and nominations
dash-audit-kind-announcements = Announcements
dash-audit-kind-surveys = Surveys
dash-audit-kind-exports = Exports
dash-audit-kind-certificates = Certificates
dash-audit-kind-materials = Materials
dash-audit-kind-dashboard = Dashboard sign-ins
dash-audit-actor = Organiser
dash-audit-actor-all = Everyone
dash-audit-course = Course no.
dash-audit-from = From
dash-audit-to = To
dash-audit-show = Show
dash-audit-clear = Clear filters
dash-audit-col-when = When
dash-audit-col-who = Who
dash-audit-col-what = Action
dash-audit-col-object = Item
# $id (String)
dash-audit-object-course = Course #{ $id }
# $id (String)
dash-audit-object-announcement = Announcement #{ $id }
# $id (String)
dash-audit-object-survey = Survey #{ $id }
# $id (String)
dash-audit-object-template = Survey template #{ $id }
dash-audit-none = No organiser actions have been recorded yet. Actions appear here as organisers work in the chat or in this dashboard.
dash-audit-none-match = No action matches these filters. Change a filter, or clear them all.
# $count (Number)
dash-audit-count = { $count ->
        [one] One action
       *[other] { $count } actions
    }
# $page, $pages (Number)
dash-audit-page = Page { $page } of { $pages }
dash-audit-pages = Pages of the log
dash-audit-newer = ← Newer
dash-audit-older = Older →
# $field (String): “From” or “To”; $value (String): what was written
dash-audit-bad-date = “{ $value }” in “{ $field }” is not a date. Write it as year-month-day, for example 2027-03-09. The log below is shown without that date.
# $value (String): what was written
dash-audit-bad-course = “{ $value }” is not a course number. Write the number alone, for example 12. The log below is shown for every course.
dash-audit-dates-reversed = The “From” date is after the “To” date. Swap the two dates. The log below is shown without dates.
