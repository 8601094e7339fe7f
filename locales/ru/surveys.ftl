## Опросы: приглашения, ответы и сторона организаторов.

survey-invitation = 📝 <b>{ $title }</b>
    Расскажите, как всё прошло: { $count ->
        [one] { $count } короткий вопрос
        [few] { $count } коротких вопроса
       *[other] { $count } коротких вопросов
    }, пара минут. Можно прерваться и продолжить позже.
survey-reminder = 📝 Напоминаем: опрос <b>{ $title }</b> ещё ждёт ваших ответов. { $count ->
        [one] { $count } вопрос
        [few] { $count } вопроса
       *[other] { $count } вопросов
    }, пара минут — это поможет сделать следующий курс лучше.
survey-open-until = Открыт до { $when } ({ $zone }).
survey-mode-anonymous = 🔒 Анонимный опрос: когда вы закончите, ответы сохранятся без вашего имени, Telegram ID и времени ответа, а текстовые ответы организаторы увидят лишь после закрытия опроса.
survey-mode-named = 👤 Именной опрос: ответы сохраняются с вашим именем, и организаторы видят, кто что ответил.
button-survey-start = 📝 Пройти опрос
button-survey-continue = ▶️ Продолжить

survey-progress = Вопрос { $number } из { $total }
survey-first-anonymous = 🔒 Анонимный опрос. Пока вы отвечаете, ответы хранятся вместе с вашим Telegram ID, чтобы можно было продолжить позже; когда вы закончите, они сохранятся без Telegram ID, имени и времени ответа. Если не закончить опрос до его закрытия, ответы будут удалены.
survey-first-named = 👤 Именной опрос: ответы сохраняются с вашим именем, и организаторы видят, кто что ответил.
survey-hint-scale = { $low } — { $low_label }, { $high } — { $high_label }
survey-hint-multi = Отметьте всё подходящее и нажмите «Готово».
survey-hint-text = Напишите ответ сообщением (до { $limit } символов).
button-survey-done = ✅ Готово
button-survey-yes = Да
button-survey-no = Нет
button-survey-skip = Пропустить ⏭
survey-answer-skipped = пропущен
survey-thanks = 🙏 Спасибо! Ваши ответы сохранены: <b>{ $title }</b>.
survey-already-done = Вы уже ответили на этот опрос — спасибо!
survey-button-stale = На этот вопрос вы уже ответили.
survey-tick-something = Отметьте хотя бы один вариант и нажмите «Готово».
survey-use-buttons = Пожалуйста, ответьте на этот вопрос кнопками под ним.
survey-text-only = Пожалуйста, напишите ответ текстовым сообщением.
survey-text-too-long = В вашем ответе { $length } символов; сократите его, пожалуйста, до { $limit }.
survey-closed = Этот опрос закрыт: ответы больше не принимаются. Спасибо за интерес!
survey-not-found = Этот опрос вам недоступен.

surveys-none = Опросов, ждущих вашего ответа, нет. Когда курс, в котором вы участвовали, попросит отзыв, он появится здесь.
surveys-title = { $count ->
        [one] Для вас { $count } опрос:
        [few] Для вас { $count } опроса:
       *[other] Для вас { $count } опросов:
    }
surveys-line-open = • { $title }
surveys-line-done = • { $title } — ✅ отвечено

## Организаторы: /newsurvey

newsurvey-choose-course = Для какого курса опрос? Я подготовлю стандартную анкету после обучения на английском и русском; вы увидите её до отправки.

    Для своих вопросов отправьте /newsurvey template.
newsurvey-no-courses = Пока нет опубликованного или завершённого курса, о котором можно спросить. Но встроенный опрос можно разослать и без курса — всем пользователям бота или только тем, кто читает по-английски либо по-русски: нажмите кнопку ниже. Для своих вопросов /newsurvey template покажет пример: измените его и отправьте одним сообщением.
survey-definition-problems = { $count ->
        [one] В опросе нужно исправить { $count } место:
        [few] В опросе нужно исправить { $count } места:
       *[other] В опросе нужно исправить { $count } мест:
    }
