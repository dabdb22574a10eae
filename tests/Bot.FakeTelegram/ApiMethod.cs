namespace Bot.FakeTelegram;

internal sealed record ApiMethod(string Name, Func<ApiRequest, ValueTask<ApiResult>> Handle);
