namespace Bot.Worker.Commands;

/// <summary>"/cmd@bot args": the command (lower case), the bot it addresses, and the rest.</summary>
internal readonly record struct CommandLine(string Name, string? Target, string Args)
{
    public static CommandLine? Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length < 2 || trimmed[0] != '/')
        {
            return null;
        }
        var end = 1;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end]))
        {
            end++;
        }
        var head = trimmed[1..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at >= 0 ? head[..at] : head).ToLowerInvariant();
        var target = at >= 0 ? head[(at + 1)..] : null;
        return new CommandLine(name, target, trimmed[end..].Trim());
    }
}
