using System.Collections.Concurrent;
using Bot.Worker.Chats;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scriban;

namespace Bot.Worker.Templating;

/// <summary>
/// The live version of every template and language, parsed once, plus the shipped files (the fallback
/// when an admin's version fails at render time). A missing language falls back to
/// Bot:DefaultLanguage, then en; logged once per template and language.
/// </summary>
internal sealed partial class TemplateCatalog(IOptions<TemplatesOptions> options, IOptions<BotOptions> bot, ContentPaths paths, ILogger<TemplateCatalog> logger)
{
    private readonly ConcurrentDictionary<TemplateKey, byte> _fallbackLogged = new();
    private readonly ConcurrentDictionary<TemplateKey, CompiledTemplate> _live = new();
    private readonly ConcurrentDictionary<TemplateKey, CompiledTemplate> _shipped = new();

    public string Directory => paths.Resolve(options.Value.Directory);

    public IReadOnlyCollection<CompiledTemplate> Live => _live.Values.ToList();

    /// <summary>Reads every NAME.LANG.sbn file (not parsed yet).</summary>
    public IReadOnlyList<ShippedTemplate> ReadShippedFiles()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new StartupException($"Templates:Directory '{Directory}' does not exist");
        }
        return System.IO.Directory.EnumerateFiles(Directory, "*.sbn")
            .Order(StringComparer.Ordinal)
            .Select(file => new ShippedTemplate(ParseFileName(file), file, File.ReadAllText(file)))
            .ToList();
    }

    public void SetShipped(TemplateKey key, Template template) => _shipped[key] = new CompiledTemplate(key, 0, template, true);

    public void SetLive(TemplateKey key, int version, Template template, bool isShipped) =>
        _live[key] = new CompiledTemplate(key, version, template, isShipped);

    /// <summary>The version of <paramref name="key"/> this process uses now, if any.</summary>
    public int? LiveVersion(TemplateKey key) => _live.TryGetValue(key, out var live) ? live.Version : null;

    public CompiledTemplate? Shipped(TemplateKey key) => _shipped.GetValueOrDefault(key);

    /// <summary>Parses a source; throws naming file:line:column on a syntax error.</summary>
    public static Template Parse(string text, string path)
    {
        var template = Template.Parse(text, path);
        return TemplateProblem.FromParse(template) is { } problem ? throw new StartupException($"{path}:{problem}") : template;
    }

    /// <summary>The live template for <paramref name="language"/>, or its fallback.</summary>
    public CompiledTemplate Get(string name, string language)
    {
        if (_live.TryGetValue(new TemplateKey(name, language), out var exact))
        {
            return exact;
        }
        foreach (var fallback in new[] { bot.Value.DefaultLanguage, Languages.English })
        {
            if (_live.TryGetValue(new TemplateKey(name, fallback), out var template))
            {
                if (_fallbackLogged.TryAdd(new TemplateKey(name, language), 0))
                {
                    LogFallback(name, language, fallback);
                }
                return template;
            }
        }
        throw new InvalidOperationException($"No template '{name}' in any language");
    }

    private static TemplateKey ParseFileName(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var dot = stem.LastIndexOf('.');
        var language = dot > 0 ? Languages.Parse(stem[(dot + 1)..]) : null;
        if (language is null)
        {
            throw new StartupException($"{file}: template files are named NAME.LANG.sbn with LANG one of {string.Join(", ", Languages.All)}");
        }
        return new TemplateKey(stem[..dot], language);
    }

    [LoggerMessage(LogLevel.Warning, "Template {Name} has no {Language} version; using {Fallback}")]
    private partial void LogFallback(string name, string language, string fallback);
}
