## Feedback surveys: invitations, answering, and the organisers' side.

# $title (String), $count (Number)
survey-invitation = 📝 <b>{ $title }</b>
    We would appreciate your answers: { $count ->
        [one] one short question
       *[other] { $count } short questions
    }, a couple of minutes. You can stop and continue later.
# $title (String), $count (Number)
survey-reminder = 📝 A reminder: <b>{ $title }</b> is still waiting for your answers. { $count ->
        [one] One question
       *[other] { $count } questions
    }, a couple of minutes — it helps us improve the next course.
survey-open-until = Open until { $when }.
survey-mode-anonymous = 🔒 Anonymous: when you finish, your answers are stored without your name, your Telegram ID or when you answered, and the organisers see your text answers only after the survey closes.
survey-mode-named = 👤 Named: your answers are stored with your name, and the organisers see who answered what.
button-survey-start = 📝 Start the survey
button-survey-continue = ▶️ Continue

# $number, $total (Number)
survey-progress = Question { $number } of { $total }
survey-first-anonymous = 🔒 Anonymous survey. While you answer, your answers are kept with your Telegram ID so that you can continue later; when you finish, they are stored without your Telegram ID, your name or when you answered. If you do not finish before the survey closes, your answers are deleted.
survey-first-named = 👤 Named survey: your answers are stored with your name, and the organisers see who answered what.
# $low, $high (Number), $low_label, $high_label (String)
survey-hint-scale = { $low } = { $low_label }, { $high } = { $high_label }
survey-hint-multi = Tick everything that applies, then tap “Done”.
# $limit (Number)
survey-hint-text = Type your answer in a message (up to { $limit } characters).
button-survey-done = ✅ Done
button-survey-yes = Yes
button-survey-no = No
button-survey-skip = Skip ⏭
survey-answer-skipped = skipped
# $title (String)
survey-thanks = 🙏 Thank you! Your answers to <b>{ $title }</b> are saved.
survey-already-done = You have already answered this survey — thank you!
survey-button-stale = This question is answered already.
survey-tick-something = Tick at least one option, then tap “Done”.
survey-use-buttons = Please answer this question with the buttons under it.
survey-text-only = Please type your answer as a text message.
# $length, $limit (Number)
survey-text-too-long = Your answer is { $length } characters long; please shorten it to { $limit } at most.
survey-closed = This survey is closed: answers are no longer accepted. Thank you for your interest!
survey-not-found = This survey is not available to you.

surveys-none = There are no surveys waiting for you. When a course you attended asks for feedback, it will appear here.
# $count (Number)
surveys-title = { $count ->
        [one] One survey for you:
       *[other] Surveys for you: { $count }
    }
# $title (String)
surveys-line-open = • { $title }
# $title (String)
surveys-line-done = • { $title } — ✅ answered

## Organisers: /newsurvey

newsurvey-choose-course = Which course is the feedback survey for? I will prepare the standard post-training questionnaire in English and Russian; you will see it before anything is sent.

    For your own questions, send /newsurvey template.
newsurvey-no-courses = There is no published or finished course yet to ask feedback about. You can still use the built-in feedback survey and send it yourself — to everyone, or only to those reading in English or in Russian: tap the button below. For your own questions, /newsurvey template gives an example to edit and send back as one message.
# $count (Number)
survey-definition-problems = { $count ->
        [one] One thing to fix in the survey:
       *[other] { $count } things to fix in the survey:
    }
survey-kind-rating = rating
survey-kind-choice = one choice
survey-kind-multi = several choices
survey-kind-yesno = yes/no
survey-kind-text = text
survey-preview-optional = , optional
# $language (String)
survey-preview-language = 👁 Preview — { $language }:
# $id (String)
survey-preview-settings = <b>Survey #{ $id }</b>
# $title (String)
survey-preview-course = Course: { $title }
survey-preview-no-course = Not linked to a course: you choose who gets it.
survey-preview-anonymous = Anonymous: responses are stored without names, Telegram IDs or times; figures show from 3 responses, text answers and files only after the survey closes.
survey-preview-named = Named: results and exports show who answered.
# $when (String) with its time zone
survey-preview-closes = Open until { $when }.
# $after (String) a duration, like "2 hours"
survey-preview-auto = Sent automatically { $after } after the course ends: to those marked present, or to everyone signed up if attendance was not taken.
# $after (String) a duration, like "2 days"
survey-preview-reminder = One reminder to those who have not finished, { $after } after their invitation.
survey-preview-check = Check both languages above, then activate it.
button-survey-activate = ✅ Activate
button-survey-delete = 🗑 Delete
# $when (String) with its time zone
survey-activated-auto = ✅ The survey is active. Invitations go out on { $when }.
survey-activated-now = ✅ The survey is active. The course has ended, so the invitations are going out now.
survey-activated-manual = ✅ The survey is active. Choose who should get it: 📨 Send invitations.
survey-deleted = The survey draft is deleted.
survey-delete-not-draft = This survey is active already and cannot be deleted.
button-survey-send = 📨 Send invitations
# Under the results once some people have been invited (by hand or after the course)
button-survey-invite-more = 📨 Invite more people
button-survey-results = 📊 Results
button-survey-audience-attended = Participants marked present
button-survey-audience-confirmed = Everyone signed up
button-survey-audience-waitlisted = Course waiting list
button-survey-audience-all = Everyone using the bot
button-survey-audience-en = Everyone reading in English
button-survey-audience-ru = Everyone reading in Russian
survey-invite-closed = This survey is closed, so nobody can be invited any more. To ask again, create a new survey with /newsurvey.
survey-choose-audience = Who should get the survey? People invited before are not asked twice.
# $count (Number)
survey-invited = { $count ->
        [0] Nobody new to invite: everyone in this group has it already.
        [one] One person invited; the invitation is being sent.
       *[other] { $count } people invited; the invitations are being sent.
    }

## Organisers: /results

results-no-surveys = There are no surveys yet. Create one with /newsurvey.
results-choose = Choose a survey:
results-draft-mark = {" "}(draft)
# $threshold, $count (Number)
results-files-hidden = This survey is anonymous: results appear once at least { $threshold } people have answered (so far { $count }).
# $when (String) the closing time with its time zone
results-released-after-close = 🔒 This survey is anonymous: its text answers and files will be available once it closes on { $when }.
# $count (Number) finished anonymous answers whose survey key file is missing
results-unreadable = ⚠️ { $count ->
        [one] One finished answer
       *[other] { $count } finished answers
    } could not be read because this survey's key file is missing (it is kept beside the database, in the .keys folder). The figures leave them out.
button-results-chart = 📈 Chart
button-results-xlsx = 📄 XLSX
button-results-csv = 📄 CSV
# $number (Number)
button-results-texts = 💬 Q{ $number } answers
results-chart-drawing = Drawing the chart…
results-chart-empty = There are no rating answers to draw yet.
# $title (String), $count (Number)
results-export-caption = { $title }: { $count ->
        [one] one response
       *[other] { $count } responses
    }
# The course chosen before, under the question asked again after ‹ Back.
# $answer (String)
newsurvey-kept = Now: { $answer }
