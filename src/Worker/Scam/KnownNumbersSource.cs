using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Scam;

/// <summary>The current known-numbers.yaml (Bot:KnownNumbersFile): validated at start, watched afterwards; a missing file means no known numbers.</summary>
internal sealed class KnownNumbersSource(IOptions<BotOptions> options, ContentPaths paths, TimeProvider clock, ILogger<KnownNumbersSource> logger) : IDisposable
{
    private readonly WatchedFile<KnownNumbers> _file = new(paths.Resolve(options.Value.KnownNumbersFile), KnownNumbersParser.Parse, clock, logger);

    public KnownNumbers Current => _file.Current ?? KnownNumbers.Empty;

    public string FilePath => _file.Path;

    public KnownNumbers Load() => _file.Load() ?? KnownNumbers.Empty;

    public void Watch() => _file.Watch();

    public Task<bool> ReloadAsync() => _file.ReloadAsync();

    public void Dispose() => _file.Dispose();
}
