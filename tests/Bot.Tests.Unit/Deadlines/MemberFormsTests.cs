using Bot.Worker.Common;
using Bot.Worker.Deadlines;
using Bot.Worker.Delivery;

namespace Bot.Tests.Unit.Deadlines;

/// <summary>deadlines.yaml members as PRODUCT.md 4.9 writes them: a Telegram id or {telegram, email, name}; a lead by id or a member's email; robots by name.</summary>
public sealed class MemberFormsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly DeadlineChannels Configured = new(["netsec-wecom", "Ops-DingTalk"], Email: true);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"deadlines-{Guid.NewGuid():N}.yaml");

    [Fact]
    public void A_team_of_every_member_form_parses_with_person_ids_emails_names_and_robots()
    {
        var team = Parse("""
            teams:
              - id: netsec
                lead: wang.wei@example.cn
                members:
                  - 1001
                  - { telegram: 1002, email: Li.Na@Example.cn }
                  - { email: wang.wei@example.cn, name: Wang Wei }
                robots: [netsec-wecom, ops-dingtalk]
            """).Teams.Single();

        var wang = DeliveryRoute.EmailId("wang.wei@example.cn");
        Assert.Equal(wang, team.Lead);
        Assert.Equal([1001L, 1002L], team.Members);
        Assert.Equal([new TeamContact(1002, 1002, "li.na@example.cn", null), new TeamContact(wang, null, "wang.wei@example.cn", "Wang Wei")], team.Contacts);
        Assert.Equal(["netsec-wecom", "Ops-DingTalk"], team.Robots);
        Assert.True(DeliveryRoute.IsChannelId(wang));
    }

    [Fact]
    public void A_lead_by_the_email_of_a_member_with_telegram_is_their_telegram_id()
    {
        var team = Parse("""
            teams:
              - id: netsec
                lead: li.na@example.cn
                members: [{ telegram: 1002, email: li.na@example.cn }]
            """).Teams.Single();

        Assert.Equal(1002, team.Lead);
    }

    [Theory]
    [InlineData("robots: [no-such-robot]", "teams[0].robots[0]: no robot 'no-such-robot' under Channels:Robots (configured: netsec-wecom, Ops-DingTalk)", 4, 14)]
    [InlineData("members: [{ email: not-an-address }]", "teams[0].members[0].email: 'not-an-address' is not an email address", 4, 24)]
    [InlineData("members: [{ name: Nobody }]", "teams[0].members[0]: a member needs telegram (a numeric id), email, or both", 4, 15)]
    [InlineData("members: [{ telegram: 1, phone: 2 }]", "teams[0].members[0]: unknown key 'phone'", 4, 30)]
    [InlineData("members: [alice]", "teams[0].members[0]: expected a Telegram numeric user id, or {telegram: ID, email: ADDRESS, name: NAME}", 4, 15)]
    [InlineData("members: [{ email: a@example.cn }, { email: A@example.cn }]", "teams[0].members[1]: the email a@example.cn is given to two members", 4, 40)]
    public void A_bad_member_or_robot_is_named_with_its_line_and_column(string line, string expected, int lineNumber, int column)
    {
        var error = Assert.Throws<StartupException>(() => Parse($"""
            teams:
              - id: netsec
                lead: 1001
                {line}
            """));

        Assert.True(error.Message.StartsWith($"{_path}:{lineNumber}:{column}: ", StringComparison.Ordinal), error.Message);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_member_without_an_smtp_server_and_a_lead_who_is_no_members_email_are_refused()
    {
        File.WriteAllText(_path, "teams:\n  - id: netsec\n    lead: 1001\n    members: [{ email: li.na@example.cn }]\n");
        Assert.Contains("no SMTP server is configured: set Email:Host",
            Assert.Throws<StartupException>(() => DeadlinesFileParser.Parse(_path, "Asia/Shanghai", _ => true, Now, Configured with { Email = false })).Message,
            StringComparison.Ordinal);

        var error = Assert.Throws<StartupException>(() => Parse("teams:\n  - id: netsec\n    lead: boss@example.cn\n    members: [1001]\n"));
        Assert.Contains($"{_path}:3:11: teams[0].lead: 'boss@example.cn' is not the email of any member of this team", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);

    private DeadlineConfig Parse(string yaml)
    {
        File.WriteAllText(_path, yaml);
        return DeadlinesFileParser.Parse(_path, "Asia/Shanghai", _ => true, Now, Configured);
    }
}
