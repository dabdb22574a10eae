namespace Bot.Worker.Batches;

/// <summary>One row as the file gave it (CSV or XLSX): its line and its cells, before any check; no cells when the line could not be read.</summary>
internal sealed record BatchRawRow(int Line, IReadOnlyList<string>? Cells);
