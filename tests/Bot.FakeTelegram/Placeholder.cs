namespace Bot.FakeTelegram;
