using Bot.Worker.Common;

namespace Bot.Worker.Telegram.Webhook;

/// <summary>Wakes the leader's inbox reader when an update was stored (here, or on another node via the cluster signal).</summary>
internal sealed class InboxSignal : Doorbell
{
    public void Notify() => Ring();
}
