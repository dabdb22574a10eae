namespace Bot.Worker.Templating.Kinds;

/// <summary>Every template kind the bot renders, by name. A template file must be one of these.</summary>
internal sealed class TemplateKinds
{
    private readonly Dictionary<string, TemplateKind> _kinds =
        PublicKinds.All().Concat(AdminKinds.All()).Concat(DeadlineKinds.All()).Concat(AwarenessKinds.All()).Concat(ScamKinds.All()).Concat(BatchKinds.All()).ToDictionary(k => k.Name);

    public IReadOnlyCollection<TemplateKind> All => _kinds.Values;

    public TemplateKind? Find(string name) => _kinds.GetValueOrDefault(name);
}
