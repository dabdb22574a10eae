namespace Bot.Worker.Reports;

/// <summary>A message a user sent us as a report (the user asked us to keep it), and the admins' decision; for a wrong-verdict report, the verdict disputed.</summary>
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

    /// <summary><see cref="ReportKind"/>: fraud, or wrong-verdict.</summary>
    public string Kind { get; init; } = ReportKind.Fraud;

    /// <summary>A wrong-verdict report: the level of the verdict the user disputed (red, orange, green).</summary>
    public string? VerdictLevel { get; init; }

    /// <summary>A wrong-verdict report: the ids of the signs that verdict named, comma-separated.</summary>
    public string? VerdictSigns { get; init; }

    public IReadOnlyList<string> VerdictSignIds => string.IsNullOrEmpty(VerdictSigns) ? [] : VerdictSigns.Split(',');
}
