namespace Bot.Worker.Batches;

/// <summary>Why a row of an import file (or a whole file) was refused.</summary>
internal enum BatchProblem
{
    /// <summary>The number is not one of its kind (a phone number libphonenumber does not know as valid, a QQ number that is not 5-12 digits...), or its kind cannot be told.</summary>
    Number,

    /// <summary>The kind is not phone, qq or wechat (in any of the three languages).</summary>
    Kind,

    /// <summary>The same number on an earlier line.</summary>
    Twice,

    /// <summary>A state that is not pending, suspended, not suspended or reopened.</summary>
    State,

    /// <summary>Not suspended or reopened without a reason (the note column).</summary>
    Reason,

    /// <summary>A field longer than <see cref="BatchRows.MaxField"/> characters.</summary>
    TooLong,

    /// <summary>A line the CSV reader could not read (an unclosed quote), or more columns than the file has headers for.</summary>
    Columns,

    /// <summary>More rows than <see cref="BatchRows.MaxRows"/>.</summary>
    TooMany,

    /// <summary>The file has no rows, or is neither CSV nor XLSX.</summary>
    Empty,
}
