namespace Bot.Worker.Scam;

/// <summary>A row of <c>reported_alike</c>: a confirmed report's text in its searchable form.</summary>
internal sealed record ReportedAlikeRow(long ReportId, string Normalized, long ConfirmedAt);
