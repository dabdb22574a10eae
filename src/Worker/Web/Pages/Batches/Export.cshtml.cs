using Bot.Worker.Batches;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages.Batches;

/// <summary><c>GET /batches/{id}/export.csv</c> and <c>.xlsx</c>: the batch's items with PRODUCT 4.10's columns in the batch's language (<see cref="BatchExport"/>, audited).</summary>
internal sealed class BatchExportModel(BatchExport export) : PageModel
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<IActionResult> OnGetAsync(long id, string format, CancellationToken ct)
    {
        if (ConsoleViewer.AdminOf(User) is not { } admin)
        {
            return NotFound();
        }
        switch (format)
        {
            case "csv" when await export.CsvAsync(id, admin, ct) is var (batch, csv):
                return File(csv, "text/csv; charset=utf-8", BatchExport.FileName(batch, "csv"));
            case "xlsx" when await export.XlsxAsync(id, admin, ct) is var (batch, xlsx):
                return File(xlsx, XlsxType, BatchExport.FileName(batch, "xlsx"));
            default:
                return NotFound();
        }
    }
}
