using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>Accepts an IANA time zone id this machine knows.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IanaTimeZoneAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var id = value as string;
        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            return ValidationResult.Success;
        }
        return new ValidationResult($"Bot:{validationContext.MemberName} '{id}' is not a known IANA time zone (for example Asia/Shanghai)");
    }
}
