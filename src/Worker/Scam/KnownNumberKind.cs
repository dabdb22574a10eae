namespace Bot.Worker.Scam;

/// <summary>known-numbers.yaml <c>kind</c>: suspended or confirmed by reports, or an official line.</summary>
internal enum KnownNumberKind
{
    Fraud,
    Official,
}
