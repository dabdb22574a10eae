namespace Bot.Worker.Scam;

/// <summary>The <c>check_verdicts.vote</c> values: 👍 Right and 👎 Wrong.</summary>
internal static class VerdictVote
{
    public const string Up = "up", Down = "down";
}
