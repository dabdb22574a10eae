namespace Bot.FakeTelegram;

// Why a waiting getUpdates woke up.
internal enum PollSignal
{
    Updates,
    Conflict,
    Stopped,
}
