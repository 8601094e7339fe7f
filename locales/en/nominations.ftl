## Nominations: /focalpoints (organisers), /nominate (focal points), the officers' side.

cmd-focalpoints = National focal points (organisers)
cmd-nominate = Nominate officers for courses

help-focal-point =
    <b>For national focal points</b>
    /nominate — courses with seats given by nomination: nominate your administration’s officers, follow their answers, send an invitation link

# A person with their @username, if they have one.
# $name (String), $username (String)
person-contact = { $name } (@{ $username })
# $name (String)
person-contact-bare = { $name }

## /focalpoints

focal-points-title = 🏛 <b>National focal points</b>
focal-points-none = No national focal points have been appointed yet. Appoint one for each country whose administration nominates its officers.
# $country (String), $people (String): names with @usernames
focal-points-line = <b>{ $country }</b>: { $people }
focal-points-hint = To remove a focal point, tap their name below.
button-focal-point-appoint = ➕ Appoint a focal point
# $country (String), $name (String)
button-focal-point-remove = ✖️ { $country }: { $name }
# $country (String), $person (String)
focal-point-remove-confirm = Remove { $person } as national focal point for { $country }? They will be told, and their invitation links will stop working.
button-focal-point-remove-yes = ✖️ Yes, remove
button-focal-point-remove-no = ‹ No, keep
# $country (String), $person (String)
focal-point-removed = { $person } is no longer national focal point for { $country } and has been told.
focal-point-appoint-country = Which country will the new national focal point represent?
# $country (String)
focal-point-appoint-person = Who is the national focal point for { $country }? Forward a message from them, send their @username, or pick them below.
# $country (String)
focal-point-appoint-nobody = (Nobody from { $country } has a profile in the bot yet.)
focal-point-hidden-sender = This person’s Telegram settings hide who they are in forwarded messages. Send their @username instead, or pick them below.
focal-point-not-a-person = This message was not forwarded from a person. Forward a message the person wrote themselves, send their @username, or pick them below.
# $country (String), $person (String)
focal-point-appointed = ✅ { $person } is now national focal point for { $country }. They have been told, and /nominate is in their menu.
# $country (String), $person (String)
focal-point-already = { $person } is already national focal point for { $country }.

## /nominate

nominate-choose-country = You are national focal point for several countries. Which country’s officers do you want to nominate?
# $country (String), $count (Number)
nominate-courses-title = 🏛 <b>Courses open for nomination</b> ({ $country }): { $count }
# $country (String)
nominate-courses-none = No courses are open for nomination at the moment ({ $country }). Please send /nominate again later.
button-nominate-countries = ‹ Countries
# $country (String), $used (Number), $quota (Number), $reserve (Number)
nominate-quota-use = { $country }: { $used } of { $quota } { $quota ->
        [one] seat
       *[other] seats
    } taken, { $reserve } on the reserve list
# $country (String), $used (Number), $reserve (Number)
nominate-seat-use = { $country }: { $used } { $used ->
        [one] seat
       *[other] seats
    } taken, { $reserve } on the reserve list
nominate-nominees-none = You have not nominated anyone for this course yet.
nominate-nominees-title = <b>Your nominees</b>
# $number (String), $person (String), $status (String)
nominate-nominee-line = { $number }. { $person } — { $status }
nominee-status-nominated = nominated, answer awaited
nominee-status-confirmed = will attend
# $position (Number)
nominee-status-reserve = reserve list, No. { $position }
# $position (Number)
nominee-status-waitlisted = waiting list, No. { $position }
nominee-status-pending = request with the organisers
nominee-status-declined = declined
nominee-status-cancelled = withdrawn
button-nominate-add = ➕ Nominate an officer
button-nominate-invite = 🔗 Invitation link
# $name (String)
button-nominate-withdraw = ✖️ Withdraw { $name }
button-nominate-courses = ‹ All courses
button-nominate-back = ‹ Back to the course
# $person (String), $title (String)
nominate-withdraw-confirm = Withdraw the nomination of { $person } for “{ $title }”? They will be told, and a seat held for them goes to the next officer waiting for one.
button-nominate-withdraw-yes = ✖️ Yes, withdraw
button-nominate-withdraw-no = ‹ No, keep
nominate-withdrawn = The nomination has been withdrawn.
# $title (String), $country (String), $count (Number)
nominate-officers-title = Whom do you nominate for “{ $title }”? Officers of { $country } with a profile in the bot: { $count }
# $title (String), $country (String)
nominate-officers-none = No other officer of { $country } has a profile in the bot yet. Send them the invitation link: they fill in their profile and answer “I will attend” themselves.
# $name (String)
nominate-done-seat = { $name } is nominated. A seat is held until they answer.
# $name (String), $position (Number)
nominate-done-reserve = All your country’s seats are taken, so { $name } is on its reserve list, No. { $position }.
# $title (String), $country (String), $link (String)
nominate-invite-link =
    🔗 Invitation link for “{ $title }”:
    { $link }

    Forward it to the officers of { $country } you want to nominate. Whoever opens it and taps “I will attend” is nominated by you (on your country’s reserve list once its seats are taken). It works only for officers of { $country }.

## Officers

# $title (String)
nominee-cannot-attend = Thank you. We have told your national focal point that you cannot attend “{ $title }”.
nomination-card-mode = To take part, you need to be nominated by your country.
# $people (String)
nomination-card-focal-points = Your national focal point: { $people }
# $country (String), $people (String)
nomination-card-no-focal-point = { $country } has no national focal point yet. Please contact the organisers: { $people }
nomination-card-no-country = Fill in your profile (/profile) to see who your country’s national focal point is.
nomination-card-nominated = 🏛 You are nominated: a seat is held for you. Will you attend?
# $country (String), $position (Number)
nomination-card-reserve = ⏳ Your number on the reserve list of { $country }: { $position }.
button-ask-focal-point = 🙋 Ask to be nominated
# $people (String)
nomination-asked = 🙋 Your request has been sent to { $people }. If you are nominated, we will tell you here.
# $inviter (String), $card (String): the course card
invitation-text =
    🏛 { $inviter } invites you to this course:

    { $card }
invitation-profile-first = To accept the invitation, please fill in your profile first. We will show you the invitation again once it is done.

## review fixes
# $name (String), $position (Number)
nominate-done-waitlist = The course is full: { $name } is on its waiting list (place { $position }).
# $title, $position (String)
invitation-waitlisted = ⏳ “{ $title }” is full for now, so you are on its waiting list (place { $position }). If a seat becomes free, you will be asked whether you will attend.
# $position (Number)
nomination-card-waitlisted = ⏳ The course is full for now: you are on its waiting list (place { $position }).
nomination-card-not-taking-part = You are not taking part in this course.
