## Повторный опрос через несколько месяцев после курса, шаблоны опросов и «Мои шаблоны» (issue 15).

## Поле курса `followup`.

course-field-followup = Повторный опрос
course-ask-followup = Через сколько дней после окончания курса отправить участникам, присутствовавшим на курсе, повторный опрос (применяют ли они полученные знания)? Укажите число дней от 7 до 730, например 90, или «нет», если опрос не нужен:
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
course-followup-needs-attendance = ⚠️ Повторный опрос получат только участники, отмеченные как присутствовавшие: отметьте посещаемость (☑️) после курса, иначе опрос никому не будет отправлен.
# $when (String) the day and time, in the course's time zone
followup-results-waiting = 📨 Этот повторный опрос будет отправлен автоматически { $when } участникам, отмеченным как присутствовавшие на курсе.
followup-invite-not-yet = Этот повторный опрос будет отправлен автоматически в назначенный день участникам, отмеченным как присутствовавшие; раньше отправить его нельзя.

## Имена вопросов в тексте /newsurvey: rating #relevance: …

# $key (String)
survey-error-tag-setting = #имя может быть только у вопроса: уберите его после «{ $key }».
# $tag (String)
survey-error-tag-duplicate = два вопроса названы #{ $tag }: каждое имя можно использовать один раз.
survey-definition-tags = #имя после типа вопроса (rating #relevance: …) отмечает тот же вопрос в других опросах: оценки с одинаковым именем в опросе по окончании курса и в повторном опросе показываются рядом.

## Встроенный повторный опрос (уровень 3 по Киркпатрику: изменило ли обучение работу?).

followup-template-title = Повторный опрос: несколько месяцев после курса
# $course (String) the course title
followup-template-title-course = Повторный опрос: { $course }
followup-template-intro = После курса прошло несколько месяцев. Расскажите, изменилось ли что-нибудь в вашей работе: ваши ответы помогут нам планировать следующие курсы.
followup-template-applied = Применяете ли вы в работе то, чему научились на курсе?
followup-template-applied-regularly = Да, регулярно
followup-template-applied-sometimes = Да, время от времени
followup-template-applied-not-yet = Пока нет
followup-template-applied-not-applicable = Нет, к моей работе это не относится
followup-template-how = Как именно вы это применили? Приведите, пожалуйста, пример.
followup-template-obstacles = Что мешало применять полученные знания?
followup-template-obstacle-time = Нехватка времени
followup-template-obstacle-support = Нет поддержки руководства
followup-template-obstacle-duties = Текущие обязанности не дают такой возможности
followup-template-obstacle-rules = Не позволяют процедуры или законодательство
followup-template-obstacle-equipment = Нет нужного оборудования или ИТ-систем
followup-template-obstacle-nothing = Ничего не мешало
followup-template-obstacle-other = Другое
followup-template-other = Что помогло бы вам чаще применять полученные знания в работе? Если мешало что-то другое, напишите и об этом.
followup-template-results = Какие результаты это дало в работе — вам, вашему подразделению или ведомству?
followup-template-relevance = Оглядываясь назад, насколько курс был актуален для вашей работы?
followup-template-overall = Оглядываясь назад, как вы в целом оцениваете курс?
followup-template-more = Хотели бы вы пройти продолжение курса по этой теме?

## Шаблоны: кнопки предпросмотра, копирование текстом, сохранение, выбор и удаление.

button-survey-other-template = 🔁 Другой шаблон
button-survey-copy = 📋 Копировать как текст
button-survey-save-template = 💾 Сохранить как мой шаблон
survey-copy-intro = Этот опрос в виде сообщения /newsurvey: нажмите на текст, чтобы скопировать его, измените нужное и отправьте обратно одним сообщением. Каждый вопрос — одна строка; #имя после типа вопроса позволяет сравнивать его с тем же вопросом других опросов.
# $title (String) the survey's title
template-ask-name = Как назвать шаблон, созданный из опроса «{ $title }»? Отправьте короткое название, например «Отзыв после семинаров».
# $name (String)
template-saved = Сохранено как «{ $name }». В следующий раз нажмите 🔁 Другой шаблон под предпросмотром опроса, чтобы начать с него.
template-error-name-empty = Название не может быть пустым: отправьте короткое название.
# $length, $max (Number)
template-error-name-long = Название слишком длинное: { $length } { $length ->
    [one] символ
    [few] символа
   *[other] символов
}, допускается не более { $max }. Отправьте более короткое.
# $max (Number)
template-error-full = Сохранено уже { $max } { $max ->
    [one] шаблон
    [few] шаблона
   *[other] шаблонов
}: сначала удалите ненужный (🔁 Другой шаблон → 🗂 Мои шаблоны).
template-not-found = Этот шаблон удалён.
template-switch-not-draft = Этот опрос уже включён: другой шаблон может заменить только черновик. Создайте новый опрос командой /newsurvey.
# $count (Number) saved templates
template-choose = { $count ->
    [0] Из какого шаблона создать опрос? Черновик выше будет заменён, курс останется тем же. (Ваши собственные шаблоны появятся здесь, когда вы сохраните первый кнопкой 💾 Сохранить как мой шаблон.)
   *[other] Из какого шаблона создать опрос? Черновик выше будет заменён, курс останется тем же.
}
button-template-feedback = Встроенный: отзыв по окончании курса
button-template-followup = Встроенный: повторный опрос через несколько месяцев
# $name (String)
button-template-saved = 📁 { $name }
button-templates-manage = 🗂 Мои шаблоны: удалить
# $count (Number)
template-mine = { $count ->
    [0] Сохранённых шаблонов нет.
    [one] { $count } сохранённый шаблон. Нажмите на него, чтобы удалить:
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
