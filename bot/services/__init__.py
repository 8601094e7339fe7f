"""Domain services: plain async code over repositories, no aiogram objects."""
