## /audit: the organisers' action log.

audit-none = No organiser actions are recorded yet.
# $zone (String): the reader's time zone
audit-title = <b>Latest organiser actions</b> ({ $count }, times in { $zone }):
# $when, $who (name), $id (Telegram id), $what (the action in words)
audit-line = { $when } · { $who } ({ $id }) · { $what }
audit-action-course-created = created course #{ $id }
audit-action-course-published = published course #{ $id }
audit-action-course-edited = edited course #{ $id } ({ $field })
audit-action-course-cancelled = cancelled course #{ $id }, { $count ->
        [one] one participant told
       *[other] { $count } participants told
    }
audit-action-course-deleted = deleted draft course #{ $id }
audit-action-course-attendance = marked attendance on course #{ $id }
audit-action-announcement-sent = sent announcement #{ $id }
audit-action-announcement-scheduled = scheduled announcement #{ $id }
audit-action-announcement-stopped = stopped announcement #{ $id }
audit-action-survey-created = created survey #{ $id }
audit-action-survey-activated = activated survey #{ $id }
audit-action-survey-invited = invited { $count ->
        [one] one person
       *[other] { $count } people
    } to survey #{ $id }
audit-action-survey-deleted = deleted draft survey #{ $id }
audit-action-export-participants = downloaded the participants of course #{ $id } ({ $format }, { $count ->
        [one] one row
       *[other] { $count } rows
    })
audit-action-export-survey = downloaded the responses to survey #{ $id } ({ $format }, { $count ->
        [one] one row
       *[other] { $count } rows
    })
# An organiser without a profile: Telegram's own name is not stored.
audit-unnamed-organiser = organiser
# Someone who used /forget: records about them stay, with a random pseudonym instead of the id.
audit-forgotten-person = a person who asked to be forgotten
# $ref (String) the random pseudonym that replaced the Telegram id
audit-pseudonym = pseudonym { $ref }
# $ref (String) the random pseudonym that replaced the participant's Telegram id
audit-forgotten-participant = participant: a person who asked to be forgotten, pseudonym { $ref }
