using Bot.Worker.Common;
using Serilog.Core;

namespace Bot.Worker.Hosting;

/// <summary>What a test (or the CLI) may set when it builds the worker's host; production uses the defaults.</summary>
public sealed class WorkerHostSettings
{
    /// <summary>Where config/, data/ and relative paths are resolved; default: <see cref="ContentPaths.Locate"/>.</summary>
    public string? ContentRoot { get; set; }

    /// <summary>Configuration applied after every other source.</summary>
    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>();

    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Console mode's input and output; default stdin and stdout.</summary>
    public TextReader? ConsoleInput { get; set; }

    public TextWriter? ConsoleOutput { get; set; }

    /// <summary>Last word on the services (tests swap in fakes, such as a recording step scheduler).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>An extra log sink behind the token redactor (tests read what was logged).</summary>
    public ILogEventSink? LogSink { get; set; }
}
