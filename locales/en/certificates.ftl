## Certificates of attendance: the course's settings, attendance per day, issuing, the
## holder's certificates and the name in Latin letters, /verify.

cmd-certificates = My certificates of attendance
cmd-verify = Check a certificate by its code

## Course fields (the /newcourse form and the edit menu).
course-field-certificate = Certificate: attendance
course-field-certificate_language = Certificate: language
course-field-hours = Training hours
course-ask-certificate = What share of the course days must a participant attend to receive a certificate? Type a percentage from 1 to 100 (for example, “80%”), or “all” if every day is required:
course-ask-certificate_language = In which language should certificates be issued? Type “own” (in each participant's language) or “bilingual” (English and Russian on one page):
course-ask-hours = How many training hours should the certificates state? Type a number (for example, 16), or “-” to leave the hours out:
# $value (String) what the organiser typed
course-error-certificate = “{ $value }” — write the percentage of days from 1 to 100, for example “certificate: 80%” or “certificate: 80”, or “all”.
# $value (String)
course-error-certificate-language = “{ $value }” — write “own” (in each participant's language) or “bilingual” (English and Russian).
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
        [one] { $hours } training hour
       *[other] { $hours } training hours
    }
button-issue-certificates = 🎓 Issue certificates

## Attendance of a course of several days.
# $day (Number) 1, 2 ..., $date (String) "12 Mar"
attendance-day-button = Day { $day } · { $date }
# $day, $days (Number), $date (String) "12 March"
attendance-day-heading = <b>Day { $day } of { $days }</b>, { $date }. Next to each name: the number of days attended.

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
button-certificates-remind = 🔔 Ask again for the name ({ $count })
# $count (Number) holders asked again
certificate-reminded-alert = { $count ->
        [0] Nobody to remind: every certificate has been sent.
        [one] The holder has been asked again; the certificate goes to them as soon as they give the name.
       *[other] { $count } holders have been asked again; each certificate goes to its holder as soon as they give the name.
    }
certificate-state-sent = sent
certificate-state-waiting-for-name = not sent: the holder has not given their name in Latin letters
certificate-state-unreachable = ⚠️ not delivered: the holder has blocked the bot (once they start it again, they can get it with /certificates)
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

    If the holder corrects their name in the profile, “Reissue” sends them a new PDF with the same code; the earlier copy is then superseded.
button-certificate-reissue = 🔁 Reissue
button-certificate-revoke = ⛔ Revoke
# $version (Number)
certificate-reissued-alert = Reissued (issue { $version }): the new PDF is on its way to the holder.
# $code (String)
certificate-revoke-confirm = Revoke certificate { $code }? It will no longer be valid: a check of its code will show that it was revoked, and the holder will be notified. This cannot be undone.
button-certificate-revoke-yes = Yes, revoke
button-certificate-revoke-no = No, keep it
certificate-revoked-alert = Certificate revoked. The holder has been notified.
certificate-error-not-valid = This certificate was revoked, or its holder deleted their data.
certificate-error-no-latin-name = The holder has not yet given their name in Latin letters, which the English text needs; the certificate will be sent as soon as they do.
certificate-error-name-unchanged = The certificate already shows the name from the holder's profile, so there is nothing to reissue. Reissue it once the holder has corrected their name.

## To the holder.
# $title, $code (String)
certificate-sent = 🎓 Your certificate of attendance for “{ $title }”. Its verification code is { $code }: anyone can check the certificate with /verify { $code }.
# $title, $code (String)
certificate-reissued = 🎓 Your certificate for “{ $title }” has been reissued with your corrected name; the verification code is still { $code }. Please use this copy: the earlier one is no longer valid.
# $title, $code (String)
certificate-revoked-notice = Your certificate for “{ $title }” (code { $code }) has been revoked by the organisers and is no longer valid. If you believe this is a mistake, please contact the organisers.
# $title (String)
certificate-latin-name-needed = 🎓 Your certificate of attendance for “{ $title }” is ready. Its text is in English, so it needs your name in Latin letters, as in your passport. Tap the button and enter it: the certificate will be sent to you straight away.
button-certificate-latin-name = ✍️ My name in Latin letters
certificate-ask-latin-name = Your name in Latin letters, as in your passport (for example: Sadykova Aigerim). If the button shows it correctly, tap it; otherwise type it:
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
certificate-error-waiting-for-name = This certificate will be sent once you give your name in Latin letters.

## /certificates
certificate-mine-none = You have no certificates yet. They are issued after a course to the participants who attended it.
# $count (Number)
certificate-mine-title = <b>Your certificates</b> ({ $count }):
# $number, $title, $code (String)
certificate-mine-valid = { $number }. “{ $title }” · { $code }
# $number, $title, $code (String)
certificate-mine-waiting = { $number }. “{ $title }” · will be sent once you give your name in Latin letters
# $number, $title, $code (String)
certificate-mine-revoked = { $number }. “{ $title }” · { $code } · ⛔ revoked
# $number, $title (String)
button-certificate-send = 📄 { $number }. { $title }

## /verify
verify-ask-code = Send the certificate's verification code, as printed under its QR code (for example: 7KQ2-M9XD-4HPT).
verify-unknown = No certificate with this code was found. Please check the code printed under the QR code.
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
    Certificate { $code } was issued on { $issued } for the course “{ $title }”, { $when }. Its holder has since deleted their data from the bot, so the holder's name cannot be confirmed.
