namespace Bot.Worker.Commands;

/// <summary>Who may use a command.</summary>
internal enum CommandAccess
{
    Anyone,
    TeamMember,
    Admin,
}
