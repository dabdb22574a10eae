namespace Bot.Worker.WebLogin;

/// <summary>A fresh /web link for an admin and when it stops working.</summary>
internal sealed record IssuedLogin(Uri Url, DateTimeOffset ExpiresAt);
