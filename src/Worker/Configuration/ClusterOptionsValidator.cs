using Microsoft.Extensions.Options;

namespace Bot.Worker.Configuration;

[OptionsValidator]
internal sealed partial class ClusterOptionsValidator : IValidateOptions<ClusterOptions>;
