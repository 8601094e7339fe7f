## /audit: the organisers' action log.

audit-none = No organiser actions are recorded yet.
# $count (Number), $zone (String): the reader's time zone
audit-title = <b>Latest organiser actions</b> ({ $count }), times in { $zone }:
# $when, $who (name), $id (Telegram id), $what (the action in words)
audit-line = { $when } · { $who } ({ $id }) · { $what }
# $id (Number)
audit-action-course-created = created course #{ $id }
# $id (Number)
audit-action-course-published = published course #{ $id }
# $id (Number), $field (String)
audit-action-course-edited = edited course #{ $id } ({ $field })
# $id, $count (Number)
audit-action-course-cancelled = cancelled course #{ $id }, { $count ->
        [one] one participant told
       *[other] { $count } participants told
    }
# $id (Number)
audit-action-course-deleted = deleted draft course #{ $id }
# $id (Number), $attended ("yes" or "no"), $day (Number; 0 on a one-day course)
audit-action-course-attendance = { $attended ->
        [no] removed a participant's attendance mark on course #{ $id }{ $day ->
            [0] {""}
           *[other] , day { $day }
        }
       *[yes] marked a participant present on course #{ $id }{ $day ->
            [0] {""}
           *[other] , day { $day }
        }
    }
# $id (Number)
audit-action-announcement-sent = sent announcement #{ $id }
# $id (Number)
audit-action-announcement-scheduled = scheduled announcement #{ $id }
# $id (Number)
audit-action-announcement-stopped = stopped announcement #{ $id }
# $id (Number)
audit-action-survey-created = created survey #{ $id }
# $id (Number)
audit-action-survey-activated = activated survey #{ $id }
# $id, $count (Number)
audit-action-survey-invited = invited { $count ->
        [one] one person
       *[other] { $count } people
    } to survey #{ $id }
# $id (Number)
audit-action-survey-deleted = deleted draft survey #{ $id }
# $id (Number): the template
audit-action-template-saved = saved survey template #{ $id } (My templates)
# $id (Number): the template
audit-action-template-deleted = deleted survey template #{ $id }
# $id, $count (Number), $format (String)
audit-action-export-participants = downloaded the participants of course #{ $id } ({ $format }, { $count ->
        [one] one row
       *[other] { $count } rows
    })
# $id, $count (Number), $format (String)
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
# $id (Number): the course
audit-action-seat-approved = approved a request for a seat on course #{ $id }
audit-action-seat-listed = put a request for course #{ $id } on the waiting list
audit-action-seat-declined = declined a request for a seat on course #{ $id }
audit-action-seat-added = added a participant to course #{ $id } by hand
audit-action-seat-moved = moved a participant of course #{ $id } to another list
audit-action-seat-removed = removed a participant from course #{ $id }
audit-action-seat-nominated = nominated an officer for course #{ $id }
audit-action-seat-withdrawn = withdrew a nomination for course #{ $id }
audit-action-focal_point-appointed = appointed a national focal point
audit-action-focal_point-removed = removed a national focal point
audit-action-seat-lapsed = a nomination for course #{ $id } lapsed unanswered
# Who did what the bot does by itself
audit-the-bot = the bot
# Course materials (issue 15)

# $id (Number)
audit-action-material-added = added a file to the materials of course #{ $id }
# $id (Number)
audit-action-material-removed = removed a file from the materials of course #{ $id }
# $id, $count (Number)
audit-action-material-sent = sent the materials of course #{ $id } to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
# $id, $count (Number)
audit-action-certificate-issued = issued { $count ->
        [one] one certificate
       *[other] { $count } certificates
    } for course #{ $id }
# $id (Number)
audit-action-certificate-reissued = reissued a certificate of course #{ $id }
# $id (Number)
audit-action-certificate-revoked = revoked a certificate of course #{ $id }
# Issue 17: the organisers' dashboard
audit-action-dashboard-signed_in = signed in to the dashboard
