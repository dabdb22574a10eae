using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.FakeTelegram;

// A Bot API server on loopback that answers like Telegram, for the real Telegram.Bot client.
// Tests inject updates (Enqueue*), observe what the bot did (Sent, Calls, WaitFor*) and inject
// errors (FailNext, BlockChat, EnforceFloodLimits, ...). Everything here is thread-safe.
public sealed class FakeBotApiServer : IAsyncDisposable
{
    public const string DefaultToken = "123456789:AAFakeTokenForTests_abcdefghijklmnop";

    private readonly WebApplication _app;
    private readonly BotProfile _bot;
    private readonly UpdateQueue _updates;
    private readonly UpdateFactory _factory;
    private readonly Journal _journal;
    private readonly Faults _faults;
    private readonly CommandRegistry _commands;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private long _responseDelayTicks;
    private int _disposed;

    private FakeBotApiServer(WebApplication app, BotProfile bot, TimeProvider time)
    {
        _app = app;
        _bot = bot;
        _updates = new UpdateQueue();
        _journal = new Journal();
        _faults = new Faults();
        _commands = new CommandRegistry();
        var chats = new ChatBook();
        var callbacks = new CallbackQueries();
        _factory = new UpdateFactory(bot, chats, callbacks, time);
        var dispatcher = new ApiDispatcher(
            new BotMethods(bot, _updates, callbacks, _journal, time),
            new MessageMethods(bot, chats, _journal, _faults, time),
            _commands,
            _updates,
            _faults);
        var endpoint = new HttpEndpoint(bot, dispatcher, _journal, time, () => ResponseDelay);
        _app.Run(endpoint.HandleAsync);
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public string Token => _bot.Token;

    public long BotId => _bot.Id;

    public string BotUsername => _bot.Username;

    public string BotFirstName => _bot.FirstName;

    // The highest offset a getUpdates call has passed: updates below it are confirmed.
    public long ConfirmedOffset => _updates.ConfirmedOffset;

    public int PendingUpdateCount => _updates.PendingCount;

    /// <summary>The most getUpdates calls the server was answering at the same moment (1 with one poller).</summary>
    public int MaxConcurrentGetUpdates => _updates.MaxPollsAtOnce;

    /// <summary>getUpdates calls answered 409 (a second poller, or a webhook set).</summary>
    public int GetUpdatesConflicts => _updates.Conflicts;

    /// <summary>The URL setWebhook registered (null when none is set).</summary>
    public string? WebhookUrl => _updates.WebhookUrl;

    /// <summary>The secret_token setWebhook registered (null when none).</summary>
    public string? WebhookSecret => _updates.WebhookSecret;

    /// <summary>The allowed_updates in force (null: Telegram's default), from the last getUpdates or setWebhook.</summary>
    public IReadOnlyList<string>? AllowedUpdates => _updates.AllowedUpdates;

    // Updates dropped because the bot's allowed_updates excluded their kind.
    public int FilteredOutUpdateCount => _updates.FilteredOut;

    public IReadOnlyList<SentMessage> Sent => _journal.Sent;

    /// <summary>How many messages were accepted so far; unlike <see cref="Sent"/> it copies nothing.</summary>
    public int SentCount => _journal.SentCount;

    public IReadOnlyList<ApiCall> Calls => _journal.Calls;

    public IReadOnlyList<MessageEdit> Edits => _journal.Edits;

    public IReadOnlyList<CallbackAnswer> CallbackAnswers => _journal.Answers;

    // Commands arrays by key; see CommandsKey.
    public IReadOnlyDictionary<string, JsonNode> RegisteredCommands => _commands.Snapshot();

    // Simulated latency, applied after a call is handled and before its answer is written.
    public TimeSpan ResponseDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _responseDelayTicks));
        set => Interlocked.Exchange(ref _responseDelayTicks, value.Ticks);
    }

    public static Task<FakeBotApiServer> StartAsync(string token = DefaultToken, CancellationToken ct = default) =>
        StartAsync(TimeProvider.System, token, ct);

    // The time provider only dates messages and updates; long polls and flood windows use the real clock.
    public static async Task<FakeBotApiServer> StartAsync(TimeProvider timeProvider, string token = DefaultToken, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var bot = BotProfile.FromToken(token);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, 0);
        });
        var server = new FakeBotApiServer(builder.Build(), bot, timeProvider);
        try
        {
            await server._app.StartAsync(ct);
        }
        catch
        {
            await server._app.DisposeAsync();
            throw;
        }

        var addresses = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        server.BaseUrl = addresses.Addresses.First().TrimEnd('/');
        return server;
    }

    public static string CommandsKey(string scopeType = "default", string? languageCode = null, long? chatId = null, long? userId = null) =>
        CommandRegistry.Key(scopeType, languageCode, chatId, userId);

    public long EnqueueText(long userId, string text, string firstName = "Test", string? languageCode = null, long? chatId = null, string? username = null) =>
        _updates.Enqueue(_ => _factory.Text(userId, text, firstName, languageCode, chatId, username));

    public long EnqueueCallback(long userId, string data, long chatId, int messageId, string firstName = "Test", string? languageCode = null) =>
        _updates.Enqueue(_ => _factory.Callback(userId, data, chatId, messageId, firstName, languageCode));

    // "kicked" also blocks the chat for sendMessage and "member" unblocks it, as in Telegram.
    public long EnqueueMyChatMember(long userId, string oldStatus, string newStatus)
    {
        var id = _updates.Enqueue(_ => _factory.MyChatMember(userId, oldStatus, newStatus));
        if (newStatus is "kicked" or "member")
        {
            _faults.SetBlocked(userId, newStatus == "kicked");
        }

        return id;
    }

    public long EnqueueSticker(long userId) => _updates.Enqueue(_ => _factory.Sticker(userId));

    public long EnqueuePhoto(long userId) => _updates.Enqueue(_ => _factory.Photo(userId));

    // Edits the user's last message in the private chat (or a new one if none).
    public long EnqueueEditedText(long userId, string text) => _updates.Enqueue(_ => _factory.EditedText(userId, text));

    // The update's kind and payload, e.g. {"message": {...}}; update_id is assigned here.
    public long EnqueueRaw(JsonObject update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _updates.Enqueue(_ => (JsonObject)update.DeepClone());
    }

    /// <summary>
    /// Posts an enqueued update (Enqueue* returned its id) to the registered webhook, as Telegram does: JSON body,
    /// header X-Telegram-Bot-Api-Secret-Token with the registered secret. A 2xx answer delivers it (it leaves the
    /// pending updates); it can still be posted again, as Telegram does when an answer is lost.
    /// <paramref name="via"/> posts to the registered URL's path and query at another origin (the worker behind
    /// a reverse proxy); <paramref name="secret"/> replaces the registered secret, and an empty one sends no header.
    /// Returns the HTTP status of the answer.
    /// </summary>
    public async Task<HttpStatusCode> PostToWebhookAsync(long updateId, Uri? via = null, string? secret = null, CancellationToken ct = default)
    {
        var registered = _updates.WebhookUrl ?? throw new InvalidOperationException("No webhook is set: call setWebhook first.");
        var json = _updates.Find(updateId) ?? throw new InvalidOperationException($"Update {updateId} was never enqueued (or getUpdates confirmed it).");
        var target = new Uri(registered);
        if (via is not null)
        {
            target = new UriBuilder(via) { Path = target.AbsolutePath, Query = target.Query.TrimStart('?') }.Uri;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        var header = secret ?? _updates.WebhookSecret;
        if (!string.IsNullOrEmpty(header))
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", header);
        }

        using var response = await _webhookClient.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            _updates.DeliveredByWebhook(updateId);
        }

        return response.StatusCode;
    }

    // Completes once a getUpdates call passed an offset above updateId (the bot confirmed it).
    public Task WaitForConfirmationAsync(long updateId, TimeSpan timeout, CancellationToken ct = default) =>
        _updates.WaitForConfirmationAsync(updateId, timeout, ct);

    // Completes when a getUpdates long poll is parked waiting: the bot is idle and listening.
    public Task WaitUntilPollingAsync(TimeSpan timeout, CancellationToken ct = default) =>
        _updates.WaitUntilPollingAsync(timeout, ct);

    public IReadOnlyList<SentMessage> SentTo(long chatId) => _journal.SentTo(chatId);

    public Task<SentMessage> WaitForMessageAsync(Func<SentMessage, bool> predicate, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return _journal.WaitForMessageAsync(predicate, timeout, ct);
    }

    // Completes when the chat has at least count messages, with all of them.
    public Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(long chatId, int count, TimeSpan timeout, CancellationToken ct = default) =>
        _journal.WaitForMessagesAsync(chatId, count, timeout, ct);

    public Task<ApiCall> WaitForCallAsync(string method, Func<ApiCall, bool>? predicate, TimeSpan timeout, CancellationToken ct = default) =>
        _journal.WaitForCallAsync(method, predicate, timeout, ct);

    // The next `times` calls of the method (for that chat_id only, if given) answer this error.
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null, long? chatId = null, int times = 1) =>
        _faults.AddRule(new FailureRule(method, chatId, times, ApiResult.Error(errorCode, description, retryAfter)));

    public void FailWithServerError(string method, int times) =>
        _faults.AddRule(new FailureRule(method, null, times, ApiResult.Error(502, "Bad Gateway")));

    public void BlockChat(long chatId) => _faults.SetBlocked(chatId, true);

    public void UnblockChat(long chatId) => _faults.SetBlocked(chatId, false);

    public void SetChatNotFound(long chatId) => _faults.SetNotFound(chatId, true);

    public void ClearChatNotFound(long chatId) => _faults.SetNotFound(chatId, false);

    // sendMessage beyond either limit (0 = no limit) within one second gets 429 with retry_after.
    /// <summary>
    /// Telegram's flood control: 429 with retry_after above <paramref name="globalPerSecond"/> sends a second (or
    /// <paramref name="perChatPerSecond"/> to one chat); paid broadcasts (allow_paid_broadcast) count against their own
    /// <paramref name="paidPerSecond"/> instead (Telegram: up to 1000 a second).
    /// </summary>
    public void EnforceFloodLimits(int globalPerSecond, int perChatPerSecond, int retryAfterSeconds, int paidPerSecond = 1000)
    {
        _faults.Flood = new FloodLimiter(globalPerSecond, perChatPerSecond, retryAfterSeconds);
        _faults.PaidFlood = new FloodLimiter(paidPerSecond, perChatPerSecond, retryAfterSeconds);
    }

    public void DisableFloodLimits()
    {
        _faults.Flood = null;
        _faults.PaidFlood = null;
    }

    // The largest number of timestamps (Stopwatch ticks) in any window [t, t + window) starting at one of them.
    public static int MaxInAnyWindow(IEnumerable<long> stopwatchTimestamps, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(stopwatchTimestamps);
        var sorted = stopwatchTimestamps.Order().ToArray();
        var width = (long)(window.TotalSeconds * Stopwatch.Frequency);
        var max = 0;
        var end = 0;
        for (var start = 0; start < sorted.Length; start++)
        {
            while (end < sorted.Length && sorted[end] - sorted[start] < width)
            {
                end++;
            }

            max = Math.Max(max, end - start);
        }

        return max;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _updates.Stop();
        _webhookClient.Dispose();
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
    }
}
