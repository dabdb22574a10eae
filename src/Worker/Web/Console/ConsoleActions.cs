namespace Bot.Worker.Web.Console;

/// <summary>Audit log action names of the console's own actions (use cases behind forms write their own, as in chat).</summary>
internal static class ConsoleActions
{
    public const string Login = "web:login";
    public const string Logout = "web:logout";
    public const string LogoutEverywhere = "web:logout-everywhere";
    public const string ChannelTest = "web:channel-test";
}
