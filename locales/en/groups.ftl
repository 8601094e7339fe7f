## Groups and channels: the bot works only in a private chat.

group-private-only = I only work in a private chat with you. Please write to me there.
button-group-open-private = 💬 Open a private chat
