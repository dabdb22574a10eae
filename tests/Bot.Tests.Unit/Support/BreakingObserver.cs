using Bot.Worker.Storage;

namespace Bot.Tests.Unit.Support;

/// <summary>Once armed, throws after the given number of statements run inside a transaction: a crash half-way through a unit of work.</summary>
internal sealed class BreakingObserver : IStatementObserver
{
    private int _left = -1;

    public List<string> Executed { get; } = [];

    public void BreakAfter(int statements) => _left = statements;

    public void Disarm() => _left = -1;

    void IStatementObserver.Executed(string sql, bool inTransaction)
    {
        if (_left < 0 || !inTransaction)
        {
            return;
        }
        Executed.Add(sql);
        if (--_left == 0)
        {
            _left = -1;
            throw new InvalidOperationException("injected failure after: " + sql);
        }
    }
}
