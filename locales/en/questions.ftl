## Questions to the organisers (issue 15)

button-ask-organisers = ❓ Ask the organisers
button-question-general = General question
question-pick-course = Which course is your question about?
# $course (String)
question-ask-course = ❓ Your question about “{ $course }”.
question-ask-general = ❓ Your question to the organisers.
question-ask-prompt = Type your question — you can attach a photo or a document (your text then goes as its caption).
question-sent = Your question was sent to the organisers; the answer will come here.
question-error-kind = This cannot be passed on. Please send text, or a photo or a document with a caption.
# $max (Number)
question-error-too-long = The text is too long: at most { $max } characters. Please shorten it.
# $max (Number)
question-error-caption-too-long = With a photo or a document the text can be at most { $max } characters. Please shorten it, or send the text on its own, without the file.
question-error-gone = This question is no longer there: the participant has deleted their data.
question-error-no-organisers = Questions cannot be passed on at the moment: no organisers are set up in the bot. Please write to the training office directly.

# What organisers receive.
# $person (person-line), $course (String)
question-copy-course =
    ❓ Question from { $person }
    about “{ $course }”:
# $person (person-line)
question-copy-general = ❓ Question from { $person } (not about a particular course):
question-reply-hint = <i>Reply to this message to answer.</i>
# $name (String)
question-answer-sent = Sent to { $name }.
# $name (String), $organisers (String): who had answered before
question-answer-sent-after = Sent to { $name }. This question had already been answered by { $organisers }: the participant receives every answer.
question-another-organiser = another organiser
# $organiser (String), $words (String)
question-answered-note = ✅ { $organiser } answered: “{ $words }”
question-note-photo = 📷 photo
question-note-document = 📎 document
question-note-empty = …

# What the officer receives.
# $question (String): its first words, $course (String)
question-answer-course = 💬 The organisers answered your question “{ $question }” about “{ $course }”:
# $question (String): its first words
question-answer-general = 💬 The organisers answered your question “{ $question }”:
question-answer-hint = <i>To ask more, reply to this message.</i>

# /questions
questions-none = No questions from participants yet.
# $count (Number)
questions-title = { $count ->
    [one] <b>Questions from participants: one thread</b> (waiting for an answer first)
   *[other] <b>Questions from participants: { $count } threads</b> (waiting for an answer first)
}
questions-waiting = ⏳
questions-answered = ✅
# $course (String)
questions-about-course = about “{ $course }”
questions-about-general = general question
# $number (String), $status (String), $person (person-line), $about (String), $words (String)
questions-item =
    <b>{ $number }.</b> { $status } { $person }, { $about }:
    { $words }
# $number (String)
button-question-answer = ✍️ Answer { $number }
# $person (person-line), $words (String)
question-answer-prompt =
    Your answer to { $person }, who asked:
    { $words }

    Type the answer — you can attach a photo or a document. The participant will not see your name.

# An edited question or answer (Telegram lets people edit a message already sent).
question-edit-not-passed = Changes to a message already sent do not reach the organisers: they have your question as you first sent it. To correct it, reply to your question with the correction.
question-answer-edit-not-passed = Changes to a message already sent do not reach the participant: they have your answer as you first sent it. To correct it, send the correction as another answer.
# $max (Number): ignored here (the same error's other texts show it)
question-error-too-many-signs = The text is too long as it would be sent: each &amp;, &lt; and &gt; takes several characters. Please shorten it.
