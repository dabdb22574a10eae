using System.Collections.Concurrent;
using Bot.Worker.Chats;
using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scriban;

namespace Bot.Worker.Templating;

/// <summary>
/// The parsed templates from <c>Templates:Directory</c> (<c>NAME.LANG.sbn</c>), each parsed once.
/// A missing language falls back to Bot:DefaultLanguage, then en; logged once per template and language.
/// </summary>
internal sealed partial class TemplateCatalog(IOptions<TemplatesOptions> options, IOptions<BotOptions> bot, ContentPaths paths, ILogger<TemplateCatalog> logger)
{
    private readonly ConcurrentDictionary<TemplateKey, byte> _fallbackLogged = new();
    private Dictionary<TemplateKey, Template> _templates = [];

    public string Directory => paths.Resolve(options.Value.Directory);

    public IReadOnlyCollection<TemplateKey> Keys => _templates.Keys;

    /// <summary>Parses every template file; throws naming file:line:column on the first error.</summary>
    public void Load()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new StartupException($"Templates:Directory '{Directory}' does not exist");
        }
        var templates = new Dictionary<TemplateKey, Template>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.sbn").Order(StringComparer.Ordinal))
        {
            var key = ParseFileName(file);
            templates[key] = Parse(File.ReadAllText(file), file);
        }
        _templates = templates;
        LogLoaded(templates.Count, Directory);
    }

    public static Template Parse(string text, string path)
    {
        var template = Template.Parse(text, path);
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new StartupException($"{path}:{error.Span.Start.Line + 1}:{error.Span.Start.Column + 1}: {error.Message}");
        }
        return template;
    }

    /// <summary>The template for <paramref name="language"/>, or its fallback.</summary>
    public Template Get(string name, string language)
    {
        if (_templates.TryGetValue(new TemplateKey(name, language), out var exact))
        {
            return exact;
        }
        foreach (var fallback in new[] { bot.Value.DefaultLanguage, Languages.English })
        {
            if (_templates.TryGetValue(new TemplateKey(name, fallback), out var template))
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

    [LoggerMessage(LogLevel.Information, "Loaded {Count} templates from {Directory}")]
    private partial void LogLoaded(int count, string directory);

    [LoggerMessage(LogLevel.Warning, "Template {Name} has no {Language} version; using {Fallback}")]
    private partial void LogFallback(string name, string language, string fallback);
}
