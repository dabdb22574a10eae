namespace Bot.Worker.Channels;

/// <summary>The <c>Email</c> configuration section: the SMTP server mail goes through. <see cref="Password"/> is a secret.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The SMTP server; empty: no email.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    /// <summary>SMTP login; empty: no login.</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The sender, "Name &lt;address&gt;" or an address.</summary>
    public string From { get; set; } = "";

    /// <summary>Messages a minute through the server.</summary>
    public int PerMinute { get; set; } = 60;

    public bool Enabled => Host.Length > 0;

    public override string ToString() => $"SMTP {Host}:{Port}";
}
