namespace Bot.Worker.Templating.Kinds;

/// <summary>
/// A kind of message admins may edit: its name and the sample models it is checked and previewed
/// with (the first one is what /preview shows). The samples have exactly the variables the code passes.
/// </summary>
internal sealed record TemplateKind(string Name, string Purpose, IReadOnlyList<object> Samples);
