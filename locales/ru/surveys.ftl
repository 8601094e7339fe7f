## Опросы: приглашения, ответы и сторона организаторов.

# $title (String), $count (Number)
survey-invitation = 📝 <b>{ $title }</b>
    Будем признательны за ваши ответы: { $count ->
        [one] { $count } короткий вопрос
        [few] { $count } коротких вопроса
       *[other] { $count } коротких вопросов
    }, это займёт пару минут. Можно сделать перерыв и продолжить позже.
# $title (String), $count (Number)
survey-reminder = 📝 Напоминаем: опрос <b>{ $title }</b> ещё ожидает ваших ответов: { $count ->
        [one] { $count } вопрос
        [few] { $count } вопроса
       *[other] { $count } вопросов
    }, это займёт пару минут. Ваши ответы помогут сделать следующий курс лучше.
survey-open-until = Опрос открыт до { $when }.
survey-mode-anonymous = 🔒 Анонимный опрос: когда вы закончите, ответы сохранятся без вашего имени, Telegram ID и времени ответа, а текстовые ответы организаторы увидят лишь после закрытия опроса.
survey-mode-named = 👤 Именной опрос: ответы сохраняются с вашим именем, и организаторы видят, кто что ответил.
button-survey-start = 📝 Пройти опрос
button-survey-continue = ▶️ Продолжить

# $number, $total (Number)
survey-progress = Вопрос { $number } из { $total }
survey-first-anonymous = 🔒 Анонимный опрос. Пока вы отвечаете, ответы хранятся вместе с вашим Telegram ID, чтобы можно было продолжить позже; когда вы закончите, они сохранятся без Telegram ID, имени и времени ответа. Если вы не закончите опрос до его закрытия, ответы будут удалены.
survey-first-named = 👤 Именной опрос: ответы сохраняются с вашим именем, и организаторы видят, кто что ответил.
# $low, $high (Number), $low_label, $high_label (String)
survey-hint-scale = { $low } — { $low_label }, { $high } — { $high_label }
survey-hint-multi = Отметьте всё подходящее и нажмите «Готово».
# $limit (Number)
survey-hint-text = Напишите ответ сообщением (не более { $limit } { $limit ->
    [one] символа
   *[other] символов
}).
button-survey-done = ✅ Готово
button-survey-yes = Да
button-survey-no = Нет
button-survey-skip = Пропустить ⏭
survey-answer-skipped = пропущен
# $title (String)
survey-thanks = 🙏 Спасибо! Ваши ответы на опрос <b>{ $title }</b> сохранены.
survey-already-done = Вы уже ответили на этот опрос — спасибо!
survey-button-stale = На этот вопрос вы уже ответили.
survey-tick-something = Отметьте хотя бы один вариант и нажмите «Готово».
survey-use-buttons = Пожалуйста, ответьте на этот вопрос кнопками под ним.
survey-text-only = Пожалуйста, напишите ответ текстовым сообщением.
# $length, $limit (Number)
survey-text-too-long = В вашем ответе { $length } { $length ->
    [one] символ
    [few] символа
   *[many] символов
}; пожалуйста, сократите его до { $limit } { $limit ->
    [one] символа
   *[other] символов
}.
survey-closed = Этот опрос закрыт: ответы больше не принимаются. Спасибо за интерес!
survey-not-found = Этот опрос вам недоступен.

surveys-none = Опросов, ожидающих вашего ответа, нет. Когда организаторы курса, в котором вы участвовали, попросят отзыв, опрос появится здесь.
# $count (Number)
surveys-title = { $count ->
        [one] Для вас { $count } опрос:
        [few] Для вас { $count } опроса:
       *[other] Для вас { $count } опросов:
    }
# $title (String)
surveys-line-open = • { $title }
# $title (String)
surveys-line-done = • { $title } — ✅ отвечено

## Организаторы: /newsurvey

newsurvey-choose-course = Для какого курса опрос? Я подготовлю стандартную анкету после обучения на английском и русском; вы увидите её до отправки.

    Для своих вопросов отправьте /newsurvey template.
newsurvey-no-courses = Пока нет опубликованного или завершённого курса, о котором можно спросить. Но стандартный опрос можно разослать и без курса — всем пользователям бота или только тем, кто читает по-английски либо по-русски: нажмите кнопку ниже. Для своих вопросов /newsurvey template покажет пример: измените его и отправьте одним сообщением.
# $count (Number)
survey-definition-problems = { $count ->
        [one] В опросе нужно исправить { $count } пункт:
        [few] В опросе нужно исправить { $count } пункта:
       *[other] В опросе нужно исправить { $count } пунктов:
    }
