namespace Bot.Worker.Channels;

/// <summary>A robot's JSON answer: WeCom and DingTalk <c>errcode/errmsg</c>, Feishu <c>code/msg</c> (or the older <c>StatusCode/StatusMessage</c>).</summary>
internal sealed record RobotAnswer(int HttpStatus, long Code, string Message);
