using Microsoft.AspNetCore.Mvc.Filters;

namespace Bot.Worker.Web.Console;

/// <summary>Before every console page handler: the viewer is the signed-in admin (pages for anyone may switch it).</summary>
internal sealed class ConsoleViewerFilter(ConsoleViewer viewer) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await viewer.UseAsync(ConsoleViewer.AdminOf(context.HttpContext.User), context.HttpContext.RequestAborted);
        await next();
    }
}
