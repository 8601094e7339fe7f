## Журнал действий в панели (bot/web/pages/audit.py): простой текст, страница его экранирует.
## Каждое действие названо так же, как в /audit в чате (audit.ftl).

dash-audit-title = Журнал действий
dash-audit-intro = Действия организаторов в чате и в этой панели, сначала новые.
dash-audit-kind = Действие
dash-audit-kind-all = Все действия
dash-audit-kind-courses = Курсы
dash-audit-kind-seats = Места и выдвижения
dash-audit-kind-announcements = Объявления
dash-audit-kind-surveys = Опросы
dash-audit-kind-exports = Выгрузки
dash-audit-kind-certificates = Сертификаты
dash-audit-kind-materials = Материалы
dash-audit-kind-dashboard = Входы в панель управления
dash-audit-actor = Организатор
dash-audit-actor-all = Все
dash-audit-course = Курс №
dash-audit-from = С
dash-audit-to = По
dash-audit-show = Показать
dash-audit-clear = Сбросить фильтры
dash-audit-col-when = Когда
dash-audit-col-who = Кто
dash-audit-col-what = Действие
dash-audit-col-object = Объект
# $id (String)
dash-audit-object-course = Курс №{ $id }
# $id (String)
dash-audit-object-announcement = Объявление №{ $id }
# $id (String)
dash-audit-object-survey = Опрос №{ $id }
# $id (String)
dash-audit-object-template = Шаблон опроса №{ $id }
dash-audit-none = Действий организаторов пока нет. Они появятся здесь, когда организаторы начнут работать в чате или в этой панели.
dash-audit-none-match = Ни одно действие не соответствует выбранным фильтрам. Измените фильтры или сбросьте их.
# $count (Number)
dash-audit-count = { $count ->
        [one] { $count } действие
        [few] { $count } действия
        [many] { $count } действий
       *[other] { $count } действия
    }
# $page, $pages (Number)
dash-audit-page = Страница { $page } из { $pages }
dash-audit-pages = Страницы журнала
dash-audit-newer = ← Более новые
dash-audit-older = Более ранние →
# $field (String): «С» или «По»; $value (String): что написано
dash-audit-bad-date = «{ $value }» в поле «{ $field }» — не дата. Укажите дату в формате ГГГГ-ММ-ДД, например 2027-03-09. Журнал ниже показан без учёта этой даты.
# $value (String): что написано
dash-audit-bad-course = «{ $value }» — не номер курса. Укажите только число, например 12. Журнал ниже показан по всем курсам.
dash-audit-dates-reversed = Дата в поле «С» позже даты в поле «По». Поменяйте даты местами. Журнал ниже показан без учёта дат.
