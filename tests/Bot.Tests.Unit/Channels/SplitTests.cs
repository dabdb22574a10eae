using System.Text;
using System.Text.Json.Nodes;
using Bot.Worker.Channels;

namespace Bot.Tests.Unit.Channels;

/// <summary>Over-long messages are split at paragraph or line boundaries under each platform's limit, losing nothing.</summary>
public sealed class SplitTests
{
    // 40 paragraphs of 6 lines, each line about 100 UTF-8 bytes of Chinese text: about 25 KB.
    private static readonly string[] Lines = [.. Enumerable.Range(1, 240).Select(i => i % 7 == 0 ? "" : $"第{i}行：请在截止时间前提交上月工作的书面报告，并抄送网络安全团队负责人。")];
    private static readonly string LongMessage = "<b>截止提醒</b>\n" + string.Join('\n', Lines);

    [Fact]
    public void WeCom_parts_fit_4096_bytes_and_keep_every_line_in_order()
    {
        var parts = WeComMarkdown.Convert(LongMessage);

        Assert.True(parts.Count >= 5, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= WeComMarkdown.MaxBytes, $"{Encoding.UTF8.GetByteCount(p)} bytes"));
        Assert.Equal(NonBlank(["**截止提醒**", .. Lines]), NonBlank(parts.SelectMany(p => p.Split('\n'))));
    }

    [Fact]
    public void WeCom_parts_end_at_a_paragraph_when_one_is_near()
    {
        var parts = WeComMarkdown.Convert(LongMessage);

        // Every part but the last ends on the line before a blank one (a paragraph's end).
        foreach (var part in parts.SkipLast(1))
        {
            var last = part.Split('\n')[^1];
            var index = Array.IndexOf(Lines, last);
            Assert.True(index >= 0 && index + 1 < Lines.Length && Lines[index + 1].Length == 0, $"part ends mid-paragraph at '{last}'");
        }
    }

    [Fact]
    public void DingTalk_parts_fit_20000_bytes_and_number_their_titles()
    {
        var parts = DingTalkMarkdown.Convert(LongMessage);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p.Text) <= DingTalkMarkdown.MaxBytes));
        Assert.Equal(["截止提醒", "截止提醒 (2/2)"], parts.Select(p => p.Title));
        Assert.Equal(NonBlank(["**截止提醒**", .. Lines]), NonBlank(parts.SelectMany(p => p.Text.Split('\n')).Select(l => l.TrimEnd())));
    }

    [Fact]
    public void Feishu_request_bodies_fit_20000_bytes()
    {
        var parts = FeishuPost.Convert(LongMessage + "\n" + LongMessage);

        Assert.True(parts.Count >= 3);
        foreach (var part in parts)
        {
            var body = new JsonObject { ["timestamp"] = "1765000000", ["sign"] = new string('s', 44), ["msg_type"] = "post", ["content"] = part.ToContent() };
            Assert.True(Encoding.UTF8.GetByteCount(body.ToJsonString(RobotJson.Options)) <= FeishuPost.MaxBodyBytes);
        }
        Assert.Equal(2 * Lines.Count(l => l.Length > 0) + 1, parts.Sum(p => p.Paragraphs.Count(e => ((string?)e![0]!["text"])!.Length > 0)));
    }

    [Fact]
    public void A_line_too_long_alone_is_cut_into_pieces_that_keep_their_style()
    {
        var line = string.Concat(Enumerable.Repeat("很长的一行没有换行符 ", 600));

        var parts = WeComMarkdown.Convert($"<b>{line}</b>");

        Assert.True(parts.Count >= 4);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= WeComMarkdown.MaxBytes));
        Assert.All(parts, p => Assert.Matches(@"^\*\*[^*]+\*\* ?$", p));
        Assert.Equal(line.Replace(" ", "", StringComparison.Ordinal), string.Concat(parts.Select(p => p.Replace("*", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_quote_cut_across_parts_stays_a_quote_in_each()
    {
        var quoted = "<blockquote>" + string.Join('\n', Lines.Where(l => l.Length > 0)) + "</blockquote>";

        var parts = WeComMarkdown.Convert(quoted);

        Assert.True(parts.Count > 1);
        Assert.All(parts.SelectMany(p => p.Split('\n')), l => Assert.StartsWith("> ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_message_is_one_part_and_email_is_never_split()
    {
        Assert.Single(WeComMarkdown.Convert("short"));
        Assert.Single(DingTalkMarkdown.Convert("short"));
        Assert.Single(FeishuPost.Convert("short"));
        Assert.Equal(Lines.Length + 2, EmailText.Convert(LongMessage + "\n" + "end").Split('\n').Length - 1);
    }

    private static List<string> NonBlank(IEnumerable<string> lines) => [.. lines.Where(l => l.Trim().Length > 0)];
}
