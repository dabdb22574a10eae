using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Bot.Tests.Integration.Channels;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1, in the test process: keeps every message it accepted,
/// counts sessions (connections), requires a login when given one, refuses the recipients in <see cref="Refused"/>
/// with 550, and can be stopped and started again on the same port (dropping open connections).
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentQueue<(string User, string Password)> _logins = new();
    private readonly (string User, string Password)? _account;
    private CancellationTokenSource? _stop;
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private int _sessions;
    private int _probes;

    private LoopbackSmtpServer(int port, (string, string)? account)
    {
        Port = port;
        _account = account;
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public IReadOnlyList<(string User, string Password)> Logins => [.. _logins];

    /// <summary>SMTP sessions (connections) the tests' clients opened.</summary>
    public int Sessions => Volatile.Read(ref _sessions) - _probes;

    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<LoopbackSmtpServer> StartAsync(string? user = null, string? password = null)
    {
        var server = new LoopbackSmtpServer(FreePort(), user is null ? null : (user, password ?? ""));
        await server.StartAsync();
        return server;
    }

    /// <summary>A port nothing listens on (for "server down").</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AllowUnsecureAuthentication(true).AuthenticationRequired(_account is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        services.Add(new DelegatingMailboxFilter((ISessionContext _, IMailbox _) => true, (ISessionContext _, IMailbox to, IMailbox _) => !Refused.ContainsKey(to.AsAddress())));
        services.Add(new DelegatingUserAuthenticator((user, password) =>
        {
            _logins.Enqueue((user, password));
            return _account is { } account && account.User == user && account.Password == password;
        }));
        _server = new SmtpServer.SmtpServer(options, services);
        _server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        // Wait until it accepts connections.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        // The probe was a session too: wait for it to be counted, then leave it out.
        _probes++;
        await WaitForAsync(() => Volatile.Read(ref _sessions) >= _probes);
    }

    public async Task StopAsync()
    {
        if (_server is null || _stop is null || _running is null)
        {
            return;
        }
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
        (_server, _stop, _running) = (null, null, null);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
