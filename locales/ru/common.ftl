## Общие тексты: ошибки, ответы на непонятное, /cancel, главное меню и /help.

error-generic = Что-то пошло не так на нашей стороне. Пожалуйста, попробуйте ещё раз через минуту.
error-not-found = Этого больше нет.
error-consent-required = Сначала разрешите сохранить ваш профиль: откройте /profile.
error-unknown-language = Этот язык недоступен. Выберите English или Русский.
error-button-expired = Эта кнопка устарела. Отправьте /start, чтобы снова увидеть меню.
error-not-your-chat = Эта кнопка относится к другому чату.

fallback-unknown-command = Я не знаю такой команды. Отправьте /help, чтобы увидеть, что я умею.
fallback-not-understood = Здесь я понимаю только кнопки и команды. Отправьте /start для меню или /help для списка команд.
fallback-in-dialog = Пожалуйста, ответьте на вопрос выше или отправьте /cancel, чтобы прервать.

cancel-done = Прервано. Больше ничего не изменено; то, что вы уже ответили, сохранено.
cancel-nothing = Прерывать нечего. Отправьте /start для меню.

menu-title = Что вы хотите сделать?
button-menu-courses = 📚 Курсы
button-menu-my = 🗓 Мои курсы
button-menu-profile = 👤 Профиль
button-menu-language = 🌐 Язык
button-menu-help = ❓ Помощь

courses-none-yet = Сейчас нет курсов, открытых для записи. Новые семинары и курсы будут объявлены здесь.
my-courses-none = Вы ещё не записались ни на один курс. Откройте 📚 Курсы, чтобы увидеть ближайшие.

# Описания команд в меню (setMyCommands), не длиннее 256 символов.
cmd-start = Главное меню
cmd-courses = Курсы, открытые для записи
cmd-my = Мои курсы
cmd-profile = Мой профиль
cmd-language = Сменить язык
cmd-help = Что умеет бот
cmd-cancel = Прервать текущий диалог
cmd-forget = Удалить мои персональные данные
cmd-announce = Объявление участникам (для организаторов)
cmd-announcements = Последние объявления (для организаторов)
cmd-newcourse = Создать курс (для организаторов)
cmd-admin = Все курсы (для организаторов)
cmd-stats = Пользователи и профили (для организаторов)
cmd-surveys = Опросы, ждущие моего ответа
cmd-newsurvey = Создать опрос (для организаторов)
cmd-results = Результаты опросов (для организаторов)
cmd-audit = Журнал действий организаторов (для организаторов)

help-participant =
    <b>Учебные курсы ROCB Europe и TRACECA</b>
    Здесь можно найти семинары и курсы повышения квалификации для сотрудников таможни, записаться в несколько нажатий, получить напоминания перед началом и оставить отзыв после курса.

    /courses — курсы, открытые для записи
    /my — мои курсы
    /surveys — опросы, ждущие моих ответов
    /profile — мой профиль (ФИО, страна, ведомство, должность, эл. почта, часовой пояс)
    /language — английский или русский
    /cancel — прервать текущий диалог
    /forget — удалить мои персональные данные
    /help — это сообщение
help-organiser =
    <b>Для организаторов</b>
    /newcourse — создать курс (/newcourse template — форма одним сообщением)
    /admin — все курсы: изменение, публикация, участники, выгрузки, посещаемость
    /announce — отправить объявление; /announcements — последние
    /newsurvey — опрос: готовый для курса или свой (/newsurvey template)
    /results — результаты опросов, диаграмма, XLSX и CSV
    /stats — пользователи, языки, страны и заполненные профили
    /audit — кто из организаторов что и когда сделал

# A refused answer in any dialog: what is wrong, then the way on.
# $problem (String)
dialog-send-again = { $problem }
    Отправьте другое значение или нажмите /cancel, чтобы выйти.

# The shared parts of every multi-step dialog (bot/ui/dialog.py).
# $number (Number), $total (Number)
dialog-step = Шаг { $number } из { $total }
button-dialog-back = ‹ Назад
button-dialog-cancel = ✖️ Отмена
button-dialog-keep = Оставить как есть
