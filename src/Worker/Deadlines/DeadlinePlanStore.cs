using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>What the planner has done per deadline: the definition it planned from and how far ahead.</summary>
internal sealed class DeadlinePlanStore(IDatabase database)
{
    public Task<IReadOnlyList<DeadlinePlan>> ListAsync(CancellationToken ct) => database.QueryAsync<DeadlinePlan>(
        "SELECT deadline_id AS DeadlineId, fingerprint, planned_through AS PlannedThrough FROM deadline_plans", null, ct);

    public Task SaveAsync(string deadlineId, string fingerprint, DateTimeOffset through, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO deadline_plans (deadline_id, fingerprint, planned_through) VALUES (@deadlineId, @fingerprint, @through)
        ON CONFLICT (deadline_id) DO UPDATE SET fingerprint = excluded.fingerprint, planned_through = excluded.planned_through
        """, new { deadlineId, fingerprint, through = through.ToMs() }, ct);

    public Task DeleteAsync(string deadlineId, CancellationToken ct) =>
        database.ExecuteAsync("DELETE FROM deadline_plans WHERE deadline_id = @deadlineId", new { deadlineId }, ct);
}
