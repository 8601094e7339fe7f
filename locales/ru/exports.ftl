## Выгрузка списка участников (XLSX и CSV) для организаторов: заголовки столбцов и значения.

export-column-name = ФИО
export-column-country = Страна
export-column-organisation = Ведомство
export-column-position = Должность
export-column-email = Эл. почта
export-column-status = Статус
export-column-waitlist-position = Номер в листе ожидания
export-column-signed-up = Дата записи
export-column-attended = Присутствие на курсе

export-status-confirmed = Записан(а)
export-status-waitlisted = В листе ожидания
export-status-cancelled = Запись отменена

export-yes = да
export-no = нет
