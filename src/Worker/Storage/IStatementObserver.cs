namespace Bot.Worker.Storage;

/// <summary>Told after each statement a store ran (tests use it to break a unit of work half-way).</summary>
internal interface IStatementObserver
{
    void Executed(string sql, bool inTransaction);
}
