namespace Bot.Worker.Scam;

/// <summary>The 34 province-level divisions, for splitting a geocoded attribution and reading a reported one.</summary>
internal static class Provinces
{
    public static readonly IReadOnlyList<Province> All =
    [
        new("北京市", "北京", "北京", "Beijing"),
        new("天津市", "天津", "天津", "Tianjin"),
        new("上海市", "上海", "上海", "Shanghai"),
        new("重庆市", "重庆", "重慶", "Chongqing"),
        new("河北省", "河北", "河北", "Hebei"),
        new("山西省", "山西", "山西", "Shanxi"),
        new("辽宁省", "辽宁", "遼寧", "Liaoning"),
        new("吉林省", "吉林", "吉林", "Jilin"),
        new("黑龙江省", "黑龙江", "黑龍江", "Heilongjiang"),
        new("江苏省", "江苏", "江蘇", "Jiangsu"),
        new("浙江省", "浙江", "浙江", "Zhejiang"),
        new("安徽省", "安徽", "安徽", "Anhui"),
        new("福建省", "福建", "福建", "Fujian"),
        new("江西省", "江西", "江西", "Jiangxi"),
        new("山东省", "山东", "山東", "Shandong"),
        new("河南省", "河南", "河南", "Henan"),
        new("湖北省", "湖北", "湖北", "Hubei"),
        new("湖南省", "湖南", "湖南", "Hunan"),
        new("广东省", "广东", "廣東", "Guangdong"),
        new("海南省", "海南", "海南", "Hainan"),
        new("四川省", "四川", "四川", "Sichuan"),
        new("贵州省", "贵州", "貴州", "Guizhou"),
        new("云南省", "云南", "雲南", "Yunnan"),
        new("陕西省", "陕西", "陝西", "Shaanxi"),
        new("甘肃省", "甘肃", "甘肅", "Gansu"),
        new("青海省", "青海", "青海", "Qinghai"),
        new("台湾省", "台湾", "臺灣", "Taiwan"),
        new("内蒙古", "内蒙古", "內蒙古", "Inner Mongolia"),
        new("广西", "广西", "廣西", "Guangxi"),
        new("西藏", "西藏", "西藏", "Tibet"),
        new("宁夏", "宁夏", "寧夏", "Ningxia"),
        new("新疆", "新疆", "新疆", "Xinjiang"),
        new("香港", "香港", "香港", "Hong Kong"),
        new("澳门", "澳门", "澳門", "Macau"),
    ];

    /// <summary>The province a geocoded description starts with ("广东省深圳市", "广西南宁市", "北京市"), or null ("中国", a foreign country).</summary>
    public static Province? Leading(string description) =>
        All.FirstOrDefault(p => description.StartsWith(p.Name, StringComparison.Ordinal) || description.StartsWith(p.Short, StringComparison.Ordinal));

    /// <summary>The provinces a reported region names ("四川", "廣東深圳", "Guangdong"); usually one.</summary>
    public static IEnumerable<Province> NamedIn(string reported) => All.Where(p => p.IsNamedIn(reported));
}
