## Организаторам: создание, изменение и проведение курсов.

button-publish = 🟢 Опубликовать
button-edit = ✏️ Изменить
button-delete = 🗑 Удалить
button-delete-yes = Да, удалить черновик
button-participants = 👥 Участники
button-export-xlsx = 📊 Excel (XLSX)
button-export-csv = 📄 CSV
button-attendance = ☑️ Отметить присутствие
button-cancel-course = ❌ Отменить курс
button-cancel-course-yes = Да, отменить и сообщить всем
button-unlimited = Без ограничения
button-deadline-at-start = До начала курса

course-status-draft = черновик
course-status-published = опубликован
course-status-cancelled = отменён
course-status-finished = завершён
# $status (String), $id (String)
course-admin-status = Статус: { $status } · курс №{ $id }
# $confirmed, $capacity, $waitlisted, $cancelled (Number); capacity 0 — без ограничения
course-admin-counts = 👥 Записаны: { $confirmed }{ $capacity ->
    [0] {""}
   *[other] {" "}из { $capacity }
} · в листе ожидания: { $waitlisted } · отменили запись: { $cancelled }
# $link (String)
course-admin-link = 🔗 Ссылка для сайта и писем: { $link }
# $fields (String)
course-admin-missing = Чтобы опубликовать, добавьте: { $fields }
# $count (Number)
course-admin-list = { $count ->
    [0] Курсов пока нет. Создайте курс командой /newcourse.
    [one] <b>{ $count } курс</b> (сначала ближайшие)
    [few] <b>{ $count } курса</b> (сначала ближайшие)
   *[many] <b>{ $count } курсов</b> (сначала ближайшие)
}
# $language (String) язык карточки ниже
course-preview-heading = 👁 <b>Предпросмотр (язык: { $language })</b> — так карточку увидят участники, читающие бот на этом языке:
course-published = Курс опубликован: участники найдут его в /courses и смогут записаться.
# $title (String)
course-delete-confirm = Удалить черновик «{ $title }»? Это нельзя отменить.
course-deleted = Черновик удалён.
# $title (String), $count (Number) кому сообщить
course-cancel-confirm = Отменить курс «{ $title }»? { $count ->
    [0] Пока никто не записался, не подал заявку и не выдвинут.
   *[other] Все, у кого есть место, заявка или выдвижение (всего: { $count }), сразу получат уведомление.
}
# $count (Number)
course-cancelled-done = Курс отменён. { $count ->
    [0] Уведомлять никого не нужно.
    [one] Уведомление отправляется { $count } участнику.
   *[many] Уведомления отправляются { $count } участникам.
}
# $title (String)
course-edit-choose = Что изменить в «{ $title }»?
# $value (String)
course-edit-current = Сейчас: { $value }
# $count (Number) скольким участникам сообщено
course-edit-saved = Сохранено. { $count ->
    [0] {""}
    [one] Уведомление об изменении отправляется { $count } участнику.
   *[many] Уведомления об изменении отправляются { $count } участникам.
}
# $title (String), $count (Number)
course-export-caption = «{ $title }»: { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[many] { $count } записей
}
# $count (Number)
course-participants-more = …и ещё { $count }: полный список — в выгрузке.
course-participants-none = Пока никто не записался.
# $title (String)
course-attendance-title = Кто присутствовал на курсе «{ $title }»? Нажмите на имя, чтобы отметить или снять отметку.

