using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Web.Console;

/// <summary>
/// At start (after the schema is migrated): loads the data protection key ring, creating the first key if there is
/// none, on its own connection. Ack links are signed inside a deadline step's unit of work; without this, the first
/// link ever would create the key inside that transaction.
/// </summary>
internal sealed class KeyRingWarmUp(IDataProtectionProvider protection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        protection.CreateProtector(nameof(KeyRingWarmUp)).Protect([1]);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
