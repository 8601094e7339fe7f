## Dashboard: surveys (bot/web/pages/surveys.py), plain text (the pages escape it).

dash-surveys-intro = Surveys, newest first. Open one to see its response rate, a chart for every question, the text answers and the files.
dash-surveys-empty = There are no surveys yet. To create one, send /newsurvey to the bot and follow the steps: the survey then appears here.
dash-surveys-column-survey = Survey
dash-surveys-column-course = Course
dash-surveys-column-kind = Type
dash-surveys-column-status = Status
dash-surveys-column-invited = Invited
dash-surveys-column-answered = Answered
dash-surveys-column-rate = Response rate
dash-surveys-no-course = Not linked to a course
# $course (String): the course's title
dash-surveys-for-course = Course: { $course }
dash-surveys-kind-survey = Feedback survey
dash-surveys-kind-followup = Follow-up survey
dash-surveys-anonymous = Anonymous
dash-surveys-named = Named
dash-surveys-status-draft = Draft
dash-surveys-status-scheduled = Not open yet
dash-surveys-status-open = Open
dash-surveys-status-closed = Closed
# $when (String): a date and time
dash-surveys-opens = opens { $when }
# $when (String)
dash-surveys-closes = closes { $when }

dash-surveys-answered-of-invited = Answered / invited
dash-surveys-anonymous-note = This survey is anonymous: nobody, including the organisers, can see who gave which answer. Answers are shown without names or times, and not in the order they came in.
# $threshold (Number), $count (Number): responses so far
dash-surveys-too-few = So that nobody's answers can be recognised, the results of an anonymous survey appear only once at least { $threshold } people have answered. Answered so far: { $count }.
# $count (Number)
dash-surveys-unreadable = { $count ->
    [one] { $count } anonymous response cannot be read: the survey's key file is missing. Ask the bot's administrator to restore the file on the server.
   *[other] { $count } anonymous responses cannot be read: the survey's key file is missing. Ask the bot's administrator to restore the file on the server.
}
# $when (String): when the survey closes
dash-surveys-released-after-close = This survey is anonymous: its text answers and files will be available once it closes, on { $when }.
dash-surveys-texts-after-close = The answers will be shown once the survey closes.
dash-surveys-export-xlsx = Download answers (XLSX)
dash-surveys-export-csv = Download answers (CSV)
dash-surveys-export-refused-title = The file is not available yet

# $number (Number), $text (String): the question
dash-surveys-chart-title = Question { $number }: { $text }
dash-surveys-yes = Yes
dash-surveys-no = No
# $average (Number, one decimal), $min, $max, $count (Number)
dash-surveys-average = Average { NUMBER($average, minimumFractionDigits: 1, maximumFractionDigits: 1) } on a scale of { $min }–{ $max }, { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
# $count (Number): how many answered the question
dash-surveys-multi-note = Several answers allowed: shares of the { $count } who answered, so they may add up to more than 100%.
# $count (Number)
dash-surveys-answer-count = { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
# $count (Number)
dash-surveys-text-count = { $count ->
    [one] { $count } text answer
   *[other] { $count } text answers
}
# $count (Number)
dash-surveys-skipped = Skipped: { $count }
dash-surveys-no-answers = No answers yet.
dash-surveys-pages = Pages of answers
dash-surveys-previous = Previous
dash-surveys-next = Next
# $page, $pages (Number)
dash-surveys-page = Page { $page } of { $pages }