course-dialog-intro = Создадим курс. Отвечайте на вопросы; выйти можно в любой момент командой /cancel. (Тексты уже готовы? Отправьте /newcourse template.)
# Как организаторы пишут дату и время (показывается в вопросах и ошибках; 15.03.2027 09:00).
datetime-format = ДД.ММ.ГГГГ ЧЧ:ММ
course-ask-title_en = Название на английском:
course-ask-title_ru = Название на русском (или нажмите «Пропустить» и добавьте его до публикации):
course-ask-description_en = Описание на английском — темы, для кого, преподаватели (или нажмите «Пропустить»):
course-ask-description_ru = Описание на русском (или нажмите «Пропустить»):
course-ask-timezone = Часовой пояс курса: нажмите на пояс ниже или напишите его название в формате IANA, например Asia/Baku или Europe/Brussels:
course-ask-starts_at = Начало, местное время курса: { datetime-format } (например, 15.03.2027 09:00)
course-ask-ends_at = Окончание, местное время курса: { datetime-format } (например, 17.03.2027 17:00)
course-ask-place = Где пройдёт курс? Напишите место (например, «Учебный центр ROCB Europe, Баку») или ссылку для онлайн-участия (https://…). Если курс проходит и очно, и онлайн, отправьте то и другое в двух строках: сначала место, затем ссылку.
course-ask-capacity = Сколько мест? Укажите число или нажмите «Без ограничения»:
course-ask-deadline_at = Окончание записи, местное время курса: { datetime-format } — или нажмите «До начала курса»:
course-ask-language = Язык обучения:
# The edit cannot clear these fields, so it offers no Skip (the dialog's wording mentions it).
course-edit-ask-title_ru = Название на русском:
course-edit-ask-description_en = Описание на английском — темы, для кого, преподаватели:
course-edit-ask-description_ru = Описание на русском:
# An answer kept from before, after the organiser went back and changed an earlier one.
# $problem (String) what is wrong, as an error says it
course-dialog-kept-invalid = ⚠️ Этот ответ больше не подходит: { $problem } Отправьте новый.
# "Now: …" of a course without its own reminder times / without the "Still coming?" check.
course-value-default-reminders = как обычно в боте
course-value-no-attendance-check = не спрашивать

course-field-title_en = Название (EN)
course-field-title_ru = Название (RU)
course-field-description_en = Описание (EN)
course-field-description_ru = Описание (RU)
course-field-timezone = Часовой пояс
course-field-starts_at = Начало
course-field-ends_at = Окончание
course-field-deadline_at = Окончание записи
course-field-place = Место или ссылка
course-field-capacity = Количество мест
course-field-language = Язык
course-field-start = start
course-field-end = end
course-field-deadline = deadline
course-field-venue = venue
course-field-online = online
course-field-attendance_check_days = Вопрос об участии
course-field-attendance_check = attendance_check
course-ask-attendance_check_days = За сколько дней до начала спросить записанных участников «Вы по-прежнему планируете участвовать?» Укажите число (обычно 3) или «нет», чтобы не спрашивать:
# $value (String)
course-error-attendance-check = «{ $value }» — укажите число дней от 1 до 60 или «нет».
course-field-reminder_offsets = Напоминания
course-field-reminders = reminders
course-ask-reminder_offsets = Когда напоминать участникам? Сроки до начала, например 2d,1h или 3h,30m (d — дни, h — часы, m — минуты), или «по умолчанию» — как обычно в боте:
# $value (String)
course-error-reminders = «{ $value }» — укажите сроки до начала, например 2d,1h или 3h,30m, или «по умолчанию».

# $count (Number)
course-form-problems = { $count ->
    [one] Курс не создан — нужно исправить { $count } пункт:
    [few] Курс не создан — нужно исправить { $count } пункта:
   *[many] Курс не создан — нужно исправить { $count } пунктов:
}
# $line (Number), $field (String), $problem (String)
course-form-line = Строка { $line } ({ $field }): { $problem }
# $field (String), $problem (String)
course-form-field = { $field }: { $problem }
# $timezone (String) часовой пояс по умолчанию
course-template =
    Скопируйте, измените значения и отправьте обратно одним сообщением. Даты — местное время курса в формате { datetime-format }; для онлайн-курса вместо «venue:» укажите «online: https://…», для курса и очно, и онлайн — обе строки; capacity и deadline можно не указывать (без ограничения; до начала).
    <pre>/newcourse
    title_en: Risk management in customs
    title_ru: Управление рисками в таможне
    description_en: Risk profiles, selectivity and targeting of consignments along the corridor.
    description_ru: Профили риска, селективность и отбор грузов для контроля на коридоре.
    start: 15.03.2027 09:00
    end: 17.03.2027 17:00
    timezone: { $timezone }
    venue: ROCB Europe training centre, Baku
    capacity: 25
    deadline: 08.03.2027 18:00
    language: ru</pre>
    Дополнительно, если места предоставляются по заявкам или по выдвижению: <code>signup: approval</code> или <code>signup: nomination</code>; квоты стран <code>quotas: AZ 3, GE 2, *: 1</code> (или <code>quota: 2</code> — одинаково для каждой страны); день, с которого места, не занятые странами, передаются резервным спискам, — <code>quota_release: 01.03.2027</code>.
    Дополнительно для любого курса: повторный опрос присутствовавших через указанное число дней после окончания — <code>followup: 90d</code>.
    Дополнительно — для сертификатов об участии: доля дней, которые участник должен посетить, — <code>certificate: 80%</code> (без этой строки — все дни); <code>certificate_language: двуязычный</code> — на английском и русском языках на одной странице (без этой строки — на языке каждого участника); учебные часы для сертификата — <code>hours: 16</code>.

course-error-empty = не может быть пустым.
# $max, $length (Number)
course-error-too-long = слишком длинный текст: { $length } { $length ->
    [one] символ
    [few] символа
   *[many] символов
}, допустимо не более { $max }.
# $value (String)
course-error-timezone = «{ $value }» — неизвестный часовой пояс. Укажите название в формате IANA, например Asia/Baku, Europe/Kyiv или Asia/Almaty.
# $value (String)
course-error-datetime-format = «{ $value }» — это не дата и время в формате { datetime-format } (например, 15.03.2027 09:00).
# $value (String)
course-error-no-such-date = даты { $value } нет в календаре.
# $value (String), $zone (String)
course-error-no-such-time = времени { $value } в поясе { $zone } не существует: в этот момент часы переводят вперёд. Выберите другое время.
course-error-start-past = начало уже в прошлом.
course-error-end-before-start = окончание должно быть позже начала.
course-error-deadline-after-start = окончание записи не может быть позже начала курса.
course-error-deadline-past = окончание записи уже в прошлом.
# $value (String)
course-error-url = «{ $value }» — это не ссылка: она должна выглядеть как https://meet.example.org/room.
# $value (String)
course-error-capacity = «{ $value }» — не число мест: укажите целое число от 1 до 10000 или «без ограничения».
# $value (String)
course-error-language = «{ $value }» — язык обучения должен быть английским или русским (en или ru).
# $key (String)
course-error-unknown-key = «{ $key }» — такого поля в форме нет: используйте названия из /newcourse template.
# $key (String)
course-error-duplicate-key = «{ $key }» указано дважды.
# $key (String)
course-error-missing = не указано «{ $key }».
# $text (String)
course-error-stray-line = «{ $text }» не относится ни к одному полю: начните строку с названия поля и двоеточия.
course-error-place-two-links = указано несколько ссылок: оставьте одну ссылку для онлайн-участия (и место, если курс проходит также очно).
course-error-need-a-title = У курса должно быть название хотя бы на одном языке.
course-error-not-draft = Опубликовать или удалить можно только черновик.
# $fields (String)
course-error-publish-missing = Перед публикацией добавьте: { $fields }.
course-error-closed-for-edits = Отменённый или завершённый курс изменить нельзя.
# $confirmed (Number)
course-error-capacity-below = На курс уже { $confirmed ->
    [one] записан { $confirmed } человек
    [few] записаны { $confirmed } человека
   *[many] записаны { $confirmed } человек
}: мест не может быть меньше.
# $count (Number): показывается, только если не ноль, после 🏛
course-admin-count-nominated = выдвинуты, ожидается ответ: { $count }
course-admin-count-pending = заявок ждут решения: { $count }
course-admin-count-reserve = в резервных списках: { $count }
course-admin-count-declined = отклонены: { $count }
