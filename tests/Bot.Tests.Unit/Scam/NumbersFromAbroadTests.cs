using Bot.Worker.Common;
using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>
/// Numbers from abroad (issue 21, PRODUCT 4.11): the shipped rules' {foreign-number} and {plus86-number}, the numbers
/// libphonenumber puts behind them, and the parser's refusals of a placeholder or a region it does not know.
/// </summary>
public sealed class NumbersFromAbroadTests : IDisposable
{
    private static readonly HashSet<string> Home = ["CN", "HK", "MO", "TW"];
    private readonly RulesFile _file = new();

    [Theory]
    [InlineData("+63 917 845 2210", NumberTags.Foreign)]
    [InlineData("00855 12 408 775", NumberTags.Foreign)]
    [InlineData("+1 (646) 208-3391", NumberTags.Foreign)]
    [InlineData("+44 7700 918 224", NumberTags.Foreign)] // a range the metadata calls invalid: a scam's number need only be possible
    [InlineData("+86 021 6233 1110", NumberTags.Plus86)]
    [InlineData("0086 138 0013 8000", NumberTags.Plus86)]
    public void A_number_written_with_an_international_prefix_is_classified_by_libphonenumber(string written, char marker) =>
        Assert.Equal(marker, NumberTags.Classify(written, Home));

    [Theory]
    [InlineData("+852 2945 8888")] // Hong Kong is a home region
    [InlineData("+886-2-2392-1310")] // Taiwan too
    [InlineData("+86 110")] // not a valid mainland number
    [InlineData("+44 12")] // too short for the country
    public void A_number_from_a_home_region_or_not_a_real_number_is_not_tagged(string written) =>
        Assert.Null(NumberTags.Classify(written, Home));

    [Fact]
    public void Tagging_replaces_only_the_classified_numbers_and_neutralises_markers_in_the_text()
    {
        var tagged = NumberTags.Apply("回拨 +63 917 845 2210 或 95588，香港 +852 2945 8888 \uE000", Home);

        Assert.Equal("回拨 \uE000 或 95588，香港 +852 2945 8888 \uFFFD", tagged);
    }

    [Theory]
    [InlineData("【中国移动】尊敬的用户，您的号码涉嫌违规，将被停机，请回拨 +63 917 845 2210 处理。")]
    [InlineData("【中國建設銀行】您的帳戶異常，請致電 00855 12 408 775。")]
    [InlineData("China Post: your parcel is held, call our desk on +44 20 7946 0321 today.")]
    public void A_number_from_abroad_in_a_message_that_claims_a_mainland_institution_is_a_sign(string text) =>
        Assert.Contains(ShippedRules.Check(text).Signs, s => s.Id == "foreign-number-as-official");

    [Theory]
    [InlineData("China Mobile Hong Kong: your bill is ready. Enquiries: +852 2945 8888.")]
    [InlineData("我在新加坡出差，号码是 +65 9123 4567，有事打这个。")]
    [InlineData("【中国银行】客服热线95566，境外请拨打+86-10-95566。")]
    public void A_home_region_number_or_no_claim_is_not_a_number_from_abroad(string text) =>
        Assert.DoesNotContain(ShippedRules.Check(text).Signs, s => s.Id == "foreign-number-as-official");

    [Theory]
    [InlineData("来电显示+86 021 6233 1110，是我们公安局的办公座机。")]
    [InlineData("您好，這裡是派出所，我們的座機是 +86 0571 8702 6610。")]
    [InlineData("The caller ID showed +86 10 6528 1134, the police office in Beijing.")]
    public void A_plus86_number_presented_as_a_local_office_is_a_sign(string text) =>
        Assert.Contains(ShippedRules.Check(text).Signs, s => s.Id == "plus86-caller");

    [Theory]
    [InlineData("【中国工商银行】客服热线95588，境外客户请拨打+86-10-95588。")]
    [InlineData("Hey! I'm in Shanghai next week, my Chinese number is +86 186 2134 5566.")]
    [InlineData("Dial-in for the call: +86 10 8765 4321, PIN 2291.")]
    public void A_plus86_number_for_callers_abroad_or_a_friend_is_not_a_sign(string text) =>
        Assert.DoesNotContain(ShippedRules.Check(text).Signs, s => s.Id == "plus86-caller");

    [Fact]
    public void An_unknown_placeholder_is_refused_naming_the_pattern()
    {
        var path = _file.Write(RulesFile.ValidSign.Replace("['safe account']", "['call {foreign-numbers}']", StringComparison.Ordinal));

        var error = Assert.Throws<StartupException>(() => ScamRulesParser.Parse(path));

        Assert.Contains("signs[0].patterns.en[0]: unknown placeholder {foreign-numbers}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quantifier_in_braces_is_no_placeholder_and_a_rule_with_one_sees_tagged_numbers()
    {
        var path = _file.Write(RulesFile.ValidSign.Replace("['safe account']", "['safe.{0,20}{foreign-number}']", StringComparison.Ordinal));

        var rules = ScamRulesParser.Parse(path);

        Assert.True(rules.TagsNumbers);
        Assert.Equal(["CN"], rules.HomeRegions);
        Assert.Contains(ScamChecker.Check("safe account: +852 2945 8888", rules).Signs, s => s.Id == "safe-account");
    }

    [Fact]
    public void A_region_libphonenumber_does_not_know_is_refused()
    {
        var path = _file.Write(RulesFile.ValidSign, "match_timeout_ms: 50\nhome_regions: [CN, XX]\n");

        var error = Assert.Throws<StartupException>(() => ScamRulesParser.Parse(path));

        Assert.Contains("home_regions: 'XX' is not a region code", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _file.Dispose();
}
