## The certificate of attendance (PDF): what the page prints. A bilingual certificate prints
## each English line with the Russian one beneath it. Not Telegram HTML: plain text.

# The organising bodies, printed at the top of the page.
certificate-pdf-organisers = WCO Regional Office for Capacity Building for Europe (ROCB Europe)  ·  Permanent Secretariat of the IGC TRACECA
certificate-pdf-heading = Certificate of attendance
certificate-pdf-certify = This is to certify that
certificate-pdf-attended = attended the training course
# $dates (String) the course's days: "9 March 2027", "9–11 March 2027"
certificate-pdf-dates = { $dates }
# $hours (Number) the course's training hours
certificate-pdf-hours = { $hours ->
    [one] { $hours } training hour
   *[other] { $hours } training hours
}
# $date (String) the day the certificate was issued
certificate-pdf-issued = Issued in Baku on { $date }
certificate-pdf-code = Verification code
# $code (String) like 7KQ2-M9XD-4HPT; $bot (String) the bot's username without @
certificate-pdf-verify =
    To verify, scan the QR code
    or send /verify { $code } to @{ $bot }
# $version (String) 2 or more: the certificate was issued again (a corrected name)
certificate-pdf-issue = Issue { $version }
