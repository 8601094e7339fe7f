## Consent, the profile dialog, /profile and /forget.

consent-request =
    <b>Before we store your profile</b>
    To sign you up for courses, the organisers — the WCO Regional Office for Capacity Building for Europe (ROCB Europe) and the Permanent Secretariat of the IGC TRACECA — need your full name, country, customs administration, position, time zone and, if you wish, an e-mail address; for certificates in English, also your name in Latin letters as in your passport. Your Telegram username is kept with them, so that organisers can find you. They are used only to organise the training, send you reminders and issue certificates, and are never passed to anyone else — except that your country's national focal point, who nominates your administration's officers for some courses, sees your name, administration and position and where your nominations stand; and if you become a focal point or an organiser, officers see your name and @username as the person to contact. You can see and change them with /profile and delete them with /forget at any time.
    Until you agree, the bot keeps only your Telegram ID, your language, when you first and last wrote to it, whether it can reach you and, while you are in the middle of a step, where you are in it, so that it can answer you; until then it does not store your Telegram name or username.

    Do you agree?
button-consent-agree = ✅ I agree
button-consent-decline = Not now
consent-declined = No profile has been stored: the bot keeps only your Telegram ID, your language, when you first and last wrote to it and whether it can reach you, so that it can answer you (/forget deletes them too). You can give your consent later with /profile; it is needed to sign up for courses.
consent-thanks = Thank you. Let's fill in your profile — it takes less than a minute.

profile-ask-full_name = Your full name — surname, given name and patronymic (if you have one) — as it should appear on your certificate (for example: Sadykova Aigerim Nurlanovna):
profile-ask-country = Your country (tap it, or type its name):
profile-ask-organisation = Your customs administration (for example: State Revenue Committee of the Republic of Kazakhstan):
profile-ask-position = Your position (for example: Chief inspector, Risk management department):
profile-ask-email = Your e-mail address, if you want to receive materials by mail. It is optional: tap “Skip” if you prefer not to give one.
profile-ask-email-edit = Your e-mail address, if you want to receive materials by mail:
profile-ask-email-change = Your new e-mail address, or tap “Delete my e-mail address” if you no longer want materials by mail:
profile-ask-timezone = Your time zone: tap your city or a city with the same time, or type the name of your city (for example, Tashkent). Course times will also be shown in it:
# $value (String) the saved answer, as the profile shows it
profile-current = Now: { $value }
profile-hint-text = Please type your answer as a text message, or send /cancel to stop.
profile-hint-buttons = Please tap one of the buttons above or type the name as a text message, or send /cancel to stop.
button-skip = Skip
button-email-remove = 🗑 Delete my e-mail address
button-countries-other = Other countries ›
button-countries-next = More ›
button-countries-previous = ‹ Previous
button-next-page = Next ›
button-previous-page = ‹ Previous

# $min, $max (Number)
profile-error-name = Please type your full name: { $min } to { $max } characters, with letters.
profile-error-country = I could not find this country. Tap one of the buttons, or type the name as it is written on them.
# $min, $max (Number)
profile-error-organisation = Please type the name of your administration: { $min } to { $max } characters.
# $min, $max (Number)
profile-error-position = Please type your position: { $min } to { $max } characters.
profile-error-email = This does not look like an e-mail address (for example, name@customs.gov.az).
# $city (String) what the participant typed
profile-error-timezone = I could not find “{ $city }”. Tap the button with your city or a city with the same time, or type the name of your city or of your country’s capital (for example, Tashkent or Baku).

profile-saved = Your profile is saved.
profile-field-saved = Saved.
profile-field-kept = Nothing was changed.
# $name, $country, $organisation, $position, $email, $latin_name (String) profile values
# $timezone (String) the zone by its city and current UTC offset, like "Baku (UTC+4)"
profile-card =
    <b>Your profile</b>
    Name: { $name }
    Country: { $country }
    Administration: { $organisation }
    Position: { $position }
    E-mail: { $email }
    Time zone: { $timezone }
    Name in Latin letters: { $latin_name }
profile-not-set = —
button-edit-full_name = ✏️ Name
button-edit-country = ✏️ Country
button-edit-organisation = ✏️ Administration
button-edit-position = ✏️ Position
button-edit-email = ✏️ E-mail
button-edit-timezone = ✏️ Time zone
button-edit-latin_name = ✏️ Name in Latin letters
profile-ask-latin_name = Your name in Latin letters, as in your passport; it is printed on certificates in English (for example: Sadykova Aigerim):
button-forget = 🗑 Delete my data

# $days (Number) how many daily backup copies are kept (BACKUP_KEEP)
forget-confirm =
    <b>Delete your personal data?</b>
    The bot deletes your profile, your consent, your language, your Telegram ID, your sign-ups (a seat on a course that has not started yet goes to the next person waiting), your survey invitations and your answers to named surveys, your questions to the organisers and their answers, your name on the certificates issued to you (their codes remain, and checking one shows that its holder has deleted their data), its record of the messages it sent you or was going to send, and any unfinished dialog. This cannot be undone.
    What stays: records of the organisers' actions that concerned you (such as attendance) with a random pseudonym instead of your ID, totals of announcements, answers to anonymous surveys, which carry neither your name nor your ID, and a hash of your ID in the bot's list of deletions, so that an old copy of the database cannot bring your data back. Backup copies made before now still contain your data: daily copies are deleted after { $days ->
        [one] one day
       *[other] { $days } days
    } at the latest, copies an administrator made by hand when they delete them, and if an older copy is ever restored, the bot deletes your data again when it starts.
button-forget-confirm = Yes, delete
button-forget-keep = No, keep it
forget-done =
    Your personal data has been deleted.
    If you want to use the bot again, send /start: it begins from the beginning.
profile-send-start = Please send /start to begin.
forget-kept = Nothing was deleted.
