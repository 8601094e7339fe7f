## Сертификаты об участии: настройки курса, присутствие по дням, выдача, сертификаты
## участника и имя латиницей, /verify.

cmd-certificates = Мои сертификаты об участии
cmd-verify = Проверить сертификат по коду

## Поля курса (форма /newcourse и меню изменения).
course-field-certificate = Сертификат: посещение
course-field-certificate_language = Сертификат: язык
course-field-hours = Учебные часы
course-ask-certificate = Какую долю дней курса участник должен посетить, чтобы получить сертификат? Напишите процент от 1 до 100 (например, «80%») или «все», если обязательны все дни:
course-ask-certificate_language = На каком языке выдавать сертификаты? Напишите «свой» (на языке каждого участника) или «двуязычный» (на английском и русском языках на одной странице):
course-ask-hours = Сколько учебных часов указать в сертификатах? Напишите число (например, 16) или «-», чтобы часы не указывались:
# $value (String) то, что написал организатор
course-error-certificate = «{ $value }» — напишите процент дней от 1 до 100, например «certificate: 80%» или «certificate: 80», либо «все».
# $value (String)
course-error-certificate-language = «{ $value }» — напишите «свой» (на языке каждого участника) или «двуязычный» (на английском и русском языках).
# $value (String), $max (String)
course-error-hours = «{ $value }» — напишите число учебных часов от 1 до { $max } или «-».

## Карточка курса у организатора.
# $rule (String) части ниже через « · »
course-certificate-line = 🎓 Сертификаты: { $rule }
# $share (Number) процент
course-certificate-share = при посещении не менее { $share }% дней
course-certificate-all-days = при посещении всех дней
course-certificate-language-own = на языке каждого участника
course-certificate-language-bilingual = на английском и русском
# $hours (Number)
course-certificate-hours = { $hours ->
        [one] { $hours } учебный час
        [few] { $hours } учебных часа
        [many] { $hours } учебных часов
       *[other] { $hours } учебного часа
    }
button-issue-certificates = 🎓 Выдать сертификаты

## Присутствие на курсе в несколько дней.
# $day (Number) 1, 2 ..., $date (String) «12 мар.»
attendance-day-button = День { $day } · { $date }
# $day, $days (Number), $date (String) «12 марта»
attendance-day-heading = <b>День { $day } из { $days }</b>, { $date }. Рядом с каждым именем — число посещённых дней.

## Выдача (организаторы).
# $title (String)
certificate-preview-title = <b>🎓 Сертификаты курса «{ $title }»</b>
certificate-rule-present = присутствие на курсе
# $share, $days (Number)
certificate-rule-share = посещение не менее { $share }% из { $days ->
        [one] { $days } дня
        [few] { $days } дней
        [many] { $days } дней
       *[other] { $days } дня
    } курса
# $days (Number)
certificate-rule-all-days = посещение всех дней курса (всего: { $days })
# $eligible, $attendees (Number), $rule (String)
certificate-preview-qualify = Сертификат полагается { $eligible } из { $attendees } { $attendees ->
        [one] присутствовавшего
       *[other] присутствовавших
    }. Условие: { $rule }.
# $names (String) список ниже
certificate-preview-not-eligible = Не полагается: { $names }.
# $name (String), $present, $days (Number)
certificate-not-eligible-person = { $name } ({ $present }/{ $days })
# $count (Number)
certificate-and-more = и ещё { $count }
# $count (Number)
certificate-preview-issued = Уже выдано: { $count }.
# $count (Number)
certificate-preview-to-issue = { $count ->
        [1] Сейчас будет выдан 1 сертификат; владелец получит его в формате PDF.
        [one] Сейчас будет выдан { $count } сертификат; владельцы получат их в формате PDF.
        [few] Сейчас будут выданы { $count } сертификата; владельцы получат их в формате PDF.
        [many] Сейчас будут выданы { $count } сертификатов; владельцы получат их в формате PDF.
       *[other] Сейчас будут выданы { $count } сертификата; владельцы получат их в формате PDF.
    }
