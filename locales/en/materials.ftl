## Course materials: files attached to a course (issue 15).

## The organiser's card and list of files.
button-materials = 📎 Materials
button-materials-send = 📤 Send materials to participants
# $title (String), $count (Number)
materials-title = 📎 <b>Materials of “{ $title }”</b> ({ $count })
materials-none =
    No files yet. Add the agenda, a concept note or the list of speakers: participants see them on the course card at once.
    Slides for after the course are sent to participants when you say so.
# $number (String), $title (String), $type (String), $size (String) ", 120 KB" or empty, $when (String)
materials-line = { $number }. { $title } — { $type }{ $size }; { $when }
materials-when-before = before the course, on the card
materials-when-before-reminder = before the course, on the card, 🔔 also with the reminder
materials-when-after = after the course
materials-hint = 🔔 / 🔕 — whether a file also goes to confirmed participants with the first reminder; tap to switch. 🗑 — remove a file.
# $count (Number)
materials-refused = ⚠️ Telegram refused to send this file to { $count ->
        [one] 1 person
       *[other] { $count } people
    } (the stored copy is no longer valid, e.g. after the bot moved to a new token). Remove it, attach it again and send the materials once more.
button-material-add = ➕ Add a file
# $number (String)
button-material-reminder-on = 🔔 { $number }
# $number (String)
button-material-reminder-off = 🔕 { $number }
# $number (String)
button-material-remove = 🗑 { $number }
# $title (String)
material-reminder-on = “{ $title }” will also be sent with the reminder.
# $title (String)
material-reminder-off = “{ $title }” will not be sent with the reminder.
# $title (String)
material-remove-confirm =
    Remove “{ $title }” from the course?
    Participants will no longer see it on the card. Copies already sent stay with the people who received them; copies still waiting to be sent are not sent.
button-material-remove-yes = 🗑 Yes, remove
# $title (String)
material-removed = “{ $title }” removed.

## Adding a file.
material-ask-file = 📎 Send the file: as a document (PDF, Word, PowerPoint…) or as a photo.
material-not-a-file = Please send the file as a document or a photo. Nothing has been saved.
# $default (String)
material-ask-title = What should participants see on the button? Type a short title, e.g. “Agenda”, or keep “{ $default }”.
material-ask-title-no-default = What should participants see on the button? Type a short title, e.g. “Agenda”.
material-title-as-text = Please type the title as a text message.
# $title (String)
material-ask-timing = When is “{ $title }” for?
material-timing-hint = Please choose one of the buttons above: before or after the course.
button-material-before = 📅 Before the course: on the card now
button-material-after = 📤 After the course: sent when you say so
# $title (String)
material-added = ✅ “{ $title }” added.
error-material-title-empty = The title cannot be empty.
# $limit (Number)
error-material-title-too-long = The title is too long for a button: at most { $limit } characters, please.
error-material-gone = This file is no longer attached to the course.
error-materials-not-yet = The materials can be sent once the course has ended, and only the files marked “after the course”.

## Sending the files after the course.
# $title (String)
materials-send-ask = Who should receive the materials of “{ $title }” for after the course?
# $count (Number)
button-materials-send-attendees = ✅ Attendees (marked present): { $count }
# $count (Number)
button-materials-send-confirmed = 👥 All confirmed participants: { $count }
# $files (Number), $names (String), $people (Number)
materials-send-confirm =
    Send { $files ->
        [one] the file
       *[other] { $files } files
    } { $names } to { $people ->
        [one] 1 person
       *[other] { $people } people
    }?
    Each person receives each file only once.
# $already (Number), $files (Number)
materials-send-already = { $already ->
        [one] 1 person in this group already has { $files ->
            [one] it
           *[other] them
        }.
       *[other] { $already } people in this group already have { $files ->
            [one] it
           *[other] them
        }.
    }
# $already (Number)
materials-send-nobody = Everyone in this group already has these files ({ $already ->
        [one] 1 person
       *[other] { $already } people
    }). Nothing to send.
# $audience (String) "att": attendees, "all": all confirmed
materials-send-empty = { $audience ->
        [att] Nobody has been marked present yet: mark attendance first with “{ button-attendance }” on the course card, or send to all confirmed participants.
       *[all] Nobody was confirmed on this course, so there is nobody to send the materials to.
    }
button-materials-send-yes = 📤 Yes, send
# $people (Number)
materials-sent = { $people ->
        [0] Nothing was sent: everyone in this group already has these files.
        [one] 📤 The materials are on their way to 1 person.
       *[other] 📤 The materials are on their way to { $people } people.
    }

## A participant's files on the course card.
# $title (String), $type (String)
button-material = 📎 { $title } ({ $type })
# $count (Number)
button-materials-all = 📎 All materials ({ $count })
# $title (String)
materials-all-title = 📎 Materials of “{ $title }”. Tap a file to receive it.
# $title (String)
material-just-sent = “{ $title }” is on its way: see the chat.
# $title (String)
error-material-unavailable = Telegram no longer accepts the stored copy of “{ $title }”, so it cannot be sent. The organisers need to attach it again: please let them know with “{ button-ask-organisers }” on the course card.
# $title (String)
material-quoted = “{ $title }”
# $title (String) the file's, $course (String) the course's title
material-caption = { $title } — { $course }

## File types, as shown after a title.
material-type-pdf = PDF
material-type-word = Word
material-type-excel = Excel
material-type-powerpoint = PowerPoint
material-type-image = image
material-type-archive = archive
material-type-text = text
material-type-video = video
material-type-file = file
# $size (String) formatted for the reader
material-size-kb = { $size } KB
# $size (String) formatted for the reader
material-size-mb = { $size } MB
