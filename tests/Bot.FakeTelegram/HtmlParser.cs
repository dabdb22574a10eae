using System.Collections.Frozen;
using System.Text;

namespace Bot.FakeTelegram;

// Follows TDLib's parse_html: tag names up to a space or '>', attributes in either quote or
// bare, end tags must match the innermost open tag; offsets in errors are UTF-8 bytes.
internal sealed class HtmlParser
{
    private static readonly FrozenSet<string> SupportedTags = new[]
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
        "span", "tg-spoiler", "code", "pre", "blockquote", "tg-emoji",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly string _html;
    private readonly StringBuilder _text;
    private readonly List<OpenTag> _open = [];
    private readonly List<TextEntity> _entities = [];
    private int _pos;

    private HtmlParser(string html)
    {
        _html = html;
        _text = new StringBuilder(html.Length);
    }

    public static TelegramHtmlResult Parse(string html)
    {
        var parser = new HtmlParser(html);
        var error = parser.Run();
        return error is null
            ? new TelegramHtmlResult(true, null, parser._text.ToString(), [.. parser._entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length)])
            : new TelegramHtmlResult(false, error, string.Empty, []);
    }

    private string? Run()
    {
        while (_pos < _html.Length)
        {
            var c = _html[_pos];
            string? error = null;
            if (c == '<')
            {
                error = _pos + 1 < _html.Length && _html[_pos + 1] == '/' ? ReadEndTag() : ReadStartTag();
            }
            else if (c == '&')
            {
                error = HtmlCharacterReferences.Read(_html, _pos, _html.Length, _text, out var consumed);
                _pos += consumed;
            }
            else
            {
                _text.Append(c);
                _pos++;
            }

            if (error is not null)
            {
                return error;
            }
        }

        return _open.Count == 0 ? null : $"Can't find end tag corresponding to start tag \"{_open[^1].Name}\"";
    }

    private string? ReadStartTag()
    {
        var start = _pos;
        var i = start + 1;
        while (i < _html.Length && !IsSpace(_html[i]) && _html[i] != '>')
        {
            i++;
        }

        if (i == start + 1)
        {
            return $"Unescaped \"<\" at byte offset {ByteOffset(start)}; write it as &lt;";
        }

        if (i == _html.Length)
        {
            return $"Unclosed start tag at byte offset {ByteOffset(start)}";
        }

        var name = _html[(start + 1)..i].ToLowerInvariant();
        if (!SupportedTags.Contains(name))
        {
            return $"Unsupported start tag \"{name}\" at byte offset {ByteOffset(start)}";
        }

        var tag = new OpenTag(name, _text.Length);
        while (true)
        {
            i = SkipSpaces(i);
            if (i == _html.Length)
            {
                return $"Unclosed start tag at byte offset {ByteOffset(start)}";
            }

            if (_html[i] == '>')
            {
                break;
            }

            var error = ReadAttribute(ref i, ref tag, start);
            if (error is not null)
            {
                return error;
            }
        }

        _pos = i + 1;
        return CheckRequiredAttributes(tag, start) ?? Push(tag);
    }

    private string? Push(OpenTag tag)
    {
        _open.Add(tag);
        return null;
    }

    private string? ReadAttribute(ref int i, ref OpenTag tag, int tagStart)
    {
        var nameStart = i;
        while (i < _html.Length && !IsSpace(_html[i]) && _html[i] != '=' && _html[i] != '>')
        {
            i++;
        }

        var name = _html[nameStart..i].ToLowerInvariant();
        if (name.Length == 0)
        {
            return $"Empty attribute name in the tag \"{tag.Name}\" at byte offset {ByteOffset(tagStart)}";
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            return $"Self-closing tag \"{tag.Name}\" at byte offset {ByteOffset(tagStart)} is not supported";
        }

        i = SkipSpaces(i);
        var value = string.Empty;
        if (i < _html.Length && _html[i] == '=')
        {
            i = SkipSpaces(i + 1);
            int valueStart, valueEnd;
            if (i < _html.Length && _html[i] is '"' or '\'')
            {
                valueStart = i + 1;
                valueEnd = _html.IndexOf(_html[i], valueStart);
                if (valueEnd < 0)
                {
                    return $"Unclosed start tag at byte offset {ByteOffset(tagStart)}";
                }

                i = valueEnd + 1;
            }
            else
            {
                valueStart = i;
                while (i < _html.Length && !IsSpace(_html[i]) && _html[i] != '>')
                {
                    i++;
                }

                valueEnd = i;
            }

            var decoded = new StringBuilder(valueEnd - valueStart);
            var error = DecodeRange(valueStart, valueEnd, decoded);
            if (error is not null)
            {
                return error;
            }

            value = decoded.ToString();
        }

        tag = (tag.Name, name) switch
        {
            ("a", "href") => tag with { Argument = value },
            ("span", "class") or ("code", "class") => tag with { Argument = value },
            ("tg-emoji", "emoji-id") => tag with { Argument = value },
            ("blockquote", "expandable") => tag with { Expandable = true },
            _ => tag, // Telegram ignores unknown attributes.
        };
        return null;
    }

    private string? CheckRequiredAttributes(OpenTag tag, int tagStart) => tag.Name switch
    {
        "span" when tag.Argument != "tg-spoiler" =>
            $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(tagStart)}",
        "tg-emoji" when string.IsNullOrEmpty(tag.Argument) =>
            $"Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset {ByteOffset(tagStart)}",
        _ => null,
    };

    private string? ReadEndTag()
    {
        var start = _pos;
        var i = start + 2;
        while (i < _html.Length && !IsSpace(_html[i]) && _html[i] != '>')
        {
            i++;
        }

        var name = _html[(start + 2)..i].ToLowerInvariant();
        i = SkipSpaces(i);
        if (i == _html.Length || _html[i] != '>')
        {
            return $"Unclosed end tag at byte offset {ByteOffset(start)}";
        }

        if (_open.Count == 0)
        {
            return $"Unexpected end tag at byte offset {ByteOffset(start)}";
        }

        var tag = _open[^1];
        if (tag.Name != name)
        {
            return $"Unmatched end tag at byte offset {ByteOffset(start)}, expected \"</{tag.Name}>\", found \"</{name}>\"";
        }

        _open.RemoveAt(_open.Count - 1);
        AddEntity(tag);
        _pos = i + 1;
        return null;
    }

    private void AddEntity(OpenTag tag)
    {
        if (tag.Name == "code" && _open.Count > 0 && _open[^1].Name == "pre")
        {
            // <pre><code class="language-x"> is one pre entity with a language.
            const string prefix = "language-";
            if (tag.Argument is { } cls && cls.StartsWith(prefix, StringComparison.Ordinal))
            {
                _open[^1] = _open[^1] with { Argument = cls[prefix.Length..] };
            }

            return;
        }

        var length = _text.Length - tag.Start;
        var type = tag.Name switch
        {
            "b" or "strong" => "bold",
            "i" or "em" => "italic",
            "u" or "ins" => "underline",
            "s" or "strike" or "del" => "strikethrough",
            "span" or "tg-spoiler" => "spoiler",
            "code" => "code",
            "pre" => "pre",
            "blockquote" => tag.Expandable ? "expandable_blockquote" : "blockquote",
            "tg-emoji" => "custom_emoji",
            _ => string.IsNullOrEmpty(tag.Argument) ? null : "text_link",
        };
        if (length == 0 || type is null)
        {
            return;
        }

        _entities.Add(new TextEntity(type, tag.Start, length)
        {
            Url = type == "text_link" ? tag.Argument : null,
            Language = type == "pre" && !string.IsNullOrEmpty(tag.Argument) ? tag.Argument : null,
            CustomEmojiId = type == "custom_emoji" ? tag.Argument : null,
        });
    }

    private string? DecodeRange(int from, int to, StringBuilder into)
    {
        var i = from;
        while (i < to)
        {
            if (_html[i] != '&')
            {
                into.Append(_html[i++]);
                continue;
            }

            var error = HtmlCharacterReferences.Read(_html, i, to, into, out var consumed);
            if (error is not null)
            {
                return error;
            }

            i += consumed;
        }

        return null;
    }

    private int SkipSpaces(int i)
    {
        while (i < _html.Length && IsSpace(_html[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f';

    private int ByteOffset(int index) => HtmlCharacterReferences.ByteOffset(_html, index);

    private readonly record struct OpenTag(string Name, int Start)
    {
        public string? Argument { get; init; }

        public bool Expandable { get; init; }
    }
}
