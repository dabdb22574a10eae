namespace Bot.Worker.Scam;

/// <summary>👍 Right and 👎 Wrong given to verdicts.</summary>
internal sealed record VoteCounts(int Up, int Down)
{
    public static readonly VoteCounts None = new(0, 0);
}
