using System.Net;
using System.Net.Sockets;

namespace Bot.Tests.Integration.Support;

/// <summary>
/// A TCP relay on 127.0.0.1 between a node and its PostgreSQL server that can go silent: <see cref="Freeze"/> stops
/// forwarding in both directions on every connection, old and new, without closing anything (what a network partition
/// or a hung proxy looks like from both ends: no reset, no FIN); <see cref="Thaw"/> lets the held bytes through.
/// </summary>
internal sealed class FreezableRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _sockets = [];
    private readonly Task _accepting;
    private TaskCompletionSource _open = Open();

    private FreezableRelay(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool Frozen => !_open.Task.IsCompleted;

    public static FreezableRelay Start(int targetPort) => new(new IPEndPoint(IPAddress.Loopback, targetPort));

    public void Freeze()
    {
        if (!Frozen)
        {
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Thaw() => _open.TrySetResult();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (_sockets)
        {
            _sockets.Add(client);
            _sockets.Add(server);
        }
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            await Task.WhenAll(PumpAsync(client.GetStream(), server), PumpAsync(server.GetStream(), client));
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (IOException)
        {
            // One side closed: the other is closed below.
        }
        catch (SocketException)
        {
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    // Bytes read while frozen are held until the thaw, so nothing flows and nothing is closed.
    private async Task PumpAsync(NetworkStream from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        var stream = to.GetStream();
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            await _open.Task.WaitAsync(_stop.Token);
            if (read == 0)
            {
                to.Client.Shutdown(SocketShutdown.Send);
                return;
            }
            await stream.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_sockets)
        {
            _sockets.ForEach(s => s.Dispose());
        }
        await _accepting;
        _stop.Dispose();
    }
}
