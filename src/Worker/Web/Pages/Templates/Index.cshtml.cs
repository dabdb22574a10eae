using Bot.Worker.Templating;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages.Templates;

/// <summary>Every template and language with its live version, author and time: the use case behind /templates.</summary>
internal sealed class TemplateListModel(TemplateOverview overview) : PageModel
{
    public IReadOnlyList<TemplateVersion> Live { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Live = await overview.LiveAsync(ct);
}
