namespace Bot.Worker.Reports;

/// <summary>What happened to a report started or sent.</summary>
internal enum ReportOutcome
{
    /// <summary>Report to us pressed: the next message becomes the report.</summary>
    Awaiting,

    /// <summary>The report is stored and goes to the admins.</summary>
    Filed,

    /// <summary>The chat sent <see cref="ReportService.PerHour"/> reports in the last hour already.</summary>
    RateLimited,
}
