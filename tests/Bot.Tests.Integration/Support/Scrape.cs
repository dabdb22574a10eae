using System.Globalization;

namespace Bot.Tests.Integration.Support;

/// <summary>Reads the worker's HTTP routes: /metrics as Prometheus text, summed per metric name over its labels.</summary>
internal static class Scrape
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<(int Status, string Body)> GetAsync(BotUnderTest bot, string path)
    {
        using var response = await Http.GetAsync(new Uri(bot.WebAddress, path));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The sum of every sample of <paramref name="name"/> (all label sets); 0 when it has none yet.</summary>
    public static async Task<double> MetricAsync(BotUnderTest bot, string name)
    {
        var (status, body) = await GetAsync(bot, "/metrics");
        Assert.Equal(200, status);
        return Sum(body, name);
    }

    public static double Sum(string prometheusText, string name) => Samples(prometheusText, name).Sum(s => s.Value);

    /// <summary>Every sample of <paramref name="name"/>: its labels as written between the braces (empty without) and its value.</summary>
    public static IReadOnlyList<(string Labels, double Value)> Samples(string prometheusText, string name) => [.. prometheusText
        .Split('\n')
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
        .Select(line =>
        {
            var end = line.LastIndexOf('}') + 1;
            var labels = end > 0 ? line[(name.Length + 1)..(end - 1)] : "";
            var value = double.Parse(line[(end > 0 ? end : name.Length)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return (labels, value);
        })];
}
