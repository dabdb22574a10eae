using System.Diagnostics.Metrics;
using Bot.Worker.Delivery;

namespace Bot.Tests.Unit.Support;

/// <summary>Meters outside any host, for classes built by hand (nothing listens unless a test does).</summary>
internal sealed class PlainMeterFactory : IMeterFactory
{
    public static BotMetrics Metrics(TimeProvider clock) => new(new PlainMeterFactory(), clock);

    public Meter Create(MeterOptions options) => new(options);

    public void Dispose()
    {
    }
}