certificate-preview-nothing-to-issue = Все, кому полагается сертификат, уже его получили.
# $count (Number)
button-certificates-issue = 🎓 Выдать ({ $count })
# $count (Number)
button-certificates-issued = 📜 Выданные сертификаты ({ $count })
# $count (Number)
certificate-issued-alert = { $count ->
        [0] Новых сертификатов нет: все, кому он полагается, его уже получили.
        [1] Выдан 1 сертификат, он отправляется владельцу.
        [one] Выдан { $count } сертификат, они отправляются владельцам.
        [few] Выдано { $count } сертификата, они отправляются владельцам.
        [many] Выдано { $count } сертификатов, они отправляются владельцам.
       *[other] Выдано { $count } сертификата, они отправляются владельцам.
    }
certificate-error-course-cancelled = Курс отменён: сертификаты по нему не выдаются.

## Выданные сертификаты курса (организаторы).
# $title (String), $count (Number)
certificate-list-title = <b>Сертификаты курса «{ $title }»</b>: выдано { $count }.
# $count (Number) сертификаты, которые ждут имени владельца латиницей
certificate-list-waiting = { $count ->
        [one] ✍️ { $count } сертификат ещё не отправлен: владелец не указал имя латиницей.
        [few] ✍️ { $count } сертификата ещё не отправлены: владельцы не указали имя латиницей.
        [many] ✍️ { $count } сертификатов ещё не отправлены: владельцы не указали имя латиницей.
       *[other] ✍️ { $count } сертификата ещё не отправлены: владельцы не указали имя латиницей.
    }
# $count (Number)
button-certificates-remind = 🔔 Напомнить об имени ({ $count })
# $count (Number) сколько владельцев получили напоминание
certificate-reminded-alert = { $count ->
        [0] Напоминать некому: все сертификаты отправлены.
        [one] Напоминание отправлено { $count } владельцу. Сертификат будет отправлен, как только владелец укажет имя латиницей.
        [few] Напоминание отправлено { $count } владельцам. Каждый сертификат будет отправлен, как только владелец укажет имя латиницей.
        [many] Напоминание отправлено { $count } владельцам. Каждый сертификат будет отправлен, как только владелец укажет имя латиницей.
       *[other] Напоминание отправлено { $count } владельцам. Каждый сертификат будет отправлен, как только владелец укажет имя латиницей.
    }
certificate-state-sent = отправлен
certificate-state-waiting-for-name = не отправлен: владелец ещё не указал имя латиницей
certificate-state-unreachable = ⚠️ не доставлен: владелец заблокировал бота (когда он снова запустит бота, сертификат можно будет получить командой /certificates)
# $version (Number)
certificate-state-reissued = выдан повторно (экземпляр { $version })
certificate-state-revoked = ⛔ отозван
certificate-state-erased = владелец удалил свои данные
# $title, $names, $code, $issued, $state (String)
certificate-card =
    <b>Сертификат { $code }</b>
    Курс: «{ $title }»
    Выдан: { $names }
    Дата выдачи: { $issued }
    Статус: { $state }

    Если владелец исправит имя в профиле, кнопка «Выдать повторно» отправит ему новый PDF с тем же кодом; прежний экземпляр станет недействительным.
button-certificate-reissue = 🔁 Выдать повторно
button-certificate-revoke = ⛔ Отозвать
# $version (Number)
certificate-reissued-alert = Выдан повторно (экземпляр { $version }): новый PDF отправляется владельцу.
# $code (String)
certificate-revoke-confirm = Отозвать сертификат { $code }? Он утратит силу: проверка его кода покажет, что сертификат отозван, а владелец получит уведомление. Отменить это действие нельзя.
button-certificate-revoke-yes = Да, отозвать
button-certificate-revoke-no = Нет, оставить
certificate-revoked-alert = Сертификат отозван, владелец уведомлён.
certificate-error-not-valid = Этот сертификат отозван, или его владелец удалил свои данные.
certificate-error-no-latin-name = Владелец ещё не указал имя латиницей, необходимое для текста на английском языке; сертификат будет отправлен, как только он его укажет.
certificate-error-name-unchanged = Имя в профиле владельца совпадает с указанным в сертификате, поэтому выдавать сертификат повторно не требуется. Выдайте его повторно, когда владелец исправит имя.

