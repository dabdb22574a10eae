namespace Bot.Worker.Delivery;

/// <summary>Drain order of the outbox: lower goes first.</summary>
public enum MessagePriority
{
    Reply = 0,
    Reminder = 1,
    Alert = 2,
    Tip = 3,
}
