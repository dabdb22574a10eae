namespace Bot.Worker.Channels;

/// <summary>One <c>Channels:Robots:{name}</c> section: a group robot's webhook. <see cref="Url"/> and <see cref="Secret"/> are secrets.</summary>
public sealed class RobotOptions
{
    public RobotKind? Kind { get; set; }

    /// <summary>The webhook URL as the app shows it; its key or access_token is a secret.</summary>
    public string Url { get; set; } = "";

    /// <summary>The signing secret (DingTalk 加签, Feishu 签名校验); empty: posts are not signed.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Messages in any 60 s; unset: the app's own limit.</summary>
    public int? PerMinute { get; set; }

    public static int DefaultPerMinute(RobotKind kind) => kind == RobotKind.Feishu ? 100 : 20;

    /// <summary>Feishu also allows only 5 a second; the others have no per-second limit (0).</summary>
    public static int PerSecond(RobotKind kind) => kind == RobotKind.Feishu ? 5 : 0;

    public override string ToString() => $"{Kind} robot";
}
