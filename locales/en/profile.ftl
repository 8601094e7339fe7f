## Consent, the profile dialog, /profile and /forget.

consent-request =
    <b>Before we store your profile</b>
    To sign you up for courses, the organisers (ROCB Europe and the TRACECA Permanent Secretariat) need your full name, country, customs administration, position, time zone and, if you wish, an e-mail address. They are used only to organise the training, send you reminders and issue certificates, and are never passed to anyone else. You can see and change them with /profile and delete them with /forget at any time.

    Do you agree?
button-consent-agree = ✅ I agree
button-consent-decline = Not now
consent-declined = Nothing has been stored. You can give your consent later with /profile; it is needed to sign up for courses.
consent-thanks = Thank you. Let's fill in your profile — it takes less than a minute.

profile-ask-full_name = Your full name, as it should appear on your certificate (for example: Aigerim Nurlanovna Sadykova):
profile-ask-country = Your country (tap it, or type its name):
profile-ask-organisation = Your customs administration (for example: State Revenue Committee of the Republic of Kazakhstan):
profile-ask-position = Your position (for example: Chief inspector, Risk management department):
profile-ask-email = Your e-mail address, if you want to receive materials by mail (optional):
profile-ask-timezone = Choose your time zone (or type its name, for example Asia/Almaty). Course times will also be shown in it:
profile-hint-text = Please type your answer as a text message, or send /cancel to stop.
profile-hint-buttons = Please choose with the buttons above, or send /cancel to stop.
button-skip = Skip
button-next-page = Next ›
button-previous-page = ‹ Back
button-keep = Keep as it is

profile-error-name = Please type your full name: { $min } to { $max } characters, with letters.
profile-error-country = I could not find this country. Tap one of the buttons, or type the name as it is written on them.
profile-error-organisation = Please type the name of your administration: { $min } to { $max } characters.
profile-error-position = Please type your position: { $min } to { $max } characters.
profile-error-email = This does not look like an e-mail address (like name@customs.gov.az). Type it again or tap Skip.
profile-error-timezone = I don't know this time zone. Tap one of the buttons or type a name like Europe/Kyiv or Asia/Tashkent.

profile-saved = Your profile is saved.
profile-field-saved = Saved.
# $name, $country, $organisation, $position, $email, $timezone (String) profile values
# $offset (String) the time zone's current UTC offset, like UTC+4
profile-card =
    <b>Your profile</b>
    Name: { $name }
    Country: { $country }
    Administration: { $organisation }
    Position: { $position }
    E-mail: { $email }
    Time zone: { $timezone } ({ $offset })
profile-not-set = —
button-edit-full_name = ✏️ Name
button-edit-country = ✏️ Country
button-edit-organisation = ✏️ Administration
button-edit-position = ✏️ Position
button-edit-email = ✏️ E-mail
button-edit-timezone = ✏️ Time zone
button-forget = 🗑 Delete my data

forget-confirm =
    <b>Delete your personal data?</b>
    Your profile, your consent, your language choice and any unfinished dialog will be deleted from the bot. This cannot be undone.
button-forget-confirm = Yes, delete
button-forget-keep = No, keep it
forget-done =
    Your personal data has been deleted.
    What we kept: only anonymous totals (for example, how many people used the bot), which cannot be linked to you. If you write to the bot again, it will start from the beginning.
forget-kept = Nothing was deleted.

tz-europe-lisbon = Lisbon
tz-europe-london = London
tz-europe-brussels = Brussels, Paris
tz-europe-berlin = Berlin, Vienna, Warsaw
tz-europe-kyiv = Kyiv
tz-europe-chisinau = Chisinau
tz-europe-bucharest = Bucharest, Sofia, Athens
tz-europe-istanbul = Istanbul, Ankara
tz-europe-minsk = Minsk
tz-europe-moscow = Moscow
tz-asia-tbilisi = Tbilisi
tz-asia-baku = Baku
tz-asia-yerevan = Yerevan
tz-asia-tehran = Tehran
tz-asia-tashkent = Tashkent, Dushanbe, Ashgabat
tz-asia-almaty = Almaty, Astana
tz-asia-bishkek = Bishkek
tz-utc = UTC
# $city (String) a city label above; $offset (String) like UTC+4
tz-button = { $city } ({ $offset })
