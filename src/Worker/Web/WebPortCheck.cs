using System.Net;
using System.Net.Sockets;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Web;

/// <summary>
/// Before any service starts (storage, polling, the dispatcher), makes sure every Web:Urls and Web:OpsUrls port can be
/// listened on: a busy port stops start-up with one line instead of a half-started bot. Kestrel binds
/// for real after the other services start.
/// </summary>
internal sealed class WebPortCheck(IOptions<WebOptions> options) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var urls = options.Value.UrlList.Select(u => ("Web:Urls", u)).Concat(options.Value.OpsUrlList.Select(u => ("Web:OpsUrls", u)));
        foreach (var (key, url) in urls)
        {
            if (EndPoint(url) is not { } endPoint)
            {
                continue;
            }
            using var probe = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(endPoint);
                probe.Listen();
            }
            catch (SocketException ex)
            {
                throw new StartupException($"{key}: cannot listen on {url} ({ex.Message}); free the port, choose another in {key}, or set Web:Enabled=false", ex);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The address to try, or null for port 0 and host names Kestrel resolves itself.</summary>
    private static IPEndPoint? EndPoint(string url)
    {
        var normalized = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port == 0)
        {
            return null;
        }
        var address = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
            : null;
        return address is null ? null : new IPEndPoint(address, uri.Port);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
