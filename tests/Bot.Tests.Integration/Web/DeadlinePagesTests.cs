using System.Globalization;
using System.Net;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The console's deadlines pages in headless Chromium against the worker on the fake Bot API server: a team's
/// calendar and list, an occurrence's evidence after a reminder and /done, the CSV export, and rotating the feed key.
/// </summary>
public abstract class DeadlinePagesTests(StorageProvider provider) : ConsolePageTest(provider, Admin)
{
    private const long Admin = 4343;
    private const long Lead = 7001;
    private const long Member = 7002;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    // 2026-11-24 10:00 in Shanghai; the one-off is due the next day at 10:00, its reminder 23 h before (11:00 today).
    private string _directory = "";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));

    private protected override async Task<string?> PrepareAsync()
    {
        _directory = RepoPaths.NewTempDirectory("bot-web-deadlines");
        await File.WriteAllTextAsync(Path.Combine(_directory, "deadlines.yaml"), $"""
            time_zone: Asia/Shanghai
            teams:
              - id: netsec
                name: Network security team
                lead: {Lead}
                members: [{Lead}, {Member}]
            deadlines:
              - id: formula
                title: '=1+1 Quarterly report'
                team: netsec
                due: 2026-11-25T10:00
                remind: [23h]
              - id: monthly
                title: Monthly work report
                team: netsec
                cron: "0 0 17 10 * ?"
                remind: [1d]
            """);
        return _directory;
    }

    private protected override void Configure(WorkerHostSettings settings)
    {
        settings.TimeProvider = _clock;
        settings.Configuration["Bot:DeadlinesFile"] = Path.Combine(_directory, "deadlines.yaml");
    }

    [Fact]
    public async Task The_team_page_shows_the_occurrence_its_evidence_after_a_reminder_and_done_exports_it_and_rotates_the_feed_key()
    {
        await Bot.WaitForAsync("SELECT COUNT(*) FROM occurrences WHERE deadline_id = 'formula'", 1);
        var id = await Bot.ScalarAsync<long>("SELECT id FROM occurrences WHERE deadline_id = 'formula'");
        _clock.Advance(TimeSpan.FromHours(1)); // 11:00: Quartz fires the 23h reminder
        Assert.Contains("=1+1 Quarterly report", (await Server.WaitForMessagesAsync(Member, 1, Wait))[0].VisibleText, StringComparison.Ordinal);
        await Server.WaitForMessagesAsync(Lead, 1, Wait);
        await SignInAsync();

        // The calendar (this month) and the list both show it, linked to its evidence.
        Chrome.Open(new Uri(Bot.WebAddress, "/deadlines?team=netsec"));
        var cell = Chrome.WaitForText("#calendar td[data-date='2026-11-25']", t => t.Contains("=1+1 Quarterly report", StringComparison.Ordinal));
        Assert.Contains("10:00", cell, StringComparison.Ordinal);
        Assert.Contains("=1+1 Quarterly report", Chrome.Text("#upcoming tr[data-key='formula@2026-11-25T10:00'] [data-field='title']"), StringComparison.Ordinal);
        Assert.Equal("open", Chrome.Text("#upcoming tr[data-key='formula@2026-11-25T10:00'] [data-field='state']"));
        Chrome.Screenshot("deadlines");
        Chrome.Click("#month-next");
        Chrome.WaitForText("#calendar td[data-date='2026-12-10']", t => t.Contains("Monthly work report", StringComparison.Ordinal));
        Chrome.Click("#month-prev");
        Chrome.WaitForText("#calendar h2", t => t.Contains("2026-11", StringComparison.Ordinal));

        Chrome.Click("#calendar td[data-date='2026-11-25'] a");
        Chrome.WaitForText("#occurrence-title", t => t == "=1+1 Quarterly report");
        Assert.EndsWith($"/deadlines/occurrences/{id}", new Uri(Chrome.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("not closed yet", Chrome.Text("#closed"));
        var toMember = Chrome.Text($"#reminders tr[data-chat='{Member}']");
        Assert.Contains("2026-11-24 11:00", toMember, StringComparison.Ordinal);
        Assert.Contains("v1", toMember, StringComparison.Ordinal); // the template version: the shipped file is version 1
        Assert.Contains("remind:23h", toMember, StringComparison.Ordinal);
        Assert.Contains(Lead.ToString(CultureInfo.InvariantCulture), Chrome.Text("#reminders"), StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Server.EnqueueText(Member, $"/done {id}", languageCode: "en");
        await Bot.WaitForAsync("SELECT state FROM occurrences WHERE id = @id", "done", new { id });
        Chrome.Driver.Navigate().Refresh();
        var closed = Chrome.WaitForText("#closed", t => t.Contains(Member.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains("2026-11-24 11:05", closed, StringComparison.Ordinal);
        Assert.Equal("done", Chrome.Driver.FindElement(OpenQA.Selenium.By.CssSelector("#state")).GetAttribute("data-state"));
        Assert.Contains("marked done", Chrome.Text("#events tr[data-kind='acknowledged']"), StringComparison.Ordinal);
        Chrome.Screenshot("deadline-evidence");

        // The CSV, fetched with the browser's session cookie.
        using var http = SessionClient();
        using var export = await http.GetAsync(new Uri("/deadlines?handler=csv&team=netsec&from=2026-11-01&to=2026-11-30", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", export.Content.Headers.ContentType.CharSet);
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("\"occurrence\",\"deadline\",\"title\",\"ref\",\"due\",\"due_utc\",\"state\",\"closed_by\",\"closed_at\",\"reminders_sent\",\"extensions_requested\",\"extensions_approved\"", lines[0]);
        Assert.Equal($"\"{id}\",\"formula\",\"'=1+1 Quarterly report\",\"\",\"2026-11-25 10:00\",\"2026-11-25T02:00:00Z\",\"done\",\"{Member}\",\"2026-11-24 11:05\",\"2\",\"0\",\"0\"", lines[1]);
        Assert.Equal(3, lines.Length); // one occurrence due in November, then the final CRLF
        Assert.Equal("", lines[2]);
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'deadlines-export'", new { Admin }));

        // A range that ends before it starts: the page again, the problem by the form, no file and no export audited.
        Chrome.Open(new Uri(Bot.WebAddress, "/deadlines?team=netsec"));
        SetDate("#export-from", "2026-11-30");
        SetDate("#export-to", "2026-11-01");
        Chrome.Click("#export-csv");
        Assert.Contains("end date is before", Chrome.WaitForText("#export-problem", _ => true), StringComparison.Ordinal);
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'deadlines-export'", new { Admin }));

        // The feed URL with its key; rotating it stops the old one at once.
        Chrome.Open(new Uri(Bot.WebAddress, "/deadlines?team=netsec"));
        var oldFeed = new Uri(Chrome.WaitForText("#feed-url", t => t.Contains("/teams/netsec/calendar.ics?key=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(oldFeed));
        Chrome.Click("#rotate-key");
        Chrome.WaitForText("#rotated", _ => true);
        var newFeed = new Uri(Chrome.Text("#feed-url"));
        Assert.NotEqual(oldFeed, newFeed);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(oldFeed));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(newFeed));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'calendar-key-rotate' AND detail = 'netsec'", new { Admin }));
    }

    // A date input takes its value from a script, whatever the browser's locale makes of typed digits.
    private void SetDate(string css, string value) =>
        Chrome.Driver.ExecuteScript("document.querySelector(arguments[0]).value = arguments[1];", css, value);

    [Fact]
    public async Task An_unknown_team_or_occurrence_is_not_found()
    {
        await SignInAsync();
        using var http = SessionClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/deadlines?team=nope", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/deadlines/occurrences/999", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/deadlines?handler=csv&team=nope", UriKind.Relative))).StatusCode);
    }

    private HttpClient SessionClient()
    {
        var session = Chrome.Cookie("bot_session")!;
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Bot.WebAddress };
        http.DefaultRequestHeaders.Add("Cookie", $"{session.Name}={session.Value}");
        return http;
    }

    private async Task<HttpStatusCode> StatusAsync(Uri feed)
    {
        using var http = new HttpClient { BaseAddress = Bot.WebAddress };
        using var response = await http.GetAsync(new Uri(feed.PathAndQuery, UriKind.Relative));
        return response.StatusCode;
    }

    private Task SignInAsync() => ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
}

public sealed class DeadlinePagesTestsOnSqlite() : DeadlinePagesTests(StorageProvider.Sqlite);

public sealed class DeadlinePagesTestsOnPostgres() : DeadlinePagesTests(StorageProvider.Postgres);
