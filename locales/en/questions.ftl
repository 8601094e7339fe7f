## Questions to the organisers (issue 15)

button-ask-organisers = ❓ Ask the organisers
button-question-general = General question
question-pick-course = Which course is your question about?
# $course (String)
question-ask-course = ❓ Your question about “{ $course }”.
question-ask-general = ❓ Your question to the organisers.
question-ask-prompt = Type your question. You can also send a photo or a document, with your question as its caption.
question-sent = Your question has been sent to the organisers. Their answer will come here, in this chat.
question-error-kind = This kind of message cannot be passed on. Please send text, or a photo or a document with your question as its caption.
# $max (Number)
question-error-too-long = The text is too long: at most { $max } characters. Please shorten it.
# $max (Number)
question-error-caption-too-long = A caption under a photo or a document can be at most { $max } characters. Please shorten it, or send the text on its own, without the file.
question-error-gone = This question no longer exists: the participant has deleted their data.
question-error-no-organisers = Questions cannot be passed on at the moment, as no organisers are set up in the bot. Please contact the training office directly.

# What organisers receive.
# $person (person-line), $course (String)
question-copy-course =
    ❓ Question from { $person }
    about “{ $course }”:
# $person (person-line)
question-copy-general = ❓ General question from { $person }:
question-reply-hint = <i>Reply to this message to answer.</i>
# $name (String)
question-answer-sent = Your answer has been sent to { $name }.
# $name (String), $organisers (String): who had answered before
question-answer-sent-after = Your answer has been sent to { $name }. This question had already been answered by { $organisers }; the participant receives all the answers.
question-another-organiser = another organiser
# $organiser (String), $words (String)
question-answered-note = ✅ { $organiser } answered: “{ $words }”
question-note-photo = 📷 photo
question-note-document = 📎 document
question-note-empty = …

# What the officer receives.
# $question (String): its first words, $course (String)
question-answer-course = 💬 The organisers have answered your question “{ $question }” about “{ $course }”:
# $question (String): its first words
question-answer-general = 💬 The organisers have answered your question “{ $question }”:
question-answer-hint = <i>To ask a further question, reply to this message.</i>

# /questions
questions-none = No questions from participants yet.
# $count (Number)
questions-title = { $count ->
    [one] <b>Questions from participants: one thread</b> (unanswered first)
   *[other] <b>Questions from participants: { $count } threads</b> (unanswered first)
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

    Type your answer. You can also send a photo or a document. The participant will not see your name.

# An edited question or answer (Telegram lets people edit a message already sent).
question-edit-not-passed = Edits to a message already sent are not passed on: the organisers have your question as you first sent it. To correct it, reply to your question with the correction.
question-answer-edit-not-passed = Edits to a message already sent are not passed on: the participant has your answer as you first sent it. To correct it, send the correction as another answer.
# $max (Number): ignored here (the same error's other texts show it)
question-error-too-many-signs = The text is too long as it would be sent: each &amp;, &lt; and &gt; takes several characters. Please shorten it.
