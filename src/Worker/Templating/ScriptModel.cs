using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Scriban.Runtime;

namespace Bot.Worker.Templating;

/// <summary>
/// Turns C# values (anonymous objects, records, dictionaries, lists) into plain Scriban data:
/// ScriptObject/ScriptArray of strings, numbers and booleans, with snake_case names. Templates
/// never see a .NET object.
/// </summary>
internal static class ScriptModel
{
    public static ScriptObject From(object? value) =>
        Convert(value) as ScriptObject ?? throw new ArgumentException("A template model must be an object", nameof(value));

    public static object? Convert(object? value) => value switch
    {
        null => null,
        string or bool or int or long or double or decimal or RawHtml => value,
        ScriptObject or ScriptArray => value,
        float f => (double)f,
        short or byte or uint => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        Enum e => ToSnakeCase(e.ToString()),
        IDictionary dictionary => FromDictionary(dictionary),
        IEnumerable items => FromList(items),
        _ => FromProperties(value),
    };

    private static ScriptObject FromDictionary(IDictionary dictionary)
    {
        var result = new ScriptObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            result[System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = Convert(entry.Value);
        }
        return result;
    }

    private static ScriptArray FromList(IEnumerable items)
    {
        var result = new ScriptArray();
        foreach (var item in items)
        {
            result.Add(Convert(item));
        }
        return result;
    }

    private static ScriptObject FromProperties(object value)
    {
        var result = new ScriptObject();
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                result[ToSnakeCase(property.Name)] = Convert(property.GetValue(value));
            }
        }
        return result;
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_')
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
