using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Configuration;

public static class ConfigurationHostBuilderExtensions
{
    /// <summary>Binds every section of PRODUCT.md 4.1 (and Retention, Web) and validates it when the host starts.</summary>
    public static IHostApplicationBuilder AddBotOptions(this IHostApplicationBuilder builder)
    {
        Add<TelegramOptions, TelegramOptionsValidator>(builder, TelegramOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramModeValidator>();
        Add<StorageOptions, StorageOptionsValidator>(builder, StorageOptions.Section);
        Add<BotOptions, BotOptionsValidator>(builder, BotOptions.Section);
        Add<TemplatesOptions, TemplatesOptionsValidator>(builder, TemplatesOptions.Section);
        Add<DeliveryOptions, DeliveryOptionsValidator>(builder, DeliveryOptions.Section);
        Add<RetentionOptions, RetentionOptionsValidator>(builder, RetentionOptions.Section);
        Add<WebOptions, WebOptionsValidator>(builder, WebOptions.Section);
        Add<ClusterOptions, ClusterOptionsValidator>(builder, ClusterOptions.Section);
        return builder;
    }

    private static void Add<TOptions, TValidator>(IHostApplicationBuilder builder, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        builder.Services.AddOptionsWithValidateOnStart<TOptions, TValidator>().BindConfiguration(section);
    }
}
