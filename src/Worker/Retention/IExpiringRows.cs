namespace Bot.Worker.Retention;

/// <summary>
/// Rows another part of the bot keeps that the daily clean-up deletes too (the webhook inbox): the part owns its table
/// and says how long a row is kept; retention only asks it to delete, in batches.
/// </summary>
internal interface IExpiringRows
{
    /// <summary>How long a row is kept.</summary>
    TimeSpan KeptFor { get; }

    /// <summary>Deletes up to <paramref name="limit"/> rows older than <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset before, int limit, CancellationToken ct);
}
