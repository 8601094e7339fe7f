## Seats given by decision: requests, nominations by focal points, country quotas.
## Notices to the people concerned, and the refusals.

# $name (String); $details (String): administration and country
person-line = <b>{ $name }</b>, { $details }
# $name (String)
person-line-bare = <b>{ $name }</b>

# $title (String), $person (person-line)
request-new-notice =
    📝 New request for a seat on “{ $title }”:
    { $person }
    Approve it, decline it or put it on the waiting list with the buttons below; all requests are in /requests.

# $title, $when, $place (String)
seat-confirmed-notice =
    ✅ Your request was approved: you are signed up for “{ $title }”.
    { $when }
    { $place }
    The calendar file is attached.
# $title, $position (String)
seat-waitlisted-notice =
    ⏳ “{ $title }” is full for now, so the organisers have put you on the waiting list. Your number on the waiting list: { $position }. If a seat becomes free, it is yours and we will tell you at once.
# $title, $position, $country (String)
seat-reserve-notice =
    ⏳ All seats for { $country } on “{ $title }” are taken, so you are on the reserve list of { $country }. Your number on the reserve list: { $position }. If a seat becomes free, we will tell you at once.
# $title (String)
seat-declined-notice = The organisers have declined your request for a seat on “{ $title }”.
# $title (String)
seat-removed-notice = The organisers have removed you from the list of participants of “{ $title }”.
# $reason (String): the organiser's own words
seat-reason = Reason: { $reason }

# $country (String)
focal-point-appointed-notice =
    🏛 The organisers have appointed you national focal point for { $country }: you nominate your administration's officers for courses whose seats are given by nomination.
    Officers of { $country } now see your name and @username on these courses as the person to ask.
    Send /nominate to see these courses and nominate officers.
# $country (String)
focal-point-removed-notice = The organisers have removed you as national focal point for { $country }. Thank you for your work.

# $name, $country (String): who nominated, at the start of the nomination notices
nomination-by = { $name }, national focal point for { $country },
# $country (String)
nomination-by-unnamed = The national focal point for { $country }
# $title, $when, $by (nomination-by), $country (String)
nomination-notice =
    🏛 { $by } has nominated you for “{ $title }”.
    { $when }
    A seat is held for you. Will you attend?
# $title, $when, $by, $country, $position (String)
nomination-reserve-notice =
    🏛 { $by } has nominated you for “{ $title }”.
    { $when }
    All seats for { $country } are taken for now, so you are on the reserve list of { $country }. Your number on the reserve list: { $position }. If a seat becomes free, we will ask you whether you can attend.
# $title, $when, $by, $position (String)
nomination-waitlist-notice =
    🏛 { $by } has nominated you for “{ $title }”.
    { $when }
    The course is full for now, so you are on the waiting list. Your number on the waiting list: { $position }. If a seat becomes free, we will ask you whether you can attend.
# $title, $when (String)
nomination-seat-free-notice =
    🎉 A seat on “{ $title }” has become free and is held for you.
    { $when }
    Will you attend?
# $title (String)
nomination-withdrawn-notice = Your national focal point has withdrawn your nomination for “{ $title }”.
# $title (String), $person (person-line)
nomination-accepted-notice =
    ✅ { $person } will attend “{ $title }”.
nomination-declined-notice =
    ✖️ { $person } cannot attend “{ $title }”. The seat has gone to the next officer waiting for one, if there is any.
nomination-asked-notice =
    🙋 { $person } asks you to nominate them for “{ $title }”.

button-will-attend = ✅ I will attend
button-cannot-attend = ✖️ I can't attend

error-nomination-only = Seats on this course are given by nomination: please ask your country's national focal point to nominate you.
error-already-decided = This has already been decided by another organiser, or the person has withdrawn. Send /requests to see the requests still waiting.
error-no-seat-free = The course is full. Free a seat first, or put the officer on the waiting list.
# $country (String)
error-quota-full = All seats for { $country } are taken. Free one of them first, or put the officer on the reserve list of { $country }.
error-person-without-profile = This person has no profile in the bot yet. Ask them to open the bot, send /start and fill in their profile, then try again.
error-already-placed = This officer already has a seat, a request or a nomination for this course.
error-no-nomination = No nomination is waiting for your answer on this course: it has already been answered or withdrawn.
# $country (String)
error-invite-other-country = This invitation is for officers of { $country } only. Please ask your own country’s national focal point.
error-no-focal-point = Your country has no national focal point yet. Please contact the course organisers.

