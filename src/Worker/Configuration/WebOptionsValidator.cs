using Microsoft.Extensions.Options;

namespace Bot.Worker.Configuration;

/// <summary>Web:Urls must list absolute http(s) URLs; Web:PublicUrl is empty or one.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        var urls = options.UrlList;
        if (options.Enabled && urls.Count == 0)
        {
            failures.Add("Web:Urls must name at least one URL such as http://127.0.0.1:8080 (or set Web:Enabled=false)");
        }
        foreach (var url in urls.Where(u => !IsHttpUrl(u)))
        {
            failures.Add($"Web:Urls '{url}' is not an absolute http(s) URL with a host and port, such as http://127.0.0.1:8080");
        }
        if (options.PublicUrl.Length > 0 && !IsHttpUrl(options.PublicUrl))
        {
            failures.Add($"Web:PublicUrl '{options.PublicUrl}' is not an absolute http(s) URL");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Kestrel also accepts http://*:8080 and http://+:8080, which Uri does not parse: allow them.
    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
