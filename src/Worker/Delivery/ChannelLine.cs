namespace Bot.Worker.Delivery;

/// <summary>One robot, or the SMTP server (<see cref="Name"/> "email"), as the Channels page lists it; <see cref="Address"/> is masked.</summary>
internal sealed record ChannelLine(string Name, string Kind, string Address, bool Signed, int PerMinute, RouteActivity Activity);
