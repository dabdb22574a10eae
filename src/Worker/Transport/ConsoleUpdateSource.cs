using System.Globalization;
using System.Runtime.CompilerServices;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Transport;

/// <summary>Console mode: each line typed is a message from the local admin user; "!N" presses button N of the last message.</summary>
internal sealed class ConsoleUpdateSource(ConsoleSession session, IOptions<BotOptions> options, TimeProvider clock) : IUpdateSource
{
    public async IAsyncEnumerable<IncomingUpdate> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var userId = options.Value.ConsoleUserId;
        var user = new UserRef(userId, "Console", "console", options.Value.DefaultLanguage);
        session.PrintLine($"Console mode: no Telegram:Token is set, so messages are printed here. Type /start or /help; you are user {userId}, an admin. Ctrl+D ends input.");
        var run = clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sequence = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await session.Input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                yield break; // stdin closed: keep running, only print.
            }
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var key = $"console:{run}:{++sequence}";
            if (line[0] == '!' && int.TryParse(line.AsSpan(1), CultureInfo.InvariantCulture, out var number))
            {
                if (session.Press(number) is { } press)
                {
                    yield return new IncomingCallback(key, userId, ChatKind.Private, user, key, press.MessageId, press.Button.Data);
                }
                continue;
            }
            if (TakesBody(line))
            {
                line += await ReadBodyAsync(cancellationToken);
            }
            yield return new IncomingMessage(key, userId, ChatKind.Private, user, sequence, line);
        }
    }

    // /template_set NAME LANG, and /broadcast TOPIC with no template (the alert's own text follows).
    private static bool TakesBody(string line) =>
        line.StartsWith("/template_set", StringComparison.OrdinalIgnoreCase)
        || (line.StartsWith("/broadcast", StringComparison.OrdinalIgnoreCase) && line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length == 2);

    /// <summary>A template body (or an alert's text) typed on the console: the lines up to one holding only ".".</summary>
    private async Task<string> ReadBodyAsync(CancellationToken ct)
    {
        session.PrintLine("(type the text, then a line with only \".\")");
        var body = new System.Text.StringBuilder();
        while (await session.Input.ReadLineAsync(ct) is { } line && line.Trim() != ".")
        {
            body.Append('\n').Append(line);
        }
        return body.ToString();
    }
}
