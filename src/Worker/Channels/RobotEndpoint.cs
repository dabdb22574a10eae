namespace Bot.Worker.Channels;

/// <summary>A configured robot, validated. Its text form names it and never shows the URL or the secret.</summary>
internal sealed record RobotEndpoint(string Name, RobotKind Kind, string Url, string Secret)
{
    public static RobotEndpoint From(string name, RobotOptions options) =>
        new(name, options.Kind ?? throw new ArgumentException($"Channels:Robots:{name}:Kind is not set", nameof(options)), options.Url, options.Secret);

    public bool Signs => Secret.Length > 0;

    /// <summary>The URL with its key, access token or path token masked: the only form of it that may be printed.</summary>
    public string MaskedUrl => WebhookUrls.Mask(Url);

    /// <summary>Replaces anything secret of this robot in <paramref name="text"/> with ***.</summary>
    public string Redact(string text) => WebhookUrls.Redact(text, [.. WebhookUrls.Secrets(Url), Secret]);

    public override string ToString() => $"{Kind} robot {Name}";
}
