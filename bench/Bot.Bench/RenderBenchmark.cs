using System.Diagnostics;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Bench;

/// <summary>
/// Render throughput of the sandboxed renderer against raw Scriban (Template.Render on the same cached
/// template and model), and of a cached template against parse-plus-render, in the same run.
/// </summary>
internal static class RenderBenchmark
{
    public sealed record Result(string Template, double Raw, double RawSharedBuiltins, double Sandboxed, double Full, double ParseAndRender);

    public static Result Run(string name, string language, int iterations)
    {
        var catalog = new TemplateCatalog(Options.Create(new TemplatesOptions { Directory = Repo.Templates }), Options.Create(new BotOptions()),
            new ContentPaths(Repo.Root), NullLogger<TemplateCatalog>.Instance);
        var sandbox = new TemplateSandbox();
        var labels = new Labels(Options.Create(new TemplatesOptions { Directory = Repo.Templates }), Options.Create(new BotOptions()), new ContentPaths(Repo.Root));
        labels.Load();
        var renderer = new MessageRenderer(catalog, sandbox, new BotProfile(labels, Options.Create(new BotOptions())), TimeProvider.System, PlainMeterFactory.Metrics(TimeProvider.System), NullLogger<MessageRenderer>.Instance);
        var source = catalog.ReadShippedFiles().Single(f => f.Key == new TemplateKey(name, language)).Source;
        var template = Scriban.Template.Parse(source);
        catalog.SetLive(new TemplateKey(name, language), 1, template, isShipped: true);
        var sample = new TemplateKinds().Find(name)!.Samples[0];
        var recipient = TemplateValidator.SampleRecipient(language);
        var model = renderer.Model(recipient, sample);

        var raw = Measure(iterations, () => template.Render(model));
        // Raw Scriban without the per-render builtins Template.Render(model) creates: the sandbox's own cost.
        var builtins = Scriban.TemplateContext.GetDefaultBuiltinObject();
        var rawShared = Measure(iterations, () =>
        {
            var context = new Scriban.TemplateContext(builtins);
            context.PushGlobal(model);
            return template.Render(context);
        });
        var sandboxed = Measure(iterations, () => sandbox.Render(template, model));
        var full = Measure(iterations, () => renderer.Render(name, recipient, sample));
        var parseAndRender = Measure(iterations, () => sandbox.Render(Scriban.Template.Parse(source), model));
        return new Result($"{name}.{language}", raw, rawShared, sandboxed, full, parseAndRender);
    }

    /// <summary>Renders per second: best of three timed rounds after a warm-up.</summary>
    private static double Measure(int iterations, Func<string> render)
    {
        for (var i = 0; i < iterations / 4; i++)
        {
            render();
        }
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                render();
            }
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return iterations / best;
    }
}
