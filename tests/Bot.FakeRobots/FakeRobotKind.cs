namespace Bot.FakeRobots;

public enum FakeRobotKind
{
    WeCom,
    DingTalk,
    Feishu,
}
