## Courses: the catalogue, course cards, sign-ups and the waiting list.

# $count (Number) upcoming courses
catalogue-title = { $count ->
    [one] <b>One upcoming course</b> — tap it to see details and sign up:
   *[other] <b>{ $count } upcoming courses</b> — tap one to see details and sign up:
}
button-manage-courses = ⚙️ Manage courses
button-all-courses = ‹ All courses
button-sign-up = ✍️ Sign up
button-join-waitlist = ⏳ Join the waiting list
button-cancel-place = Can't attend? Cancel my place
button-cancel-place-yes = Yes, cancel my place
button-cancel-place-no = No, keep it
button-leave-waitlist = Leave the waiting list
button-leave-waitlist-yes = Yes, leave the waiting list
button-leave-waitlist-no = No, stay on the list
button-calendar = 📅 Calendar file
button-back = ‹ Back

# $start, $end (String) local date and time; $zone (String) like "Baku time (UTC+4)"
course-when = 🗓 { $start } – { $end } { $zone }
# $start (String) the start in the reader's zone, like "9 March 2027, 10:00 Tashkent time (UTC+5)"
course-your-time = 🕒 For you: { $start }
# $venue (String)
course-venue = 📍 { $venue }
# $url (String) shown only to confirmed participants and organisers
course-online = 💻 Online: { $url }
course-online-link-after-signup = 💻 Online — the link is given to signed-up participants
course-online-link-after-seat = 💻 Online — you will get the link as soon as a seat is yours
# $language (String)
course-language = 🗣 Language of instruction: { $language }
language-name-en = English
language-name-ru = Russian
# The course language buttons: a word on its own, capitalised.
button-course-language-en = English
button-course-language-ru = Russian
# $left, $capacity (Number)
course-seats-left = 👥 { $left ->
    [one] { $left } seat left
   *[other] { $left } seats left
} of { $capacity }
# $capacity (Number)
course-seats-full = 👥 { $capacity ->
    [one] The only seat is
   *[other] All { $capacity } seats are
} taken — you can join the waiting list
# $capacity (Number) to someone signed up or on the waiting list already
course-seats-taken = 👥 { $capacity ->
    [one] The only seat is
   *[other] All { $capacity } seats are
} taken
course-seats-unlimited = 👥 No limit on seats
# $deadline (String)
course-deadline = ⏳ Registration open until { $deadline }
course-registration-closed = 🔒 Registration is closed
course-is-cancelled = ❌ This course has been cancelled
course-is-over = 🏁 This course has already started or ended
course-you-confirmed = ✅ You are signed up
# $position (Number)
course-you-waitlisted = ⏳ Your number on the waiting list: { $position }

# $count (Number)
my-courses-title = <b>My courses ({ $count })</b>

# $title (String)
signup-profile-first = To sign up for “{ $title }” we need your profile first. It takes less than a minute, and you will be signed up right after.
# $title (String), $when (String), $place (String) with the online link, if any
signup-confirmed =
    ✅ You are signed up for “{ $title }”.
    { $when }
    { $place }
    The calendar file adds it to your calendar; we will remind you before it starts.
# $title (String), $position (Number)
signup-waitlisted = ⏳ “{ $title }” is full, so you are on the waiting list. Your number on the waiting list: { $position }. If a seat becomes free, it is yours automatically and we will tell you at once.
# The same as a pop-up under the course card: no title (pop-ups hold 200 characters).
# $position (Number)
signup-waitlisted-alert = ⏳ The course is full, so you are on the waiting list. Your number on the waiting list: { $position }. If a seat becomes free, it is yours automatically and we will tell you at once.
# $title (String)
signup-cancel-confirm = Cancel your place on “{ $title }”? Your seat will go to the next person on the waiting list.
# $title (String)
signup-leave-waitlist-confirm = Leave the waiting list for “{ $title }”? If a seat becomes free, it will no longer be yours.
# A pop-up: no title (pop-ups hold 200 characters; the card shows it).
signup-left-waitlist = You have left the waiting list for this course.
# A pop-up after "Yes, cancel": no title (pop-ups hold 200 characters; the card shows it).
signup-cancelled = Your place on this course is cancelled.
# $title (String), $when (String), $place (String) with the online link, if any
signup-promoted-notice =
    🎉 Good news: a seat on “{ $title }” has become free and it is yours — you are now signed up.
    { $when }
    { $place }
    The calendar file is attached.

error-course-not-found = This course is no longer available. Send /courses to see the current ones.
error-registration-closed = Registration for this course is closed.
error-course-cancelled = This course has been cancelled.
error-course-started = This course has already started, so your place can no longer be cancelled. Nothing has changed.
error-not-signed-up = You are not signed up for this course.

# $title (String)
course-changed-notice = ℹ️ “{ $title }” has changed.
# $old, $new (String)
course-changed-time =
    <b>Time</b> — was:
    { $old }
    now:
    { $new }
# $old, $new (String)
course-changed-place =
    <b>Place</b> — was:
    { $old }
    now:
    { $new }
# $title (String), $when (String)
course-cancelled-notice =
    ❌ “{ $title }” has been cancelled by the organisers.
    { $when }
    We are sorry for the inconvenience. Send /courses to see other courses.
