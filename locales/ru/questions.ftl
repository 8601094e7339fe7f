## Вопросы организаторам (issue 15)

button-ask-organisers = ❓ Задать вопрос организаторам
button-question-general = Общий вопрос
question-pick-course = К какому курсу относится ваш вопрос?
# $course (String)
question-ask-course = ❓ Ваш вопрос о курсе «{ $course }».
question-ask-general = ❓ Ваш вопрос организаторам.
question-ask-prompt = Напишите ваш вопрос. Можно также отправить фотографию или документ, указав вопрос в подписи к нему.
question-sent = Ваш вопрос отправлен организаторам. Ответ придёт сюда, в этот чат.
question-error-kind = Такое сообщение передать организаторам нельзя. Отправьте текст либо фотографию или документ с вопросом в подписи.
# $max (Number)
question-error-too-long = Текст слишком длинный: допустимо не более { $max } { $max ->
    [one] символа
   *[other] символов
}. Пожалуйста, сократите его.
# $max (Number)
question-error-caption-too-long = Подпись к фотографии или документу может содержать не более { $max } { $max ->
    [one] символа
   *[other] символов
}. Пожалуйста, сократите её или отправьте текст отдельно, без файла.
question-error-gone = Этот вопрос больше недоступен: участник удалил свои данные.
question-error-no-organisers = Сейчас передать вопрос некому: в боте не указаны организаторы. Пожалуйста, обратитесь в учебный отдел напрямую.

# Что получают организаторы.
# $person (person-line), $course (String)
question-copy-course =
    ❓ Вопрос о курсе «{ $course }»
    Автор: { $person }
# $person (person-line)
question-copy-general =
    ❓ Общий вопрос организаторам
    Автор: { $person }
question-reply-hint = <i>Чтобы ответить участнику, выберите «Ответить» на этом сообщении.</i>
# $name (String)
question-answer-sent = Ответ отправлен участнику: { $name }.
# $name (String), $organisers (String): кто ответил раньше
question-answer-sent-after = Ответ отправлен участнику: { $name }. На этот вопрос уже ответили: { $organisers }. Участник получит все ответы.
question-another-organiser = другой организатор
# $organiser (String), $words (String)
question-answered-note =
    ✅ На этот вопрос уже ответили: { $organiser }.
    Ответ: «{ $words }»
question-note-photo = 📷 фотография
question-note-document = 📎 документ
question-note-empty = …

# Что получает участник.
# $question (String): its first words, $course (String)
question-answer-course = 💬 Организаторы ответили на ваш вопрос «{ $question }» о курсе «{ $course }»:
# $question (String): its first words
question-answer-general = 💬 Организаторы ответили на ваш вопрос «{ $question }»:
question-answer-hint = <i>Чтобы задать ещё один вопрос, ответьте на это сообщение.</i>

# /questions
questions-none = Вопросов от участников пока нет.
# $count (Number)
questions-title = { $count ->
    [one] <b>Вопросы участников: { $count } обращение</b> (сначала ожидающие ответа)
    [few] <b>Вопросы участников: { $count } обращения</b> (сначала ожидающие ответа)
    [many] <b>Вопросы участников: { $count } обращений</b> (сначала ожидающие ответа)
   *[other] <b>Вопросы участников: { $count } обращения</b> (сначала ожидающие ответа)
}
questions-waiting = ⏳
questions-answered = ✅
# $course (String)
questions-about-course = о курсе «{ $course }»
questions-about-general = общий вопрос
# $number (String), $status (String), $person (person-line), $about (String), $words (String)
questions-item =
    <b>{ $number }.</b> { $status } { $person }, { $about }:
    { $words }
# $number (String)
button-question-answer = ✍️ Ответить { $number }
# $person (person-line), $words (String)
question-answer-prompt =
    Участник: { $person }
    Вопрос:
    { $words }

    Напишите ответ. Можно также отправить фотографию или документ. Участник не увидит вашего имени.

# Исправленный вопрос или ответ (Telegram позволяет изменить уже отправленное сообщение).
question-edit-not-passed = Исправления в уже отправленном сообщении организаторам не передаются: у них ваш вопрос в том виде, в каком вы его отправили. Чтобы уточнить вопрос, ответьте на него сообщением с исправлением.
question-answer-edit-not-passed = Исправления в уже отправленном сообщении участнику не передаются: у него ваш ответ в том виде, в каком вы его отправили. Чтобы внести исправление, отправьте его ещё одним ответом.
# $max (Number): здесь не показывается (его показывают другие тексты этой ошибки)
question-error-too-many-signs = Текст слишком длинный для отправки: каждый знак &amp;, &lt; и &gt; занимает несколько символов. Пожалуйста, сократите его.
