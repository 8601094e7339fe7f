"""Telegram bot for customs-training courses."""
