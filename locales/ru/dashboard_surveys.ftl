## Панель управления: опросы (bot/web/pages/surveys.py), обычный текст (страницы экранируют его сами).

dash-surveys-intro = Опросы, сначала новые. Откройте опрос, чтобы увидеть долю ответивших, диаграмму по каждому вопросу, текстовые ответы и файлы.
dash-surveys-empty = Опросов пока нет. Чтобы создать опрос, отправьте боту команду /newsurvey и следуйте подсказкам — после этого опрос появится здесь.
dash-surveys-column-survey = Опрос
dash-surveys-column-course = Курс
dash-surveys-column-kind = Тип
dash-surveys-column-status = Статус
dash-surveys-column-invited = Приглашено
dash-surveys-column-answered = Ответили
dash-surveys-column-rate = Доля ответивших
dash-surveys-no-course = Без привязки к курсу
# $course (String): название курса
dash-surveys-for-course = Курс: { $course }
dash-surveys-kind-survey = Опрос обратной связи
dash-surveys-kind-followup = Повторный опрос
dash-surveys-anonymous = Анонимный
dash-surveys-named = Именной
dash-surveys-status-draft = Черновик
dash-surveys-status-scheduled = Ещё не открыт
dash-surveys-status-open = Открыт
dash-surveys-status-closed = Закрыт
# $when (String): дата и время
dash-surveys-opens = откроется { $when }
# $when (String)
dash-surveys-closes = закроется { $when }

dash-surveys-answered-of-invited = Ответили / приглашено
dash-surveys-anonymous-note = Опрос анонимный: никто, в том числе организаторы, не может узнать, кто как ответил. Ответы показываются без имён и времени ответа и в произвольном порядке, а не в порядке поступления.
# $threshold (Number), $count (Number): сколько ответов получено
dash-surveys-too-few = Чтобы ничьи ответы нельзя было узнать, результаты анонимного опроса видны, только когда ответят не менее { $threshold ->
    [one] { $threshold } человека
    [few] { $threshold } человек
    [many] { $threshold } человек
   *[other] { $threshold } человека
}. Пока ответили: { $count }.
# $count (Number)
dash-surveys-unreadable = { $count ->
    [one] Не удаётся прочитать { $count } анонимный ответ: отсутствует файл ключа опроса. Попросите администратора бота восстановить этот файл на сервере.
    [few] Не удаётся прочитать { $count } анонимных ответа: отсутствует файл ключа опроса. Попросите администратора бота восстановить этот файл на сервере.
    [many] Не удаётся прочитать { $count } анонимных ответов: отсутствует файл ключа опроса. Попросите администратора бота восстановить этот файл на сервере.
   *[other] Не удаётся прочитать { $count } анонимного ответа: отсутствует файл ключа опроса. Попросите администратора бота восстановить этот файл на сервере.
}
# $when (String): когда опрос закрывается
dash-surveys-released-after-close = Опрос анонимный: текстовые ответы и файлы будут доступны после его закрытия — { $when }.
dash-surveys-texts-after-close = Ответы будут показаны после закрытия опроса.
dash-surveys-export-xlsx = Скачать ответы (XLSX)
dash-surveys-export-csv = Скачать ответы (CSV)
dash-surveys-export-refused-title = Файл пока недоступен

# $number (Number), $text (String): текст вопроса
dash-surveys-chart-title = Вопрос { $number }: { $text }
dash-surveys-yes = Да
dash-surveys-no = Нет
# $average (Number, один знак после запятой), $min, $max, $count (Number)
dash-surveys-average = Средняя оценка { NUMBER($average, minimumFractionDigits: 1, maximumFractionDigits: 1) } по шкале от { $min } до { $max }, { $count ->
    [one] { $count } ответ
    [few] { $count } ответа
    [many] { $count } ответов
   *[other] { $count } ответа
}
# $count (Number): сколько человек ответили на вопрос
dash-surveys-multi-note = Можно было выбрать несколько вариантов: доли от { $count ->
    [one] { $count } ответившего
    [few] { $count } ответивших
    [many] { $count } ответивших
   *[other] { $count } ответившего
}, поэтому в сумме может получиться больше 100%.
# $count (Number)
dash-surveys-answer-count = { $count ->
    [one] { $count } ответ
    [few] { $count } ответа
    [many] { $count } ответов
   *[other] { $count } ответа
}
# $count (Number)
dash-surveys-text-count = { $count ->
    [one] { $count } текстовый ответ
    [few] { $count } текстовых ответа
    [many] { $count } текстовых ответов
   *[other] { $count } текстового ответа
}
# $count (Number)
dash-surveys-skipped = Пропустили: { $count }
dash-surveys-no-answers = Ответов пока нет.
dash-surveys-pages = Страницы ответов
dash-surveys-previous = Назад
dash-surveys-next = Далее
# $page, $pages (Number)
dash-surveys-page = Страница { $page } из { $pages }
