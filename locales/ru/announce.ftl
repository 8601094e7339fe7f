## Объявления: диалог /announce, предпросмотр, ход рассылки и список.

announce-ask-text-en = 📣 Новое объявление. Отправьте текст на английском — жирный шрифт, курсив и ссылки сохранятся. (Только на русском? Нажмите «Пропустить».)
announce-ask-text-ru = Теперь текст на русском. Или нажмите «Один текст для всех» — тогда все получат английский текст.
announce-ask-text-ru-only = Теперь текст на русском: английского текста нет, поэтому его получат все.
button-announce-same-text = Один текст для всех
announce-ask-media = Добавить фото или документ? Отправьте его сейчас (тексты станут подписью) или нажмите «Пропустить».
announce-ask-audience = Кому отправить?
button-audience-all = 👥 Всем
button-audience-course = 📚 Участникам курса
button-audience-language = 🌐 По языку
button-audience-traceca = 🛣 Странам ТРАСЕКА
button-audience-country = 🌍 По странам
announce-ask-course = Участникам какого курса?
announce-ask-status = Каким участникам этого курса?
button-audience-status-confirmed = Записанным
button-audience-status-waitlisted = В листе ожидания
button-audience-status-attended = Присутствовавшим
button-audience-status-all = Записанным и ожидающим
announce-ask-language = Какой языковой группе?
announce-ask-country = Каким странам? Нажмите на страну, чтобы отметить её ✅ (повторное нажатие снимает отметку), затем «Готово».
# $name (String)
announce-country-ticked = ✅ { $name }
# $count (Number)
button-announce-countries-done = Готово: { $count ->
    [one] { $count } страна
    [few] { $count } страны
   *[many] { $count } стран
}
announce-ask-course-button = Добавить кнопку, открывающую курс (для записи)?
button-announce-no-course = Без кнопки
announce-ask-daytime = Когда можно доставлять? «Только днём» — с 09:00 до 20:00 по местному времени каждого получателя.
button-daytime-any = Сразу, в любое время суток
button-daytime-only = Только днём (09:00–20:00)
# $language (String), $count (Number)
announce-preview-heading = 👁 Язык: <b>{ $language }</b> — { $count ->
    [0] на этом языке сообщение пока никто не получит; выглядело бы оно так
    [one] так сообщение увидит { $count } получатель
    [few] так сообщение увидят { $count } получателя
   *[many] так сообщение увидят { $count } получателей
}:
# $count (Number), $daytime (Number) 1 — только днём
announce-preview-summary = { $count ->
    [0] В этой аудитории пока никого нет.
    [one] Всего <b>{ $count } получатель</b>.
    [few] Всего <b>{ $count } получателя</b>.
   *[many] Всего <b>{ $count } получателей</b>.
}{ $daytime ->
    [1] {" "}Каждый получит с 09:00 до 20:00 по своему времени.
   *[other] {""}
}
button-announce-send = 📤 Отправить сейчас
button-announce-schedule = 🕒 Запланировать
button-announce-cancel = ✖️ Отмена
button-announce-course = 📣 Объявить
button-announce-stop = ⏹ Остановить
button-open-course = 📚 Подробнее и запись
announce-cancelled = Объявление отменено; ничего не отправлено.
# $zone (String)
announce-ask-schedule = Когда отправить? Напишите дату и время в вашем часовом поясе — { $zone }: { datetime-format } (например, 15.03.2027 09:00)
# $id (String), $when (String) with its time zone
announce-scheduled = Объявление №{ $id } будет отправлено { $when }. Его можно найти в /announcements.
announce-hint = Пожалуйста, ответьте кнопками выше или нажмите /cancel, чтобы выйти.
# $count (Number)
announce-stop-done = Рассылка остановлена. { $count ->
    [one] { $count } сообщение не отправлено.
    [few] { $count } сообщения не отправлены.
   *[many] { $count } сообщений не отправлено.
}
# $id (String), $total, $sent, $blocked, $failed, $remaining, $cancelled, $eta (Number)
announce-progress =
    📣 Объявление №{ $id } отправляется: { $sent } из { $total }
    заблокировали бота: { $blocked } · ошибки: { $failed } · осталось: { $remaining }
    ≈ { $eta } с до конца; сообщения «только днём» ждут в очереди
