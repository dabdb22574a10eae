namespace Bot.Worker.Deadlines;

/// <summary>
/// What an ack link's token says, signed: the action, what it acts on (an occurrence; for Approve and Deny an extension
/// request), who may use it (a person, or any member of the team through a robot's link: then <see cref="Subject"/> is
/// the robot's chat id) and the day it was issued.
/// </summary>
internal sealed record AckTicket(AckAction Action, long Target, bool ViaRobot, long Subject, DateOnly Issued)
{
    /// <summary>A link works this long after it was sent (and never after its occurrence closed).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private const byte Version = 1;
    private static readonly DateOnly Epoch = new(2020, 1, 1);

    public bool IsExtensionDecision => Action is AckAction.Approve or AckAction.Deny;

    public DateTimeOffset Expires => new DateTimeOffset(Issued.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + Lifetime + TimeSpan.FromDays(1);

    /// <summary>14 bytes at most for the usual ids: one cipher block, so the link stays short (a robot's line holds three).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer);
        writer.Write((byte)((Version << 4) | (ViaRobot ? 8 : 0) | (int)Action));
        writer.Write7BitEncodedInt64(Target);
        writer.Write(Subject);
        writer.Write((ushort)(Issued.DayNumber - Epoch.DayNumber));
        writer.Flush();
        return buffer.ToArray();
    }

    /// <summary>Null when the bytes are not a ticket of this version.</summary>
    public static AckTicket? From(byte[] bytes)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes));
            var head = reader.ReadByte();
            var action = (AckAction)(head & 7);
            if (head >> 4 != Version || !Enum.IsDefined(action))
            {
                return null;
            }
            var ticket = new AckTicket(action, reader.Read7BitEncodedInt64(), (head & 8) != 0, reader.ReadInt64(), Epoch.AddDays(reader.ReadUInt16()));
            return reader.BaseStream.Position == bytes.Length ? ticket : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException)
        {
            return null;
        }
    }
}
