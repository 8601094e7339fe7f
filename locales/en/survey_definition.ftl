## Surveys: the one-message definition (/newsurvey) and the built-in feedback survey.

# $course (Number) the course the example is for
survey-definition-example =
    { survey-definition-example-how }
    <pre>/newsurvey
    course: { NUMBER($course, useGrouping: 0) }
    send_after: 2h
    { survey-definition-example-body }</pre>
survey-definition-example-no-course =
    { survey-definition-example-how }
    <pre>/newsurvey
    { survey-definition-example-body }</pre>
survey-definition-example-how =
    Copy this, change the texts and send it back as one message. Each question is one line: its type (rating, choice, multi, yesno or text), a colon, then the English text | the Russian text; a ? right after the type makes the question optional.
    Optional lines: course (its number from /admin: invitations then go out automatically after the course ends; a survey without a course goes out when you send it — to everyone, or only to those reading in English or in Russian), intro_en and intro_ru, anonymous (yes/no), opens and closes ({ datetime-format }, in the course's time zone, or the bot's default one for a survey without a course; a line such as timezone: Asia/Baku sets another), send_after (after the end of the course: 2h, 1d; no — only when you send it), remind_after (2d; no — no reminder).
    { survey-definition-tags }
survey-definition-example-body =
    title_en: Feedback: Risk management
    title_ru: Отзыв: Управление рисками
    intro_en: Six short questions, about two minutes.
    intro_ru: Шесть коротких вопросов, около двух минут.
    anonymous: yes
    remind_after: 2d
    rating: How useful was the course for your work? | Насколько курс полезен для вашей работы?
    rating: Trainers | Преподаватели | 1-10 | Poor / Плохо | Excellent / Отлично
    choice: Most useful module? | Самый полезный модуль? | Risk profiles / Профили риска; Targeting / Отбор
    multi: Which formats suit you? | Какие форматы вам подходят? | Online / Онлайн; In person / Очно
    yesno: Would you recommend the course? | Порекомендуете ли вы курс?
    text?: What should we improve? | Что нам улучшить?

## The built-in post-training feedback survey.

survey-template-title = Course feedback
# $course (String) the course title
survey-template-title-course = Feedback: { $course }
survey-template-intro = Your answers are read by the course team and help us make the next courses better.
survey-template-overall = Overall, how would you rate the course?
survey-template-relevance = How relevant was the course to your work?
survey-template-trainers = How would you rate the trainers?
survey-template-organisation = How would you rate the organisation of the course: venue, materials, schedule?
survey-template-useful = What was the most useful part of the course for you?
survey-template-improve = What should we improve?
survey-template-recommend = Would you recommend this course to a colleague?
survey-template-low = Very poor
survey-template-high = Excellent
survey-template-relevance-low = Not relevant
survey-template-relevance-high = Highly relevant

## Problems in a definition. Shown after "Line N (key): ", so they start in lower case.

# $text (String) the start of the line
survey-error-stray-line = “{ $text }” has no field name: start each line with a field or a question type and a colon, like rating: How useful was it? | Насколько это было полезно?
# $key (String)
survey-error-unknown-key = “{ $key }” is neither a survey field nor a question type (rating, choice, multi, yesno, text): see /newsurvey template.
# $key (String)
survey-error-optional-setting = only questions can be optional: remove the “?” after “{ $key }”.
# $key (String)
survey-error-duplicate-key = “{ $key }” is given twice: keep one of the lines.
# $key (String)
survey-error-missing = “{ $key }” is missing: surveys are in English and Russian, so add a line “{ $key }: …” too.
# $value (String)
survey-error-course-number = “{ $value }” is not a course number: write it like course: 12 — /admin shows the course numbers.
# $course (Number)
survey-error-course-unknown = there is no course #{ NUMBER($course, useGrouping: 0) }: /admin shows the course numbers.
survey-error-empty = this cannot be empty.
# $length, $max (Number)
survey-error-too-long = too long: { $length } characters, at most { $max }.
# $value (String)
survey-error-yes-no = “{ $value }” — write yes or no.
survey-error-send-after-course = send_after counts from the end of a course, and this survey has none: add a line like course: 12, or leave send_after out and send the survey yourself after activating it.
# $value (String), $max (Number) days
survey-error-duration = “{ $value }” is not a duration: write it like 2h, 1d or 30m (d days, h hours, m minutes; at most { $max } days), or no.
# $value (String)
survey-error-timezone = “{ $value }” is not a time zone I know. Use an IANA name such as Asia/Baku, Europe/Kyiv or Asia/Almaty.
# $value (String)
survey-error-datetime-format = “{ $value }” is not a date and time as { datetime-format } (for example 31.03.2027 23:59).
# $value (String)
survey-error-no-such-date = { $value } does not exist in the calendar.
# $value (String), $zone (String)
survey-error-no-such-time = { $value } does not exist in { $zone }: the clocks jump forward then. Choose another time.
survey-error-closes-past = the closing time is already in the past.
survey-error-closes-before-opens = the survey must close after it opens.
survey-error-no-questions = the survey has no questions: add at least one line like rating: How useful was the course? | Насколько курс был полезен?
# $count, $max (Number)
survey-error-too-many-questions = { $count } questions are too many: at most { $max }. Leave some out, or split them into two surveys.
survey-error-question-languages = write the question in both languages, separated by |, like: How useful was it? | Насколько это было полезно?
# $length, $max (Number)
survey-error-question-too-long = the question is too long: { $length } characters, at most { $max }.
# $kind (String) rating, choice, multi, yesno or text
survey-error-question-format = { $kind ->
    [rating] write a rating question as English | Russian, optionally followed by the scale and its ends: | 1-10 | Poor / Плохо | Excellent / Отлично
    [choice] write a choice question as English | Russian | the options, separated by ;, like: Online / Онлайн; In person / Очно
    [multi] write a multiple-choice question as English | Russian | the options, separated by ;, like: Online / Онлайн; In person / Очно
   *[other] write this question as English | Russian, with nothing after the Russian text.
}
survey-error-rating-ends = give both ends of the scale, low then high, like | 1-5 | Poor / Плохо | Excellent / Отлично — or neither.
# $value (String), $max (Number)
survey-error-scale = “{ $value }” is not a scale: write it like 1-5, 1-10 or 0-10 — starting at 0 or 1, with at most { $max } points.
# $count, $max (Number)
survey-error-options-count = { $count ->
    [0] no options
    [one] only one option
   *[other] { $count } options
}: give from 2 to { $max }, separated by ;.
# $option (String)
survey-error-option-format = “{ $option }”: write it as English / Russian, like Online / Онлайн, or as one text for both languages.
# $option (String), $length, $max (Number)
survey-error-option-too-long = “{ $option }” is too long: { $length } characters, at most { $max }.
# $option (String)
survey-error-option-duplicate = the option “{ $option }” is listed twice.

## The preview's additions and the built-in survey without a course.

survey-preview-on-demand = Nothing is sent automatically: activate the survey, then tap 📨 Send invitations and choose everyone using the bot, or only those reading in English or in Russian.
survey-preview-manual = Not sent automatically: activate the survey, then tap 📨 Send invitations and choose who gets it.
button-survey-template-no-course = Without a course — I'll choose who gets it
button-survey-make-named = 👤 Make it named
button-survey-make-anon = 🔒 Make it anonymous
survey-mode-locked = This survey is already active, so it can no longer be switched between anonymous and named.

## Durations shown to organisers: "Sent automatically 2 hours after the course ends".

# $count (Number)
survey-duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
# $count (Number)
survey-duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
# $count (Number)
survey-duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
# $count (Number)
survey-duration-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
