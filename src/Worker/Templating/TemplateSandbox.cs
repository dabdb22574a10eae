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

    /// <summary>The functions and modules templates may use (string, array, math, html, regex, raw, ...).</summary>
    public IEnumerable<string> BuiltinNames => _builtins.Keys;

    // One budget timer per thread, re-armed for each render: cheaper than a new timer every time.
    [ThreadStatic]
    private static CancellationTokenSource? t_budget;

    public string Render(Template template, ScriptObject model)
    {
        if (t_budget is { } spent && !spent.TryReset())
        {
            spent.Dispose();
            t_budget = null;
        }
        var budget = t_budget ??= new CancellationTokenSource();
        budget.CancelAfter(Budget);
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
        try
        {
            return template.Render(context);
        }
        finally
        {
            budget.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    private static ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        // "date" reads the system clock (date.now) and "include" loads other files: templates
        // get "now" from the model and have no loader.
        builtins.Remove("date");
        builtins.Remove("include");
        // No code evaluated from strings at render time.
        if (builtins["object"] is ScriptObject objectFunctions)
        {
            objectFunctions.Remove("eval");
            objectFunctions.Remove("eval_template");
        }
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
