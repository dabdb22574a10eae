namespace Bot.Worker.Transport;

/// <summary>
/// The terminal in console mode: where messages are printed and lines are read, and the buttons
/// of the last message with buttons, so typing "!2" presses its second button.
/// </summary>
public sealed class ConsoleSession(TextReader input, TextWriter output)
{
    private readonly Lock _lock = new();
    private List<(int MessageId, InlineButton Button)> _buttons = [];
    private int _messageId;

    public TextReader Input { get; } = input;

    public void Print(OutboundMessage message, out int messageId)
    {
        lock (_lock)
        {
            messageId = ++_messageId;
            var text = message.Html ? TelegramHtml.ToPlainText(message.Text) : message.Text;
            output.WriteLine($"── bot → chat {message.ChatId} ──");
            output.WriteLine(text);
            if (message.Buttons is { Count: > 0 } rows)
            {
                var id = messageId;
                _buttons = rows.SelectMany(r => r).Select(b => (id, b)).ToList();
                output.WriteLine(string.Join("   ", _buttons.Select((b, i) => $"[{i + 1}] {b.Button.Text}")) + "   (type !N to press)");
            }
            output.WriteLine();
            output.Flush();
        }
    }

    public void PrintLine(string line)
    {
        lock (_lock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    /// <summary>The button "!N" refers to, if any.</summary>
    public (int MessageId, InlineButton Button)? Press(int number)
    {
        lock (_lock)
        {
            return number >= 1 && number <= _buttons.Count ? _buttons[number - 1] : null;
        }
    }

    public void ReplaceButtons(int messageId, IReadOnlyList<IReadOnlyList<InlineButton>>? rows)
    {
        lock (_lock)
        {
            if (_buttons.Count > 0 && _buttons[0].MessageId == messageId)
            {
                _buttons = (rows ?? []).SelectMany(r => r).Select(b => (messageId, b)).ToList();
                output.WriteLine("   buttons now: " + string.Join("   ", _buttons.Select((b, i) => $"[{i + 1}] {b.Button.Text}")));
                output.Flush();
            }
        }
    }
}
