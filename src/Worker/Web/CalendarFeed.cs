using System.Text.RegularExpressions;
using Bot.Worker.Deadlines;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Worker.Web;

/// <summary>
/// <c>GET /teams/{team}/calendar.ics?key=SECRET</c>: the team's upcoming occurrences as iCalendar, times in UTC,
/// each event from its due time to 30 minutes later.
/// A wrong, missing or rotated-away key gets the same 404 as a team that does not exist.
/// </summary>
internal static partial class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>An event's length from its due time: calendar apps draw an event with no end as a line or not at all.</summary>
    public const int EventMinutes = 30;

    public static IApplicationBuilder UseCalendarFeed(this IApplicationBuilder app) =>
        app.MapWhen(context => Team(context.Request) is not null, branch => branch.Run(ServeAsync));

    /// <summary>The URL of a team's feed under <paramref name="publicUrl"/> (what the console shows).</summary>
    public static string Url(string publicUrl, string teamId, string key) =>
        $"{publicUrl.TrimEnd('/')}/teams/{Uri.EscapeDataString(teamId)}/calendar.ics?key={Uri.EscapeDataString(key)}";

    /// <summary>True for a feed's path (the rate limiter counts these per client).</summary>
    public static bool IsFeedPath(PathString path) => FeedPath().IsMatch(path.Value ?? "");

    private static string? Team(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && FeedPath().Match(request.Path.Value ?? "") is { Success: true } match
            ? match.Groups["team"].Value
            : null;

    private static async Task ServeAsync(HttpContext context)
    {
        var team = Team(context.Request)!;
        var services = context.RequestServices;
        var ct = context.RequestAborted;
        if (!await services.GetRequiredService<TeamCalendarKeys>().IsValidAsync(team, context.Request.Query["key"], ct))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var entries = await services.GetRequiredService<TeamCalendar>().UpcomingAsync(team, ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "private, no-cache";
        await context.Response.WriteAsync(Serialize(team, entries, now), ct);
    }

    public static string Serialize(string team, IEnumerable<CalendarEntry> entries, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//anti-fraud-bot//deadlines//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"Deadlines: {team}");
        var stamp = new CalDateTime(now.UtcDateTime);
        foreach (var entry in entries)
        {
            var due = new CalDateTime(entry.Due.UtcDateTime);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid,
                Summary = entry.Summary,
                Description = entry.Description,
                DtStart = due,
                DtEnd = new CalDateTime(entry.Due.UtcDateTime.AddMinutes(EventMinutes)),
                DtStamp = stamp,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    // Team ids are letters, digits and '-' (deadlines.yaml).
    [GeneratedRegex("^/teams/(?<team>[A-Za-z0-9-]{1,64})/calendar\\.ics$", RegexOptions.CultureInvariant)]
    private static partial Regex FeedPath();
}
