using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Bot.Worker.Web.Console;

/// <summary>
/// Keeps ASP.NET Core's data protection keys in the bot's database, so a cookie or antiforgery token
/// written by one node is read by every other. The interface is synchronous; it is called when the key
/// ring is loaded or a key is created (at start, then about once a day), not per request.
/// </summary>
internal sealed class DatabaseXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.AllAsync(CancellationToken.None).GetAwaiter().GetResult().Select(x => XElement.Parse(x))];

    public void StoreElement(XElement element, string friendlyName) =>
        store.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
}
