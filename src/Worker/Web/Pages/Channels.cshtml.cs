using System.Globalization;
using Bot.Worker.Audit;
using Bot.Worker.Channels;
using Bot.Worker.Delivery;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>
/// The channels beyond Telegram (PRODUCT.md 4.9): each group robot and the SMTP server with its last success, last
/// error and queue (<see cref="ChannelBoard"/>), and Send test message (audited, like every console action).
/// </summary>
internal sealed class ChannelsModel(ChannelBoard board, AuditStore audit, ConsoleViewer viewer) : PageModel
{
    public IReadOnlyList<ChannelLine> Lines { get; private set; } = [];

    public bool EmailConfigured => board.Email.Enabled;

    /// <summary>What the last test did, in the admin's language; <see cref="TestFailed"/> when it did not go.</summary>
    public string? TestResult { get; private set; }

    public bool TestFailed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Lines = await board.LinesAsync(ct);

    /// <summary>A test message to the robot <paramref name="name"/>, or to the address <paramref name="to"/> through the SMTP server.</summary>
    public async Task<IActionResult> OnPostTestAsync([FromForm] string? name, [FromForm] string? to, CancellationToken ct)
    {
        var target = name == DeliveryRoute.Email ? (to ?? "").Trim() : name ?? "";
        var result = target.Length == 0 ? null : await board.TestAsync(target, viewer.T("channels.test_message"), ct);
        (TestResult, TestFailed) = result switch
        {
            null => (viewer.T("web.channels.result.unknown", target), true),
            { Outcome: ChannelOutcome.Sent } => (viewer.T("web.channels.result.sent", target), false),
            { Outcome: ChannelOutcome.Deferred or ChannelOutcome.Transient } => (Format("web.channels.result.later", target, result.Reason), true),
            _ => (Format("web.channels.result.failed", target, result.Reason), true),
        };
        await audit.WriteAsync(viewer.AdminId!.Value, ConsoleActions.ChannelTest, $"{target}: {result?.Outcome.ToString().ToLowerInvariant() ?? "unknown"}{(result?.Reason is { } reason ? " (" + reason + ")" : "")}", allowed: true, ct);
        Lines = await board.LinesAsync(ct);
        return Page();
    }

    public string When(DateTimeOffset? at) => at is { } t ? viewer.Local(t) : viewer.T("web.channels.never");

    private string Format(string key, string target, string? reason) => string.Format(CultureInfo.InvariantCulture, viewer.T(key), target, reason);
}
