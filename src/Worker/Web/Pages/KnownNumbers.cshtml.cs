using System.Globalization;
using System.Text;
using Bot.Worker.Scam;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>
/// Known numbers: known-numbers.yaml's entries (read-only) and the database's (confirmed from reports or added here),
/// add one, remove one, import a CSV. A door to <see cref="KnownNumberEditing"/>, which checks, stores and audits;
/// the scam check reads the same table, so a number added here makes the next check red.
/// </summary>
internal sealed class KnownNumbersModel(KnownNumberEditing editing, ConsoleViewer viewer) : PageModel
{
    /// <summary>A CSV larger than this is refused unread (5,000 lines of number,kind,note fit easily).</summary>
    public const int MaxUpload = 1024 * 1024;

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Kind { get; set; } = KnownNumberStore.Fraud;

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<KnownNumber> FileEntries { get; private set; } = [];

    public IReadOnlyList<KnownNumberEntry> DatabaseEntries { get; private set; } = [];

    /// <summary>Why the number typed was not added, shown next to its field (by field: number, kind or note).</summary>
    public (string Field, string Text)? AddProblem { get; private set; }

    public string? Done { get; private set; }

    public string? ImportProblem { get; private set; }

    public KnownNumberImport? Import { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var (problem, added) = await editing.AddAsync(viewer.AdminId!.Value, Number ?? "", Kind ?? "", Note ?? "", ct);
        if (problem is { } p)
        {
            var value = p == KnownNumberProblem.AlreadyKnown ? added!.Number.Value : p == KnownNumberProblem.Kind ? Kind ?? "" : Number ?? "";
            AddProblem = (p switch { KnownNumberProblem.Kind => "kind", KnownNumberProblem.Note => "note", _ => "number" }, Problem(p, value));
        }
        else
        {
            Done = Format("web.known.added", added!.Number.Value, Category(added.Category));
            Number = Note = null;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct)
    {
        var removed = await editing.RemoveAsync(viewer.AdminId!.Value, id, ct);
        Done = removed is null ? viewer.T("web.known.remove_gone") : Format("web.known.removed", removed.Value);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? csv, CancellationToken ct)
    {
        if (csv is null || csv.Length == 0)
        {
            ImportProblem = viewer.T("web.known.import_empty");
        }
        else if (csv.Length > MaxUpload)
        {
            ImportProblem = Format("web.known.import_too_large", MaxUpload / 1024);
        }
        else
        {
            using var reader = new StreamReader(csv.OpenReadStream(), Encoding.UTF8);
            Import = await editing.ImportAsync(viewer.AdminId!.Value, await reader.ReadToEndAsync(ct), ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>"Line 3: ..." for an import's bad or skipped line.</summary>
    public string LineProblem(KnownNumberLineError error) => Format("web.known.line", error.Line, Problem(error.Problem, error.Value));

    public string Category(string category) => viewer.T("web.known.kind." + category);

    public string Category(KnownNumberKind kind) => Category(kind == KnownNumberKind.Official ? KnownNumberStore.Official : KnownNumberStore.Fraud);

    private string Problem(KnownNumberProblem problem, string value) => Format(problem switch
    {
        KnownNumberProblem.Number => "web.known.problem.number",
        KnownNumberProblem.Kind => "web.known.problem.kind",
        KnownNumberProblem.Note => "web.known.problem.note",
        KnownNumberProblem.Columns => "web.known.problem.columns",
        KnownNumberProblem.Twice => "web.known.problem.twice",
        KnownNumberProblem.TooMany => "web.known.problem.too_many",
        _ => "web.known.problem.already_known",
    }, value, KnownNumbersCsv.MaxNote);

    private string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, viewer.T(key), args);

    private async Task LoadAsync(CancellationToken ct) => (FileEntries, DatabaseEntries) = await editing.ListAsync(ct);
}
