namespace Bot.Worker.Scam;

/// <summary>What the extractor found in a message.</summary>
internal enum EntityKind
{
    /// <summary>11-digit mainland mobile number, normalized (no +86, spaces or dashes).</summary>
    Mobile,

    /// <summary>Landline with its area code (010..., 0571...).</summary>
    Landline,

    /// <summary>400 or 800 number.</summary>
    Hotline,

    /// <summary>Short service number: 95xxx, 96110, 10086, 12321, 110...</summary>
    Service,

    /// <summary>Foreign number (+855..., 00 63...).</summary>
    International,

    QQ,

    WeChat,

    /// <summary>A URL or bare domain; <see cref="ScamEntity.Host"/> holds its host.</summary>
    Link,
}