button-request-approve = ✅ Approve
button-request-decline = ✖️ Decline
button-request-waitlist = ⏳ Waiting list
button-nominate-officer = 🏛 Nominate

## Requests for a seat (approval courses): the officer's card and replies, the organisers'
## /requests inbox and decisions.

button-request-seat = 📝 Request a seat
course-you-pending = 📝 Your request for a seat is with the organisers; we will tell you their decision
course-you-nominated = 🏛 A seat is held for you: will you attend?
# $country (String), $position (Number)
course-you-reserve = ⏳ Your number on the reserve list of { $country }: { $position }
course-you-request-declined = ✖️ Your request was declined
course-you-declined = ✖️ You are no longer taking part in this course

# $title (String)
signup-requested = 📝 Your request for a seat on “{ $title }” has been sent to the organisers. We will tell you their decision.
# A pop-up under the card: no title (pop-ups hold 200 characters).
signup-requested-alert = 📝 Your request has been sent to the organisers. We will tell you their decision.
# $title (String), $country (String), $position (Number)
signup-reserve = ⏳ All seats for { $country } on “{ $title }” are taken, so you are on the reserve list of { $country }. Your number on the reserve list: { $position }. If a seat becomes free, it is yours and we will tell you at once.
# A pop-up: no title. $country (String), $position (Number)
signup-reserve-alert = ⏳ All seats for { $country } are taken, so you are on the reserve list of { $country }. Your number: { $position }. If a seat becomes free, it is yours and we will tell you at once.

button-withdraw-request = Withdraw my request
button-withdraw-request-yes = Yes, withdraw it
button-withdraw-request-no = No, keep my request
# $title (String)
signup-withdraw-request-confirm = Withdraw your request for a seat on “{ $title }”? The organisers will no longer consider it.
# A pop-up: no title.
signup-request-withdrawn = Your request has been withdrawn.
button-leave-reserve = Leave the reserve list
button-leave-reserve-yes = Yes, leave the reserve list
button-leave-reserve-no = No, stay on the list
# $title (String)
signup-leave-reserve-confirm = Leave the reserve list for “{ $title }”? If a seat becomes free, it will no longer be yours.
# A pop-up: no title.
signup-left-reserve = You have left the reserve list for this course.

requests-none = No requests are waiting for a decision.
# $count (Number), $zone (String) like "Baku (UTC+4)"
requests-title = <b>Requests for a seat ({ $count })</b>, oldest first; times in { $zone }. Tap a request to decide on it:
request-card-title = <b>📝 Request for a seat</b>
# $title (String)
request-course = 📚 “{ $title }”
# $when (String)
request-asked = 🕒 Sent on { $when }
# $country (String), $used, $limit (Number)
request-quota-use = 🌍 { $country }: { $used } of { $limit ->
    [one] { $limit } seat
   *[other] { $limit } seats
} taken
button-requests-all = ‹ All requests
button-request-reserve = ⏳ Reserve list
button-request-no-reason = Skip
# $name (String)
request-course-full = The course is full. Put { $name } on the waiting list?
# $name, $country (String)
request-quota-full = All seats for { $country } are taken. Put { $name } on the reserve list of { $country }?
# $name, $title (String)
request-approved = ✅ Approved: { $name } is signed up for “{ $title }” and has received the calendar file.
# $name, $title (String)
request-listed-waitlist = ⏳ { $name } is on the waiting list for “{ $title }” and has been told.
# $name, $title, $country (String)
request-listed-reserve = ⏳ { $name } is on the reserve list of { $country } for “{ $title }” and has been told.
# $name, $title (String)
request-declined = ✖️ Declined: { $name } will not take part in “{ $title }” and has been told.
# $name (String)
request-decline-ask = Type the reason for declining ({ $name } will read it), or press “Skip”.
request-decline-needs-text = Please type the reason as a text message, or press “Skip”.

## The organiser's participants screen: the list by status, one person's card, moving,
## removing and adding someone by hand.