survey-kind-rating = оценка
survey-kind-choice = один вариант
survey-kind-multi = несколько вариантов
survey-kind-yesno = да/нет
survey-kind-text = текст
survey-preview-optional = , необязательный
survey-preview-language = 👁 Так увидят — { $language }:
# $id (String)
survey-preview-settings = <b>Опрос №{ $id }</b>
survey-preview-course = Курс: { $title }
survey-preview-no-course = Не привязан к курсу: вы сами выберете, кому его отправить.
survey-preview-anonymous = Анонимный: ответы хранятся без имён, Telegram ID и времени; общие цифры видны от 3 ответов, текстовые ответы и файлы — только после закрытия опроса.
survey-preview-named = Именной: в результатах и выгрузках видно, кто ответил.
survey-preview-closes = Открыт до { $when } ({ $zone }).
# $after (String) срок, например «2 часа»
survey-preview-auto = Отправится автоматически через { $after } после окончания курса: отмеченным как присутствовавшие, а если посещаемость не отмечали — всем подтверждённым.
# $after (String) срок, например «2 дня»
survey-preview-reminder = Одно напоминание тем, кто не закончил, через { $after } после приглашения.
survey-preview-check = Проверьте оба языка выше и включите опрос.
button-survey-activate = ✅ Включить
button-survey-delete = 🗑 Удалить
survey-activated-auto = ✅ Опрос включён. Приглашения уйдут { $when } ({ $zone }).
survey-activated-now = ✅ Опрос включён. Курс уже закончился, поэтому приглашения рассылаются сейчас.
survey-activated-manual = ✅ Опрос включён. Выберите, кому его отправить: 📨 Разослать приглашения.
survey-deleted = Черновик опроса удалён.
survey-delete-not-draft = Этот опрос уже включён, удалить его нельзя.
button-survey-send = 📨 Разослать приглашения
button-survey-results = 📊 Результаты
button-survey-audience-attended = Участники курса, отмеченные как присутствовавшие
button-survey-audience-confirmed = Все подтверждённые участники курса
button-survey-audience-waitlisted = Лист ожидания курса
button-survey-audience-all = Все пользователи бота
button-survey-audience-en = Все, кто читает по-английски
button-survey-audience-ru = Все, кто читает по-русски
survey-invite-closed = Этот опрос закрыт, пригласить в него уже нельзя. Чтобы спросить ещё раз, создайте новый опрос командой /newsurvey.
survey-choose-audience = Кому отправить опрос? Тех, кого уже пригласили, повторно не спросят.
survey-invited = { $count ->
        [0] Приглашать некого: у всех в этой группе опрос уже есть.
        [one] Приглашён { $count } человек; приглашение в пути.
        [few] Приглашено { $count } человека; приглашения в пути.
       *[other] Приглашено { $count } человек; приглашения в пути.
    }

## Организаторы: /results

results-no-surveys = Опросов пока нет. Создайте опрос командой /newsurvey.
results-choose = Какой опрос?
results-draft-mark = {" "}(черновик)
results-files-hidden = Опрос анонимный: результаты появятся, когда ответят не менее { $threshold } человек (пока { $count }).
# $when (String) время закрытия в поясе $zone
# $zone (String)
results-released-after-close = 🔒 Опрос анонимный: текстовые ответы и файлы будут доступны после его закрытия — { $when } ({ $zone }).
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
button-results-texts = 💬 Ответы на В{ $number }
results-chart-drawing = Рисую диаграмму…
results-chart-empty = Оценок для диаграммы пока нет.
results-export-caption = { $title }: { $count ->
        [one] { $count } ответ
        [few] { $count } ответа
       *[other] { $count } ответов
    }
# Выбранный ранее курс под вопросом, заданным снова после «‹ Назад».
# $answer (String)
newsurvey-kept = Текущий ответ: { $answer }
