## Course materials: files attached to a course (issue 15).

## The organiser's card and list of files.
button-materials = 📎 Materials
button-materials-send = 📤 Send materials to participants
# $title (String), $count (Number)
materials-title = 📎 <b>Materials for “{ $title }”</b> ({ $count })
materials-none =
    No files yet. Add the agenda, a concept note or the list of speakers: participants will see them on the course card straight away.
    Slides and other files for after the course go to participants only when you send them, once the course has ended.
# $number (String), $title (String), $type (String), $size (String) ", 120 KB" or empty, $when (String)
materials-line = { $number }. { $title } — { $type }{ $size }; { $when }
materials-when-before = before the course, on the card
materials-when-before-reminder = before the course, on the card; 🔔 also sent with the reminder
materials-when-after = after the course
materials-hint = 🔔 / 🔕 — whether the file is also sent to signed-up participants with the reminder before the course; tap to switch. 🗑 — remove the file.
# $count (Number)
materials-refused = ⚠️ Telegram could not deliver this file to { $count ->
        [one] 1 person
       *[other] { $count } people
    }: the copy the bot keeps is no longer valid (for example, after a move to a new Telegram bot). Remove the file, attach it again and send the materials once more.
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
    Participants will no longer see it on the course card. Those who have already received it keep their copy; copies not yet sent will not go out.
button-material-remove-yes = 🗑 Yes, remove
# $title (String)
material-removed = “{ $title }” removed.

## Adding a file.
material-ask-file = 📎 Send the file as a document (PDF, Word, PowerPoint…) or as a photo.
material-not-a-file = Please send the file as a document or a photo. Nothing has been saved.
# $default (String)
material-ask-title = Type a short title for the button participants will see, such as “Agenda”. To keep “{ $default }”, tap “{ button-dialog-keep }”.
material-ask-title-no-default = Type a short title for the button participants will see, such as “Agenda”.
material-title-as-text = Please type the title as a text message.
# $title (String)
material-ask-timing = When should participants get “{ $title }”?
material-timing-hint = Please tap one of the buttons above: before or after the course.
button-material-before = 📅 Before the course: on the card
button-material-after = 📤 After the course: sent by you
# $title (String)
material-added = ✅ “{ $title }” added.
error-material-title-empty = The title cannot be empty.
# $limit (Number)
error-material-title-too-long = The title is too long for a button: please use at most { $limit } characters.
error-material-gone = This file is no longer attached to the course.
error-materials-not-yet = The materials can be sent only once the course has ended, and only the files marked “after the course”.

## Sending the files after the course.
# $title (String)
materials-send-ask = Who should receive the materials for “{ $title }” marked “after the course”?
# $count (Number)
button-materials-send-attendees = ✅ Those marked present: { $count }
# $count (Number)
button-materials-send-confirmed = 👥 Everyone signed up: { $count }
# $files (Number), $names (String), $people (Number)
materials-send-confirm =
    Send { $files ->
        [one] the file { $names }
       *[other] { $files } files ({ $names })
    } to { $people ->
        [one] 1 person
       *[other] { $people } people
    }?
    Nobody will receive the same file twice.
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
    }): there is nothing to send.
# $audience (String) "att": participants marked present, "all": everyone signed up
materials-send-empty = { $audience ->
        [att] Nobody has been marked present yet: mark attendance first with “{ button-attendance }” on the course card, or send the materials to everyone signed up.
       *[all] Nobody was signed up for this course, so there is nobody to send the materials to.
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
materials-all-title = 📎 Materials for “{ $title }”: tap a file to receive it.
# $title (String)
material-just-sent = “{ $title }” is already on its way: see the chat.
# $title (String)
error-material-unavailable = Sorry, “{ $title }” cannot be sent: the copy the bot keeps is no longer valid, and the organisers need to attach the file again. Please let them know with “{ button-ask-organisers }” on the course card.
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
