using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Worker.Transport;

namespace Bot.Worker.Channels;

/// <summary>
/// Reads the bot's Telegram HTML (the tags Telegram accepts, its four named entities and numeric ones) into lines of
/// styled runs, the one model every channel's converter renders. A tag Telegram would not accept, or a closing tag
/// that closes nothing, is text, as Telegram shows it.
/// </summary>
internal static partial class RichText
{
    public static IReadOnlyList<RichLine> Parse(string telegramHtml)
    {
        var builder = new LineBuilder();
        var open = new List<OpenTag>();
        var blockIds = 0;
        foreach (var token in TelegramHtml.Tokenize(telegramHtml.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            if (token.IsTag && token.IsClosing)
            {
                var index = open.FindLastIndex(t => t.Name == token.TagName);
                if (index >= 0)
                {
                    open.RemoveRange(index, open.Count - index);
                    continue;
                }
            }
            else if (token.IsTag && Open(token, ref blockIds) is { } tag)
            {
                open.Add(tag);
                continue;
            }
            builder.Append(Decode(token.Raw), State(open));
        }
        return builder.Finish();
    }

    /// <summary>The first line with visible text, trimmed and with runs of spaces made one: a DingTalk title, a Feishu title, an email subject.</summary>
    public static string FirstLine(IReadOnlyList<RichLine> lines) =>
        lines.FirstOrDefault(l => !l.IsBlank) is { } line ? Spaces().Replace(line.Text.Trim(), " ") : "";

    private static OpenTag? Open(HtmlToken token, ref int blockIds)
    {
        if (TagAttributes.Parse(token.Raw) is not { } attributes)
        {
            return null;
        }
        return token.TagName switch
        {
            "b" or "strong" => new(token.TagName, RichStyle.Bold),
            "i" or "em" => new(token.TagName, RichStyle.Italic),
            "u" or "ins" => new(token.TagName, RichStyle.Underline),
            "s" or "strike" or "del" => new(token.TagName, RichStyle.Strike),
            "code" => new(token.TagName, RichStyle.Code),
            "tg-spoiler" => new(token.TagName, RichStyle.Spoiler),
            "span" when attributes.TryGetValue("class", out var css) && css.Split(' ').Contains("tg-spoiler") => new(token.TagName, RichStyle.Spoiler),
            "span" or "tg-emoji" => new(token.TagName, RichStyle.None),
            "a" => new(token.TagName, RichStyle.None, Href: SafeLinks.Check(attributes.GetValueOrDefault("href"))),
            "pre" => new(token.TagName, RichStyle.None, RichBlock.Code, ++blockIds),
            "blockquote" => new(token.TagName, RichStyle.None, RichBlock.Quote, ++blockIds),
            _ => null,
        };
    }

    private static RunState State(List<OpenTag> open)
    {
        var style = RichStyle.None;
        string? href = null;
        var block = RichBlock.Text;
        var blockId = 0;
        foreach (var tag in open)
        {
            style |= tag.Style;
            href = tag.Name == "a" ? tag.Href : href;
            if (tag.Block != RichBlock.Text)
            {
                (block, blockId) = (tag.Block, tag.BlockId);
            }
        }
        // Inside <pre> the whole line is code; a <code class="language-x"> there only names the language.
        return new RunState(block == RichBlock.Code ? style & ~RichStyle.Code : style, href, block, blockId);
    }

    /// <summary>Decodes the entities Telegram accepts (&amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones); anything else stays as typed.</summary>
    private static string Decode(string raw) =>
        raw.Contains('&', StringComparison.Ordinal) ? Entity().Replace(raw, m => WebUtility.HtmlDecode(m.Value)) : raw;

    [GeneratedRegex(@"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed record OpenTag(string Name, RichStyle Style, RichBlock Block = RichBlock.Text, int BlockId = 0, string? Href = null);

    private sealed record RunState(RichStyle Style, string? Href, RichBlock Block, int BlockId);

    private sealed class LineBuilder
    {
        private readonly List<RichLine> _lines = [];
        private readonly List<RichRun> _runs = [];
        private readonly StringBuilder _text = new();
        private RunState? _runState;
        private RunState? _lineState;

        public void Append(string text, RunState state)
        {
            var start = 0;
            for (var newline = text.IndexOf('\n', StringComparison.Ordinal); newline >= 0; newline = text.IndexOf('\n', start))
            {
                Add(text[start..newline], state);
                EndLine(state);
                start = newline + 1;
            }
            Add(text[start..], state);
        }

        public List<RichLine> Finish()
        {
            if (_runs.Count > 0 || _text.Length > 0)
            {
                EndLine(_lineState ?? new RunState(RichStyle.None, null, RichBlock.Text, 0));
            }
            return _lines;
        }

        private void Add(string text, RunState state)
        {
            if (text.Length == 0)
            {
                return;
            }
            _lineState ??= state;
            if (_runState != state)
            {
                Flush();
                _runState = state;
            }
            _text.Append(text);
        }

        private void Flush()
        {
            if (_text.Length > 0 && _runState is { } state)
            {
                _runs.Add(new RichRun(_text.ToString(), state.Style, state.Href));
            }
            _text.Clear();
        }

        private void EndLine(RunState state)
        {
            Flush();
            var owner = _lineState ?? state;
            _lines.Add(new RichLine([.. _runs], owner.Block, owner.BlockId));
            _runs.Clear();
            _runState = null;
            _lineState = null;
        }
    }
}
