using Bot.Tests.Unit.Support;
using Bot.Worker.Templating;

namespace Bot.Tests.Unit.Templating;

public sealed class TemplatePreviewTests
{
    private static readonly TemplatingFixture Fixture = new();
    private static readonly TemplatePreview Preview = new(Fixture.Kinds, Fixture.Validator, Fixture.Sandbox, Fixture.Renderer);

    [Fact]
    public void A_draft_renders_with_the_kinds_first_sample_and_escapes_model_values()
    {
        var draft = Preview.Draft("awareness-tip", "en", "<b>{{ tip.title }}</b> for {{ user.first_name }}");

        Assert.NotNull(draft);
        Assert.Null(draft.Problem);
        Assert.Equal("<b>There is no &quot;safe account&quot;</b> for &lt;b&gt;&amp;x", draft.Html);
    }

    [Fact]
    public void A_draft_with_a_syntax_error_has_its_place_and_no_output()
    {
        var draft = Preview.Draft("awareness-tip", "en", "fine\n  {{ if }}");

        Assert.NotNull(draft);
        Assert.Null(draft.Html);
        Assert.Equal(2, draft.Problem!.Line);
        Assert.True(draft.Problem.Column > 1);
    }

    [Fact]
    public void A_draft_telegram_would_refuse_still_renders_and_says_why()
    {
        var draft = Preview.Draft("awareness-tip", "en", "<div>{{ tip.title }}</div>");

        Assert.NotNull(draft);
        Assert.StartsWith("<div>There is no", draft.Html, StringComparison.Ordinal);
        Assert.Contains("<div>", draft.Problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-kind", "en")]
    [InlineData("awareness-tip", "fr")]
    public void There_is_no_draft_of_an_unknown_kind_or_language(string name, string language) =>
        Assert.Null(Preview.Draft(name, language, "x"));
}