## Владельцу.
# $title, $code (String)
certificate-sent = 🎓 Ваш сертификат об участии в курсе «{ $title }». Код проверки — { $code }: подлинность сертификата можно проверить командой /verify { $code }.
# $title, $code (String)
certificate-reissued = 🎓 Ваш сертификат об участии в курсе «{ $title }» выдан повторно с исправленным именем; код проверки прежний — { $code }. Пожалуйста, пользуйтесь этим экземпляром: предыдущий недействителен.
# $title, $code (String)
certificate-revoked-notice = Ваш сертификат об участии в курсе «{ $title }» (код { $code }) отозван организаторами и больше не действителен. Если вы считаете, что это ошибка, пожалуйста, обратитесь к организаторам.
# $title (String)
certificate-latin-name-needed = 🎓 Ваш сертификат об участии в курсе «{ $title }» готов. В нём есть текст на английском языке, поэтому нужно ваше имя латиницей, как в паспорте. Нажмите на кнопку и укажите его — сертификат будет отправлен сразу же.
button-certificate-latin-name = ✍️ Указать имя латиницей
certificate-ask-latin-name = Ваше имя латиницей, как в паспорте (например: Sadykova Aigerim). Если на кнопке оно указано верно, нажмите на неё; если нет — напишите его:
# $name (String)
button-certificate-use-name = ✅ { $name }
# $count (Number) сколько сертификатов отправлено сейчас
certificate-latin-name-saved = { $count ->
        [0] Спасибо, ваше имя латиницей сохранено.
        [1] Спасибо, ваше имя латиницей сохранено. Сертификат отправляется вам.
       *[other] Спасибо, ваше имя латиницей сохранено. Сертификаты ({ $count }) отправляются вам.
    }
# $max (Number)
certificate-error-latin-name-length = Пожалуйста, напишите ваше имя латиницей, не более { $max } { $max ->
        [one] символа
       *[other] символов
    }.
certificate-error-latin-name-letters = Пожалуйста, используйте только латинские буквы, как в паспорте (например: Sadykova Aigerim).
certificate-error-revoked = Этот сертификат отозван, и отправить его больше нельзя.
certificate-error-waiting-for-name = Этот сертификат будет отправлен, когда вы укажете имя латиницей.

## /certificates
certificate-mine-none = У вас пока нет сертификатов. Их выдают после курса участникам, которые на нём присутствовали.
# $count (Number)
certificate-mine-title = <b>Ваши сертификаты</b> ({ $count }):
# $number, $title, $code (String)
certificate-mine-valid = { $number }. «{ $title }» · { $code }
# $number, $title, $code (String)
certificate-mine-waiting = { $number }. «{ $title }» · будет отправлен, когда вы укажете имя латиницей
# $number, $title, $code (String)
certificate-mine-revoked = { $number }. «{ $title }» · { $code } · ⛔ отозван
# $number, $title (String)
button-certificate-send = 📄 { $number }. { $title }

## /verify
verify-ask-code = Отправьте код проверки сертификата, напечатанный под QR-кодом (например: 7KQ2-M9XD-4HPT).
verify-unknown = Сертификат с таким кодом не найден. Проверьте код, напечатанный под QR-кодом.
# $code, $names, $title, $when, $issued (String)
verify-genuine =
    ✅ <b>Сертификат { $code } подлинный.</b>
    Выдан: { $names }
    Курс: «{ $title }», { $when }
    Дата выдачи: { $issued }
# $reissued (String), $version (Number)
verify-reissued = Выдан повторно { $reissued } (экземпляр { $version }); прежние экземпляры недействительны.
# $code, $title, $when, $issued, $revoked (String)
verify-revoked =
    ⛔ <b>Сертификат { $code } отозван { $revoked }</b> и больше не действителен.
    Курс: «{ $title }», { $when }
    Дата выдачи: { $issued }
# $code, $title, $when, $issued (String)
verify-erased =
    Сертификат { $code } об участии в курсе «{ $title }», { $when }, выдан { $issued }. Впоследствии его владелец удалил свои данные из бота, поэтому подтвердить, кому выдан сертификат, невозможно.
