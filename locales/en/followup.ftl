## Follow-up surveys months after a course, survey templates and "My templates" (issue 15).

## The course field `followup`.

course-field-followup = Follow-up survey
course-ask-followup = How many days after the course should those who attended receive the follow-up survey, which asks whether they have applied what they learned? Send a number of days from 7 to 730, such as 90, or “off” for none:
course-value-no-followup = off
# $value (String)
course-error-followup = “{ $value }” — write a number of days, such as 90 or 90d, or “off”.
# $value (String), $min, $max (Number)
course-error-followup-range = “{ $value }” — the follow-up survey can go out from { $min } to { $max } days after the end of the course.
# $count (Number) days after the end, $date (String) the day it goes out
course-followup = 📨 Follow-up survey { $count ->
    [one] { $count } day
   *[other] { $count } days
} after the end: { $date }.
course-followup-needs-attendance = ⚠️ The follow-up survey goes only to those marked as present: after the course, tap ☑️ Mark attendance, or nobody will receive it.
# $when (String) the day and time, in the course's time zone
followup-results-waiting = 📨 This follow-up survey goes out automatically on { $when } to those marked as present on the course.
followup-invite-not-yet = This follow-up survey goes out automatically on its scheduled day to those marked as present; it cannot be sent earlier.

## Question identities in a /newsurvey text: rating #relevance: …

# $key (String)
survey-error-tag-setting = only questions can carry a #name: remove it after “{ $key }”.
# $tag (String)
survey-error-tag-duplicate = two questions are named #{ $tag }: each name may be used once.
survey-definition-tags = A #name after a question's type (rating #relevance: …) marks it as the same question in other surveys: course-end and follow-up ratings with the same name are shown side by side in the chart.

## The built-in follow-up survey (Kirkpatrick level 3: has the training changed the work?).

followup-template-title = Follow-up after the course
# $course (String) the course title
followup-template-title-course = Follow-up: { $course }
followup-template-intro = Some time has passed since the course, and we would like to know whether it has made a difference to your work. Your answers help us plan future courses.
followup-template-applied = Have you applied what you learned on the course in your work?
followup-template-applied-regularly = Yes, regularly
followup-template-applied-sometimes = Yes, occasionally
followup-template-applied-not-yet = Not yet
followup-template-applied-not-applicable = No, not relevant to my work
followup-template-how = How have you applied what you learned? Please give an example from your work.
followup-template-obstacles = What has made it difficult to apply what you learned?
followup-template-obstacle-time = Lack of time
followup-template-obstacle-support = Lack of management support
followup-template-obstacle-duties = Other duties came first
followup-template-obstacle-rules = Legislation or procedures
followup-template-obstacle-equipment = No equipment or IT systems
followup-template-obstacle-nothing = Nothing got in the way
followup-template-obstacle-other = Other
followup-template-other = What would help you apply it more in your work? If something else got in the way, please tell us here too.
followup-template-results = What results has the training brought for you, your unit or your administration?
followup-template-relevance = Looking back now, how relevant was the course to your work?
followup-template-overall = Looking back now, how would you rate the course overall?
followup-template-more = Would you like further training on this topic?

## Templates: the preview's buttons, copying as text, saving, choosing and deleting.

button-survey-other-template = 🔁 Another template
button-survey-copy = 📋 Copy as text
button-survey-save-template = 💾 Save as my template
survey-copy-intro = This survey as a /newsurvey message: tap the text below to copy it, change what you need and send it back as one message. Each question is one line; a #name after its type keeps it comparable with the same question in other surveys.
# $title (String) the survey's title
template-ask-name = What should the template based on “{ $title }” be called? Send a short name, such as “Feedback after workshops”.
# $name (String)
template-saved = The template “{ $name }” is saved. To use it, tap 🔁 Another template under a survey's preview.
template-error-name-empty = The name cannot be empty: send a short name.
# $length, $max (Number)
template-error-name-long = The name is too long: { $length } characters, at most { $max }. Send a shorter one.
# $max (Number)
template-error-full = You already have { $max } saved templates, the most allowed: first delete one you no longer need (🔁 Another template → 🗂 My templates).
template-not-found = This template has been deleted.
template-switch-not-draft = This survey is already active, and a template can only replace a draft. Create a new survey with /newsurvey.
# $count (Number) saved templates
template-choose = { $count ->
    [0] Which template should the survey be based on? It replaces the draft above; the course stays the same. (Your own templates appear here once you save one with 💾 Save as my template.)
   *[other] Which template should the survey be based on? It replaces the draft above; the course stays the same.
}
button-template-feedback = Course-end feedback (built-in)
button-template-followup = Follow-up survey (built-in)
# $name (String)
button-template-saved = 📁 { $name }
button-templates-manage = 🗂 My templates: delete one
# $count (Number)
template-mine = { $count ->
    [0] You have no saved templates.
    [one] One saved template. Tap it to delete it:
   *[other] { $count } saved templates. Tap one to delete it:
}
# $name (String)
button-template-delete = 🗑 { $name }
button-template-delete-yes = Yes, delete the template
# $name (String)
template-delete-confirm = Delete the template “{ $name }”? Surveys already made from it stay as they are.
# $name (String)
template-deleted = The template “{ $name }” has been deleted.

## The chart: course-end and follow-up ratings side by side.

# $course (String)
followup-chart-title = { $course }: end of course and follow-up
followup-chart-before = End of course
# $count (Number) days
followup-chart-after = { $count ->
    [one] { $count } day later
   *[other] { $count } days later
}
# $count (Number) people who answered
followup-chart-answered = n = { $count }
# $course (String), $count (Number) days
followup-chart-caption = “{ $course }”: average ratings at the end of the course and { $count ->
    [one] { $count } day
   *[other] { $count } days
} later, in the follow-up survey (n: how many answered).
