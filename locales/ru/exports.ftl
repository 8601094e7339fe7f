## Выгрузка списка участников (XLSX и CSV) для организаторов: заголовки столбцов и значения.

export-column-name = ФИО
export-column-country = Страна
export-column-organisation = Ведомство
export-column-position = Должность
export-column-email = Эл. почта
export-column-status = Статус
export-column-waitlist-position = Номер в листе ожидания
export-column-reserve-position = Номер в резервном списке
export-column-nominated-by = Выдвинувший координатор
export-column-reason = Причина, указанная организаторами
export-column-signed-up = Дата записи
export-column-attended = Присутствие на курсе

export-status-confirmed = В списке участников
export-status-waitlisted = В листе ожидания
export-status-cancelled = Запись отменена
export-status-pending = Заявка на место
export-status-nominated = Выдвижение, ожидается ответ
export-status-reserve = В резервном списке
export-status-declined = Отказ

# Второй лист выгрузки (курсы с квотами стран) и те же цифры в дополнительных столбцах CSV.
export-quota-sheet = Квоты стран
export-quota-column-country = Страна
export-quota-column-quota = Квота (мест)
export-quota-column-held = Занято мест
export-quota-column-reserve = Резервный список
export-quota-column-requests = Заявки на рассмотрении
export-csv-country-quota = Квота страны
export-csv-country-held = Места, занятые страной
export-csv-country-reserve = Резервный список страны
export-csv-country-requests = Заявки страны на рассмотрении

export-yes = да
export-no = нет
