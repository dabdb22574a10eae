namespace Bot.Worker.Cluster;

/// <summary>State one node changes that the others must not keep a stale copy of.</summary>
public enum ClusterChange
{
    /// <summary>Rows were enqueued in the outbox (payload: the most urgent priority): the leader's dispatcher looks.</summary>
    Outbox,

    /// <summary>A broadcast was approved or a campaign run started: the leader enqueues it from the database.</summary>
    Broadcast,

    /// <summary>A template version went live: every node reloads the live versions.</summary>
    Templates,

    /// <summary>Team membership changed (payload: user ids): the leader sets those chats' menus.</summary>
    Members,

    /// <summary>Webhook mode: a node stored an update Telegram posted to it: the leader reads the inbox.</summary>
    Inbox,
}
