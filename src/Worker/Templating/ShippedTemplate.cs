namespace Bot.Worker.Templating;

/// <summary>A template file from Templates:Directory.</summary>
internal sealed record ShippedTemplate(TemplateKey Key, string Path, string Source);
