## Напоминания перед курсом.

# $title (String), $when (String) даты в поясе курса и получателя, $place (String)
reminder-text =
    ⏰ Напоминание: скоро «{ $title }».
    { $when }
    { $place }
