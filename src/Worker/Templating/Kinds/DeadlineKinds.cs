namespace Bot.Worker.Templating.Kinds;

/// <summary>Messages of the compliance-deadline feature.</summary>
internal static class DeadlineKinds
{
    public static IEnumerable<TemplateKind> All()
    {
        yield return new("deadline-reminder", "reminder to team members (Telegram: buttons Done, Snooze 1h, Need extension; a group robot or an email: the same as links, ack)",
        [
            new { Deadline = Deadline(), Step = "1d", Late = false, ScheduledFor = "2026-12-09 17:00", Snoozed = false, Channel = "telegram", Ack = NoLinks },
            new { Deadline = Deadline(dueNow: true, reference: "Case 12"), Step = "0m", Late = true, ScheduledFor = "2026-12-10 17:00", Snoozed = false, Channel = "robot", Ack = Links },
            new { Deadline = Deadline(overdue: true), Step = "2h", Late = true, ScheduledFor = "2026-12-10 15:00", Snoozed = true, Channel = "email", Ack = Links },
        ]);
        yield return new("deadline-overdue", "escalation to the lead, or the team's notice when the deadline passed during downtime (robots get both as the team's notice)",
        [
            new { Deadline = Deadline(overdue: true), ToLead = true, Escalation = 2, MissedReminders = false, Channel = "telegram", Ack = NoLinks },
            new { Deadline = Deadline(overdue: true, reference: "R1"), ToLead = false, Escalation = 1, MissedReminders = true, Channel = "telegram", Ack = NoLinks },
            new { Deadline = Deadline(overdue: true), ToLead = false, Escalation = 1, MissedReminders = false, Channel = "robot", Ack = Links },
            new { Deadline = Deadline(overdue: true), ToLead = true, Escalation = 3, MissedReminders = false, Channel = "email", Ack = Links },
        ]);
        yield return new("deadline-closed", "to every member when someone marks the occurrence done",
        [
            new { Deadline = Deadline(), ClosedBy = "Li Wei", ClosedAt = "2026-12-09 10:12", ByMe = false },
            new { Deadline = Deadline(), ClosedBy = "Li Wei", ClosedAt = "2026-12-09 10:12", ByMe = true },
        ]);
        yield return new("extension-request", "to the team lead (Telegram: buttons Approve, Deny; an email: the same as links, ack)",
        [
            new { Deadline = Deadline(), Requester = "Li Wei", Reason = "Waiting for the operator's data", Extension = "1 day", NewDue = "2026-12-11 17:00", Channel = "telegram", Ack = new { Approve = "", Deny = "" } },
            new { Deadline = Deadline(overdue: true), Requester = "Li Wei", Reason = "", Extension = "2 hours", NewDue = "2026-12-10 19:00", Channel = "telegram", Ack = new { Approve = "", Deny = "" } },
            new
            {
                Deadline = Deadline(), Requester = "Wang Wei", Reason = "", Extension = "1 day", NewDue = "2026-12-11 17:00", Channel = "email",
                Ack = new { Approve = "https://bot.example.cn/ack/approve-token", Deny = "https://bot.example.cn/ack/deny-token" },
            },
        ]);
        yield return new("extension-decided", "to the requester and the team after the lead decided",
        [
            new { Deadline = Deadline(), Approved = true, DecidedBy = "Zhang Min", Extension = "1 day", NewDue = "2026-12-11 17:00" },
            new { Deadline = Deadline(), Approved = false, DecidedBy = "Zhang Min", Extension = "1 day", NewDue = "" },
        ]);
        yield return new("deadline-list", "/deadlines",
        [
            new { Items = new[] { Deadline(), Deadline(overdue: true, reference: "R&D 7") }, Closed = Array.Empty<object>(), ShowClosed = false },
            new { Items = Array.Empty<object>(), Closed = Array.Empty<object>(), ShowClosed = false },
            new { Items = new[] { Deadline() }, Closed = new object[] { Closed() }, ShowClosed = true },
        ]);
        yield return new("deadline-ack", "reply to /done, /snooze, /extend, /open",
        [
            new { Action = "done", Deadline = Deadline(), Until = "", Capped = false, Extension = "", Pending = 0 },
            new { Action = "already_closed", Deadline = Deadline(), Until = "", Capped = false, Extension = "", Pending = 0 },
            new { Action = "items_pending", Deadline = Deadline(), Until = "", Capped = false, Extension = "", Pending = 46 },
            new { Action = "snoozed", Deadline = Deadline(), Until = "2026-12-10 17:00", Capped = true, Extension = "", Pending = 0 },
            new { Action = "extension_requested", Deadline = Deadline(), Until = "", Capped = false, Extension = "1 day", Pending = 0 },
            new { Action = "opened", Deadline = Deadline(reference: "Case 7"), Until = "", Capped = false, Extension = "", Pending = 0 },
        ]);
        yield return new("team-ack", "reply to /invite and /join",
        [
            new { Action = "invite_created", Team = "Network security team", Code = "7F3A9C2B1D", Expires = "2026-12-01 16:00" },
            new { Action = "joined", Team = "Network security team", Code = "", Expires = "" },
            new { Action = "invalid_code", Team = "", Code = "", Expires = "" },
        ]);
    }

    private static readonly object NoLinks = new { Done = "", Snooze = "", Extend = "" };

    private static readonly object Links = new
    {
        Done = "https://bot.example.cn/ack/done-token",
        Snooze = "https://bot.example.cn/ack/snooze-token",
        Extend = "https://bot.example.cn/ack/extend-token",
    };

    /// <summary>A <c>deadline</c> value as the templates get it (other kinds' samples use it too).</summary>
    public static object Sample(bool overdue = false, bool dueNow = false) => Deadline(overdue, dueNow);

    private static object Deadline(bool overdue = false, bool dueNow = false, string reference = "") => new
    {
        Id = "monthly-work-report",
        Occurrence = 17,
        Title = "Written report of last month's work",
        Team = "Network security team",
        Ref = reference,
        Due = "2026-12-10 17:00",
        Zone = "Asia/Shanghai",
        TimeLeft = overdue || dueNow ? "" : "2 days 3 hours",
        OverdueBy = overdue ? "5 hours" : "",
        Overdue = overdue,
    };

    private static object Closed() => new
    {
        Id = "batch5-suspension-report",
        Occurrence = 3,
        Title = "Report batch-5 suspension results",
        Team = "Network security team",
        Due = "2026-11-17 17:00",
        ClosedBy = "Li Wei",
        ClosedAt = "2026-11-17 12:00",
    };
}
