namespace Bot.Worker.Deadlines;

/// <summary>The <c>ack</c> a reminder or overdue template sees: the links of its Done, Snooze 1h and Need extension (empty on Telegram, which has buttons).</summary>
internal sealed record ReminderLinks(string Done, string Snooze, string Extend)
{
    public static readonly ReminderLinks None = new("", "", "");
}
