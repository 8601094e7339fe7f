## Опросы: описание одним сообщением (/newsurvey) и встроенный опрос после обучения.

# $course (Number) курс, для которого пример
survey-definition-example =
    { survey-definition-example-how }
    <pre>/newsurvey
    course: { NUMBER($course, useGrouping: 0) }
    send_after: 2h
    { survey-definition-example-body }</pre>
survey-definition-example-no-course =
    { survey-definition-example-how }
    <pre>/newsurvey
    { survey-definition-example-body }</pre>
survey-definition-example-how =
    Скопируйте, измените тексты и отправьте обратно одним сообщением. Каждый вопрос — одна строка: тип (rating — оценка, choice — один вариант, multi — несколько вариантов, yesno — да или нет, text — свой ответ), двоеточие, затем текст на английском | текст на русском; «?» сразу после типа делает вопрос необязательным.
    Необязательные строки: course (номер курса из /admin: тогда приглашения уйдут автоматически после окончания курса; опрос без курса вы рассылаете сами — всем или только тем, кто читает по-английски либо по-русски), intro_en и intro_ru, anonymous (yes/no), opens и closes ({ datetime-format }, по времени курса, а для опроса без курса — по часовому поясу бота по умолчанию; другой пояс задаёт строка вида timezone: Asia/Baku), send_after (через сколько после окончания курса разослать: 2h, 1d; no — только вручную), remind_after (2d; no — без напоминания).
    { survey-definition-tags }
survey-definition-example-body =
    title_en: Feedback: Risk management
    title_ru: Отзыв: Управление рисками
    intro_en: Six short questions, about two minutes.
    intro_ru: Шесть коротких вопросов, около двух минут.
    anonymous: yes
    remind_after: 2d
    rating: How useful was the course for your work? | Насколько курс полезен для вашей работы?
    rating: Trainers | Преподаватели | 1-10 | Poor / Плохо | Excellent / Отлично
    choice: Most useful module? | Самый полезный модуль? | Risk profiles / Профили риска; Targeting / Отбор
    multi: Which formats suit you? | Какие форматы вам подходят? | Online / Онлайн; In person / Очно
    yesno: Would you recommend the course? | Порекомендуете ли вы курс?
    text?: What should we improve? | Что нам улучшить?

## Встроенный опрос после обучения.

survey-template-title = Отзыв о курсе
# $course (String) название курса
survey-template-title-course = Отзыв о курсе «{ $course }»
survey-template-intro = Ваши ответы прочитает команда курса: они помогут нам сделать следующие курсы лучше.
survey-template-overall = Как вы в целом оцениваете курс?
survey-template-relevance = Насколько курс актуален для вашей работы?
survey-template-trainers = Как вы оцениваете преподавателей?
survey-template-organisation = Как вы оцениваете организацию курса: место проведения, материалы, расписание?
survey-template-useful = Что в курсе было для вас самым полезным?
survey-template-improve = Что нам стоит улучшить?
survey-template-recommend = Порекомендуете ли вы этот курс коллегам?
survey-template-low = Очень плохо
survey-template-high = Отлично
survey-template-relevance-low = Не актуален
survey-template-relevance-high = Очень актуален

## Ошибки в описании опроса. Идут после «Строка N (ключ): », поэтому со строчной буквы.

