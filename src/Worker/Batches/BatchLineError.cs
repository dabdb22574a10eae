namespace Bot.Worker.Batches;

/// <summary>A row the import could not take: its line in the file (1 = first), why, and the value at fault.</summary>
internal sealed record BatchLineError(int Line, BatchProblem Problem, string Value);
