## Повторный опрос через несколько месяцев после курса, шаблоны опросов и «Мои шаблоны» (issue 15).

## Поле курса `followup`.

course-field-followup = Повторный опрос
course-ask-followup = Через сколько дней после окончания курса отправить присутствовавшим на нём повторный опрос — о том, применяют ли они полученные знания в работе? Укажите число дней от 7 до 730, например 90, или «нет», если опрос не нужен:
course-value-no-followup = нет
# $value (String)
course-error-followup = «{ $value }» — укажите число дней, например 90 или 90d, либо «нет».
# $value (String), $min, $max (Number)
course-error-followup-range = «{ $value }» — повторный опрос можно отправить после окончания курса: укажите число дней от { $min } до { $max }.
# $count (Number) days after the end, $date (String) the day it goes out
course-followup = 📨 Повторный опрос через { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[other] { $count } дней
} после окончания: { $date }.
course-followup-needs-attendance = ⚠️ Повторный опрос получат только те, чьё присутствие отмечено: после курса нажмите ☑️ Отметить присутствие, иначе опрос никому не будет отправлен.
# $when (String) the day and time, in the course's time zone
followup-results-waiting = 📨 Этот повторный опрос будет отправлен автоматически { $when } тем, чьё присутствие на курсе отмечено.
followup-invite-not-yet = Этот повторный опрос будет отправлен автоматически в назначенный день тем, чьё присутствие отмечено; раньше отправить его нельзя.

## Имена вопросов в тексте /newsurvey: rating #relevance: …

# $key (String)
survey-error-tag-setting = #имя можно дать только вопросу: уберите его после «{ $key }».
# $tag (String)
survey-error-tag-duplicate = имя #{ $tag } дано двум вопросам: каждое имя можно использовать только один раз.
survey-definition-tags = #имя после типа вопроса (rating #relevance: …) обозначает тот же вопрос в других опросах: оценки с одинаковым именем из опроса по окончании курса и из повторного опроса показываются на диаграмме рядом.

## Встроенный повторный опрос (уровень 3 по Киркпатрику: изменило ли обучение работу?).

followup-template-title = Повторный опрос после курса
# $course (String) the course title
followup-template-title-course = Повторный опрос по курсу «{ $course }»
followup-template-intro = С окончания курса прошло некоторое время, и нам важно знать, изменилось ли что-нибудь в вашей работе. Ваши ответы помогут нам планировать следующие курсы.
followup-template-applied = Применяете ли вы в работе знания и навыки, полученные на курсе?
followup-template-applied-regularly = Да, регулярно
followup-template-applied-sometimes = Да, время от времени
followup-template-applied-not-yet = Пока нет
followup-template-applied-not-applicable = Нет, к моей работе не относится
followup-template-how = Как вы применили полученные знания? Приведите, пожалуйста, пример из практики.
followup-template-obstacles = Что мешало применять полученные знания на практике?
followup-template-obstacle-time = Нехватка времени
followup-template-obstacle-support = Нет поддержки руководства
followup-template-obstacle-duties = Другие служебные обязанности
followup-template-obstacle-rules = Законодательство или процедуры
followup-template-obstacle-equipment = Нет оборудования или ИТ-систем
followup-template-obstacle-nothing = Ничего не мешало
followup-template-obstacle-other = Другое
followup-template-other = Что помогло бы вам шире применять полученные знания в работе? Если мешало что-то другое, напишите об этом здесь.
followup-template-results = Какие результаты принесло обучение вам, вашему подразделению или ведомству?
followup-template-relevance = Как вы теперь оцениваете актуальность курса для вашей работы?
followup-template-overall = Как вы теперь оцениваете курс в целом?
followup-template-more = Хотели бы вы продолжить обучение по этой теме?

## Шаблоны: кнопки предпросмотра, копирование текстом, сохранение, выбор и удаление.

button-survey-other-template = 🔁 Другой шаблон
button-survey-copy = 📋 Копировать как текст
button-survey-save-template = 💾 Сохранить как мой шаблон
survey-copy-intro = Этот опрос в виде сообщения /newsurvey: нажмите на текст ниже, чтобы скопировать его, измените нужное и отправьте обратно одним сообщением. Каждый вопрос — одна строка; #имя после типа вопроса позволяет сравнивать его с тем же вопросом в других опросах.
# $title (String) the survey's title
template-ask-name = Как назвать шаблон на основе опроса «{ $title }»? Отправьте короткое название, например «Отзыв после семинаров».
# $name (String)
template-saved = Шаблон «{ $name }» сохранён. Чтобы создать по нему опрос, нажмите 🔁 Другой шаблон под предпросмотром опроса.
template-error-name-empty = Название не может быть пустым: отправьте короткое название.
# $length, $max (Number)
template-error-name-long = Название слишком длинное: { $length } { $length ->
    [one] символ
    [few] символа
   *[other] символов
}, допускается не более { $max }. Отправьте более короткое.
# $max (Number)
template-error-full = Сохранено наибольшее допустимое число шаблонов ({ $max }): сначала удалите ненужный (🔁 Другой шаблон → 🗂 Мои шаблоны).
template-not-found = Этот шаблон удалён.
template-switch-not-draft = Этот опрос уже включён, а шаблон может заменить только черновик. Создайте новый опрос командой /newsurvey.
# $count (Number) saved templates
template-choose = { $count ->
    [0] На основе какого шаблона создать опрос? Он заменит черновик выше; курс останется тем же. (Ваши шаблоны появятся здесь, когда вы сохраните первый кнопкой 💾 Сохранить как мой шаблон.)
   *[other] На основе какого шаблона создать опрос? Он заменит черновик выше; курс останется тем же.
}
button-template-feedback = Отзыв о курсе (стандартный)
button-template-followup = Повторный опрос (стандартный)
# $name (String)
button-template-saved = 📁 { $name }
button-templates-manage = 🗂 Мои шаблоны: удалить
# $count (Number)
template-mine = { $count ->
    [0] Сохранённых шаблонов нет.
    [one] { $count } сохранённый шаблон. Нажмите на шаблон, чтобы удалить его:
    [few] { $count } сохранённых шаблона. Нажмите на шаблон, чтобы удалить его:
   *[other] { $count } сохранённых шаблонов. Нажмите на шаблон, чтобы удалить его:
}
# $name (String)
button-template-delete = 🗑 { $name }
button-template-delete-yes = Да, удалить шаблон
# $name (String)
template-delete-confirm = Удалить шаблон «{ $name }»? Опросы, уже созданные по нему, не изменятся.
# $name (String)
template-deleted = Шаблон «{ $name }» удалён.

## Диаграмма: оценки по окончании курса и в повторном опросе рядом.

# $course (String)
followup-chart-title = { $course }: по окончании курса и в повторном опросе
followup-chart-before = По окончании курса
# $count (Number) days
followup-chart-after = { $count ->
    [one] Через { $count } день
    [few] Через { $count } дня
   *[other] Через { $count } дней
}
# $count (Number) people who answered
followup-chart-answered = n = { $count }
# $course (String), $count (Number) days
followup-chart-caption = «{ $course }»: средние оценки по окончании курса и через { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[other] { $count } дней
} в повторном опросе (n — число ответивших).
