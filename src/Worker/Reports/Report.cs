namespace Bot.Worker.Reports;

/// <summary>A message a user sent us as a report (the user asked us to keep it), and the admins' decision.</summary>
internal sealed record Report
{
    public long Id { get; init; }
    public long ChatId { get; init; }
    public long UserId { get; init; }
    public string Text { get; init; } = "";
    /// <summary>JSON, see <see cref="ReportEntities"/>.</summary>
    public string Entities { get; init; } = "[]";
    public string State { get; init; } = ReportState.Open;
    public long? DecidedBy { get; init; }
    public long? DecidedAt { get; init; }
    public long CreatedAt { get; init; }
}
