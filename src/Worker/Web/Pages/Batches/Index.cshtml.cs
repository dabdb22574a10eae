using System.Globalization;
using Bot.Worker.Batches;
using Bot.Worker.Chats;
using Bot.Worker.Deadlines;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages.Batches;

/// <summary>
/// Batches: the list with each one's progress, and the import form (title, team, act by, report by, language, a CSV or
/// XLSX file). A door to <see cref="BatchImport"/>, which checks every row and saves all or nothing.
/// </summary>
internal sealed class BatchesModel(BatchImport import, BatchStore store, TeamSchedule teams, ConsoleViewer viewer) : PageModel
{
    /// <summary>A file larger than this is refused unread (a 200,000-row XLSX is about 8 MB).</summary>
    public const int MaxUpload = 32 * 1024 * 1024;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Team { get; set; }

    [BindProperty]
    public DateTime? ActBy { get; set; }

    [BindProperty]
    public DateTime? ReportBy { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    public IReadOnlyList<TeamDefinition> Teams => teams.Teams;

    public IReadOnlyList<(Batch Batch, BatchProgress Progress)> Batches { get; private set; } = [];

    /// <summary>What was wrong with the form (a labels.yaml key), shown above it.</summary>
    public string? Problem { get; private set; }

    public BatchImportResult? Result { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [RequestSizeLimit(MaxUpload + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUpload + 64 * 1024)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problem = "web.batches.problem.file";
        }
        else if (file.Length > MaxUpload)
        {
            Problem = "web.batches.problem.too_large";
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var form = new BatchForm(Title ?? "", Team ?? "", ActBy, ReportBy, Languages.Parse(Language) ?? viewer.Language, file.FileName, buffer.ToArray());
            Result = await import.ImportAsync(viewer.AdminId!.Value, form, ct);
            Problem = Result.FormProblem;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>"Line 3: ..." for a refused row.</summary>
    public string LineProblem(BatchLineError error) => BatchPageText.LineProblem(viewer, error);

    public static string Input(DateTime? value) => value?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = new List<(Batch, BatchProgress)>();
        foreach (var batch in await store.ListAsync(ct))
        {
            list.Add((batch, await store.ProgressAsync(batch.Id, ct)));
        }
        Batches = list;
    }
}
