using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>Accepts an absolute http or https URL.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is string s && Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return ValidationResult.Success;
        }
        return new ValidationResult($"Telegram:{validationContext.MemberName} '{value}' is not an absolute http(s) URL");
    }
}
