namespace Bot.Tests.Integration.Web;

/// <summary>
/// Tests that compare counter values run alone: OpenTelemetry listens to every meter named "Bot" in the
/// process, so a worker of a test running alongside would add to the counts.
/// </summary>
[CollectionDefinition(nameof(MetricsRunAlone), DisableParallelization = true)]
public sealed class MetricsRunAlone;
