using Microsoft.Extensions.Options;

namespace Bot.Worker.Configuration;

[OptionsValidator]
internal sealed partial class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>;
