## Reminders before a course.

# $title (String), $when (String) dates in the course's zone and the reader's, $place (String)
reminder-text =
    ⏰ Reminder: “{ $title }” is coming up.
    { $when }
    { $place }

# $title (String), $when (String)
attendance-question =
    Are you still planning to take part in “{ $title }”?
    { $when }
    If not, please tell us: your seat goes to a colleague on the waiting list.
button-still-coming = ✅ Yes, I'll take part
button-not-coming = ❌ No, free my seat
# $title (String)
attendance-yes = Thank you — see you at “{ $title }”.
# $title (String)
attendance-no = Your seat on “{ $title }” is freed. Thank you for telling us.
