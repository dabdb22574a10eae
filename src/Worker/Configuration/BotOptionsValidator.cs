using Microsoft.Extensions.Options;

namespace Bot.Worker.Configuration;

[OptionsValidator]
internal sealed partial class BotOptionsValidator : IValidateOptions<BotOptions>;
