namespace Bot.Worker.Web.Templates;

internal enum DiffLineKind
{
    Kept,
    Removed,
    Added,
}
