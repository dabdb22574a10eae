using Bot.Worker.Chats;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Commands.Admin;

/// <summary>Reads "NAME [LANG] [VERSION]" for the template commands; a bad one is a usage error naming it.</summary>
internal static class TemplateArguments
{
    public static TemplateKind Kind(TemplateKinds kinds, IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        return kinds.Find(args[0]) ?? throw new UsageException(UsageProblem.BadArguments, args[0]);
    }

    public static string Language(IReadOnlyList<string> args, int index, string? fallback)
    {
        if (args.Count <= index)
        {
            return fallback ?? throw new UsageException(UsageProblem.MissingArguments);
        }
        return Languages.Parse(args[index]) ?? throw new UsageException(UsageProblem.BadArguments, args[index]);
    }

    public static int Version(IReadOnlyList<string> args, int index)
    {
        if (args.Count <= index)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        return int.TryParse(args[index], System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new UsageException(UsageProblem.BadArguments, args[index]);
    }
}
