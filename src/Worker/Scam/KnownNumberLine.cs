namespace Bot.Worker.Scam;

/// <summary>A known number to add (typed in the console or one CSV line): normalized, with its category (fraud or official) and note.</summary>
internal sealed record KnownNumberLine(int Line, ScamEntity Number, string Category, string Note);
