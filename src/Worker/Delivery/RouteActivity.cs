namespace Bot.Worker.Delivery;

/// <summary>What the outbox knows of one route (a robot; or the mail server, all addresses together): the last send, the last error, the queue.</summary>
internal sealed record RouteActivity(string? Address, DateTimeOffset? LastSent, string? LastError, DateTimeOffset? LastErrorAt, int Queued);
