## Shared texts: errors, fallbacks, /cancel, the main menu and /help.

error-generic = Something went wrong on our side. Please try again in a minute.
error-not-found = This item no longer exists.
error-consent-required = Please allow us to store your profile first: open /profile.
error-unknown-language = This language is not available. Choose English or Русский.
error-button-expired = This button is out of date. Send /start to see the menu again.
error-not-your-chat = This button belongs to another chat.

fallback-unknown-command = I don't know this command. Send /help to see what I can do.
fallback-not-understood = I only understand buttons and commands here. Send /start for the menu or /help for the list of commands.
fallback-in-dialog = Please answer the question above, or send /cancel to stop.

cancel-done = Stopped. Profile answers you had already given are saved; the rest of this dialog is discarded.
cancel-nothing = There is nothing to cancel. Send /start for the menu.

menu-title = What would you like to do?
button-menu-courses = 📚 Courses
button-menu-my = 🗓 My courses
button-menu-profile = 👤 Profile
button-menu-language = 🌐 Language
button-menu-help = ❓ Help

courses-none-yet = No courses are open for sign-up at the moment. New seminars and training courses will be announced here.
my-courses-none = You have not signed up for any course yet. Open 📚 Courses to see what is coming.

# Command menu descriptions (setMyCommands), at most 256 characters each.
cmd-start = Start the bot
cmd-menu = Main menu
cmd-courses = Courses open for sign-up
cmd-my = My courses
cmd-profile = My profile
cmd-language = Change language
cmd-help = What this bot does
cmd-cancel = Stop the current dialog
cmd-forget = Delete my personal data
cmd-announce = Send an announcement (organisers)
cmd-announcements = Recent announcements (organisers)
cmd-newcourse = Create a course (organisers)
cmd-admin = All courses (organisers)
cmd-stats = Users and profiles (organisers)
cmd-surveys = Surveys for me to answer
cmd-newsurvey = Create a feedback survey (organisers)
cmd-results = Survey results (organisers)
cmd-audit = Organisers' action log (organisers)
cmd-requests = Requests for a seat (organisers)
cmd-questions = Questions from participants (organisers)
cmd-dashboard = Sign-in link to the dashboard (organisers)

help-participant =
    <b>Training courses of ROCB Europe and the Permanent Secretariat of the IGC TRACECA</b>
    Here you can find seminars and training courses for customs officers, sign up in a few taps, get reminders before they start and give feedback afterwards.

    /menu — the main menu
    /courses — courses open for sign-up
    /my — my courses and their materials
    /surveys — feedback surveys waiting for my answers
    /certificates — my certificates of attendance
    /verify — check a certificate by its code
    /profile — my profile (name, country, administration, position, e-mail, time zone)
    /language — the bot's language: English or Russian
    /cancel — stop the current dialog
    /forget — delete my personal data
    /help — this message

    ❓ A question for the organisers? Tap the button below; the answer will come here.
help-organiser =
    <b>For organisers</b>
    /newcourse — create a course (/newcourse template: the one-message form)
    /admin — all courses: edit, publish, participants, exports, attendance, materials, certificates
    /announce — send an announcement; /announcements — recent ones
    /newsurvey — a feedback survey: the built-in one for a course, or your own (/newsurvey template)
    /results — survey results, chart, XLSX and CSV
    /stats — users, languages, countries and complete profiles
    /audit — the organisers' action log
    /requests — requests for a seat: approve, decline or put on the waiting list
    /focalpoints — national focal points: appoint and remove
    /questions — participants' questions: answer by replying to a question, or from the list
    /dashboard — a sign-in link to the dashboard: courses, attendance, announcements and surveys in a browser

# A refused answer in any dialog: what is wrong, then the way on.
# $problem (String)
dialog-send-again = { $problem }
    Send another value, or /cancel to stop.

# The shared parts of every multi-step dialog (bot/ui/dialog.py).
# $number (Number), $total (Number)
dialog-step = Step { $number } of { $total }
button-dialog-back = ‹ Back
button-dialog-cancel = ✖️ Cancel
button-dialog-keep = Keep as it is
# $count (Number): problems of a form not listed, so that the reply fits one message
form-problems-more = { $count ->
    [one] …and one more: fix these and send the form again to see it.
   *[other] …and { $count } more: fix these and send the form again to see them.
}
