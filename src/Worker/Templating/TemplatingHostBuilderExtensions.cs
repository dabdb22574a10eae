using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Templating;

public static class TemplatingHostBuilderExtensions
{
    /// <summary>Templates, labels and tips from Templates:Directory (loaded at start; a bad file stops start-up) and the sandboxed renderer.</summary>
    public static IHostApplicationBuilder AddTemplating(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TemplateCatalog>();
        builder.Services.AddSingleton<Labels>();
        builder.Services.AddSingleton<TipLibrary>();
        builder.Services.AddSingleton<TemplateSandbox>();
        builder.Services.AddSingleton<MessageRenderer>();
        builder.Services.AddSingleton<BotProfile>();
        builder.Services.AddSingleton<TimeWords>();
        builder.Services.AddSingleton<Kinds.TemplateKinds>();
        builder.Services.AddSingleton<TemplateValidator>();
        builder.Services.AddSingleton<TemplateStore>();
        builder.Services.AddSingleton<TemplateSync>();
        builder.Services.AddSingleton<TemplateEditor>();
        builder.Services.AddSingleton<TemplateEditing>();
        builder.Services.AddSingleton<TemplateOverview>();
        builder.Services.AddSingleton<TemplatePreview>();
        builder.Services.AddHostedService<TemplatesLoader>();
        return builder;
    }
}
