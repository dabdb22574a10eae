namespace Bot.Worker.Batches;

/// <summary>One row of an import file, checked: the number as stored, its kind, the reported and own attribution, the note, and the state a re-imported export carries.</summary>
internal sealed record BatchLine(
    int Line, string Number, string Kind, string ReportedRegion, string Province, string City, bool Mismatch, string Note, string State, string Reason);
