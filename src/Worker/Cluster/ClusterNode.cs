using System.Security.Cryptography;
using System.Text;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Configuration;

namespace Bot.Worker.Cluster;

/// <summary>
/// Who this worker is in the cluster: <c>Cluster:NodeId</c>, else the host name plus a hash of the
/// content root, so the id stays the same across restarts of one installation.
/// </summary>
public sealed class ClusterNode(string id)
{
    public string Id { get; } = id;

    public static ClusterNode From(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{ClusterOptions.Section}:NodeId"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new ClusterNode(configured.Trim());
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(contentRoot))))[..8].ToLowerInvariant();
        var host = Environment.MachineName.Length > 48 ? Environment.MachineName[..48] : Environment.MachineName;
        return new ClusterNode($"{host}-{hash}");
    }
}