survey-kind-rating = оценка
survey-kind-choice = один вариант
survey-kind-multi = несколько вариантов
survey-kind-yesno = да/нет
survey-kind-text = текст
survey-preview-optional = , необязательный
# $language (String)
survey-preview-language = 👁 Предпросмотр (язык: { $language }):
# $id (String)
survey-preview-settings = <b>Опрос №{ $id }</b>
# $title (String)
survey-preview-course = Курс: { $title }
survey-preview-no-course = Не привязан к курсу: вы сами выберете, кому его отправить.
survey-preview-anonymous = Анонимный: ответы хранятся без имён, Telegram ID и времени; общие цифры видны от 3 ответов, текстовые ответы и файлы — только после закрытия опроса.
survey-preview-named = Именной: в результатах и выгрузках видно, кто ответил.
# $when (String) with its time zone
survey-preview-closes = Открыт до { $when }.
# $after (String) срок, например «2 часа»
survey-preview-auto = Отправится автоматически через { $after } после окончания курса: тем, чьё присутствие отмечено, а если присутствие не отмечали — всем записанным.
# $after (String) срок, например «2 дня»
survey-preview-reminder = Одно напоминание тем, кто не закончил, через { $after } после приглашения.
survey-preview-check = Проверьте оба языка выше и включите опрос.
button-survey-activate = ✅ Включить
button-survey-delete = 🗑 Удалить
# $when (String) with its time zone
survey-activated-auto = ✅ Опрос включён. Приглашения будут отправлены { $when }.
survey-activated-now = ✅ Опрос включён. Курс уже закончился, поэтому приглашения рассылаются сейчас.
survey-activated-manual = ✅ Опрос включён. Выберите, кому его отправить: 📨 Разослать приглашения.
survey-deleted = Черновик опроса удалён.
survey-delete-not-draft = Этот опрос уже включён, удалить его нельзя.
button-survey-send = 📨 Разослать приглашения
# Под результатами, когда часть людей уже приглашена (вручную или после курса)
button-survey-invite-more = 📨 Пригласить ещё
button-survey-results = 📊 Результаты
button-survey-audience-attended = Присутствовавшие на курсе
button-survey-audience-confirmed = Все записанные на курс
button-survey-audience-waitlisted = Лист ожидания курса
button-survey-audience-all = Все пользователи бота
button-survey-audience-en = Все, кто читает по-английски
button-survey-audience-ru = Все, кто читает по-русски
survey-invite-closed = Этот опрос закрыт, пригласить в него уже нельзя. Чтобы спросить ещё раз, создайте новый опрос командой /newsurvey.
survey-choose-audience = Кому отправить опрос? Тех, кого уже пригласили, повторно не спросят.
# $count (Number)
survey-invited = { $count ->
        [0] Приглашать некого: всем в этой группе опрос уже отправлен.
        [one] Приглашён { $count } человек; приглашение уже отправляется.
        [few] Приглашено { $count } человека; приглашения уже отправляются.
       *[other] Приглашено { $count } человек; приглашения уже отправляются.
    }

## Организаторы: /results

results-no-surveys = Опросов пока нет. Создайте опрос командой /newsurvey.
results-choose = Выберите опрос:
results-draft-mark = {" "}(черновик)
# $threshold, $count (Number)
results-files-hidden = Опрос анонимный: результаты появятся, когда ответят не менее { $threshold ->
        [one] { $threshold } человека
       *[other] { $threshold } человек
    } (пока ответили: { $count }).
# $when (String) время закрытия с часовым поясом
results-released-after-close = 🔒 Опрос анонимный: текстовые ответы и файлы будут доступны после его закрытия — { $when }.
# $count (Number) завершённые анонимные ответы, ключ опроса к которым пропал
results-unreadable = ⚠️ { $count ->
        [one] { $count } завершённый ответ не удалось прочитать
        [few] { $count } завершённых ответа не удалось прочитать
        [many] { $count } завершённых ответов не удалось прочитать
       *[other] { $count } завершённого ответа не удалось прочитать
    }: нет файла ключа этого опроса (он хранится рядом с базой данных, в папке .keys). В цифрах такие ответы не учтены.
button-results-chart = 📈 Диаграмма
button-results-xlsx = 📄 XLSX
button-results-csv = 📄 CSV
# $number (Number)
button-results-texts = 💬 Ответы на В{ $number }
results-chart-drawing = Рисую диаграмму…
results-chart-empty = Оценок для диаграммы пока нет.
# $title (String), $count (Number)
results-export-caption = { $title }: { $count ->
        [one] { $count } ответ
        [few] { $count } ответа
       *[other] { $count } ответов
    }
# Выбранный ранее курс под вопросом, заданным снова после «‹ Назад».
# $answer (String)
newsurvey-kept = Сейчас: { $answer }
