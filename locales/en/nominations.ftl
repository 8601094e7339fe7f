## Nominations: /focalpoints (organisers), /nominate (focal points), the officers' side.

cmd-focalpoints = National focal points (organisers)
cmd-nominate = Nominate officers for courses

help-focal-point =
    <b>For national focal points</b>
    /nominate — courses that take nominations: nominate your administration's officers, see their answers, send an invitation link

# A person with their @username, if they have one.
# $name (String), $username (String)
person-contact = { $name } (@{ $username })
# $name (String)
person-contact-bare = { $name }

## /focalpoints

focal-points-title = 🏛 <b>National focal points</b>
focal-points-none = No focal points yet. Appoint one for each administration that nominates its officers.
# $country (String), $people (String): names with @usernames
focal-points-line = <b>{ $country }</b>: { $people }
focal-points-hint = To remove a focal point, press their button below.
button-focal-point-appoint = ➕ Appoint
# $country (String), $name (String)
button-focal-point-remove = ✖️ { $country }: { $name }
# $country (String), $person (String)
focal-point-remove-confirm = Remove { $person } as the focal point for { $country }? They will be told, and their invitation links stop working.
button-focal-point-remove-yes = ✖️ Yes, remove
button-focal-point-remove-no = ‹ No, keep
# $country (String), $person (String)
focal-point-removed = { $person } is no longer the focal point for { $country }.
focal-point-appoint-country = Which country will the new focal point represent?
# $country (String)
focal-point-appoint-person = Who is the focal point for { $country }? Forward me a message from the person, send their @username, or pick them below.
# $country (String)
focal-point-appoint-nobody = (Nobody from { $country } has a profile in the bot yet.)
focal-point-hidden-sender = This person’s Telegram settings hide who they are in forwarded messages. Send their @username instead, or pick them below.
focal-point-not-a-person = This message was not forwarded from a person. Forward a message the person wrote, send their @username, or pick them below.
# $country (String), $person (String)
focal-point-appointed = ✅ { $person } is now the focal point for { $country }. They have been told and have /nominate in their menu.
focal-point-already = { $person } already is the focal point for { $country }.

## /nominate

nominate-choose-country = You are the focal point for several countries. Whose officers do you want to nominate?
# $country (String), $count (Number)
nominate-courses-title = 🏛 <b>Courses open for nomination</b> ({ $country }): { $count }
# $country (String)
nominate-courses-none = No course is open for nomination at the moment ({ $country }). Send /nominate again later.
button-nominate-countries = ‹ Countries
# $country (String), $used (Number), $quota (Number), $reserve (Number)
nominate-quota-use = { $country }: { $used } of { $quota } { $quota ->
        [one] seat
       *[other] seats
    } used, { $reserve } on reserve
# $country (String), $used (Number), $reserve (Number)
nominate-seat-use = { $country }: { $used } { $used ->
        [one] seat
       *[other] seats
    } used, { $reserve } on reserve
nominate-nominees-none = You have not nominated anyone for this course yet.
nominate-nominees-title = <b>Your nominees</b>
# $number (String), $person (String), $status (String)
nominate-nominee-line = { $number }. { $person } — { $status }
nominee-status-nominated = nominated — waiting for their answer
nominee-status-confirmed = will attend
# $position (Number)
nominee-status-reserve = reserve, place { $position }
nominee-status-waitlisted = waiting list, place { $position }
nominee-status-pending = request waiting for the organisers
nominee-status-declined = declined
nominee-status-cancelled = withdrawn
button-nominate-add = ➕ Nominate an officer
button-nominate-invite = 🔗 Invitation link
# $name (String)
button-nominate-withdraw = ✖️ Withdraw { $name }
button-nominate-courses = ‹ All courses
button-nominate-back = ‹ Back to the course
# $person (String), $title (String)
nominate-withdraw-confirm = Withdraw the nomination of { $person } for “{ $title }”? They will be told, and a seat they held goes to the next officer on the reserve list.
button-nominate-withdraw-yes = ✖️ Yes, withdraw
button-nominate-withdraw-no = ‹ No, keep
nominate-withdrawn = The nomination is withdrawn.
# $title (String), $country (String), $count (Number)
nominate-officers-title = Whom do you nominate for “{ $title }”? Officers of { $country } with a profile in the bot: { $count }
# $title (String), $country (String)
nominate-officers-none = No other officer of { $country } has a profile in the bot yet. Send them the invitation link: they fill in their profile and answer “I will attend” themselves.
# $name (String)
nominate-done-seat = { $name } is nominated. A seat is held until they answer.
# $name (String), $position (Number)
nominate-done-reserve = Your country’s seats are taken: { $name } is on its reserve list (place { $position }).
# $title (String), $country (String), $link (String)
nominate-invite-link =
    🔗 Invitation link for “{ $title }”:
    { $link }

    Forward it to the officers of { $country } you want to nominate. Whoever opens it and presses “I will attend” is nominated by you (on the reserve list once your seats are taken). It works only for officers of { $country }.

## Officers

# $title (String)
nominee-cannot-attend = Thank you. Your focal point has been told that you cannot attend “{ $title }”.
nomination-card-mode = 🏛 Seats on this course are given through national focal points.
# $people (String)
nomination-card-focal-points = Your focal point: { $people }
# $country (String), $people (String)
nomination-card-no-focal-point = { $country } has no focal point yet. Please contact the organisers: { $people }
nomination-card-no-country = Fill in your profile (/profile) to see who your country’s focal point is.
nomination-card-nominated = 🏛 You are nominated: a seat is held for you. Will you attend?
# $country (String), $position (Number)
nomination-card-reserve = ⏳ You are on the reserve list of { $country } (place { $position }).
nomination-card-declined = You answered that you cannot attend.
button-ask-focal-point = 🙋 Ask my focal point to nominate me
# $people (String)
nomination-asked = 🙋 Sent to { $people }. If they nominate you, you will be told here.
# $inviter (String), $card (String): the course card
invitation-text =
    🏛 { $inviter } invites you to this course:

    { $card }
invitation-profile-first = To take up the invitation, please fill in your profile first. The invitation will be shown to you again when it is done.

## review fixes
# $name (String), $position (Number)
nominate-done-waitlist = The course is full: { $name } is on its waiting list (place { $position }).
# $title, $position (String)
invitation-waitlisted = ⏳ “{ $title }” is full for now, so you are on its waiting list (place { $position }). If a seat becomes free, you will be asked whether you will attend.
# $position (Number)
nomination-card-waitlisted = ⏳ The course is full for now: you are on its waiting list (place { $position }).
nomination-card-not-taking-part = You are not taking part in this course.