# $id (String), $total, $sent, $blocked, $failed, $cancelled (Number)
announce-done-report =
    ✅ Объявление №{ $id } отправлено: доставлено { $sent } из { $total }
    заблокировали бота: { $blocked } · ошибки: { $failed }
# $id (String), $total, $sent, $blocked, $failed, $cancelled (Number)
announce-stopped-report =
    ⏹ Объявление №{ $id } остановлено: доставлено { $sent } из { $total }, не отправлено { $cancelled }
    заблокировали бота: { $blocked } · ошибки: { $failed }
announce-none = Объявлений пока нет. Создайте объявление командой /announce.
announce-list-title = <b>Последние объявления</b>
# $id (String), $status (String), $sent (Number), $total (Number), $audience (String), $author (String), $text (String)
announce-list-row = №{ $id } · { $status } · { $sent }/{ $total } · получатели: { $audience } · автор: { $author } · { $text }
announce-status-draft = черновик
announce-status-scheduled = запланировано
announce-status-sending = отправляется
announce-status-done = отправлено
announce-status-stopped = остановлено
# $max (Number)
announce-error-too-long = Текст слишком длинный: допустимо не более { $max } { $max ->
    [one] символа
   *[other] символов
}.
# $max (Number)
announce-error-caption = С фото или документом текст может содержать не более { $max } { $max ->
    [one] символа
   *[other] символов
}; сократите его или отправьте объявление без файла.
announce-error-empty = У объявления должен быть текст хотя бы на одном языке.
announce-error-no-courses = Нет опубликованных курсов для выбора.
announce-error-already-sent = Это объявление уже отправлено или отменено.
announce-error-past = Это время уже прошло.
announce-error-no-country = Отметьте хотя бы одну страну или вернитесь назад и выберите других получателей.

# Прежний ответ под вопросом, заданным снова после «‹ Назад».
# $answer (String)
announce-kept = Сейчас: { $answer }
announce-kept-above = текст выше
announce-kept-media-photo = фото
announce-kept-media-document = документ
announce-kept-media-none = без файла
# $title (String)
announce-kept-course = кнопка курса «{ $title }»

# Получатели словами: предпросмотр, прежний ответ и /announcements.
# $audience (String)
announce-preview-audience = Получатели: { $audience }
announce-audience-all = все пользователи
# $title (String), $status (String)
announce-audience-course = участники курса «{ $title }»: { $status }
announce-audience-status-confirmed = записанные
announce-audience-status-waitlisted = в листе ожидания
announce-audience-status-attended = присутствовавшие
announce-audience-status-all = записанные и ожидающие
# $language (String)
announce-audience-language = языковая группа: { $language }
announce-audience-traceca = страны ТРАСЕКА
# $names (String), $last (String)
announce-audience-countries = { $names } и { $last }
# $names (String), $count (Number)
announce-audience-countries-more = { $names } и ещё { $count ->
    [one] { $count } страна
    [few] { $count } страны
   *[many] { $count } стран
}

# Последний вопрос перед отправкой.
# $count (Number)
announce-confirm-send = { $count ->
    [one] Отправить { $count } получателю?
    [few] Отправить { $count } получателям?
    [many] Отправить { $count } получателям?
   *[other] Отправить { $count } получателям?
}
# $count (Number), $when (String) with its time zone
announce-confirm-schedule = { $count ->
    [one] Запланировать отправку { $count } получателю на { $when }?
    [few] Запланировать отправку { $count } получателям на { $when }?
    [many] Запланировать отправку { $count } получателям на { $when }?
   *[other] Запланировать отправку { $count } получателям на { $when }?
}
button-announce-confirm-send = ✅ Да, отправить
button-announce-confirm-schedule = ✅ Да, запланировать
button-announce-reconsider = Нет, вернуться к предпросмотру
