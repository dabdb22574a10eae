using Bot.Tests.Unit.Support;

namespace Bot.Tests.Unit.Templating;

public sealed class TemplateValidatorTests
{
    private static readonly TemplatingFixture Fixture = new();

    [Fact]
    public void A_good_template_is_accepted() =>
        Assert.Null(Fixture.Validator.Check("awareness-tip", "en", "<b>{{ tip.title }}</b>\n{{ tip.body }}").Problem);

    [Fact]
    public void A_syntax_error_names_line_and_column()
    {
        var problem = Fixture.Validator.Check("awareness-tip", "en", "<b>{{ tip.title }}</b>\nline two {{ if }}").Problem;
        Assert.NotNull(problem);
        Assert.Equal(2, problem.Line);
        Assert.True(problem.Column > 1);
    }

    [Fact]
    public void An_unknown_variable_in_a_branch_the_sample_never_takes_is_refused()
    {
        var problem = Fixture.Validator.Check("awareness-tip", "en", "{{ tip.title }}\n{{ if tip_number > 1000 }}\n  {{ secret_key }}\n{{ end }}").Problem;
        Assert.Equal(new Bot.Worker.Templating.TemplateProblem(3, 6, "unknown variable 'secret_key'"), problem);
    }

    [Fact]
    public void Assigned_and_loop_variables_are_known() =>
        Assert.Null(Fixture.Validator.Check("topics", "en", "{{ n = 0 }}{{ for t in topics }}{{ n = n + 1 }}{{ t.name }}{{ end }} {{ n }}").Problem);

    [Fact]
    public void Unsupported_html_is_refused_where_it_is_written()
    {
        var problem = Fixture.Validator.Check("report", "en", "Report fraud\n  <div>call 96110</div>").Problem;
        Assert.NotNull(problem);
        Assert.Equal((2, 3), (problem.Line, problem.Column));
        Assert.Contains("<div>", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_template_kind_is_refused() =>
        Assert.Contains("no template kind", Fixture.Validator.Check("nonsense", "en", "hi").Problem!.Message, StringComparison.Ordinal);

    [Fact]
    public void Output_over_two_telegram_messages_is_refused() =>
        Assert.Contains("limit", Fixture.Validator.Check("report", "en", "{{ for i in 1..90 }}" + new string('x', 100) + "{{ end }}").Problem!.Message, StringComparison.Ordinal);

    [Fact]
    public void Every_shipped_template_passes()
    {
        var files = Fixture.Catalog.ReadShippedFiles();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Null(Fixture.Validator.Check(f.Key.Name, f.Key.Language, f.Source, f.Path).Problem));
    }
}
