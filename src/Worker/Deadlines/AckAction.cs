namespace Bot.Worker.Deadlines;

/// <summary>What an ack link does: the reminder's Done, Snooze 1h and Need extension; the lead's Approve and Deny of an extension request.</summary>
internal enum AckAction : byte
{
    Done = 1,
    Snooze = 2,
    Extend = 3,
    Approve = 4,
    Deny = 5,
}
