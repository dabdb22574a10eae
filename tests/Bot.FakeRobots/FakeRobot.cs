namespace Bot.FakeRobots;

// One robot the fake knows: its kind, token (WeCom key, DingTalk access_token, Feishu hook token), secret and windows.
internal sealed class FakeRobot(FakeRobotKind kind, string token, string? secret)
{
    public FakeRobotKind Kind => kind;

    public string Token => token;

    public string? Secret => secret;

    public RobotWindow Minute { get; } = new(kind == FakeRobotKind.Feishu ? 100 : 20, TimeSpan.FromMinutes(1));

    // Feishu also allows 5 a second; the others have no such window.
    public RobotWindow Second { get; } = new(kind == FakeRobotKind.Feishu ? 5 : int.MaxValue, TimeSpan.FromSeconds(1));

    // DingTalk blocks a robot for 10 minutes once it went over 20 a minute.
    public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;
}
