"""What users see and press, shared by handlers and services: callback data, keyboards,
pagination, course texts and Telegram's text rules. Imports nothing from handlers/ and no
service: screens that need a service to draw live in handlers/screens/."""
