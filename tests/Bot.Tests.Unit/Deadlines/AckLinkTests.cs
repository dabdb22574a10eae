using Bot.Worker.Configuration;
using Bot.Worker.Deadlines;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>Ack link tokens: short, signed, bound to action, target and person or robot; an altered or old one is refused, saying which.</summary>
public sealed class AckLinkTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly AckLinks _links;

    public AckLinkTests()
    {
        var web = Options.Create(new WebOptions { PublicUrl = "https://bot.example.cn" });
        _links = new AckLinks(new EphemeralDataProtectionProvider(), new ConsoleAddress(web, new NoServer()), _clock);
    }

    [Fact]
    public void A_link_carries_its_action_target_and_person_and_stays_short()
    {
        var links = _links.Reminder(4711, viaRobot: false, 1_152_921_504_606_846_977);

        Assert.All(new[] { links.Done, links.Snooze, links.Extend }, l => Assert.StartsWith("https://bot.example.cn/ack/", l, StringComparison.Ordinal));
        Assert.All(new[] { links.Done, links.Snooze, links.Extend }, l => Assert.True(l.Length < 170, l));
        var ticket = _links.Read(Token(links.Snooze), out var problem);
        Assert.Null(problem);
        Assert.Equal(new AckTicket(AckAction.Snooze, 4711, false, 1_152_921_504_606_846_977, new DateOnly(2026, 12, 1)), ticket);
    }

    [Fact]
    public void A_changed_character_makes_the_link_altered_and_an_old_one_expired()
    {
        var done = Token(_links.Reminder(5, viaRobot: true, 42).Done);
        var altered = done[..10] + (done[10] == 'A' ? 'B' : 'A') + done[11..];

        Assert.Null(_links.Read(altered, out var problem));
        Assert.Equal("altered", problem);
        Assert.Null(_links.Read("not-a-token", out problem));
        Assert.Equal("altered", problem);

        _clock.Advance(TimeSpan.FromDays(14));
        Assert.NotNull(_links.Read(done, out _));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(_links.Read(done, out problem));
        Assert.Equal("expired", problem);
    }

    private static string Token(string link) => link[(link.LastIndexOf('/') + 1)..];

    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
