using Microsoft.Extensions.Options;
using MimeKit;

namespace Bot.Worker.Channels;

/// <summary>With Email:Host set: Email:From must be an address, Email:Port a port, Email:PerMinute 1-10000, and a login needs both parts. Never shows the password.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Email:Port must be between 1 and 65535 (587 for StartTls, 465 for SslOnConnect)");
        }
        if (options.From.Length == 0)
        {
            failures.Add("Email:From must be set when Email:Host is: 'Name <address>' or an address");
        }
        else if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"Email:From '{options.From}' is not an address: write 'Name <address>' or an address");
        }
        if (options.PerMinute is < 1 or > 10_000)
        {
            failures.Add("Email:PerMinute must be between 1 and 10000");
        }
        if (options.User.Length > 0 && options.Password.Length == 0)
        {
            failures.Add("Email:Password must be set when Email:User is");
        }
        if (options.User.Length == 0 && options.Password.Length > 0)
        {
            failures.Add("Email:User must be set when Email:Password is");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
