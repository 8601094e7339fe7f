## Reminders before a course.

# $title (String), $when (String) dates in the course's zone and the reader's, $place (String)
reminder-text =
    ⏰ Reminder: «{ $title }» is coming up.
    { $when }
    { $place }
