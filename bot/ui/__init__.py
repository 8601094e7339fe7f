"""What users see and press, shared by handlers and services: callback data, keyboards,
pagination, course texts and Telegram's text rules. Imports nothing from handlers/."""