# $quotas (String): "AZ 2/3, GE 1/2", seats held of each country's quota
roster-quotas = 🌍 Country quotas (seats held): { $quotas }
# $quotas (String), as above
roster-quotas-released = 🌍 Country quotas (released: free seats go to the reserve lists in turn): { $quotas }
# $count (Number); $country (String), for the reserve lists
roster-group-confirmed = ✅ <b>Signed up</b> ({ $count })
roster-group-nominated = 🏛 <b>Nominated, answer awaited</b> ({ $count })
roster-group-pending = 📝 <b>Requests for a seat</b> ({ $count })
roster-group-waitlisted = ⏳ <b>Waiting list</b> ({ $count })
roster-group-reserve = 🗂 <b>Reserve list of { $country }</b> ({ $count })
roster-group-declined = ✖️ <b>Declined</b> ({ $count })
# $number, $name, $details (String)
roster-line = { $number }. { $name } — { $details }
# $position (String)
roster-place = No. { $position }
# $name (String): the focal point
roster-nominated-by = nominated by { $name }
# $country (String)
roster-status-reserve = On the reserve list of { $country }

button-roster-add = ➕ Add a participant
button-roster-list = ‹ Back to the list
button-roster-remove = 🗑 Remove
button-roster-to-confirmed = ✅ Give a seat
button-roster-to-waitlisted = ⏳ Waiting list
button-roster-to-reserve = 🗂 Reserve list
button-roster-no-reason = Skip: no reason
button-roster-countries = ‹ Other countries

# $name, $organisation, $country, $title, $status (String)
roster-card-name = 👤 <b>{ $name }</b>
roster-card-organisation = Administration: { $organisation }
roster-card-country = Country: { $country }
roster-card-course = Course: “{ $title }”
roster-card-status = Status: { $status }
roster-card-nominated-by = Nominated by: { $name }

# $name, $status (String)
roster-moved = { $name }: { $status }. They have been told.
# $name, $title (String)
roster-remove-ask = Remove { $name } from “{ $title }”? Type the reason ({ $name } will read it), or press “Skip: no reason”.
roster-removed = { $name } has been removed from “{ $title }” and told.
roster-removed-reason = { $name } has been removed from “{ $title }” and told, with your reason.

# $title (String)
roster-add-ask = Whom do you want to add to “{ $title }”? Send their @username, forward any message from them, or choose their country below to pick them from the officers with a profile.
# $title, $country (String)
roster-add-people = Whom do you want to add to “{ $title }”? Officers of { $country } with a profile:
roster-add-nobody = No officer of { $country } has a profile in the bot yet.
# $person (person-line), $title (String)
roster-add-where = Adding { $person } to “{ $title }”. Where should they go?
roster-add-hidden = This person’s Telegram settings hide who they are in forwarded messages. Send their @username instead, or pick them from their country’s list.
# $username (String)
roster-add-unknown = Nobody with the username @{ $username } has a profile in the bot. Ask them to send /start to the bot and fill in their profile, or forward a message from them.
roster-add-hint = Send the person’s @username, forward a message from them, or pick them with the buttons above.
# $name, $title, $status (String)
roster-added = ✅ { $name } has been added to “{ $title }”: { $status }. They have been told.

error-declined-by-organisers = The organisers have decided that you will not take part in this course. If you think this is a mistake, please contact them.
# $title, $when, $place (String)
seat-added-notice =
    ✅ The organisers have signed you up for “{ $title }”.
    { $when }
    { $place }
    The calendar file is attached.
# $title (String)
course-cancelled-focal-point-notice = “{ $title }” has been cancelled by the organisers. The officers you nominated have been told.
error-seats-closed = This course has already started, so its seats can no longer be given or changed. Nothing has changed.
error-already-asked = You have already asked your national focal point to nominate you for this course; your request is with them.

## A seat held for a nominee's answer
# $date (String): when, in the reader's time zone
nomination-answer-by = Please answer by { $date }: after that the seat goes to the next officer waiting, if there is one.
# $date (String): the start of the course, in the reader's time zone
nomination-answer-by-start = Please answer before the course starts ({ $date }).
# $title (String)
nomination-lapsed-notice = Your nomination for “{ $title }” has lapsed: we did not receive your answer in time, so the seat has gone to the next officer waiting, if there is one. Your country's national focal point can nominate you again.
# $title (String), $person (person-line)
nomination-lapsed-focal-point-notice = ⌛ { $person } did not answer the nomination for “{ $title }” in time: the seat has gone to the next officer waiting, if there is one. You can nominate them again with /nominate.

## review fixes
error-seats-free = There are free seats: approve or decline the request.
# $length (Number), $max (Number)
error-reason-too-long = The reason is too long: { $length } characters, and the person’s notice takes at most { $max }. Please shorten it.
