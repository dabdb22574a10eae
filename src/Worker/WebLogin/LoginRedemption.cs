namespace Bot.Worker.WebLogin;

/// <summary>The outcome of opening a /web link and whose link it was (null when the token is unknown).</summary>
internal sealed record LoginRedemption(LoginOutcome Outcome, long? AdminId);
