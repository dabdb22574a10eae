using Bot.Worker.Chats;
using Bot.Worker.Common;
using Bot.Worker.Hosting;
using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Worker.Cli;

/// <summary>
/// <c>templates check</c>: every shipped template must pass the checks an admin's edit passes
/// (file:line:column on stderr, exit 1 otherwise), and the Chinese labels and tips must have full-width
/// punctuation. <c>templates render NAME LANG</c>: one rendering with the kind's sample data. Neither
/// starts the bot.
/// </summary>
public static class TemplatesCli
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var settings = new WorkerHostSettings { ConsoleInput = TextReader.Null };
        settings.Configuration["Logging:LogLevel:Default"] = "Warning";
        settings.Configuration["Logging:File:Path"] = "";
        using var host = WorkerHost.CreateBuilder([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal))], settings).Build();
        var services = host.Services;
        return words switch
        {
            ["templates", "check"] => Check(services, output, errors),
            ["templates", "render", var name, var language] => Render(services, name, language, output, errors),
            _ => Usage(errors),
        };
    }

    private static int Check(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var failures = 0;
        var labels = services.GetRequiredService<Labels>();
        var tips = services.GetRequiredService<TipLibrary>();
        try
        {
            labels.Load();
            tips.Load();
        }
        catch (StartupException ex)
        {
            errors.WriteLine(ex.Message);
            failures++;
        }
        foreach (var problem in ChineseTextCheck.Problems(labels, tips))
        {
            errors.WriteLine(problem);
            failures++;
        }
        var validator = services.GetRequiredService<TemplateValidator>();
        var files = services.GetRequiredService<TemplateCatalog>().ReadShippedFiles();
        foreach (var file in files)
        {
            if (validator.Check(file.Key.Name, file.Key.Language, file.Source, file.Path).Problem is { } problem)
            {
                errors.WriteLine($"{file.Path}:{problem}");
                failures++;
            }
        }
        foreach (var kind in services.GetRequiredService<TemplateKinds>().All)
        {
            var missing = Languages.All.Where(l => !files.Any(f => f.Key == new TemplateKey(kind.Name, l))).ToList();
            if (missing.Count > 0)
            {
                output.WriteLine($"note: {kind.Name} has no {string.Join(", ", missing)} file (falls back to the default language, then en)");
            }
        }
        output.WriteLine(failures == 0 ? $"{files.Count} templates OK" : $"{failures} problem(s)");
        return failures == 0 ? 0 : 1;
    }

    private static int Render(IServiceProvider services, string name, string language, TextWriter output, TextWriter errors)
    {
        var kind = services.GetRequiredService<TemplateKinds>().Find(name);
        var lang = Languages.Parse(language);
        if (kind is null || lang is null)
        {
            errors.WriteLine($"unknown template '{name}' or language '{language}'");
            return 1;
        }
        var file = services.GetRequiredService<TemplateCatalog>().ReadShippedFiles().FirstOrDefault(f => f.Key == new TemplateKey(name, lang));
        if (file is null)
        {
            errors.WriteLine($"no file {name}.{lang}.sbn");
            return 1;
        }
        var (template, problem) = services.GetRequiredService<TemplateValidator>().Check(name, lang, file.Source, file.Path);
        if (problem is not null)
        {
            errors.WriteLine($"{file.Path}:{problem}");
            return 1;
        }
        var model = services.GetRequiredService<MessageRenderer>().Model(TemplateValidator.SampleRecipient(lang), kind.Samples[0]);
        output.WriteLine(services.GetRequiredService<TemplateSandbox>().Render(template!, model).Trim());
        return 0;
    }

    private static int Usage(TextWriter errors)
    {
        errors.WriteLine("usage: templates check | templates render NAME LANG");
        return 2;
    }
}
