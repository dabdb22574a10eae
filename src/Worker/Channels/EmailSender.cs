using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bot.Worker.Channels;

/// <summary>
/// Sends e-mail through Email:Host with MailKit over one SMTP connection kept open between sends (opened, secured
/// and logged in on first use; opened again when the server dropped it), one message at a time. Results: sent;
/// transient for connection trouble and SMTP 4xx; failed for SMTP 5xx (recipient or message refused), an address
/// that is not one, and a refused login. The password never reaches a log line or a result.
/// </summary>
internal sealed partial class EmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<EmailSender> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ChannelLimiter _limiter = new(options.Value.PerMinute, 0, time);
    private SmtpClient? _client;
    private int _connections;

    /// <summary>Connections opened so far (one for any number of sends while the server keeps it).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Email:PerMinute; <see cref="SendAsync"/> takes a slot from it for each message.</summary>
    public ChannelLimiter Limiter => _limiter;

    /// <summary>Sends one message; with no slot free under Email:PerMinute, defers it to the next one without connecting.</summary>
    public async Task<ChannelResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        MimeMessage mime;
        try
        {
            mime = EmailComposer.Compose(settings.From, message, time.GetUtcNow());
        }
        catch (ParseException)
        {
            return Log(ChannelResult.Failed("not an e-mail address"), message);
        }
        if (!_limiter.TryTake(out var next))
        {
            return ChannelResult.Deferred(next, $"the limit of {settings.PerMinute} e-mails a minute (Email:PerMinute)");
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var reused = _client is { IsConnected: true };
            var result = await TrySendAsync(settings, mime, cancellationToken);
            if (reused && result.Outcome == ChannelOutcome.Transient && _client is null)
            {
                // The server closed the idle connection: open a new one and try once more.
                result = await TrySendAsync(settings, mime, cancellationToken);
            }
            return Log(result, message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await DropAsync(quit: true);
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    private async Task<ChannelResult> TrySendAsync(EmailOptions settings, MimeMessage mime, CancellationToken cancellationToken)
    {
        try
        {
            var client = await ConnectedAsync(settings, cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            return ChannelResult.Sent();
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var reason = $"SMTP {code} ({ex.ErrorCode}): {ex.Message}";
            if (code >= 500)
            {
                return ChannelResult.Failed(reason);
            }
            return ChannelResult.Transient(reason);
        }
        catch (AuthenticationException ex)
        {
            await DropAsync(quit: false);
            return ChannelResult.Failed($"the SMTP server refused the login of Email:User: {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or SslHandshakeException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await DropAsync(quit: false);
            return ChannelResult.Transient($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<SmtpClient> ConnectedAsync(EmailOptions settings, CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } open)
        {
            return open;
        }
        await DropAsync(quit: false);
        var client = new SmtpClient { Timeout = 30_000 };
        _client = client;
        var security = settings.Security switch
        {
            EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            EmailSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
        Interlocked.Increment(ref _connections);
        if (settings.User.Length > 0)
        {
            await client.AuthenticateAsync(settings.User, settings.Password, cancellationToken);
        }
        return client;
    }

    private async Task DropAsync(bool quit)
    {
        if (_client is not { } client)
        {
            return;
        }
        _client = null;
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
        {
            // Going away anyway.
        }
        finally
        {
            client.Dispose();
        }
    }

    private ChannelResult Log(ChannelResult result, EmailMessage message)
    {
        var password = options.Value.Password;
        if (result.Reason is { } reason && password.Length >= 4)
        {
            result = result with { Reason = reason.Replace(password, WebhookUrls.MaskText, StringComparison.Ordinal) };
        }
        if (result.Outcome == ChannelOutcome.Failed)
        {
            LogFailed(message.To, result.Reason);
        }
        else if (result.Outcome == ChannelOutcome.Transient)
        {
            LogTransient(options.Value.Host, result.Reason);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail to {To} refused, will not be retried: {Reason}")]
    private partial void LogFailed(string to, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host} could not take the e-mail; will retry: {Reason}")]
    private partial void LogTransient(string host, string? reason);
}
