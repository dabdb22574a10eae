using Bot.Worker.Delivery;
using Bot.Worker.Transport;

namespace Bot.Tests.Unit.Delivery;

public sealed class MessageSplitterTests
{
    [Fact]
    public void A_message_within_the_limit_is_left_alone()
    {
        var html = "<b>short</b>\nmessage";
        Assert.Equal([html], MessageSplitter.Split(html));
    }

    [Fact]
    public void Splits_at_line_boundaries_and_keeps_every_character()
    {
        var lines = Enumerable.Range(0, 60).Select(i => $"line {i:000} " + new string('x', 80)).ToList();
        var html = string.Join("\n", lines);

        var parts = MessageSplitter.Split(html);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(TelegramHtml.VisibleLength(p) <= 4096));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void Prefers_a_paragraph_break_in_the_second_half()
    {
        var paragraph = string.Join("\n", Enumerable.Repeat(new string('p', 99), 15));
        var html = string.Join("\n\n", Enumerable.Repeat(paragraph, 4)); // ~6000 characters in 4 paragraphs

        var parts = MessageSplitter.Split(html);

        Assert.Equal(2, parts.Count);
        Assert.Equal(2, parts[0].Split("\n\n").Length);
    }

    [Fact]
    public void A_tag_open_across_the_cut_is_closed_and_reopened()
    {
        var body = string.Join("\n", Enumerable.Repeat(new string('b', 100), 50));
        var html = $"<b>{body}</b>\n<a href=\"https://example.org/?a=1&amp;b=2\">{body}</a>";

        var parts = MessageSplitter.Split(html);

        Assert.True(parts.Count >= 2);
        foreach (var part in parts)
        {
            Assert.True(TelegramHtml.VisibleLength(part) <= 4096);
            Assert.True(Balanced(part), part[..Math.Min(200, part.Length)]);
        }
        Assert.StartsWith("<b>", parts[1]);
        Assert.Contains("<a href=\"https://example.org/?a=1&amp;b=2\">", parts[^1]);
    }

    [Fact]
    public void A_single_huge_line_is_cut_between_entities_not_inside_them()
    {
        var html = string.Concat(Enumerable.Repeat("a&amp;", 3000)); // 6000 visible characters, no newline

        var parts = MessageSplitter.Split(html);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(TelegramHtml.VisibleLength(p) <= 4096));
        Assert.Equal(html, string.Concat(parts));
        Assert.All(parts, p => Assert.DoesNotMatch("&[a-z]*$", p));
    }

    [Fact]
    public void Counts_entities_as_one_character_like_telegram()
    {
        Assert.Equal(5, TelegramHtml.VisibleLength("<b>a&lt;b</b>&amp;&#33;"));
    }

    private static bool Balanced(string html)
    {
        var stack = new Stack<string>();
        foreach (var token in TelegramHtml.Tokenize(html).Where(t => t.IsTag))
        {
            if (!token.IsClosing)
            {
                stack.Push(token.TagName);
            }
            else if (stack.Count == 0 || stack.Pop() != token.TagName)
            {
                return false;
            }
        }
        return stack.Count == 0;
    }
}
