namespace Bot.Worker.Scam;

/// <summary>
/// A number's own attribution: its province and city (zh-Hans, empty when unknown) and the geocoder's whole text
/// ("广东省深圳市", "中国", "柬埔寨").
/// </summary>
internal sealed record NumberRegion(string Province, string City, string Description)
{
    public static readonly NumberRegion None = new("", "", "");

    /// <summary>"广东省深圳市", "北京市": what the export's 号码归属地 shows.</summary>
    public string Text => Province.Length > 0 ? Province + City : Description;

    /// <summary>
    /// Whether a reported region agrees: it names this province (in any of its forms) or this city. An empty report,
    /// or a number without a province, cannot disagree. A report naming only another city, or another province, does.
    /// </summary>
    public bool Agrees(string reported)
    {
        reported = reported.Trim();
        if (reported.Length == 0 || Provinces.All.FirstOrDefault(p => p.Name == Province) is not { } province)
        {
            return true;
        }
        var city = CityShort;
        return province.IsNamedIn(reported) || (city.Length >= 2 && reported.Contains(city, StringComparison.Ordinal));
    }

    /// <summary>The city without its suffix ("深圳" of "深圳市", "伊犁哈萨克" of "伊犁哈萨克自治州").</summary>
    private string CityShort
    {
        get
        {
            foreach (var suffix in new[] { "自治州", "地区", "盟", "市" })
            {
                if (City.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return City[..^suffix.Length];
                }
            }
            return City;
        }
    }
}
