using System.ComponentModel.DataAnnotations;

namespace Bot.Worker.Configuration;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    [AllowedValues(Sqlite, Postgres, ErrorMessage = "Storage:Provider must be 'Sqlite' or 'Postgres'")]
    public string Provider { get; set; } = Sqlite;

    [Required(ErrorMessage = "Storage:ConnectionString must be set")]
    public string ConnectionString { get; set; } = "Data Source=data/bot.db";
}
