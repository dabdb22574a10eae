using Scriban.Runtime;

namespace Bot.Worker.Templating;

/// <summary>The variables of a model as template authors write them: user.first_name, topics[].name.</summary>
internal static class ModelPaths
{
    public static IReadOnlyList<string> Of(ScriptObject model)
    {
        var paths = new List<string>();
        Collect(model, "", paths);
        return paths;
    }

    private static void Collect(object? value, string prefix, List<string> paths)
    {
        switch (value)
        {
            case ScriptObject obj when obj.Count > 0:
                foreach (var key in obj.Keys.Order(StringComparer.Ordinal))
                {
                    Collect(obj[key], prefix.Length == 0 ? key : $"{prefix}.{key}", paths);
                }
                break;
            case ScriptArray { Count: > 0 } array when array[0] is ScriptObject:
                Collect(array[0], prefix + "[]", paths);
                break;
            case ScriptArray:
                paths.Add(prefix + "[]");
                break;
            default:
                paths.Add(prefix);
                break;
        }
    }
}
