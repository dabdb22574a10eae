using Scriban;
using Scriban.Syntax;

namespace Bot.Worker.Templating;

/// <summary>Whether a template reads a given model variable anywhere (in any branch).</summary>
internal static class VariableReads
{
    public static bool Reads(Template template, string name) => Any(template.Page, name);

    private static bool Any(ScriptNode? node, string name)
    {
        if (node is null)
        {
            return false;
        }
        switch (node)
        {
            // In a.b, c(x: 1) and { k: v }, the names b, x and k are not variables (as in VariableCheck).
            case ScriptMemberExpression member:
                return Any(member.Target, name);
            case ScriptNamedArgument argument:
                return Any(argument.Value, name);
            case ScriptObjectMember objectMember:
                return Any(objectMember.Value, name);
            case ScriptVariableGlobal variable when variable.Name == name:
                return true;
        }
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            if (Any(node.GetChildren(i), name))
            {
                return true;
            }
        }
        return false;
    }
}
