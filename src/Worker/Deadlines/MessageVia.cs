namespace Bot.Worker.Deadlines;

/// <summary>What a deadline template learns of its channel: <c>channel</c> (telegram, robot, email) and the ack links (none on Telegram).</summary>
internal sealed record MessageVia(string Channel, ReminderLinks Links);
