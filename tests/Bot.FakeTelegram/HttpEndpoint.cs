using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bot.FakeTelegram;

// The one Kestrel handler: {BaseUrl}/bot{token}/{method}, parameters from JSON, form or query. Each call records the
// host name the client used (127.0.0.1 or localhost), which tells two workers of one test apart.
internal sealed class HttpEndpoint(BotProfile bot, ApiDispatcher dispatcher, Journal journal, TimeProvider time, Func<TimeSpan> responseDelay)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext context)
    {
        var received = Stopwatch.GetTimestamp();
        var receivedAt = time.GetUtcNow();
        var aborted = context.RequestAborted;
        try
        {
            var path = context.Request.Path.Value ?? string.Empty;
            var args = await ReadArgumentsAsync(context.Request, aborted);
            ApiResult result;
            ApiRequest request;
            var via = context.Request.Host.Host;
            if (!TryParsePath(path, out var token, out var name))
            {
                request = new ApiRequest(path, args ?? [], aborted);
                result = ApiResult.Error(404, "Not Found");
            }
            else if (token != bot.Token)
            {
                request = new ApiRequest(name, args ?? [], aborted);
                result = ApiResult.Error(401, "Unauthorized");
            }
            else if (!dispatcher.TryGet(name, out var method))
            {
                request = new ApiRequest(name, args ?? [], aborted);
                result = ApiResult.Error(404, "Not Found: method not found");
            }
            else
            {
                request = new ApiRequest(method.Name, args ?? [], aborted);
                result = args is null
                    ? ApiResult.BadRequest("can't parse request body as JSON")
                    : await InvokeAsync(method, request);
            }

            journal.AddCall(new ApiCall(
                request.Method, request.Json, result.StatusCode, result.Description, received, Stopwatch.GetTimestamp(), receivedAt)
            {
                ChatId = request.GetLong("chat_id"),
                Via = via,
            });
            if (result.StatusCode == ApiResult.ClientClosedRequest)
            {
                return;
            }

            // Latency after the work is done: a client that times out may still have sent the message.
            var delay = responseDelay();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, aborted);
            }

            await WriteAsync(context.Response, result, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
    }

    // A bug in the fake answers 500 with the exception, so the test sees it in Calls.
    private async ValueTask<ApiResult> InvokeAsync(ApiMethod method, ApiRequest request)
    {
        try
        {
            return await dispatcher.InvokeAsync(method, request);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ApiResult.Error(500, $"Internal Server Error: fake failed with {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static bool TryParsePath(string path, out string token, out string method)
    {
        token = method = string.Empty;
        if (!path.StartsWith("/bot", StringComparison.Ordinal))
        {
            return false;
        }

        var slash = path.IndexOf('/', 4);
        if (slash < 0 || slash == path.Length - 1 || path.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        token = path[4..slash];
        method = path[(slash + 1)..];
        return true;
    }

    // Null when the body is not valid JSON.
    private static async Task<JsonObject?> ReadArgumentsAsync(HttpRequest request, CancellationToken ct)
    {
        var args = new JsonObject();
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync(ct))
            {
                args[key] = value.ToString();
            }
        }
        else if (request.ContentLength is not 0)
        {
            using var body = new MemoryStream(request.ContentLength is { } length ? (int)length : 1024);
            await request.Body.CopyToAsync(body, ct);
            if (body.Length > 0)
            {
                try
                {
                    args = JsonNode.Parse(body.GetBuffer().AsSpan(0, (int)body.Length)) as JsonObject ?? [];
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }

        foreach (var (key, value) in request.Query)
        {
            if (!args.ContainsKey(key))
            {
                args[key] = value.ToString();
            }
        }

        return args;
    }

    private static async Task WriteAsync(HttpResponse response, ApiResult result, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("ok", result.Ok);
            if (result.Ok)
            {
                writer.WritePropertyName("result");
                if (result.Result is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    result.Result.WriteTo(writer);
                }
            }
            else
            {
                writer.WriteNumber("error_code", result.StatusCode);
                writer.WriteString("description", result.Description);
                if (result.RetryAfter is { } retryAfter)
                {
                    writer.WriteStartObject("parameters");
                    writer.WriteNumber("retry_after", retryAfter);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndObject();
        }

        response.StatusCode = result.StatusCode;
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, ct);
    }
}
