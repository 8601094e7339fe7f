## Согласие, заполнение профиля, /profile и /forget.

consent-request =
    <b>Прежде чем сохранить ваш профиль</b>
    Чтобы записывать вас на курсы, организаторам (ROCB Europe и Постоянному секретариату ТРАСЕКА) нужны ваши ФИО, страна, таможенная служба, должность, часовой пояс и, по желанию, адрес электронной почты. Они используются только для организации обучения, напоминаний и выдачи сертификатов и никому не передаются. Посмотреть и изменить их можно командой /profile, удалить — командой /forget в любой момент.

    Вы согласны?
button-consent-agree = ✅ Согласен(на)
button-consent-decline = Не сейчас
consent-declined = Ничего не сохранено. Дать согласие можно позже командой /profile; оно нужно для записи на курсы.
consent-thanks = Спасибо. Давайте заполним профиль — это займёт меньше минуты.

profile-ask-full_name = Ваши фамилия, имя и отчество — так, как они должны быть указаны в сертификате (например: Садыкова Айгерим Нурлановна):
profile-ask-country = Ваша страна (нажмите на неё или напишите название):
profile-ask-organisation = Ваша таможенная служба (например: Комитет государственных доходов Республики Казахстан):
profile-ask-position = Ваша должность (например: главный инспектор отдела управления рисками):
profile-ask-email = Ваш адрес электронной почты, если хотите получать материалы по почте (необязательно):
profile-ask-timezone = Выберите ваш часовой пояс (или напишите его название, например Asia/Almaty). Время курсов будет показано и в нём:
profile-hint-text = Пожалуйста, напишите ответ текстовым сообщением или отправьте /cancel, чтобы прервать.
profile-hint-buttons = Пожалуйста, выберите кнопкой выше или отправьте /cancel, чтобы прервать.
button-skip = Пропустить
button-next-page = Далее ›
button-previous-page = ‹ Назад
button-keep = Оставить как есть

profile-error-name = Пожалуйста, напишите ФИО: от { $min } до { $max } символов, буквами.
profile-error-country = Не удалось найти эту страну. Нажмите на кнопку или напишите название так, как на кнопках.
profile-error-organisation = Пожалуйста, напишите название вашей службы: от { $min } до { $max } символов.
profile-error-position = Пожалуйста, напишите вашу должность: от { $min } до { $max } символов.
profile-error-email = Это не похоже на адрес электронной почты (вроде name@customs.gov.az). Напишите его ещё раз или нажмите «Пропустить».
profile-error-timezone = Я не знаю такого часового пояса. Нажмите на кнопку или напишите название вроде Europe/Kyiv или Asia/Tashkent.

profile-saved = Ваш профиль сохранён.
profile-field-saved = Сохранено.
# $name, $country, $organisation, $position, $email, $timezone (String) данные профиля
# $offset (String) текущее смещение часового пояса от UTC, например UTC+4
profile-card =
    <b>Ваш профиль</b>
    ФИО: { $name }
    Страна: { $country }
    Служба: { $organisation }
    Должность: { $position }
    Эл. почта: { $email }
    Часовой пояс: { $timezone } ({ $offset })
profile-not-set = —
button-edit-full_name = ✏️ ФИО
button-edit-country = ✏️ Страна
button-edit-organisation = ✏️ Служба
button-edit-position = ✏️ Должность
button-edit-email = ✏️ Эл. почта
button-edit-timezone = ✏️ Часовой пояс
button-forget = 🗑 Удалить мои данные

forget-confirm =
    <b>Удалить ваши персональные данные?</b>
    Ваш профиль, согласие, выбор языка и незавершённый диалог будут удалены из бота. Это нельзя отменить.
button-forget-confirm = Да, удалить
button-forget-keep = Нет, оставить
forget-done =
    Ваши персональные данные удалены.
    Что мы сохранили: только обезличенные итоги (например, сколько человек пользовались ботом), которые нельзя связать с вами. Если вы снова напишете боту, всё начнётся сначала.
forget-kept = Ничего не удалено.

tz-europe-lisbon = Лиссабон
tz-europe-london = Лондон
tz-europe-brussels = Брюссель, Париж
tz-europe-berlin = Берлин, Вена, Варшава
tz-europe-kyiv = Киев
tz-europe-chisinau = Кишинёв
tz-europe-bucharest = Бухарест, София, Афины
tz-europe-istanbul = Стамбул, Анкара
tz-europe-minsk = Минск
tz-europe-moscow = Москва
tz-asia-tbilisi = Тбилиси
tz-asia-baku = Баку
tz-asia-yerevan = Ереван
tz-asia-tehran = Тегеран
tz-asia-tashkent = Ташкент, Душанбе, Ашхабад
tz-asia-almaty = Алматы, Астана
tz-asia-bishkek = Бишкек
tz-utc = UTC
# $city (String) a city label above; $offset (String) like UTC+4
tz-button = { $city } ({ $offset })
