using Scriban;

namespace Bot.Worker.Templating;

/// <summary>A parsed template version, ready to render.</summary>
internal sealed record CompiledTemplate(TemplateKey Key, int Version, Template Template, bool IsShipped);
