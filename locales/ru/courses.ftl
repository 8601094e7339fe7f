## Курсы: каталог, карточки курсов, запись и лист ожидания.

# $count (Number) ближайшие курсы
catalogue-title = { $count ->
    [one] <b>{ $count } ближайший курс</b> — нажмите, чтобы посмотреть и записаться:
    [few] <b>{ $count } ближайших курса</b> — нажмите на курс, чтобы посмотреть и записаться:
   *[many] <b>{ $count } ближайших курсов</b> — нажмите на курс, чтобы посмотреть и записаться:
}
button-manage-courses = ⚙️ Управление курсами
button-all-courses = ‹ Все курсы
button-sign-up = ✍️ Записаться
button-join-waitlist = ⏳ Встать в лист ожидания
button-cancel-place = Отменить запись
button-cancel-place-yes = Да, отменить запись
button-cancel-place-no = Нет, оставить
button-leave-waitlist = Выйти из листа ожидания
button-leave-waitlist-yes = Да, выйти из листа ожидания
button-leave-waitlist-no = Нет, остаться в листе ожидания
button-calendar = 📅 Файл для календаря
button-back = ‹ Назад

# $start, $end (String) местные дата и время; $zone (String) например «по времени Баку (UTC+4)»
course-when = 🗓 { $start } – { $end } { $zone }
# $start (String) начало по времени читателя, например «9 марта 2027, 10:00 по времени Ташкента (UTC+5)»
course-your-time = 🕒 Для вас: { $start }
# $venue (String)
course-venue = 📍 { $venue }
# $url (String) только записанным участникам и организаторам
course-online = 💻 Онлайн: { $url }
course-online-link-after-signup = 💻 Онлайн — ссылку получают записанные участники
course-online-link-after-seat = 💻 Онлайн — ссылку вы получите, как только будете записаны на курс
# $language (String)
course-language = 🗣 Язык обучения: { $language }
language-name-en = английский
language-name-ru = русский
# The course language buttons: a word on its own, capitalised.
button-course-language-en = Английский
button-course-language-ru = Русский
# $left, $capacity (Number)
course-seats-left = 👥 { $left ->
    [one] Осталось { $left } место
    [few] Осталось { $left } места
   *[many] Осталось { $left } мест
} из { $capacity }
# $capacity (Number)
course-seats-full = 👥 Все места ({ $capacity }) заняты — можно встать в лист ожидания
# $capacity (Number) — для тех, кто уже записан или стоит в листе ожидания
course-seats-taken = 👥 Все места ({ $capacity }) заняты
course-seats-unlimited = 👥 Без ограничения мест
# $deadline (String)
course-deadline = ⏳ Запись открыта до { $deadline }
course-registration-closed = 🔒 Запись закрыта
course-is-cancelled = ❌ Этот курс отменён
course-is-over = 🏁 Этот курс уже начался или закончился
course-you-confirmed = ✅ Вы записаны
# $position (Number)
course-you-waitlisted = ⏳ Ваш номер в листе ожидания: { $position }

# $count (Number)
my-courses-title = <b>Мои курсы ({ $count })</b>

# $title (String)
signup-profile-first = Чтобы записаться на «{ $title }», сначала нужно заполнить профиль. Это займёт меньше минуты, и сразу после этого вы будете записаны.
# $title (String), $when (String), $place (String) со ссылкой для онлайн-участия, если она есть
signup-confirmed =
    ✅ Вы записаны на «{ $title }».
    { $when }
    { $place }
    Файл добавит курс в ваш календарь; мы напомним вам перед началом.
# $title (String), $position (Number)
signup-waitlisted = ⏳ Мест на «{ $title }» нет, поэтому вы включены в лист ожидания. Ваш номер в листе ожидания: { $position }. Если место освободится, оно автоматически перейдёт к вам, и мы сразу сообщим.
# The same as a pop-up under the course card: no title (pop-ups hold 200 characters).
# $position (Number)
signup-waitlisted-alert = ⏳ Мест нет, поэтому вы включены в лист ожидания. Ваш номер в листе ожидания: { $position }. Если место освободится, оно автоматически перейдёт к вам, и мы сразу сообщим.
# $title (String)
signup-cancel-confirm = Отменить вашу запись на «{ $title }»? Ваше место перейдёт следующему участнику из листа ожидания.
# $title (String)
signup-leave-waitlist-confirm = Выйти из листа ожидания на «{ $title }»? Если место освободится, оно вам уже не достанется.
# A pop-up: no title (pop-ups hold 200 characters; the card shows it).
signup-left-waitlist = Вы вышли из листа ожидания на этот курс.
# A pop-up after "Yes, cancel": no title (pop-ups hold 200 characters; the card shows it).
signup-cancelled = Ваша запись на этот курс отменена.
# $title (String), $when (String), $place (String) со ссылкой для онлайн-участия, если она есть
signup-promoted-notice =
    🎉 Хорошая новость: на «{ $title }» освободилось место, и оно ваше — теперь вы записаны.
    { $when }
    { $place }
    Файл для календаря приложен.

error-course-not-found = Этот курс больше недоступен. Отправьте /courses, чтобы увидеть актуальные курсы.
error-registration-closed = Запись на этот курс закрыта.
error-course-cancelled = Этот курс отменён.
error-course-started = Курс уже начался, поэтому отменить запись больше нельзя. Ничего не изменилось.
error-not-signed-up = Вы не записаны на этот курс.

# $title (String)
course-changed-notice = ℹ️ Изменения в курсе «{ $title }».
# $old, $new (String)
course-changed-time =
    <b>Время</b> — было:
    { $old }
    стало:
    { $new }
# $old, $new (String)
course-changed-place =
    <b>Место</b> — было:
    { $old }
    стало:
    { $new }
# $title (String), $when (String)
course-cancelled-notice =
    ❌ Организаторы отменили курс «{ $title }».
    { $when }
    Приносим извинения. Отправьте /courses, чтобы увидеть другие курсы.
