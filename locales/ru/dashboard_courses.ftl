## Список курсов и страница курса в панели (bot/web/pages/courses.py, course.py): обычный текст.

dash-courses-none = Курсов пока нет. Создайте курс командой /newcourse в боте: он сразу появится здесь как черновик, пока вы его не опубликуете.
dash-courses-none-match = Ни один курс не подходит под выбранные условия.
dash-courses-show-all = Показать все курсы
dash-courses-filter-status = Статус
dash-courses-any-status = Любой
dash-courses-filter-when = Сроки
dash-courses-when-all = Прошедшие и предстоящие
dash-courses-when-upcoming = Предстоящие и идущие
dash-courses-when-past = Прошедшие
dash-courses-filter-text = Название
dash-courses-filter-text-hint = Слова из названия
dash-courses-apply = Показать
# $shown (Number), $total (Number)
dash-courses-shown = Показано курсов: { $shown } из { $total }.
dash-courses-zone-note = Даты и сроки регистрации указаны по часовому поясу каждого курса.
dash-courses-col-title = Курс
dash-courses-col-dates = Даты
dash-courses-col-seats = Записаны
dash-courses-col-waiting = Лист ожидания
dash-courses-col-requests = Заявки / выдвижения
dash-courses-col-deadline = Срок регистрации
dash-courses-col-status = Статус
dash-courses-no-limit = без ограничения
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
dash-courses-requests-awaiting = Заявки ждут вашего решения
dash-courses-nominations-awaiting = Выдвинуты, ожидается ответ сотрудника

dash-courses-edit = Изменить карточку
dash-courses-export-xlsx = Выгрузить XLSX
dash-courses-export-csv = Выгрузить CSV
dash-courses-dates = Даты
dash-courses-place = Место
dash-courses-online = Онлайн
dash-courses-capacity = Мест
dash-courses-deadline = Срок регистрации
dash-courses-signup-mode = Запись
dash-courses-figure-confirmed = Записаны
dash-courses-figure-reserve = В резервных списках
dash-courses-figure-declined = Отказы
dash-courses-participants = Участники
dash-courses-nobody-draft = На черновик записаться нельзя. Опубликуйте курс в боте (/admin → курс → «Опубликовать»), чтобы открыть регистрацию.
dash-courses-nobody-yet = Пока никто не записался. Поделитесь ссылкой на курс из его карточки в боте или отправьте рассылку.
dash-courses-people-none-match = Под выбранные условия никто не подходит.
dash-courses-everyone = Показать всех
dash-courses-filter-country = Страна
dash-courses-any-country = Любая
dash-courses-attendance-hint = Нажмите на ячейку дня, чтобы отметить присутствие участника; повторное нажатие снимает отметку. Отмечаются только записанные участники.
dash-courses-attendance-closed-draft = Посещаемость отмечается после публикации курса.
dash-courses-attendance-closed-cancelled = Курс отменён: посещаемость не отмечается.
dash-courses-col-name = ФИО
dash-courses-col-country = Страна
dash-courses-col-administration = Таможенная администрация
dash-courses-col-position = Должность
dash-courses-col-days = Дней присутствия
# $day (Number): номер дня курса, $date (String): «10 мая»
dash-courses-day = День { $day } · { $date }
# $name (String), $day (String): «День 2 · 11 мая»
dash-courses-mark-title = { $name }, { $day }: нажмите, чтобы отметить или снять отметку
dash-courses-present = присутствие отмечено
dash-courses-absent = отметки нет
dash-courses-present-per-day = Присутствовали
dash-courses-mark-refused-title = Отметка не изменена
dash-courses-mark-refused = Этот человек не записан на курс (или уже не записан), либо такого дня у курса нет. Ничего не изменено. Вернитесь на страницу курса и обновите её.
dash-courses-mark-closed = Посещаемость отмечается только на опубликованных и завершённых курсах. Ничего не изменено.
