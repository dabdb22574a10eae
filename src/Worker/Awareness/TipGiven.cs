namespace Bot.Worker.Awareness;

/// <summary>A tip a chat gets; <paramref name="StartsOver"/> when it had every tip already.</summary>
internal sealed record TipGiven(long ChatId, string TipId, bool StartsOver);
