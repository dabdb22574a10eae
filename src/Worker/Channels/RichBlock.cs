namespace Bot.Worker.Channels;

/// <summary>What kind of block a line belongs to.</summary>
internal enum RichBlock
{
    Text,
    Quote,
    /// <summary>A line of a <c>&lt;pre&gt;</c> block.</summary>
    Code,
}
