using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Audit;
using Bot.Worker.Storage;
using Bot.Worker.Web.Console;
using Bot.Worker.WebLogin;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Storage;

/// <summary>The web console's stores (sign-in links, data protection keys, the audit log search) on each provider.</summary>
public abstract class ConsoleStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    private IDatabase Db => _db.Database;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync(_clock, provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_sign_in_link_is_spent_once_and_only_before_it_expires()
    {
        var store = new WebLoginStore(Db);
        var now = _clock.GetUtcNow();
        var token = LoginToken.New();
        await store.AddAsync(LoginToken.Hash(token), 42, now, now.AddMinutes(10), CancellationToken.None);
        await store.AddAsync(LoginToken.Hash("late"), 43, now, now.AddMinutes(10), CancellationToken.None);

        Assert.Equal(42, await store.ConsumeAsync(LoginToken.Hash(token), now.AddMinutes(9), CancellationToken.None));
        Assert.Null(await store.ConsumeAsync(LoginToken.Hash(token), now.AddMinutes(9), CancellationToken.None));
        Assert.NotNull((await store.FindAsync(LoginToken.Hash(token), CancellationToken.None))!.UsedAt);

        Assert.Null(await store.ConsumeAsync(LoginToken.Hash("late"), now.AddMinutes(10), CancellationToken.None));
        var late = await store.FindAsync(LoginToken.Hash("late"), CancellationToken.None);
        Assert.Equal((43L, (long?)null), (late!.AdminId, late.UsedAt));
        Assert.Null(await store.FindAsync(LoginToken.Hash("never issued"), CancellationToken.None));

        Assert.Equal(2, await store.DeleteExpiredBeforeAsync(now.AddMinutes(11), CancellationToken.None));
    }

    [Fact]
    public async Task Data_protection_keys_are_shared_and_a_second_write_of_a_key_is_ignored()
    {
        var store = new DataProtectionKeyStore(Db, _clock);
        var repository = new DatabaseXmlRepository(store);

        repository.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "a")), "key-a");
        repository.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "a2")), "key-a");
        _clock.Advance(TimeSpan.FromSeconds(1));
        repository.StoreElement(new System.Xml.Linq.XElement("key", new System.Xml.Linq.XAttribute("id", "b")), "key-b");

        // Another node reads the same ring through its own repository.
        var elements = new DatabaseXmlRepository(new DataProtectionKeyStore(Db, _clock)).GetAllElements();
        Assert.Equal(["a", "b"], elements.Select(e => (string)e.Attribute("id")!));
    }

    [Fact]
    public async Task The_audit_log_is_searched_by_admin_action_and_time()
    {
        var audit = new AuditStore(Db, _clock);
        await audit.WriteAsync(1, "/web", "link sent", allowed: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(1));
        await audit.WriteAsync(2, "/web", null, allowed: false, CancellationToken.None);
        await audit.WriteAsync(1, "web:login", null, allowed: true, CancellationToken.None);
        var start = _clock.GetUtcNow().AddDays(-1);

        Assert.Equal(3, (await audit.SearchAsync(new AuditQuery(), CancellationToken.None)).Count);
        Assert.Equal(["web:login", "/web"], (await audit.SearchAsync(new AuditQuery(UserId: 1), CancellationToken.None)).Select(e => e.Action));
        Assert.Equal([2L], (await audit.SearchAsync(new AuditQuery(Action: "/web", From: start.AddHours(1)), CancellationToken.None)).Select(e => e.UserId));
        Assert.Equal(["/web"], (await audit.SearchAsync(new AuditQuery(To: start.AddHours(1)), CancellationToken.None)).Select(e => e.Action));
        Assert.Single(await audit.SearchAsync(new AuditQuery(Limit: 1), CancellationToken.None));
        Assert.Equal(["/web", "web:login"], await audit.ActionsAsync(CancellationToken.None));
    }
}

public sealed class ConsoleStoreTestsOnSqlite() : ConsoleStoreTests(StorageProvider.Sqlite);

public sealed class ConsoleStoreTestsOnPostgres() : ConsoleStoreTests(StorageProvider.Postgres);
