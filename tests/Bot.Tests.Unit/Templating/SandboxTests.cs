using Bot.Worker.Common;
using Bot.Worker.Templating;

namespace Bot.Tests.Unit.Templating;

public sealed class SandboxTests
{
    private readonly TemplateSandbox _sandbox = new();

    [Fact]
    public void Model_values_are_html_escaped_and_template_tags_are_kept()
    {
        var template = TemplateCatalog.Parse("<b>Hi {{ user.first_name }}</b>", "t.sbn");
        var model = ScriptModel.From(new { User = new { FirstName = "<b>&x" } });

        Assert.Equal("<b>Hi &lt;b&gt;&amp;x</b>", _sandbox.Render(template, model));
    }

    [Fact]
    public void Raw_output_is_opt_in()
    {
        var template = TemplateCatalog.Parse("{{ link | raw }}", "t.sbn");
        Assert.Equal("<i>x</i>", _sandbox.Render(template, ScriptModel.From(new { Link = "<i>x</i>" })));
    }

    [Fact]
    public void An_unknown_variable_is_an_error()
    {
        var template = TemplateCatalog.Parse("{{ nope }}", "t.sbn");
        Assert.ThrowsAny<Exception>(() => _sandbox.Render(template, ScriptModel.From(new { })));
    }

    [Fact]
    public void The_system_clock_is_not_available() =>
        Assert.ThrowsAny<Exception>(() => _sandbox.Render(TemplateCatalog.Parse("{{ date.now }}", "t.sbn"), ScriptModel.From(new { })));

    [Fact]
    public void A_parse_error_names_file_line_and_column()
    {
        var error = Assert.Throws<StartupException>(() => TemplateCatalog.Parse("line one\n{{ if }}", "welcome.en.sbn"));
        Assert.StartsWith("welcome.en.sbn:2:", error.Message, StringComparison.Ordinal);
    }
}
