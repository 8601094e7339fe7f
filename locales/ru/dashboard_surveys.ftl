## Панель управления: опросы (bot/web/pages/surveys.py), обычный текст (страницы экранируют его сами).

dash-surveys-intro = Сначала самые новые. Откройте опрос, чтобы увидеть долю ответивших, диаграмму по каждому вопросу, текстовые ответы и файлы.
dash-surveys-empty = Опросов пока нет. Создайте опрос в чате с ботом: отправьте /newsurvey и следуйте подсказкам — после этого он появится здесь.
dash-surveys-column-survey = Опрос
dash-surveys-column-course = Курс
dash-surveys-column-kind = Вид
dash-surveys-column-status = Состояние
dash-surveys-column-invited = Приглашено
dash-surveys-column-answered = Ответили
dash-surveys-column-rate = Доля ответивших
dash-surveys-no-course = Не привязан к курсу
# $course (String): название курса
dash-surveys-for-course = Курс: { $course }
dash-surveys-kind-survey = Опрос по итогам курса
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
# $when (String)
dash-surveys-closed-on = закрыт { $when }

dash-surveys-answered-of-invited = ответили из приглашённых
dash-surveys-anonymous-note = Опрос анонимный: никто, в том числе организаторы, не может узнать, кто как ответил. Ответы показываются без имён и времени и не в том порядке, в котором поступали.
# $threshold (Number), $count (Number): сколько ответов получено
dash-surveys-too-few = Чтобы ничьи ответы нельзя было узнать, результаты анонимного опроса видны, только когда ответят не менее { $threshold ->
    [one] { $threshold } человека
    [few] { $threshold } человек
    [many] { $threshold } человек
   *[other] { $threshold } человека
}. Пока ответили: { $count }.
# $count (Number)
dash-surveys-unreadable = { $count ->
    [one] { $count } анонимный ответ невозможно прочитать: отсутствует файл ключа опроса. Обратитесь к администратору бота, чтобы он восстановил файл на сервере.
    [few] { $count } анонимных ответа невозможно прочитать: отсутствует файл ключа опроса. Обратитесь к администратору бота, чтобы он восстановил файл на сервере.
    [many] { $count } анонимных ответов невозможно прочитать: отсутствует файл ключа опроса. Обратитесь к администратору бота, чтобы он восстановил файл на сервере.
   *[other] { $count } анонимного ответа невозможно прочитать: отсутствует файл ключа опроса. Обратитесь к администратору бота, чтобы он восстановил файл на сервере.
}
# $when (String): когда опрос закрывается
dash-surveys-released-after-close = Опрос анонимный: текстовые ответы и файлы будут доступны после его закрытия — { $when }.
dash-surveys-texts-after-close = Ответы будут показаны после закрытия опроса.
dash-surveys-export-xlsx = Скачать XLSX
dash-surveys-export-csv = Скачать CSV
dash-surveys-export-refused-title = Файл пока недоступен

# $number (Number), $text (String): текст вопроса
dash-surveys-chart-title = Вопрос { $number }: { $text }
dash-surveys-yes = Да
dash-surveys-no = Нет
# $average (Number, один знак после запятой), $min, $max, $count (Number)
dash-surveys-average = Средняя оценка { NUMBER($average, minimumFractionDigits: 1, maximumFractionDigits: 1) } по шкале { $min }–{ $max }, { $count ->
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
