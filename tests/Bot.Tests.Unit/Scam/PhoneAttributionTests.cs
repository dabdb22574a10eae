using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>
/// Phone numbers through libphonenumber: one E.164 spelling however a number is written, and the attribution (归属地)
/// from its offline geocoder in zh-Hans, split into province and city; a reported region that names another province
/// is a mismatch.
/// </summary>
public sealed class PhoneAttributionTests
{
    [Theory]
    [InlineData("+86 138 0270 1000", "广东省", "深圳市")]
    [InlineData("0755-8376-5432", "广东省", "深圳市")]
    [InlineData("13980001234", "四川省", "成都市")]
    [InlineData("010-6219-9788", "北京市", "")]
    [InlineData("0571 8888 1234", "浙江省", "杭州市")]
    [InlineData("13803111234", "河北省", "石家庄市")]
    [InlineData("＋８６　１３９ ００１３ ５６７８", "上海市", "")]
    [InlineData("023-6300-1000", "重庆市", "")]
    [InlineData("13300000000", "广西", "南宁市")]
    public void Numbers_from_several_provinces_get_their_province_and_city(string written, string province, string city)
    {
        var region = PhoneAttribution.Of(PhoneNumbers.Parse(written)!);

        Assert.Equal((province, city), (region.Province, region.City));
        Assert.Equal(province + city, region.Text);
    }

    [Theory]
    [InlineData("+86 138-0013-8000")]
    [InlineData("13800138000")]
    [InlineData("0086 138 0013 8000")]
    [InlineData("86 138 0013 8000")]
    [InlineData("１３８００１３８０００")]
    [InlineData("(+86) 138.0013.8000")]
    public void A_number_written_any_way_is_one_E164_number(string written)
    {
        var phone = PhoneNumbers.Parse(written)!;

        Assert.Equal("+8613800138000", phone.E164);
        Assert.Equal("13800138000", phone.Key);
        Assert.True(phone.Valid);
        Assert.Equal(EntityKind.Mobile, phone.Kind);
    }

    [Theory]
    [InlineData("四川", false)]
    [InlineData("重庆", false)]
    [InlineData("广东", true)]
    [InlineData("广东省深圳市", true)]
    [InlineData("深圳", true)]
    [InlineData("廣東深圳", true)]
    [InlineData("Guangdong", true)]
    [InlineData("", true)]
    public void A_Shenzhen_mobile_reported_as_another_province_is_a_mismatch(string reported, bool agrees)
    {
        var region = PhoneAttribution.Of(PhoneNumbers.Parse("13802701000")!);

        Assert.Equal(agrees, region.Agrees(reported));
    }

    [Fact]
    public void A_foreign_number_has_no_province_and_cannot_disagree()
    {
        var phone = PhoneNumbers.Parse("+855 12 345 678")!;
        var region = PhoneAttribution.Of(phone);

        Assert.Equal(("+85512345678", EntityKind.International, false), (phone.E164, phone.Kind, phone.IsChinese));
        Assert.Equal("", region.Province);
        Assert.Equal("柬埔寨", region.Text);
        Assert.True(region.Agrees("四川"));
    }
}
