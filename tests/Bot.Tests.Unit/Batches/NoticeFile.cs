using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Bot.Tests.Unit.Batches;

/// <summary>
/// A batch file like notice 000's list (shared by the unit and integration tests and the benchmark, linked into each):
/// 158 phone numbers from nine places in eight provinces and municipalities (mobiles and landlines, written with +86,
/// spaces and dashes or plainly) and 97 QQ numbers (some without a kind: digits alone read as QQ), with the region
/// the sender reported. Three phone rows report the wrong region, as the notice complains (a Shenzhen mobile reported
/// as 四川, a Chengdu landline as 重庆, a Shijiazhuang mobile as 河南: data rows 3, 8 and 13). Every attribution here was read from
/// libphonenumber 9.0.43's zh geocoding data.
/// </summary>
internal static class NoticeFile
{
    public const int Phones = 158, QQs = 97, Mismatches = 3;
    public const string Header = "number,kind,region,note";

    /// <summary>The Shenzhen mobile reported as 四川 (line 4 of the file: its third data row).</summary>
    public const string ShenzhenMobileReportedAsSichuan = "13802701000";

    /// <summary>The places: a mobile prefix and a landline prefix that the geocoder puts there, what a sender reports, and the attribution.</summary>
    public static readonly IReadOnlyList<Place> Places =
    [
        new("1380100", "010-6219", "北京", "北京市", ""),
        new("1390013", "021-6233", "上海", "上海市", ""),
        new("1380270", "0755-8376", "广东深圳", "广东省", "深圳市"),
        new("1398000", "028-8620", "四川", "四川省", "成都市"), // a 028 landline: 成都市、资阳市、眉山市 (one area code, three cities)
        new("1380571", "0571-8888", "浙江杭州", "浙江省", "杭州市"),
        new("1380025", "025-8400", "江苏", "江苏省", "南京市"),
        new("1380026", "027-8500", "湖北武汉", "湖北省", "武汉市"),
        new("1380311", "0311-8500", "河北", "河北省", "石家庄市"),
        new("1380023", "023-6300", "重庆", "重庆市", ""),
    ];

    private static readonly string[] Notes = ["出售个人信息", "手机改号软件", "假币", "窃听器材", "汽车干扰器"];

    /// <summary>The 255 rows in file order: the phone numbers, then the QQ numbers.</summary>
    public static IReadOnlyList<Row> Rows() => [.. PhoneRows(Phones), .. QQRows(QQs, 0)];

    /// <summary><paramref name="count"/> rows for a benchmark: phone numbers and QQ numbers alternating, all different.</summary>
    public static IEnumerable<Row> ManyRows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            // 9 places x 2 spellings x 10,000 suffixes cover 180,000 phone numbers; QQ numbers from 200000000 on.
            yield return i % 2 == 0 ? Phone(i / 2, mismatch: false) : QQ(i / 2);
        }
    }

    /// <summary>The phone rows: every one reports its own region but the three mismatches (data rows 3, 8 and 13).</summary>
    public static IEnumerable<Row> PhoneRows(int count) => Enumerable.Range(0, count).Select(i => Phone(i, mismatch: i is 2 or 7 or 12));

    public static IEnumerable<Row> QQRows(int count, int from) => Enumerable.Range(from, count).Select(QQ);

    public static byte[] Csv(IEnumerable<Row> rows)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', new[] { row.Number, row.Kind, row.Region, row.Note }.Select(Quote))).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The same rows as an XLSX file (MiniExcel), the header row first; every cell is text.</summary>
    public static byte[] Xlsx(IEnumerable<Row> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => new Dictionary<string, object?> { ["number"] = r.Number, ["kind"] = r.Kind, ["region"] = r.Region, ["note"] = r.Note }),
            printHeader: true, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Row Phone(int i, bool mismatch)
    {
        var place = Places[i % Places.Count];
        var landline = (i / Places.Count) % 2 == 1;
        var suffix = (1000 + (i / (Places.Count * 2))).ToString("D4", CultureInfo.InvariantCulture);
        var digits = landline ? place.Landline + "-" + suffix : place.Mobile + suffix;
        var number = (i % 3) switch
        {
            0 => digits,
            1 => landline ? "+86 " + digits.TrimStart('0').Replace('-', ' ') : "+86 " + digits[..3] + " " + digits[3..7] + " " + digits[7..],
            _ => digits.Replace("-", "", StringComparison.Ordinal),
        };
        var region = mismatch ? (i % Places.Count) switch { 2 => "四川", 3 => "重庆", _ => "河南" } : place.Reported;
        return new Row(number, i % 4 == 0 ? "" : "phone", region, Notes[i % Notes.Length]);
    }

    private static Row QQ(int i) => new((200000000 + (i * 7919)).ToString(CultureInfo.InvariantCulture), i % 5 == 0 ? "" : "qq", "", Notes[i % Notes.Length]);

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;

    /// <summary>One row of the file.</summary>
    public sealed record Row(string Number, string Kind, string Region, string Note);

    /// <summary>A place numbers of the file come from.</summary>
    public sealed record Place(string Mobile, string Landline, string Reported, string Province, string City);
}
