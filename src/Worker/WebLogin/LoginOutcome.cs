namespace Bot.Worker.WebLogin;

/// <summary>What became of a /web link that was opened.</summary>
internal enum LoginOutcome
{
    SignedIn,
    Used,
    Expired,
    Unknown,
    NotAdmin,
}
