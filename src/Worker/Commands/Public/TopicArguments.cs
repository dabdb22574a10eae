using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Public;

/// <summary>Parses "tips alerts" into topic ids; an unknown topic is a usage error naming it.</summary>
internal static class TopicArguments
{
    public static IReadOnlyList<string>? Parse(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            return null;
        }
        return arguments.Select(a => Topics.Parse(a) ?? throw new UsageException(UsageProblem.BadArguments, a)).ToList();
    }
}
