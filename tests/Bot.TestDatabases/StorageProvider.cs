namespace Bot.TestDatabases;

/// <summary>Which database a test runs on (test classes come in one subclass per provider).</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
