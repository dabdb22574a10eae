namespace Bot.Worker.Batches;

/// <summary>A new batch as the console's form gives it: title, team, the two local times, the export's language, and the file.</summary>
internal sealed record BatchForm(string Title, string TeamId, DateTime? ActBy, DateTime? ReportBy, string Language, string FileName, byte[] File);
