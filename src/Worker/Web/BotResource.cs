using Bot.Worker.Cluster;
using OpenTelemetry.Resources;

namespace Bot.Worker.Web;

/// <summary>
/// Who the exported metrics come from (Prometheus <c>target_info</c>): the service, and this worker's cluster node
/// id as its instance, so two nodes behind one scrape job are told apart. Without it the name is <c>unknown_service:dotnet</c>.
/// </summary>
internal sealed class BotResource(ClusterNode node) : IResourceDetector
{
    public const string ServiceName = "anti-fraud-bot";

    public Resource Detect() => ResourceBuilder.CreateEmpty()
        .AddService(ServiceName, autoGenerateServiceInstanceId: false, serviceInstanceId: node.Id)
        .Build();
}
