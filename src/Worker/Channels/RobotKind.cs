namespace Bot.Worker.Channels;

/// <summary>The app a group robot belongs to (<c>Channels:Robots:{name}:Kind</c>).</summary>
public enum RobotKind
{
    WeCom,
    DingTalk,
    Feishu,
}
