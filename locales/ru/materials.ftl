## Материалы курса: файлы, приложенные к курсу (issue 15).

## Карточка курса у организатора и список файлов.
button-materials = 📎 Материалы
button-materials-send = 📤 Отправить материалы участникам
# $title (String), $count (Number)
materials-title = 📎 <b>Материалы курса «{ $title }»</b> ({ $count })
materials-none =
    Файлов пока нет. Добавьте программу, концептуальную записку или список докладчиков: участники сразу увидят их в карточке курса.
    Презентации и другие файлы для рассылки после курса участники получат только после его окончания, когда вы их отправите.
# $number (String), $title (String), $type (String), $size (String) ", 120 КБ" или пусто, $when (String)
materials-line = { $number }. { $title } — { $type }{ $size }; { $when }
materials-when-before = до курса, в карточке
materials-when-before-reminder = до курса, в карточке; 🔔 также с напоминанием
materials-when-after = после курса
materials-hint = 🔔 / 🔕 — отправлять ли файл записанным участникам вместе с напоминанием перед курсом; нажмите, чтобы переключить. 🗑 — удалить файл.
# $count (Number)
materials-refused = ⚠️ Telegram не доставил этот файл { $count ->
        [one] { $count } участнику
       *[other] { $count } участникам
    }: сохранённая ботом копия уже недействительна (например, после перехода на другого бота в Telegram). Удалите файл, приложите его заново и отправьте материалы ещё раз.
button-material-add = ➕ Добавить файл
# $number (String)
button-material-reminder-on = 🔔 { $number }
# $number (String)
button-material-reminder-off = 🔕 { $number }
# $number (String)
button-material-remove = 🗑 { $number }
# $title (String)
material-reminder-on = Файл «{ $title }» также будет отправлен вместе с напоминанием.
# $title (String)
material-reminder-off = Файл «{ $title }» не будет отправлен вместе с напоминанием.
# $title (String)
material-remove-confirm =
    Удалить файл «{ $title }» из материалов курса?
    Участники больше не увидят его в карточке курса. У тех, кто уже получил файл, он останется; рассылка ещё не отправленных копий будет отменена.
button-material-remove-yes = 🗑 Да, удалить
# $title (String)
material-removed = Файл «{ $title }» удалён.

## Добавление файла.
material-ask-file = 📎 Пришлите файл документом (PDF, Word, PowerPoint…) или фотографией.
material-not-a-file = Пожалуйста, пришлите файл документом или фотографией. Ничего не сохранено.
# $default (String)
material-ask-title = Введите короткое название для кнопки, которую увидят участники, например «Программа». Чтобы сохранить название «{ $default }», нажмите «{ button-dialog-keep }».
material-ask-title-no-default = Введите короткое название для кнопки, которую увидят участники, например «Программа».
material-title-as-text = Пожалуйста, введите название текстовым сообщением.
# $title (String)
material-ask-timing = Когда участники должны получить файл «{ $title }»?
material-timing-hint = Пожалуйста, нажмите одну из кнопок выше: до или после курса.
button-material-before = 📅 До курса: сразу в карточке
button-material-after = 📤 После курса: по вашей команде
# $title (String)
material-added = ✅ Файл «{ $title }» добавлен.
error-material-title-empty = Название не может быть пустым.
# $limit (Number)
error-material-title-too-long = Название слишком длинное для кнопки: не более { $limit ->
        [one] { $limit } символа
       *[other] { $limit } символов
    }.
error-material-gone = Этого файла больше нет в материалах курса.
error-materials-not-yet = Материалы можно отправить только после окончания курса и только файлы с пометкой «после курса».

## Рассылка файлов после курса.
# $title (String)
materials-send-ask = Кому отправить материалы курса «{ $title }» с пометкой «после курса»?
# $count (Number)
button-materials-send-attendees = ✅ Присутствовавшим: { $count }
# $count (Number)
button-materials-send-confirmed = 👥 Всем записанным: { $count }
# $files (Number), $names (String), $people (Number)
materials-send-confirm =
    Отправить { $files ->
        [1] файл { $names }
        [one] { $files } файл ({ $names })
        [few] { $files } файла ({ $names })
       *[many] { $files } файлов ({ $names })
    } { $people ->
        [one] { $people } участнику
       *[other] { $people } участникам
    }?
    Никто не получит один и тот же файл дважды.
# $already (Number), $files (Number)
materials-send-already = { $already ->
        [one] У { $already } участника
       *[other] У { $already } участников
    } из этой группы { $files ->
        [1] этот файл
       *[other] эти файлы
    } уже есть.
# $already (Number)
materials-send-nobody = У всех участников этой группы ({ $already ->
        [one] { $already } участник
        [few] { $already } участника
       *[many] { $already } участников
    }) эти файлы уже есть: отправлять нечего.
# $audience (String) "att": присутствовавшие, "all": все записанные
materials-send-empty = { $audience ->
        [att] Ещё никто не отмечен как присутствовавший: сначала отметьте присутствие кнопкой «{ button-attendance }» в карточке курса или отправьте материалы всем записанным участникам.
       *[all] На этот курс никто не был записан, поэтому отправлять материалы некому.
    }
button-materials-send-yes = 📤 Да, отправить
# $people (Number)
materials-sent = { $people ->
        [0] Ничего не отправлено: у всех в этой группе эти файлы уже есть.
        [one] 📤 Материалы отправляются { $people } участнику.
       *[other] 📤 Материалы отправляются { $people } участникам.
    }

## Файлы курса в карточке участника.
# $title (String), $type (String)
button-material = 📎 { $title } ({ $type })
# $count (Number)
button-materials-all = 📎 Все материалы ({ $count })
# $title (String)
materials-all-title = 📎 Материалы курса «{ $title }». Нажмите на файл, чтобы получить его.
# $title (String)
material-just-sent = Файл «{ $title }» уже отправлен — он появится в чате.
# $title (String)
error-material-unavailable = К сожалению, файл «{ $title }» отправить не удалось: сохранённая ботом копия уже недействительна, и организаторам нужно приложить файл заново. Пожалуйста, сообщите им об этом кнопкой «{ button-ask-organisers }» в карточке курса.
# $title (String)
material-quoted = «{ $title }»
# $title (String) название файла, $course (String) название курса
material-caption = { $title } — { $course }

## Типы файлов, после названия.
material-type-pdf = PDF
material-type-word = Word
material-type-excel = Excel
material-type-powerpoint = PowerPoint
material-type-image = изображение
material-type-archive = архив
material-type-text = текст
material-type-video = видео
material-type-file = файл
# $size (String) formatted for the reader
material-size-kb = { $size } КБ
# $size (String) formatted for the reader
material-size-mb = { $size } МБ
