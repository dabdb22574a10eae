using System.Text.Json;
using OpenQA.Selenium.Chrome;

namespace Bot.Tests.Integration.Support;

/// <summary>
/// axe-core (npm, installed into tests/axe by .ci/run with npm ci) run inside the page the browser shows: its
/// axe.min.js is injected by Selenium, nothing is fetched while the tests run. Returns the violations, one line each.
/// </summary>
internal static class Axe
{
    public static string ScriptPath => Path.Combine(RepoPaths.Root, "tests", "axe", "node_modules", "axe-core", "axe.min.js");

    private static readonly Lazy<string> Script = new(() => File.Exists(ScriptPath)
        ? File.ReadAllText(ScriptPath)
        : throw new InvalidOperationException($"axe-core is missing ({ScriptPath}): run npm ci --prefix tests/axe (the .ci/run script does)"));

    /// <summary>Every axe violation on the current page, as "rule (impact): target - help".</summary>
    public static IReadOnlyList<string> Violations(ChromeDriver driver)
    {
        if (driver.ExecuteScript("return typeof window.axe") as string != "object")
        {
            driver.ExecuteScript(Script.Value);
        }
        var json = (string?)driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
               .then(r => done(JSON.stringify(r.violations)))
               .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
            """);
        using var document = JsonDocument.Parse(json ?? "[]");
        var lines = new List<string>();
        foreach (var violation in document.RootElement.EnumerateArray())
        {
            var targets = violation.GetProperty("nodes").EnumerateArray()
                .Select(n => string.Join(" ", n.GetProperty("target").EnumerateArray().Select(t => t.ToString())))
                .DefaultIfEmpty("(page)");
            lines.Add($"{violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {string.Join(", ", targets)} - {violation.GetProperty("help").GetString()}");
        }
        return lines;
    }
}
