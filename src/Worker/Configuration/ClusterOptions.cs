using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>The <c>Cluster</c> configuration section (used with Storage:Provider=Postgres).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>This node's id in the Quartz cluster and in claimed outbox rows; empty: host name plus a hash of the content root.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{0,64}$", ErrorMessage = "Cluster:NodeId must be at most 64 of A-Z a-z 0-9 . _ -")]
    public string NodeId { get; set; } = "";
}
