## Напоминания перед курсом.

# $title (String), $when (String) даты в поясе курса и получателя, $place (String)
reminder-text =
    ⏰ Напоминание: скоро «{ $title }».
    { $when }
    { $place }

# $title (String), $when (String)
attendance-question =
    Вы по-прежнему планируете участвовать в курсе «{ $title }»?
    { $when }
    Если нет, сообщите, пожалуйста: ваше место получит коллега из листа ожидания.
button-still-coming = ✅ Да, буду участвовать
button-not-coming = ❌ Нет, освободить место
# $title (String)
attendance-yes = Спасибо! До встречи на курсе «{ $title }».
# $title (String)
attendance-no = Ваше место на курсе «{ $title }» освобождено. Спасибо, что сообщили.
