using Scriban;
using Scriban.Runtime;

namespace Bot.Worker.Templating;

/// <summary>
/// Renders templates that admins write: a fresh context per render, no include, no clock, the
/// model as plain data, strict variables, and limits on loops, recursion, output and time.
/// </summary>
internal sealed class TemplateSandbox
{
    public const int OutputLimit = 16_384;
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(500);
    private readonly ScriptObject _builtins = CreateBuiltins();

    public string Render(Template template, ScriptObject model)
    {
        using var budget = new CancellationTokenSource(Budget);
        var context = new HtmlTemplateContext(_builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = 1_000,
            RecursiveLimit = 20,
            ObjectRecursionLimit = 10,
            LimitToString = OutputLimit,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromMilliseconds(100),
            TemplateLoader = null,
            MemberFilter = _ => false,
            CancellationToken = budget.Token,
            NewLine = "\n",
        };
        context.PushGlobal(model);
        return template.Render(context);
    }

    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        // "date" reads the system clock (date.now) and "include" loads other files: templates
        // get "now" from the model and have no loader.
        builtins.Remove("date");
        builtins.Remove("include");
        builtins.Import("raw", new Func<object?, RawHtml>(value => new RawHtml(value?.ToString() ?? "")));
        foreach (var name in builtins.Keys.ToList())
        {
            if (builtins[name] is ScriptObject module)
            {
                module.IsReadOnly = true;
            }
            builtins.SetReadOnly(name, true);
        }
        builtins.IsReadOnly = true;
        return builtins;
    }
}
