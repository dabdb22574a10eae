using Scriban;
using Scriban.Syntax;

namespace Bot.Worker.Templating;

/// <summary>
/// Finds variables a template reads that its model does not have, in every branch (rendering with a
/// sample only sees the branches the sample takes). Names the template assigns or loops over are fine.
/// </summary>
internal static class VariableCheck
{
    public static TemplateProblem? FirstUnknown(Template template, IEnumerable<string> known)
    {
        var allowed = new HashSet<string>(known, StringComparer.Ordinal) { "for", "while", "tablerow", "this", "empty" };
        var used = new List<ScriptVariable>();
        Walk(template.Page, allowed, used);
        var unknown = used.FirstOrDefault(v => !allowed.Contains(v.Name));
        return unknown is null
            ? null
            : new TemplateProblem(unknown.Span.Start.Line + 1, unknown.Span.Start.Column + 1, $"unknown variable '{unknown.Name}'");
    }

    private static void Walk(ScriptNode? node, HashSet<string> defined, List<ScriptVariable> used)
    {
        if (node is null)
        {
            return;
        }
        switch (node)
        {
            // In a.b, c(x: 1) and { k: v }, the names b, x and k are not variables.
            case ScriptMemberExpression member:
                Walk(member.Target, defined, used);
                return;
            case ScriptNamedArgument argument:
                Walk(argument.Value, defined, used);
                return;
            case ScriptObjectMember objectMember:
                Walk(objectMember.Value, defined, used);
                return;
            case ScriptForStatement { Variable: ScriptVariable loop }:
                defined.Add(loop.Name);
                break;
            case ScriptAssignExpression { Target: ScriptVariable target }:
                defined.Add(target.Name);
                break;
            case ScriptFunction function:
                if (function.NameOrDoToken is ScriptVariable name)
                {
                    defined.Add(name.Name);
                }
                foreach (var parameter in function.Parameters ?? [])
                {
                    if (parameter.Name is { } p)
                    {
                        defined.Add(p.Name);
                    }
                }
                break;
            case ScriptCaptureStatement { Target: ScriptVariable capture }:
                defined.Add(capture.Name);
                break;
            case ScriptVariableGlobal variable:
                used.Add(variable);
                break;
        }
        for (var i = 0; i < node.ChildrenCount; i++)
        {
            Walk(node.GetChildren(i), defined, used);
        }
    }
}
