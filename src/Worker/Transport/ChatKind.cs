namespace Bot.Worker.Transport;

public enum ChatKind
{
    Private,
    Group,
}
