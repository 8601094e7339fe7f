## Survey results for organisers: the results message, text answers and the XLSX/CSV export.

# $title (String) the survey title, HTML-escaped
results-header = 📊 <b>{ $title }</b>
# $finished, $invited, $percent (Number)
results-rate = { $finished } of { $invited } answered ({ $percent }%)
# $finished (Number) when nobody has been invited yet
results-rate-none-invited = Answered: { $finished }
# $threshold, $count (Number) anonymous survey with too few responses: numbers only
results-too-few = So that nobody's answers can be recognised, the results of an anonymous survey appear only once at least { $threshold } people have answered. Answered so far: { $count }.
# $number (Number), $text (String) HTML-escaped question text
results-question = <b>{ $number }. { $text }</b>
results-no-answers = No answers yet.
# $average (Number, one decimal), $min, $max, $count (Number)
results-average = Average <b>{ NUMBER($average, minimumFractionDigits: 1, maximumFractionDigits: 1) }</b> on a scale of { $min }–{ $max }, { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
# $option (String) HTML-escaped, $count, $percent (Number)
results-option = • { $option } — <b>{ $count }</b> ({ $percent }%)
# $count (Number) respondents who answered this multiple-choice question
results-multi-note = <i>Several answers allowed; shares of the { $count } who answered.</i>
# $yes, $yes_percent, $no, $no_percent (Number)
results-yesno = Yes — <b>{ $yes }</b> ({ $yes_percent }%) · No — <b>{ $no }</b> ({ $no_percent }%)
# $count (Number)
results-text-count = { $count ->
    [one] { $count } text answer
   *[other] { $count } text answers
}
# $count (Number) people who skipped this optional question
results-skipped = Skipped: { $count }
# $count (Number) questions left out of a message that would be too long
results-truncated = … and { $count ->
    [one] { $count } more question
   *[other] { $count } more questions
} that did not fit in this message: every figure is in the XLSX and CSV export.
results-text-none = No text answers yet.
# $page, $pages (Number)
results-page = Page { $page } of { $pages }

survey-export-sheet = Results
# $number (Number), $text (String) question text
survey-export-column-question = Q{ $number }. { $text }
survey-export-column-finished = Finished (UTC)
