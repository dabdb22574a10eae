namespace Bot.Worker.Channels;

/// <summary>How the connection to the SMTP server is secured (<c>Email:Security</c>).</summary>
public enum EmailSecurity
{
    /// <summary>Plain connect, then STARTTLS (required): port 587.</summary>
    StartTls,

    /// <summary>TLS from the first byte: port 465.</summary>
    SslOnConnect,

    /// <summary>No TLS (a relay on the same host or network only).</summary>
    None,
}
