using Bot.FakeTelegram;
using Bot.TestDatabases;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Support;

/// <summary>Worker processes on one fresh PostgreSQL database and one fake Bot API server; each node has its own directory and id.</summary>
internal sealed class ClusterUnderTest : IAsyncDisposable
{
    public static readonly TimeSpan StartWait = TimeSpan.FromSeconds(90);
    private readonly ITestOutputHelper _output;
    private readonly string[] _extra;
    private readonly List<WorkerProcess> _nodes = [];

    private ClusterUnderTest(ITestOutputHelper output, FakeBotApiServer server, TestStorage storage, string directory, string[] extra)
    {
        _output = output;
        Server = server;
        Storage = storage;
        Directory = directory;
        _extra = extra;
    }

    public FakeBotApiServer Server { get; }

    public TestStorage Storage { get; }

    public string Directory { get; }

    public static async Task<ClusterUnderTest> StartAsync(ITestOutputHelper output, params string[] extra)
    {
        var directory = RepoPaths.NewTempDirectory("bot-cluster");
        return await StartAsync(output, await TestStorage.CreateAsync(StorageProvider.Postgres, directory), directory, extra);
    }

    /// <summary>The same on <paramref name="storage"/> (a database on a server the test stops and starts itself).</summary>
    public static async Task<ClusterUnderTest> StartAsync(ITestOutputHelper output, TestStorage storage, string directory, params string[] extra) =>
        new(output, await FakeBotApiServer.StartAsync(), storage, directory, extra);

    /// <summary>A node that calls the fake Bot API by the name localhost (the others use 127.0.0.1), so the server's journal tells it apart (ApiCall.Via).</summary>
    public string ApiViaLocalhost() => $"--Telegram:ApiBaseUrl={Server.BaseUrl.Replace("://127.0.0.1:", "://localhost:", StringComparison.Ordinal)}";

    public const string ViaLocalhost = "localhost";

    public const string ViaLoopback = "127.0.0.1";

    /// <summary>A node named <paramref name="id"/> (its own directory under the cluster's); <paramref name="extra"/> win.</summary>
    public WorkerProcess StartNode(string id, params string[] extra)
    {
        var directory = Path.Combine(Directory, id);
        System.IO.Directory.CreateDirectory(directory);
        var node = WorkerProcess.Start(directory, WorkerProcess.Args(Storage, Server, directory, [$"--Cluster:NodeId={id}", "--Logging:LogLevel:Bot.Worker.Cluster=Debug", .. _extra, .. extra]));
        _nodes.Add(node);
        return node;
    }

    /// <summary>Node a, once it leads, then node b, once it has started (b follows).</summary>
    public async Task<(WorkerProcess A, WorkerProcess B)> StartTwoNodesAsync(params string[] extra)
    {
        var a = StartNode("a", extra);
        await a.WaitForOutputAsync(IsLeading, StartWait);
        var b = StartNode("b", extra);
        await b.WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), StartWait);
        return (a, b);
    }

    public static bool IsLeading(string line) => line.Contains(" leads, term ", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var (node, i) in _nodes.Select((n, i) => (n, i)))
        {
            _output.WriteLine($"--- node {i} (last lines)");
            foreach (var line in node.Output.TakeLast(25))
            {
                _output.WriteLine(line);
            }
            node.Dispose();
        }
        await Server.DisposeAsync();
        await Storage.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A node's file handles may linger a moment; the temp directory is cleaned up later.
        }
    }
}
