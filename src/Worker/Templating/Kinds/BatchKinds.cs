namespace Bot.Worker.Templating.Kinds;

/// <summary>Messages of batches of numbers to act on (notice 000): lists, a batch's next items, replies, and its occurrences' reminders.</summary>
internal static class BatchKinds
{
    public static IEnumerable<TemplateKind> All()
    {
        yield return new("batch-list", "/batches: my teams' open batches with their progress",
        [
            new { Batches = new[] { Listed(), Listed(id: 4, pending: 0) } },
            new { Batches = Array.Empty<object>() },
        ]);
        yield return new("batch", "/batch ID: progress and the next pending items (buttons: Suspended, Not suspended, Reopened per item)",
        [
            new { Batch = Batch(), Progress = Progress(), Items = new[] { Item(1, mismatch: true), Item(2), Item(3, kind: "QQ", attribution: "") }, More = 140, Just = Just(false) },
            new { Batch = Batch(), Progress = Progress(pending: 0), Items = Array.Empty<object>(), More = 0, Just = Just(true) },
        ]);
        yield return new("batch-ack", "reply to /batch_set, and the question after Not suspended or Reopened",
        [
            Ack("set", reason: "号码已销户"),
            Ack("unchanged"),
            Ack("ask_reason"),
            Ack("reason_needed"),
            Ack("not_allowed"),
            Ack("not_found"),
        ]);
        yield return new("batch-reminder", "a batch's act or report reminder to the team, with its progress (buttons: Done, Snooze 1h, Need extension)",
        [
            new { Deadline = DeadlineKinds.Sample(), Step = "1d", Late = false, ScheduledFor = "2026-12-09 17:00", Snoozed = false, Work = Work("act") },
            new { Deadline = DeadlineKinds.Sample(dueNow: true), Step = "0m", Late = true, ScheduledFor = "2026-12-10 17:00", Snoozed = true, Work = Work("report", pending: 0) },
        ]);
        yield return new("batch-overdue", "a batch's escalation to the lead, or the team's notice when it passed during downtime, with its progress",
        [
            new { Deadline = DeadlineKinds.Sample(overdue: true), ToLead = true, Escalation = 1, MissedReminders = false, Work = Work("act") },
            new { Deadline = DeadlineKinds.Sample(overdue: true), ToLead = false, Escalation = 1, MissedReminders = true, Work = Work("report", pending: 0) },
        ]);
    }

    private static object Batch() => new
    {
        Id = 3, Title = "第五批暂停号码", Team = "netsec", ActBy = "2026-12-10 17:00", ReportBy = "2026-12-17 17:00", Zone = "Asia/Shanghai",
    };

    private static object Listed(int id = 3, int pending = 143) => new
    {
        Id = id, Title = "第五批暂停号码", Team = "netsec", ActBy = "2026-12-10 17:00", ReportBy = "2026-12-17 17:00",
        Total = 255, Handled = 255 - pending, Pending = pending, Mismatches = 3,
    };

    private static object Progress(int pending = 143) => new
    {
        Total = 255, Handled = 255 - pending, Pending = pending, Suspended = 233 - pending, NotSuspended = 15, Reopened = 7, Mismatches = 3,
    };

    private static object Item(int n, bool mismatch = false, string kind = "phone", string attribution = "广东省深圳市") => new
    {
        N = n, Number = kind == "phone" ? "1351000123" + n : "283746551" + n, Kind = kind, Region = mismatch ? "四川" : "广东", Attribution = attribution,
        Mismatch = mismatch, Note = n == 2 ? "<b>&" : "",
    };

    private static object Just(bool present) => new { Present = present, Number = present ? "13510001234" : "", State = present ? "not suspended" : "", Reason = present ? "号码已销户" : "" };

    private static object Ack(string action, string reason = "") => new
    {
        Action = action, Batch = Batch(), Number = "13510001234", State = action == "ask_reason" || reason.Length > 0 ? "not suspended" : "suspended", Reason = reason,
        Minutes = 30, Progress = Progress(),
    };

    private static object Work(string stage, int pending = 143) => new
    {
        Batch = 3, Title = "第五批暂停号码", Stage = stage, Total = 255, Handled = 255 - pending, Pending = pending, Suspended = 233 - pending,
        NotSuspended = 15, Reopened = 7, Mismatches = 3,
    };
}
