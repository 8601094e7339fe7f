## Certificates of attendance: the course's settings, attendance per day, issuing, the
## holder's certificates and the name in Latin letters, /verify.

cmd-certificates = My certificates of attendance
cmd-verify = Check a certificate by its code

## Course fields (the /newcourse form and the edit menu).
course-field-certificate = Certificate: days
course-field-certificate_language = Certificate: language
course-field-hours = Training hours
course-ask-certificate = Which share of the course's days must a participant attend to receive a certificate? Type a percentage from 1 to 100 (for example “80%”), or “all” for every day:
course-ask-certificate_language = In which language should certificates be issued? Type “own” (each participant's language) or “bilingual” (English and Russian on one page):
course-ask-hours = How many training hours should the certificates state? Type a number (for example 16), or “-” not to state any:
# $value (String) what the organiser typed
course-error-certificate = “{ $value }” — write a share of the days from 1 to 100, for example “certificate: 80%” or “certificate: 80”, or “all”.
# $value (String)
course-error-certificate-language = “{ $value }” — write “own” (each participant's language) or “bilingual” (English and Russian).
# $value (String), $max (String)
course-error-hours = “{ $value }” — write the number of training hours, from 1 to { $max }, or “-”.

## The organiser's course card.
# $rule (String) the parts below, joined with " · "
course-certificate-line = 🎓 Certificates: { $rule }
# $share (Number) percent
course-certificate-share = at least { $share }% of the days attended
course-certificate-all-days = every day attended
course-certificate-language-own = in each participant's language
course-certificate-language-bilingual = in English and Russian
# $hours (Number)
course-certificate-hours = { $hours ->
        [one] one hour
       *[other] { $hours } hours
    }
button-issue-certificates = 🎓 Issue certificates

## Attendance of a course of several days.
# $day (Number) 1, 2 ..., $date (String) "12 Mar"
attendance-day-button = Day { $day } · { $date }
# $day, $days (Number), $date (String) "12 March"
attendance-day-heading = <b>Day { $day } of { $days }</b>, { $date }. Each name shows the days attended.

## Issuing (organisers).
# $title (String)
certificate-preview-title = <b>🎓 Certificates for “{ $title }”</b>
certificate-rule-present = present at the course
# $share, $days (Number)
certificate-rule-share = at least { $share }% of { $days ->
        [one] one day
       *[other] { $days } days
    } attended
# $days (Number)
certificate-rule-all-days = all { $days } days attended
# $eligible, $attendees (Number), $rule (String)
certificate-preview-qualify = { $eligible } of { $attendees } { $attendees ->
        [one] attendee qualifies
       *[other] attendees qualify
    }: { $rule }.
# $names (String) the list below
certificate-preview-not-eligible = Do not qualify: { $names }.
# $name (String), $present, $days (Number)
certificate-not-eligible-person = { $name } ({ $present }/{ $days })
# $count (Number)
certificate-and-more = and { $count } more
# $count (Number)
certificate-preview-issued = Already issued: { $count }.
# $count (Number)
certificate-preview-to-issue = { $count ->
        [one] One certificate will be issued now and sent to its holder as a PDF.
       *[other] { $count } certificates will be issued now and sent to their holders as PDFs.
    }
certificate-preview-nothing-to-issue = Everyone who qualifies already has a certificate.
# $count (Number)
button-certificates-issue = 🎓 Issue { $count }
# $count (Number)
button-certificates-issued = 📜 Issued certificates ({ $count })
# $count (Number)
certificate-issued-alert = { $count ->
        [0] No new certificates: everyone who qualifies already has one.
        [one] One certificate issued: it is on its way to its holder.
       *[other] { $count } certificates issued: they are on their way to their holders.
    }
certificate-error-course-cancelled = The course was cancelled: no certificates can be issued for it.

## The course's issued certificates (organisers).
# $title (String), $count (Number)
certificate-list-title = <b>Certificates for “{ $title }”</b>: { $count } issued.
# $count (Number) certificates still waiting for their holders' names in Latin letters
certificate-list-waiting = { $count ->
        [one] ✍️ One certificate has not been sent yet: its holder has not given their name in Latin letters.
       *[other] ✍️ { $count } certificates have not been sent yet: their holders have not given their names in Latin letters.
    }
# $count (Number)
button-certificates-remind = 🔔 Ask again for the name in Latin letters ({ $count })
# $count (Number) holders asked again
certificate-reminded-alert = { $count ->
        [0] Nobody to remind: every certificate has been sent.
        [one] The holder has been asked again; the certificate goes to them as soon as they give the name.
       *[other] { $count } holders have been asked again; each certificate goes to its holder as soon as they give the name.
    }
certificate-state-sent = sent
certificate-state-waiting-for-name = waiting for the name in Latin letters
certificate-state-unreachable = ⚠️ not delivered: the holder has blocked the bot (once they start it again, /certificates sends it)
# $version (Number)
certificate-state-reissued = reissued (issue { $version })
certificate-state-revoked = ⛔ revoked
certificate-state-erased = the holder deleted their data
# $title, $names, $code, $issued, $state (String)
certificate-card =
    <b>Certificate { $code }</b>
    Course: “{ $title }”
    Issued to: { $names }
    Issued on: { $issued }
    Status: { $state }

    After a correction of the holder's name in their profile, Reissue sends a new PDF with the same code; the earlier one is then superseded.
button-certificate-reissue = 🔁 Reissue
button-certificate-revoke = ⛔ Revoke
# $version (Number)
certificate-reissued-alert = Reissued (issue { $version }): the new PDF is on its way to the holder.
# $code (String)
certificate-revoke-confirm = Revoke certificate { $code }? It stops being valid: a check of its code says it was revoked, and its holder is told. This cannot be undone.
button-certificate-revoke-yes = Yes, revoke
button-certificate-revoke-no = No, keep it
certificate-revoked-alert = Revoked. The holder has been told.
certificate-error-not-valid = This certificate was revoked, or its holder deleted their data.
certificate-error-no-latin-name = The holder has not given their name in Latin letters yet, which the English text needs; the certificate goes to them as soon as they do.
certificate-error-name-unchanged = The name in the holder's profile is the one already printed on the certificate: there is nothing to reissue. Reissue once they have corrected their name.

## To the holder.
# $title, $code (String)
certificate-sent = 🎓 Your certificate of attendance for “{ $title }”. Its code is { $code }: anyone can check it with /verify { $code }.
# $title, $code (String)
certificate-reissued = 🎓 Your certificate for “{ $title }” has been reissued with your corrected name; the code stays { $code }. Please use this copy: the earlier one is superseded.
# $title, $code (String)
certificate-revoked-notice = Your certificate for “{ $title }” (code { $code }) has been revoked by the organisers and is no longer valid. If you think this is a mistake, please contact the organisers.
# $title (String)
certificate-latin-name-needed = 🎓 Your certificate of attendance for “{ $title }” is ready. It is printed in English, so it needs your name in Latin letters, as in your passport: tap the button to give it, and the certificate is sent to you straight away.
button-certificate-latin-name = ✍️ My name in Latin letters
certificate-ask-latin-name = Your name in Latin letters, as in your passport (for example: Sadykova Aigerim). Type it, or tap the button if it is written correctly:
# $name (String)
button-certificate-use-name = ✅ { $name }
# $count (Number) certificates sent now
certificate-latin-name-saved = { $count ->
        [0] Thank you, your name in Latin letters is saved.
        [1] Thank you, your name in Latin letters is saved. Your certificate is on its way.
       *[other] Thank you, your name in Latin letters is saved. Your { $count } certificates are on their way.
    }
# $max (Number)
certificate-error-latin-name-length = Please type your name in Latin letters, at most { $max } characters.
certificate-error-latin-name-letters = Please use Latin letters only, as in your passport (for example: Sadykova Aigerim).
certificate-error-revoked = This certificate has been revoked and can no longer be sent.
certificate-error-waiting-for-name = This certificate is waiting for your name in Latin letters.

## /certificates
certificate-mine-none = You have no certificates yet. They are issued after a course, to participants who attended it.
# $count (Number)
certificate-mine-title = <b>Your certificates</b> ({ $count }):
# $number, $title, $code (String)
certificate-mine-valid = { $number }. “{ $title }” · { $code }
# $number, $title, $code (String)
certificate-mine-waiting = { $number }. “{ $title }” · waiting for your name in Latin letters
# $number, $title, $code (String)
certificate-mine-revoked = { $number }. “{ $title }” · { $code } · ⛔ revoked
# $number, $title (String)
button-certificate-send = 📄 { $number }. { $title }

## /verify
verify-ask-code = Send the certificate's code, as printed under its QR code (for example: 7KQ2-M9XD-4HPT).
verify-unknown = No certificate has this code.
# $code, $names, $title, $when, $issued (String)
verify-genuine =
    ✅ <b>Certificate { $code } is genuine.</b>
    Issued to: { $names }
    Course: “{ $title }”, { $when }
    Issued on: { $issued }
# $reissued (String), $version (Number)
verify-reissued = Reissued on { $reissued } (issue { $version }); earlier copies are superseded.
# $code, $title, $when, $issued, $revoked (String)
verify-revoked =
    ⛔ <b>Certificate { $code } was revoked on { $revoked }</b> and is no longer valid.
    Course: “{ $title }”, { $when }
    Issued on: { $issued }
# $code, $title, $when, $issued (String)
verify-erased =
    Certificate { $code } was issued on { $issued } for the course “{ $title }”, { $when }. Its holder has since deleted their data from the bot, so whom it was issued to cannot be confirmed.
