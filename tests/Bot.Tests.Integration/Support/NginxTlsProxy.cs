using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.Tests.Integration.Support;

/// <summary>
/// Debian's nginx terminating TLS on 127.0.0.1 in front of the worker, as the README's set-up has it: a certificate the
/// test makes with openssl for 127.0.0.1, proxy_pass to the worker with X-Forwarded-Proto/Host/For. Its files live in
/// a temporary directory; disposing stops it.
/// </summary>
internal sealed class NginxTlsProxy : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _directory;

    private NginxTlsProxy(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Url = new Uri($"https://127.0.0.1:{port}");
    }

    /// <summary>Where browsers reach the worker through the proxy.</summary>
    public Uri Url { get; }

    /// <summary>A free port on 127.0.0.1 for the proxy, known before the worker starts (it goes into Web:PublicUrl).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task<NginxTlsProxy> StartAsync(int port, Uri upstream)
    {
        if (!File.Exists(NginxPath))
        {
            throw new InvalidOperationException($"nginx is missing ({NginxPath}): install the Debian package with apt-get install -y nginx");
        }
        var directory = RepoPaths.NewTempDirectory("nginx");
        await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", Path.Combine(directory, "key.pem"), "-out", Path.Combine(directory, "cert.pem"));
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(directory, port, upstream));
        var start = new ProcessStartInfo(NginxPath) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", directory, "-e", Path.Combine(directory, "error.log"), "-c", config, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var proxy = new NginxTlsProxy(process, directory, port);
        await proxy.WaitUntilListeningAsync(port);
        return proxy;
    }

    // The README's snippet, with the test's port and paths ($http_host keeps the port, which is not 443 here).
    private static string Config(string directory, int port, Uri upstream) => $$"""
        {{(Environment.IsPrivilegedProcess ? "user root root;" : "")}}
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;
        events { worker_connections 64; }
        http {
            access_log {{directory}}/access.log;
            client_body_temp_path {{directory}}/body;
            proxy_temp_path {{directory}}/proxy;
            fastcgi_temp_path {{directory}}/fastcgi;
            uwsgi_temp_path {{directory}}/uwsgi;
            scgi_temp_path {{directory}}/scgi;
            server {
                listen 127.0.0.1:{{port}} ssl;
                ssl_certificate {{directory}}/cert.pem;
                ssl_certificate_key {{directory}}/key.pem;
                location / {
                    proxy_pass {{upstream.GetLeftPart(UriPartial.Authority)}};
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header X-Forwarded-Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                }
            }
        }
        """;

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException("nginx is not listening on " + port);
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start");
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
