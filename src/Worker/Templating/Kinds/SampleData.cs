namespace Bot.Worker.Templating.Kinds;

/// <summary>Values shared by several samples.</summary>
internal static class SampleData
{
    public static readonly object[] Topics =
    [
        new { Id = "tips", Name = "Anti-fraud tips", On = true, Description = "One practical anti-fraud tip every week" },
        new { Id = "alerts", Name = "Fraud alerts", On = false, Description = "Warnings about new scams" },
        new { Id = "campaigns", Name = "Campaigns", On = false, Description = "Publicity weeks and other events" },
    ];

    public static readonly object Tip = new
    {
        Id = "police-safe-account",
        Title = "There is no \"safe account\"",
        Body = "Police never ask you to move money into a \"safe account\". Hang up & call 96110.",
        Scam = "Impersonated police, procuratorate or court",
    };
}
