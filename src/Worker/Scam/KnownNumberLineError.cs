namespace Bot.Worker.Scam;

/// <summary>A line the import could not take: its number in the file (1 = first line), why, and the value at fault.</summary>
internal sealed record KnownNumberLineError(int Line, KnownNumberProblem Problem, string Value);
