using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Tests.Unit.Batches;
using Bot.Worker.Batches;
using Bot.Worker.Hosting;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The whole console as a signed-in admin sees it, in headless Chromium, with something on every page (a team and its
/// deadlines, a pending alert, a report, known numbers, a batch): every link and form action on every page resolves (200, or a
/// redirect that is not to the sign-in page), none is empty, and axe-core finds no accessibility violation on any page.
/// </summary>
public abstract partial class ConsoleCrawlTests(StorageProvider provider) : ConsolePageTest(provider, AdminA, AdminB)
{
    private const long AdminA = 7701, AdminB = 7702, Reporter = 7703;
    private const int MaxChecks = 600;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private string _directory = "";

    private protected override async Task<string?> PrepareAsync()
    {
        _directory = RepoPaths.NewTempDirectory("bot-web-crawl");
        await File.WriteAllTextAsync(Path.Combine(_directory, "deadlines.yaml"), $"""
            time_zone: Asia/Shanghai
            teams:
              - id: netsec
                name: Network security team
                lead: {AdminA}
                members: [{AdminA}, {AdminB}]
            deadlines:
              - id: plan
                title: Work plan
                team: netsec
                due: 2030-01-25T17:00
                remind: [1d]
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
        settings.Configuration["Bot:DeadlinesFile"] = Path.Combine(_directory, "deadlines.yaml");
        settings.Configuration["Bot:KnownNumbersFile"] = Path.Combine(RepoPaths.Root, "config", "known-numbers.yaml");
    }

    private protected override async Task StartedAsync()
    {
        await ConsoleSignIn.AskAsync(Server, Reporter, "/subscribe alerts");
        await ConsoleSignIn.AskAsync(Server, AdminA, "/broadcast alerts\nA fake parcel text is going round.");
        var report = await ConsoleSignIn.AskAsync(Server, Reporter, "/report");
        var before = Server.SentTo(Reporter).Count;
        Server.EnqueueCallback(Reporter, "rp:s:0", Reporter, report.MessageId, languageCode: "en");
        await Server.WaitForMessagesAsync(Reporter, before + 1, Wait);
        await ConsoleSignIn.AskAsync(Server, Reporter, "Officer Wang: your card is frozen, call 171 2345 6789");
        await Bot.WaitForAsync("SELECT CASE WHEN COUNT(*) >= 2 THEN 1 ELSE 0 END FROM occurrences", 1L);
        // A batch with its numbers (the batch page, its filters and exports).
        var batch = await Bot.Get<BatchImport>().ImportAsync(AdminA, new BatchForm("公信安[2012]174号 第五批", "netsec", DateTime.UtcNow.AddDays(30),
            DateTime.UtcNow.AddDays(37), "zh-Hans", "notice-000.csv", NoticeFile.Csv(NoticeFile.Rows())), CancellationToken.None);
        Assert.True(batch.Saved);
    }

    [Fact]
    public async Task Every_link_and_form_resolves_and_no_page_has_an_accessibility_violation()
    {
        var problems = new List<string>();
        // Pages before signing in: the sign-in page and an error page.
        foreach (var path in new[] { "/login", "/login?signedOut=true", "/no-such-page" })
        {
            Chrome.Open(new Uri(Bot.WebAddress, path));
            problems.AddRange(Axe.Violations(Chrome.Driver).Select(v => $"{path}: {v}"));
        }
        await ConsoleSignIn.SignInAsync(Chrome, Server, AdminB);
        var cookies = string.Join("; ", Chrome.Driver.Manage().Cookies.AllCookies.Select(c => $"{c.Name}={c.Value}"));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var checkedUrls = new Dictionary<Uri, HttpStatusCode>();
        var browsedShapes = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Uri>([new Uri(Bot.WebAddress, "/")]);
        var browsed = 0;

        while (queue.TryDequeue(out var page))
        {
            Chrome.Open(page);
            browsed++;
            var where = page.PathAndQuery;
            problems.AddRange(Axe.Violations(Chrome.Driver).Select(v => $"{where}: {v}"));
            var targets = (IReadOnlyCollection<object>?)Chrome.Driver.ExecuteScript("""
                return [...document.querySelectorAll('a')].map(a => ['a', a.getAttribute('href'), a.outerHTML])
                  .concat([...document.forms].map(f => ['form', f.getAttribute('action'), f.outerHTML.slice(0, 200)]));
                """);
            foreach (var target in (targets ?? []).Cast<IReadOnlyCollection<object>>().Select(t => t.Select(x => x as string).ToArray()))
            {
                var (kind, raw, html) = (target[0]!, target[1], target[2]!);
                // A form without an action posts to its own page (HTML's rule); an empty href or action is the bug this looks for.
                raw = kind == "form" && raw is null ? page.PathAndQuery : raw;
                if (string.IsNullOrWhiteSpace(raw) || raw == "#")
                {
                    problems.Add($"{where}: {kind} goes nowhere: {html}");
                    continue;
                }
                var url = new Uri(page, raw);
                if (url.GetLeftPart(UriPartial.Authority) != Bot.WebAddress.GetLeftPart(UriPartial.Authority))
                {
                    continue; // Another site (none today); not ours to check.
                }
                // A POST form's action must name a page that exists; its handler runs only on POST.
                var probe = kind == "form" ? new Uri(url.GetLeftPart(UriPartial.Path)) : url;
                if (!checkedUrls.TryGetValue(probe, out var status))
                {
                    Assert.True(checkedUrls.Count < MaxChecks, "more links than expected: " + checkedUrls.Count);
                    using var request = new HttpRequestMessage(HttpMethod.Get, probe);
                    request.Headers.Add("Cookie", cookies);
                    using var response = await http.SendAsync(request);
                    status = response.StatusCode;
                    var location = response.Headers.Location?.OriginalString ?? "";
                    if (IsRedirect(status) && location.StartsWith("/login", StringComparison.Ordinal))
                    {
                        status = HttpStatusCode.Unauthorized;
                    }
                    checkedUrls[probe] = status;
                    var browsable = kind == "a" && status == HttpStatusCode.OK
                        && response.Content.Headers.ContentType?.MediaType == "text/html" && browsedShapes.Add(Shape(probe));
                    if (browsable)
                    {
                        queue.Enqueue(probe);
                    }
                }
                if (status != HttpStatusCode.OK && !IsRedirect(status))
                {
                    problems.Add($"{where}: {kind} {raw} answers {(int)status}: {html}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) on {browsed} pages:\n" + string.Join("\n", problems.Distinct()));
        // The crawl reached every kind of page the menu and lists lead to.
        foreach (var shape in new[] { "/", "/templates", "/broadcasts", "/broadcasts/new", "/broadcasts/N", "/deadlines", "/audit", "/reports", "/known-numbers", "/batches", "/batches/N" })
        {
            Assert.Contains(shape, browsedShapes);
        }
        Assert.Contains(browsedShapes, s => s.StartsWith("/deadlines/occurrences/", StringComparison.Ordinal));
        Assert.Contains(browsedShapes, s => s.StartsWith("/templates/", StringComparison.Ordinal));
        Assert.True(checkedUrls.Count > 50, checkedUrls.Count.ToString(CultureInfo.InvariantCulture));
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    /// <summary>What makes two pages the same kind: numbers, template names and query values do not.</summary>
    private static string Shape(Uri url)
    {
        var path = Digits().Replace(url.AbsolutePath, "N");
        if (path.StartsWith("/templates/", StringComparison.Ordinal))
        {
            path = "/templates/" + string.Join("/", path.Split('/').Skip(2).Select((s, i) => i < 2 ? "*" : s));
        }
        var keys = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal);
        return path + (keys.Any() ? "?" + string.Join("&", keys) : "");
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}

public sealed class ConsoleCrawlTestsOnSqlite() : ConsoleCrawlTests(StorageProvider.Sqlite);

public sealed class ConsoleCrawlTestsOnPostgres() : ConsoleCrawlTests(StorageProvider.Postgres);
