using Bot.Worker.Common;
namespace Bot.Worker.Storage.Sqlite;

/// <summary>
/// An exclusive OS lock on <c>bot.db.lock</c> beside the database: a second worker on the same file
/// refuses to start. The OS drops the lock when the process dies, even on kill -9.
/// </summary>
internal sealed class SqliteInstanceLock : IDisposable
{
    private FileStream? _lock;

    public void Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        try
        {
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            _lock.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _lock.Write(pid);
            _lock.Flush();
        }
        catch (IOException ex)
        {
            throw new StartupException(
                $"Another worker is already running on {databasePath} (lock {lockPath} is held). " +
                "Stop it first; to run several workers use Storage:Provider=Postgres.", ex);
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
