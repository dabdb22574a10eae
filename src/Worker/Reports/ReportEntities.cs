using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Worker.Scam;

namespace Bot.Worker.Reports;

/// <summary>The numbers and links found in a report, as stored in <c>reports.entities</c>: both directions side by side.</summary>
internal static class ReportEntities
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Encode(IEnumerable<ScamEntity> entities) => JsonSerializer.Serialize(entities.ToList(), Options);

    public static IReadOnlyList<ScamEntity> Decode(string json) =>
        JsonSerializer.Deserialize<List<ScamEntity>>(json, Options) ?? [];

    /// <summary>What Confirm number adds: every number and account, not links.</summary>
    public static IEnumerable<ScamEntity> Numbers(IEnumerable<ScamEntity> entities) => entities.Where(e => e.Kind != EntityKind.Link);
}
