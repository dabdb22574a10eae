namespace Bot.Worker.Scam;

/// <summary>Why a known number typed in the console or a CSV line was not taken.</summary>
internal enum KnownNumberProblem
{
    /// <summary>Not a phone number (PhoneNumbers.Normalize refused it).</summary>
    Number,

    /// <summary>The kind is neither fraud nor official.</summary>
    Kind,

    /// <summary>The note is longer than <see cref="KnownNumbersCsv.MaxNote"/>.</summary>
    Note,

    /// <summary>A CSV line without 2 or 3 columns (number,kind,note), or with an unclosed quote.</summary>
    Columns,

    /// <summary>The same number on an earlier line of the file.</summary>
    Twice,

    /// <summary>More than <see cref="KnownNumbersCsv.MaxLines"/> lines.</summary>
    TooMany,

    /// <summary>known-numbers.yaml or the database lists the number already.</summary>
    AlreadyKnown,
}
