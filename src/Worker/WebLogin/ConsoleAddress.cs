using Bot.Worker.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Bot.Worker.WebLogin;

/// <summary>
/// Where people reach the console: Web:PublicUrl, or when it is empty the address Kestrel listens on
/// (so port 0 gives the port it picked), else the first of Web:Urls.
/// </summary>
internal sealed class ConsoleAddress(IOptions<WebOptions> options, IServer server)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>True when the public URL is https: cookies are then sent only over https.</summary>
    public bool IsHttps => Base().StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public Uri LoginLink(string token) => new($"{Base()}/login?token={token}");

    /// <summary>The console's public base URL, without a trailing slash (for links such as the iCal feed's).</summary>
    public string Root => Base();

    private string Base()
    {
        var web = options.Value;
        if (web.PublicUrl.Length > 0)
        {
            return web.PublicUrl.TrimEnd('/');
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return (listening ?? web.EffectivePublicUrl).TrimEnd('/');
    }
}
