using Bot.Worker.Audit;
using Bot.Worker.Chats;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Templating;

/// <summary>
/// The template use cases, for every door (chat commands, web pages): save a new version and make it
/// live, or make an older one live again, as an admin. Known kinds and languages only; a refused save
/// keeps the live version; every attempt is audited with the admin's id, refused saves with their reason.
/// </summary>
internal sealed class TemplateEditing(TemplateKinds kinds, TemplateEditor editor, TemplateCatalog catalog, AuditStore audit, Storage.IDatabase database)
{
    public async Task<TemplateSaveResult> SaveAsync(string name, string language, string source, long adminId, CancellationToken ct)
    {
        if (kinds.Find(name) is null || Languages.Parse(language) is not { } lang)
        {
            return new TemplateSaveResult(TemplateEditOutcome.Unknown, null, null, 0);
        }
        // The new version, its live mark and the audit entry commit together.
        return await database.InTransactionAsync(async token =>
        {
            var (version, problem) = await editor.SaveAsync(name, lang, source, adminId, token);
            if (problem is not null)
            {
                await audit.WriteAsync(adminId, "/template_set", $"{name} {lang} refused: {problem}", allowed: true, token);
                return new TemplateSaveResult(TemplateEditOutcome.Refused, null, problem, catalog.Get(name, lang).Version);
            }
            await audit.WriteAsync(adminId, "/template_set", $"{name} {lang} v{version}", allowed: true, token);
            return new TemplateSaveResult(TemplateEditOutcome.Done, version, null, version!.Value);
        }, ct);
    }

    /// <summary>Makes <paramref name="version"/> live again; <see cref="TemplateEditOutcome.Unknown"/> if there is no such kind, language or version.</summary>
    public Task<TemplateEditOutcome> RollbackAsync(string name, string language, int version, long adminId, CancellationToken ct)
    {
        if (kinds.Find(name) is null || Languages.Parse(language) is not { } lang)
        {
            return Task.FromResult(TemplateEditOutcome.Unknown);
        }
        return database.InTransactionAsync(async token =>
        {
            if (!await editor.RollbackAsync(name, lang, version, adminId, token))
            {
                return TemplateEditOutcome.Unknown;
            }
            await audit.WriteAsync(adminId, "/rollback", $"{name} {lang} v{version}", allowed: true, token);
            return TemplateEditOutcome.Done;
        }, ct);
    }
}
