## Список курсов и страница курса в панели управления (bot/web/pages/courses.py, course.py): обычный текст.

dash-courses-none = Курсов пока нет. Чтобы создать курс, отправьте боту команду /newcourse: курс сразу появится здесь — как черновик, пока вы его не опубликуете.
dash-courses-none-match = Ни один курс не соответствует выбранным фильтрам.
dash-courses-show-all = Показать все курсы
dash-courses-filter-status = Статус
dash-courses-any-status = Любой
dash-courses-filter-when = Период
dash-courses-when-all = Все
dash-courses-when-upcoming = Текущие и предстоящие
dash-courses-when-past = Прошедшие
dash-courses-filter-text = Название
dash-courses-filter-text-hint = Слова из названия
dash-courses-apply = Показать
# $shown (Number), $total (Number)
dash-courses-shown = Показано курсов: { $shown } из { $total }.
dash-courses-zone-note = Даты и окончание записи указаны по местному времени каждого курса.
dash-courses-col-title = Курс
dash-courses-col-dates = Даты
dash-courses-col-seats = Записаны
dash-courses-col-waiting = Лист ожидания
dash-courses-col-requests = Заявки / выдвижения
dash-courses-col-deadline = Окончание записи
dash-courses-col-status = Статус
dash-courses-no-limit = без ограничения
# Опубликованный курс, который проходит сейчас (значок статуса)
dash-courses-running = идёт сейчас
# $count (Number)
dash-courses-requests = { $count ->
    [one] заявка
    [few] заявки
    [many] заявок
   *[other] заявки
}
# $count (Number)
dash-courses-nominations = { $count ->
    [one] выдвижение
    [few] выдвижения
    [many] выдвижений
   *[other] выдвижения
}
dash-courses-requests-awaiting = Заявки, ожидающие вашего решения
dash-courses-nominations-awaiting = Выдвинуты, ожидается ответ

dash-courses-edit = Изменить курс
dash-courses-export-xlsx = Скачать список участников (XLSX)
dash-courses-export-csv = Скачать список участников (CSV)
dash-courses-dates = Даты
dash-courses-place = Место проведения
dash-courses-online = Онлайн
dash-courses-capacity = Количество мест
dash-courses-deadline = Окончание записи
dash-courses-signup-mode = Порядок записи
dash-courses-figure-confirmed = Записаны
dash-courses-figure-reserve = В резервных списках
dash-courses-figure-declined = Отказы
dash-courses-participants = Участники
dash-courses-nobody-draft = На черновик курса записаться нельзя. Чтобы открыть запись, опубликуйте курс в боте: /admin → курс → «Опубликовать».
dash-courses-nobody-yet = Пока никто не записался. Поделитесь ссылкой на курс из его карточки в боте (/admin → курс) или отправьте объявление командой /announce.
dash-courses-people-none-match = Ни один участник не соответствует выбранным фильтрам.
dash-courses-everyone = Показать всех
dash-courses-filter-country = Страна
dash-courses-any-country = Любая
dash-courses-attendance-hint = Нажмите на ячейку дня, чтобы отметить присутствие участника; повторное нажатие снимает отметку. Отметить можно только записанных участников.
dash-courses-attendance-closed-draft = Присутствие можно отмечать после публикации курса.
dash-courses-attendance-closed-cancelled = Курс отменён, поэтому присутствие не отмечается.
dash-courses-col-name = ФИО
dash-courses-col-country = Страна
dash-courses-col-administration = Таможенная администрация
dash-courses-col-position = Должность
dash-courses-col-days = Дней присутствия
# $day (Number): номер дня курса, $date (String): «10 мая»
dash-courses-day = День { $day } · { $date }
# $name (String), $day (String): «День 2 · 11 мая»
dash-courses-mark-title = { $name }, { $day }: нажмите, чтобы отметить присутствие или снять отметку
dash-courses-present = присутствие отмечено
dash-courses-absent = отметки нет
dash-courses-present-per-day = Присутствовали
dash-courses-mark-refused-title = Отметка не изменена
dash-courses-mark-refused = Этот участник не записан на курс (или его запись уже отменена), либо у курса нет такого дня. Ничего не изменено. Вернитесь на страницу курса и обновите её.
dash-courses-mark-closed = Присутствие можно отмечать только на опубликованных и завершённых курсах. Ничего не изменено.
