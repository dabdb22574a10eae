using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>Phone numbers are normalized to one spelling; numbers, QQ and WeChat ids and link hosts are extracted.</summary>
public sealed class ExtractionTests
{
    [Theory]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("(+86) 138.0013.8000", "13800138000")]
    [InlineData("96110", "96110")]
    [InlineData("110", "110")]
    [InlineData("12321", "12321")]
    [InlineData("010-62199788", "01062199788")]
    [InlineData("+86 10 6219 9788", "01062199788")]
    [InlineData("400-812-3377", "4008123377")]
    [InlineData("+855 12 345 678", "+85512345678")]
    public void Normalizes_a_phone_number(string raw, string expected) => Assert.Equal(expected, Bot.Worker.Scam.PhoneNumbers.Normalize(raw));

    [Theory]
    [InlineData("call me")]
    [InlineData("12")]
    [InlineData("138#0013")]
    public void Refuses_what_is_not_a_number(string raw) => Assert.Null(Bot.Worker.Scam.PhoneNumbers.Normalize(raw));

    [Theory]
    [InlineData("请回电 +86 138-0013-8000 谢谢", "Mobile", "13800138000")]
    [InlineData("号码是13800138000。", "Mobile", "13800138000")]
    [InlineData("联系电话:010-62199788", "Landline", "01062199788")]
    [InlineData("客服 400-812-3377", "Hotline", "4008123377")]
    [InlineData("如非本人操作请致电95588。", "Service", "95588")]
    [InlineData("请拨打96110咨询", "Service", "96110")]
    [InlineData("Call +855 12 345 678 now", "International", "+85512345678")]
    [InlineData("加QQ 2837465510 查看", "QQ", "2837465510")]
    [InlineData("QQ号：2837465510", "QQ", "2837465510")]
    [InlineData("ＱＱ：２８３７４６５５１０", "QQ", "2837465510")]
    [InlineData("加微信 zhao_jz8866 咨询", "WeChat", "zhao_jz8866")]
    [InlineData("私聊V信 ka_shou2021。", "WeChat", "ka_shou2021")]
    [InlineData("VX: Abc_123x", "WeChat", "abc_123x")]
    [InlineData("wx：tw_job888", "WeChat", "tw_job888")]
    [InlineData("Add WeChat: easyjob_2024", "WeChat", "easyjob_2024")]
    public void Extracts(string text, string kind, string value)
    {
        var entities = ShippedRules.Check(text).Entities;

        Assert.Contains(new ScamEntity(Enum.Parse<EntityKind>(kind), value), entities);
    }

    [Theory]
    [InlineData("请登录 etc-gov-cn.top 重新认证", "etc-gov-cn.top")]
    [InlineData("点击 http://t.cn/A6xYz9Qp 领取", "t.cn")]
    [InlineData("see https://www.gov.cn/zhengce/ for details", "www.gov.cn")]
    [InlineData("open https://www.icbc.com.cn@evil.top/login", "evil.top")]
    [InlineData("HTTPS://WWW.10086-JF.COM:8080/x?y=1", "www.10086-jf.com")]
    [InlineData("网址www.IP138.com可查", "www.ip138.com")]
    public void Extracts_a_link_with_its_host(string text, string host)
    {
        var links = ShippedRules.Check(text).Entities.Where(e => e.Kind == EntityKind.Link).ToList();

        Assert.Contains(links, l => l.Host == host);
    }

    [Fact]
    public void A_look_alike_link_names_its_host_and_a_real_government_site_does_not_count()
    {
        var fake = ShippedRules.Check("请登录 etc-gov-cn.top 认证");
        var real = ShippedRules.Check("请登录 https://www.gov.cn 查看");

        Assert.Equal("etc-gov-cn.top", Assert.Single(fake.Signs, s => s.Id == "look-alike-link").Evidence);
        Assert.DoesNotContain(real.Signs, s => s.Family == "suspicious-link");
    }

    [Fact]
    public void An_amount_or_an_email_address_is_not_taken_for_a_number_or_a_link()
    {
        var entities = ShippedRules.Check("转账10000元，邮箱 [email protected]，第110期").Entities;

        Assert.DoesNotContain(entities, e => e.Kind is EntityKind.Service or EntityKind.Link);
    }
}
