using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>The <c>Templates</c> configuration section.</summary>
public sealed class TemplatesOptions
{
    public const string Section = "Templates";

    [Required(ErrorMessage = "Templates:Directory must be set")]
    public string Directory { get; set; } = "src/Templates";
}
