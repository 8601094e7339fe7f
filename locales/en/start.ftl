## /start, the welcome and the choice of language.

# $name (String) the user's first name from Telegram
start-welcome =
    Welcome, { $name }!
    This is the training bot of the WCO Regional Office for Capacity Building for Europe (ROCB Europe) and the Permanent Secretariat of the IGC TRACECA. Find seminars and courses for customs officers, sign up, get reminders and share your feedback.
start-choose-language = Please choose your language:
language-choose = Choose the language of the bot:
language-set = The bot now speaks English.
button-language-en = English
button-language-ru = Русский
