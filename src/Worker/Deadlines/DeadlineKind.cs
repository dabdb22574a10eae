namespace Bot.Worker.Deadlines;

internal enum DeadlineKind
{
    /// <summary>One date (<c>due:</c>).</summary>
    OneOff,
    /// <summary>A Quartz cron expression (<c>cron:</c>).</summary>
    Recurring,
    /// <summary>Opened by an admin; due = opened + <c>window:</c>.</summary>
    Window,
}
