namespace Bot.Worker.Reports;

/// <summary>The result of an admin's decision on a report.</summary>
internal enum ReportDecision
{
    Confirmed,
    NotFraud,
    Closed,
    AlreadyDecided,
    NotFound,
}
