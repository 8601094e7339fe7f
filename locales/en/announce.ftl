## Announcements: the /announce dialog, preview, progress and the list.

announce-ask-text-en = 📣 New announcement. Send the text in English — bold, italic and links are kept exactly. (Only in Russian? Tap “Skip”.)
announce-ask-text-ru = Now the text in Russian. Or tap “Same text for everyone” to send the English one to all.
announce-ask-text-ru-only = Now the text in Russian: as there is no English text, everyone will receive this one.
button-announce-same-text = Same text for everyone
announce-ask-media = Add a photo or a document? Send it now (the texts above become its caption), or tap “Skip”.
announce-ask-audience = Who should receive it?
button-audience-all = 👥 Everyone
button-audience-course = 📚 Participants of a course
button-audience-language = 🌐 By language
button-audience-traceca = 🛣 TRACECA countries
button-audience-country = 🌍 By country
announce-ask-course = Which course?
announce-ask-status = Which participants of that course?
button-audience-status-confirmed = Signed up
button-audience-status-waitlisted = On the waiting list
button-audience-status-attended = Attended
button-audience-status-all = Signed up and waiting
announce-ask-language = Which language group?
announce-ask-country = Which countries? Tap a country to tick it ✅ (tap again to untick), then “Done”.
# $name (String)
announce-country-ticked = ✅ { $name }
# $count (Number)
button-announce-countries-done = Done: { $count ->
    [one] { $count } country
   *[other] { $count } countries
}
announce-ask-course-button = Add a button that opens a course (to sign up)?
button-announce-no-course = No button
announce-ask-daytime = When may it arrive? “Daytime only” means between 09:00 and 20:00 in each recipient's own time zone.
button-daytime-any = Right away, any time of day
button-daytime-only = Daytime only (09:00–20:00)
# $language (String), $count (Number)
announce-preview-heading = 👁 <b>{ $language }</b>: { $count ->
    [0] nobody in this audience reads it yet; this is how it would look:
    [one] { $count } recipient gets this:
   *[other] { $count } recipients get this:
}
# $count (Number), $daytime (Number) 1 if only in daytime
announce-preview-summary = { $count ->
    [0] Nobody is in this audience yet.
    [one] <b>{ $count } recipient</b> in total.
   *[other] <b>{ $count } recipients</b> in total.
}{ $daytime ->
    [1] {" "}Each recipient gets it between 09:00 and 20:00 in their own time zone.
   *[other] {""}
}
button-announce-send = 📤 Send now
button-announce-schedule = 🕒 Schedule
button-announce-cancel = ✖️ Cancel
button-announce-course = 📣 Announce it
button-announce-stop = ⏹ Stop
button-open-course = 📚 Details and sign-up
announce-cancelled = The announcement was cancelled; nothing was sent.
# $zone (String)
announce-ask-schedule = When should it go out? Type the date and time in your time zone, { $zone }: { datetime-format } (for example 15.03.2027 09:00)
# $id (String), $when (String) with its time zone
announce-scheduled = Announcement #{ $id } will go out on { $when }. /announcements shows it.
announce-hint = Please answer with the buttons above, or send /cancel to stop.
# $count (Number)
announce-stop-done = Stopped. { $count ->
    [one] 1 message was not sent.
   *[other] { $count } messages were not sent.
}
# $id (String), $total, $sent, $blocked, $failed, $remaining, $cancelled, $eta (Number)
announce-progress =
    📣 Announcement #{ $id } is going out: { $sent } of { $total } sent
    blocked the bot: { $blocked } · failed: { $failed } · remaining: { $remaining }
    ≈ { $eta } s left; daytime-only messages are queued
# $id (String), $total, $sent, $blocked, $failed, $cancelled (Number)
announce-done-report =
    ✅ Announcement #{ $id } is finished: { $sent } of { $total } delivered
    blocked the bot: { $blocked } · failed: { $failed }
# $id (String), $total, $sent, $blocked, $failed, $cancelled (Number)
announce-stopped-report =
    ⏹ Announcement #{ $id } was stopped: { $sent } of { $total } delivered, { $cancelled } not sent
    blocked the bot: { $blocked } · failed: { $failed }
announce-none = No announcements yet. Create one with /announce.
announce-list-title = <b>Recent announcements</b>
# $id (String), $status (String), $sent (Number), $total (Number), $audience (String), $author (String), $text (String)
announce-list-row = #{ $id } · { $status } · { $sent }/{ $total } · to { $audience } · by { $author } · { $text }
announce-status-draft = draft
announce-status-scheduled = scheduled
announce-status-sending = sending
announce-status-done = done
announce-status-stopped = stopped
# $max (Number)
announce-error-too-long = The text is too long: at most { $max } characters.
# $max (Number)
announce-error-caption = With a photo or document the text can have at most { $max } characters; shorten it or send the announcement without the file.
announce-error-empty = An announcement needs a text in at least one language.
announce-error-no-courses = There are no published courses to choose from.
announce-error-already-sent = This announcement has already been sent or cancelled.
announce-error-past = That time is in the past.
announce-error-no-country = Tick at least one country, or go back and choose another audience.

# What an earlier answer was, under the question asked again after ‹ Back.
# $answer (String)
announce-kept = Now: { $answer }
announce-kept-above = the text above
announce-kept-media-photo = a photo
announce-kept-media-document = a document
announce-kept-media-none = no file
# $title (String)
announce-kept-course = a button that opens “{ $title }”

# The audience in words: the preview, the kept answer and /announcements.
# $audience (String)
announce-preview-audience = Audience: { $audience }
announce-audience-all = everyone
# $title (String), $status (String)
announce-audience-course = participants of “{ $title }”: { $status }
announce-audience-status-confirmed = signed up
announce-audience-status-waitlisted = on the waiting list
announce-audience-status-attended = attended
announce-audience-status-all = signed up and waiting
# $language (String)
announce-audience-language = the { $language } language group
announce-audience-traceca = TRACECA countries
# $names (String), $last (String)
announce-audience-countries = { $names } and { $last }
# $names (String), $count (Number)
announce-audience-countries-more = { $names } and { $count } more

# The last question before anything goes out.
# $count (Number)
announce-confirm-send = { $count ->
    [one] Send to { $count } person?
   *[other] Send to { $count } people?
}
# $count (Number), $when (String) with its time zone
announce-confirm-schedule = { $count ->
    [one] Schedule for { $count } person on { $when }?
   *[other] Schedule for { $count } people on { $when }?
}
button-announce-confirm-send = ✅ Yes, send
button-announce-confirm-schedule = ✅ Yes, schedule
button-announce-reconsider = No, back to the preview
