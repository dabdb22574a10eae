namespace Bot.Worker.Awareness;

/// <summary>The subscription topics (also rows of the topics table).</summary>
internal static class Topics
{
    public const string Tips = "tips";
    public const string Alerts = "alerts";
    public const string Campaigns = "campaigns";

    public static readonly IReadOnlyList<string> All = [Tips, Alerts, Campaigns];

    /// <summary>What /subscribe with no topic turns on. Campaigns (publicity weeks) are opt-in.</summary>
    public static readonly IReadOnlyList<string> Default = [Tips, Alerts];

    public static string? Parse(string value) =>
        All.FirstOrDefault(t => string.Equals(t, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