# $text (String) начало строки
survey-error-stray-line = «{ $text }» — в начале строки нет названия поля: начинайте каждую строку с поля или типа вопроса и двоеточия, например rating: How useful was it? | Насколько это было полезно?
# $key (String)
survey-error-unknown-key = «{ $key }» — это не поле опроса и не тип вопроса (rating, choice, multi, yesno, text): см. /newsurvey template.
# $key (String)
survey-error-optional-setting = необязательными могут быть только вопросы: уберите «?» после «{ $key }».
# $key (String)
survey-error-duplicate-key = «{ $key }» указано дважды: оставьте одну из строк.
# $key (String)
survey-error-missing = не указано «{ $key }»: опрос ведётся на английском и русском, поэтому добавьте и строку «{ $key }: …».
# $value (String)
survey-error-course-number = «{ $value }» — это не номер курса: напишите, например, course: 12 — номера курсов показывает /admin.
# $course (Number)
survey-error-course-unknown = курса №{ NUMBER($course, useGrouping: 0) } нет: номера курсов показывает /admin.
survey-error-empty = не может быть пустым.
# $length, $max (Number)
survey-error-too-long = слишком длинный текст: { $length } { $length ->
    [one] символ
    [few] символа
   *[many] символов
}, допустимо не более { $max }.
# $value (String)
survey-error-yes-no = «{ $value }» — напишите yes или no (да или нет).
survey-error-send-after-course = send_after отсчитывается от окончания курса, а у этого опроса курса нет: добавьте строку вида course: 12 или уберите send_after и отправьте опрос сами, когда включите его.
# $value (String), $max (Number) дней
survey-error-duration = «{ $value }» — это не срок: напишите, например, 2h, 1d или 30m (d — дни, h — часы, m — минуты; не больше { $max } { $max ->
    [one] дня
   *[other] дней
}) или no (нет).
# $value (String)
survey-error-timezone = «{ $value }» — неизвестный часовой пояс. Укажите название в формате IANA, например Asia/Baku, Europe/Kyiv или Asia/Almaty.
# $value (String)
survey-error-datetime-format = «{ $value }» — это не дата и время в формате { datetime-format } (например, 31.03.2027 23:59).
# $value (String)
survey-error-no-such-date = даты { $value } нет в календаре.
# $value (String), $zone (String)
survey-error-no-such-time = времени { $value } в поясе { $zone } не существует: в этот момент часы переводят вперёд. Выберите другое время.
survey-error-closes-past = время закрытия уже в прошлом.
survey-error-closes-before-opens = опрос должен закрываться позже, чем открывается.
survey-error-no-questions = в опросе нет вопросов: добавьте хотя бы одну строку вида rating: How useful was the course? | Насколько курс был полезен?
# $count, $max (Number)
survey-error-too-many-questions = { $count } { $count ->
    [one] вопрос
    [few] вопроса
   *[many] вопросов
} — слишком много: допустимо не больше { $max }. Уберите часть или разделите их на два опроса.
survey-error-question-languages = напишите вопрос на двух языках через |, например: How useful was it? | Насколько это было полезно?
# $length, $max (Number)
survey-error-question-too-long = вопрос слишком длинный: { $length } { $length ->
    [one] символ
    [few] символа
   *[many] символов
}, допустимо не больше { $max }.
# $kind (String) rating, choice, multi, yesno или text
survey-error-question-format = { $kind ->
    [rating] вопрос-оценку пишут так: английский | русский, а затем, если нужно, шкала и подписи её краёв: | 1-10 | Poor / Плохо | Excellent / Отлично
    [choice] вопрос с одним вариантом ответа пишут так: английский | русский | варианты через ;, например: Online / Онлайн; In person / Очно
    [multi] вопрос с несколькими вариантами ответа пишут так: английский | русский | варианты через ;, например: Online / Онлайн; In person / Очно
   *[other] этот вопрос пишут так: английский | русский — и ничего после русского текста.
}
survey-error-rating-ends = укажите оба края шкалы, сначала нижний, потом верхний, например | 1-5 | Poor / Плохо | Excellent / Отлично, — или ни одного.
# $value (String), $max (Number)
survey-error-scale = «{ $value }» — это не шкала: напишите, например, 1-5, 1-10 или 0-10 — от 0 или 1, не больше { $max } { $max ->
    [one] деления
   *[other] делений
}.
# $count, $max (Number)
survey-error-options-count = { $count ->
    [0] нет вариантов
    [one] { $count } вариант
    [few] { $count } варианта
   *[many] { $count } вариантов
}: нужно от 2 до { $max }, через ;.
# $option (String)
survey-error-option-format = «{ $option }»: напишите как английский / русский, например Online / Онлайн, или одним текстом для обоих языков.
# $option (String), $length, $max (Number)
survey-error-option-too-long = вариант «{ $option }» слишком длинный: { $length } { $length ->
    [one] символ
    [few] символа
   *[many] символов
}, допустимо не более { $max }.
# $option (String)
survey-error-option-duplicate = вариант «{ $option }» указан дважды.

## Дополнения к предпросмотру и встроенный опрос без курса.

survey-preview-on-demand = Автоматически опрос не рассылается: включите его, нажмите 📨 Разослать приглашения и выберите всех пользователей бота или только тех, кто читает по-английски либо по-русски.
survey-preview-manual = Автоматически опрос не рассылается: включите его, нажмите 📨 Разослать приглашения и выберите, кому его отправить.
button-survey-template-no-course = Без курса — адресатов выберу потом
button-survey-make-named = 👤 Сделать именным
button-survey-make-anon = 🔒 Сделать анонимным
survey-mode-locked = Опрос уже включён: сделать его анонимным или именным теперь нельзя.

## Сроки для организаторов: «Отправится автоматически через 2 часа после окончания курса».
## Формы винительного падежа: срок всегда стоит после «через».

# $count (Number)
survey-duration-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}
# $count (Number)
survey-duration-hours = { $count ->
    [one] { $count } час
    [few] { $count } часа
   *[many] { $count } часов
}
# $count (Number)
survey-duration-minutes = { $count ->
    [one] { $count } минуту
    [few] { $count } минуты
   *[many] { $count } минут
}
# $count (Number)
survey-duration-seconds = { $count ->
    [one] { $count } секунду
    [few] { $count } секунды
   *[many] { $count } секунд
}
