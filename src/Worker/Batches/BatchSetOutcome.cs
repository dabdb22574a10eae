namespace Bot.Worker.Batches;

/// <summary>Why an item's state was or was not set.</summary>
internal enum BatchSetOutcome
{
    Set,

    /// <summary>It had that state and reason already: nothing changed, nothing audited.</summary>
    Unchanged,

    /// <summary>No such item (or batch, or number in the batch).</summary>
    NotFound,

    /// <summary>Neither an admin nor a member of the batch's team.</summary>
    NotAllowed,

    /// <summary>Not one of suspended, not_suspended, reopened.</summary>
    BadState,

    /// <summary>Not suspended and reopened need a reason.</summary>
    ReasonNeeded,
}
