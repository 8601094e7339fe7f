## Результаты опросов для организаторов: сообщение с итогами, текстовые ответы и выгрузка XLSX/CSV.

# $title (String) название опроса, экранированное для HTML
results-header = 📊 <b>{ $title }</b>
# $finished, $invited, $percent (Number)
results-rate = { $finished ->
    [one] Ответил { $finished }
   *[other] Ответили { $finished }
} из { $invited } ({ $percent }%)
# $finished (Number) когда ещё никого не пригласили
results-rate-none-invited = Ответили: { $finished }
# $threshold, $count (Number) анонимный опрос, ответов слишком мало: только числа
results-too-few = Чтобы ничьи ответы нельзя было узнать, результаты анонимного опроса видны, только когда ответят не менее { $threshold ->
    [one] { $threshold } человека
   *[other] { $threshold } человек
}. Пока ответили: { $count }.
# $number (Number), $text (String) текст вопроса, экранированный для HTML
results-question = <b>{ $number }. { $text }</b>
results-no-answers = Ответов пока нет.
# $average (Number, один знак после запятой), $min, $max, $count (Number)
results-average = Средняя оценка <b>{ NUMBER($average, minimumFractionDigits: 1, maximumFractionDigits: 1) }</b> по шкале { $min }–{ $max }, { $count ->
    [one] { $count } ответ
    [few] { $count } ответа
   *[many] { $count } ответов
}
# $option (String) экранирован для HTML, $count, $percent (Number)
results-option = • { $option } — <b>{ $count }</b> ({ $percent }%)
# $count (Number) сколько человек ответили на вопрос с несколькими вариантами
results-multi-note = <i>Можно было выбрать несколько вариантов; доли от { $count ->
    [one] { $count } ответившего
   *[other] { $count } ответивших
}.</i>
# $yes, $yes_percent, $no, $no_percent (Number)
results-yesno = Да — <b>{ $yes }</b> ({ $yes_percent }%) · Нет — <b>{ $no }</b> ({ $no_percent }%)
# $count (Number)
results-text-count = { $count ->
    [one] { $count } текстовый ответ
    [few] { $count } текстовых ответа
   *[many] { $count } текстовых ответов
}
# $count (Number) сколько человек пропустили необязательный вопрос
results-skipped = Пропустили: { $count }
# $count (Number) вопросы, не поместившиеся в сообщение
results-truncated = … и ещё { $count ->
    [one] { $count } вопрос не поместился
    [few] { $count } вопроса не поместились
   *[many] { $count } вопросов не поместились
} в это сообщение: все цифры есть в выгрузке XLSX и CSV.
results-text-none = Текстовых ответов пока нет.
# $page, $pages (Number)
results-page = Страница { $page } из { $pages }

survey-export-sheet = Результаты
# $number (Number), $text (String) текст вопроса
survey-export-column-question = В{ $number }. { $text }
survey-export-column-finished = Завершено (UTC)
